import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPROVE_ACTION, REJECT_ACTION } from "../../src/commands/requests-view.ts";
import { rowsOf } from "../../src/db/client.ts";
import { accounts, bulkRequests } from "../../src/db/schema.ts";
import { requestBulkChange } from "../../src/services/bulk/index.ts";
import { CONFIRM_BLOCK, CONFIRM_INPUT, CONFIRM_VIEW } from "../../src/slack/confirm.ts";
import { postUnpostedRequests } from "../../src/slack/request-poster.ts";
import { createWebClient } from "../../src/slack/web.ts";
import { eventually, revokeAccess, startTestApp, type TestApp } from "../helpers/app.ts";
import { seedContacts } from "../helpers/services.ts";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ account: { tierLimit: 2000 } });
  await seedContacts(app.env, app.accountId, 1990, { marketing: true, prefix: "m" });
  await seedContacts(app.env, app.accountId, 200, { marketing: false, prefix: "n" });
});

afterAll(async () => {
  await app?.close();
});

const request = async (id: string) =>
  (await app.env.svc.db.select().from(bulkRequests).where(eq(bulkRequests.id, id)))[0];
const account = async () => (await app.env.svc.db.select().from(accounts).where(eq(accounts.id, app.accountId)))[0];
const marketingAmong = async (pattern: string) =>
  (
    await rowsOf<{ n: number }>(
      app.env.svc.db,
      sql`select count(*)::int as n from contacts c join contact_status s on s.contact_id = c.id where c.account_id = ${app.accountId} and c.email like ${pattern} and s.marketing`,
    )
  )[0]?.n;

/** Runs a bulk command and returns the request id once it is posted to the approvals channel. */
async function requestVia(text: string, userId: string): Promise<{ id: string; ts: string }> {
  const c = await app.command(text, userId);
  const r = await c.response();
  const id = /Request (R[A-Z0-9]+)/.exec(String(r.text))?.[1];
  expect(id, String(r.text)).toBeDefined();
  const row = await eventually(async () => {
    const x = await request(id as string);
    return x?.slackTs && /^\d+\.\d+$/.test(x.slackTs) ? x : null;
  });
  return { id: id as string, ts: row.slackTs as string };
}

const dmsTo = (userId: string) => app.fake.callsTo("chat.postMessage").filter((c) => c.body.channel === `D${userId}`);

describe("approvals in Slack (R14)", () => {
  let firstId = "";

  it("a bulk request is posted to the approvals channel, approved by another admin, applied, the message updated and the requester told", async () => {
    const { id, ts } = await requestVia("bulk marketing where email contains n0000", "UMEMBER1");
    firstId = id;
    const post = app.fake
      .callsTo("chat.postMessage")
      .find((c) => c.body.channel === "CAPPROVALS" && JSON.stringify(c.body.blocks).includes(id));
    expect(post).toBeDefined();
    expect(JSON.stringify(post?.body.blocks)).toContain(APPROVE_ACTION);
    expect(JSON.stringify(post?.body.blocks)).toContain("Marketing count");
    expect(await marketingAmong("n0000%")).toBe(0);

    const click = await app.click(APPROVE_ACTION, id, "UADMIN2", { channelId: "CAPPROVALS", messageTs: ts });
    expect(click.status).toBe(200);
    await eventually(async () => (await request(id))?.status === "executed");
    expect(await marketingAmong("n0000%")).toBe(9);
    const update = await eventually(() => app.fake.callsTo("chat.update").find((c) => c.body.ts === ts));
    expect(update.body.channel).toBe("CAPPROVALS");
    expect(JSON.stringify(update.body.blocks)).toContain("Approved by <@UADMIN2>");
    expect(JSON.stringify(update.body.blocks)).not.toContain(APPROVE_ACTION);
    const dm = await eventually(() => dmsTo("UMEMBER1").find((c) => String(c.body.text).includes(id)));
    expect(String(dm.body.text)).toContain("Approved");
  });

  it("self-approval is refused with an ephemeral why-not, and nothing changes", async () => {
    const { id, ts } = await requestVia("bulk non-marketing where email contains m000", "UADMIN1");
    const click = await app.click(APPROVE_ACTION, id, "UADMIN1", { messageTs: ts });
    const r = await click.response();
    expect(r.response_type).toBe("ephemeral");
    expect(r.replace_original).toBe(false);
    expect(String(r.text)).toContain("another admin has to approve it");
    expect((await request(id))?.status).toBe("open");
  });

  it("a member pressing Approve is told only admins can approve", async () => {
    const [open] = await app.env.svc.db
      .select()
      .from(bulkRequests)
      .where(and(eq(bulkRequests.accountId, app.accountId), eq(bulkRequests.status, "open")));
    const r = await (await app.click(APPROVE_ACTION, open?.id ?? "", "UMEMBER1")).response();
    expect(String(r.text)).toContain("Only admins can approve");
    expect((await request(open?.id ?? ""))?.status).toBe("open");
  });

  it("a double click, a second admin at once and a retried delivery execute the change once", async () => {
    const [open] = await app.env.svc.db
      .select()
      .from(bulkRequests)
      .where(and(eq(bulkRequests.accountId, app.accountId), eq(bulkRequests.status, "open")));
    const id = open?.id as string;
    const ts = open?.slackTs as string;
    const dmsBefore = dmsTo("UADMIN1").length;
    const clicks = await Promise.all([
      app.click(APPROVE_ACTION, id, "UADMIN2", { messageTs: ts }),
      app.click(APPROVE_ACTION, id, "UADMIN2", { messageTs: ts }),
      app.click(APPROVE_ACTION, id, "UADMIN2", { messageTs: ts, retryNum: 1 }),
    ]);
    expect(clicks.map((c) => c.status)).toEqual([200, 200, 200]);
    await eventually(async () => (await request(id))?.status === "executed");
    // The two repeats each get told it was already decided.
    await eventually(() => app.fake.responses.filter((r) => clicks.some((c) => c.responseId === r.id)).length >= 2);
    await new Promise((r) => setTimeout(r, 300));
    const [audit] = await rowsOf<{ n: number }>(
      app.env.svc.db,
      sql`select count(*)::int as n from audit_events where account_id = ${app.accountId} and kind = 'status.flagged-pending' and detail->>'requestId' = ${id}`,
    );
    expect(audit?.n).toBe(1);
    expect(dmsTo("UADMIN1").length - dmsBefore).toBe(1);
    const [pending] = await rowsOf<{ n: number }>(
      app.env.svc.db,
      sql`select count(*)::int as n from contact_status where account_id = ${app.accountId} and pending_since is not null`,
    );
    expect(pending?.n).toBe(99);
    const lastUpdate = app.fake
      .callsTo("chat.update")
      .filter((c) => c.body.ts === ts)
      .at(-1);
    expect(JSON.stringify(lastUpdate?.body.blocks)).toContain("Approved by <@UADMIN2>");
  });

  it("forged or stale buttons get a human ephemeral answer and change nothing", async () => {
    const before = await account();
    const unknown = await (await app.click(APPROVE_ACTION, "RNOSUCH99", "UADMIN2")).response();
    expect(String(unknown.text)).toContain("There is no request RNOSUCH99");
    const garbage = await (await app.click(REJECT_ACTION, "'; drop table contacts; --", "UADMIN2")).response();
    expect(String(garbage.text)).toContain("doesn't name a request");
    const again = await (await app.click(REJECT_ACTION, firstId, "UADMIN2")).response();
    expect(String(again.text)).toContain("already decided");
    expect((await request(firstId))?.status).toBe("executed");
    const after = await account();
    expect(after?.marketingCount).toBe(before?.marketingCount);
  });

  it("an approval that upgrades the tier opens a modal; a wrong number is a field error, the right one approves", async () => {
    const { id, ts } = await requestVia("bulk marketing where email contains n001", "UMEMBER1");
    const opensBefore = app.fake.callsTo("views.open").length;
    await app.click(APPROVE_ACTION, id, "UADMIN2", { messageTs: ts });
    const open = await eventually(() => app.fake.callsTo("views.open")[opensBefore]);
    const view = open.body.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe(CONFIRM_VIEW);
    expect((await request(id))?.status).toBe("open");

    const wrong = await app.submit(
      CONFIRM_VIEW,
      view.private_metadata,
      { [CONFIRM_BLOCK]: { [CONFIRM_INPUT]: { type: "plain_text_input", value: "99" } } },
      "UADMIN2",
    );
    expect(wrong.json).toMatchObject({
      response_action: "errors",
      errors: { [CONFIRM_BLOCK]: expect.stringContaining("100") },
    });
    expect((await request(id))?.status).toBe("open");

    const right = await app.submit(
      CONFIRM_VIEW,
      view.private_metadata,
      { [CONFIRM_BLOCK]: { [CONFIRM_INPUT]: { type: "plain_text_input", value: "100" } } },
      "UADMIN2",
    );
    expect(right.status).toBe(200);
    await eventually(async () => (await request(id))?.status === "executed");
    expect((await account())?.tierLimit).toBe(7000);
    const update = await eventually(() => app.fake.callsTo("chat.update").find((c) => c.body.ts === ts));
    expect(JSON.stringify(update.body.blocks)).toContain("Approved by <@UADMIN2>");
  });

  it("a member without marketing contacts access cannot request marketing, by any route", async () => {
    await revokeAccess(app, "UMEMBER1");
    const countBefore = (await app.env.svc.db.select().from(bulkRequests)).length;
    const bulk = await (await app.command("bulk marketing where email contains n002", "UMEMBER1")).response();
    expect(bulk.response_type).toBe("ephemeral");
    expect(String(bulk.text)).toContain("don't have marketing contacts access");
    const set = await (await app.command("set marketing n00150@test.io", "UMEMBER1")).response();
    expect(String(set.text)).toContain("don't have marketing contacts access");
    expect((await app.env.svc.db.select().from(bulkRequests)).length).toBe(countBefore);
  });

  it("postUnpostedRequests posts requests made elsewhere exactly once, even when called concurrently", async () => {
    const r = await requestBulkChange(
      app.env.svc,
      { accountId: app.accountId, userId: "UADMIN1" },
      {
        action: "non-marketing",
        selector: {
          type: "filter",
          filter: { conditions: [{ field: "email", op: "contains", value: "m01" }], text: "email contains m01" },
        },
        at: null,
        origin: "command",
      },
    );
    const id = r.request?.id as string;
    expect((await request(id))?.slackTs).toBeNull();
    const client = createWebClient({ token: "xoxb-test-token", apiUrl: app.fake.url });
    const [a, b] = await Promise.all([
      postUnpostedRequests(app.env.svc, client),
      postUnpostedRequests(app.env.svc, client),
    ]);
    expect([...a, ...b].filter((p) => p.id === id)).toHaveLength(1);
    expect(await postUnpostedRequests(app.env.svc, client)).toHaveLength(0);
    const posts = app.fake
      .callsTo("chat.postMessage")
      .filter((c) => c.body.channel === "CAPPROVALS" && JSON.stringify(c.body.blocks).includes(id));
    expect(posts).toHaveLength(1);
    expect((await request(id))?.slackTs).toMatch(/^\d+\.\d+$/);
  });
});
