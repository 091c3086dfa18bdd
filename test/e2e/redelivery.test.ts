// Acked work survives the replica that acked it: a slash command or click written down by a replica
// that then died is carried out by another, once; an answer it never sent is sent from what it saved.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPROVE_ACTION } from "../../src/commands/requests-view.ts";
import { rowsOf } from "../../src/db/client.ts";
import { bulkRequests, replicaHeartbeats, slackInbox } from "../../src/db/schema.ts";
import { eventually, startTestApp, type TestApp } from "../helpers/app.ts";
import { contactRow, seedContacts } from "../helpers/services.ts";
import { blockActionPayload, newId } from "../helpers/slack-sign.ts";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ account: { tierLimit: 2000 } });
  await seedContacts(app.env, app.accountId, 100, { marketing: true, prefix: "m" });
  await seedContacts(app.env, app.accountId, 30, { marketing: true, prefix: "bulk" });
});

afterAll(async () => {
  await app?.close();
});

/** What a replica that died right after its ack leaves behind: the request, its lease run out. */
async function leftBehind(
  kind: "command" | "action",
  payload: Record<string, unknown>,
  opts: { state?: "queued" | "done"; answer?: unknown; leaseMs?: number; by?: string; answering?: boolean } = {},
): Promise<string> {
  const key = `${kind}:${app.teamId}:${newId("trg")}`;
  await app.env.svc.db.insert(slackInbox).values({
    key,
    kind,
    payload,
    state: opts.state ?? "queued",
    answer: opts.answer ?? null,
    claimedUntil: sql`now() + ${`${opts.leaseMs ?? -1000} milliseconds`}::interval`,
    claimToken: "the-claim",
    claimedBy: opts.by ?? "the-replica-that-died",
    answeringAt: opts.answering ? sql`now()` : null,
  });
  return key;
}

function slash(text: string, userId = "UADMIN1") {
  const responseId = newId("cmd");
  return {
    responseId,
    payload: {
      team_id: app.teamId,
      user_id: userId,
      channel_id: "CGENERAL",
      text,
      trigger_id: newId("trg"),
      response_url: app.fake.responseUrl(responseId),
    },
  };
}

const stateOf = async (key: string) =>
  (await app.env.svc.db.select().from(slackInbox).where(eq(slackInbox.key, key)))[0]?.state;

const auditCount = async (kind: string, email: string) =>
  (
    await rowsOf<{ n: number }>(
      app.env.svc.db,
      sql`select count(*)::int as n from audit_events a join contacts c on c.id = any(a.contact_ids)
          where a.account_id = ${app.accountId} and a.kind = ${kind} and c.email = ${email}`,
    )
  )[0]?.n;

describe("Slack requests written down before the ack", () => {
  it("a command a dead replica acked is carried out by another, once, and answered once", async () => {
    const c = slash("set non-marketing m00001@test.io");
    const key = await leftBehind("command", c.payload);
    const answer = await app.fake.waitForResponse(c.responseId, 15_000);
    expect(String(answer.text)).toMatch(/non-marketing/i);
    expect((await contactRow(app.env, app.accountId, "m00001@test.io"))?.pendingSince).not.toBeNull();
    await eventually(async () => (await stateOf(key)) === "answered");
    // A sweep or two later, still one answer and one change.
    await new Promise((r) => setTimeout(r, 2500));
    expect(app.fake.responsesTo(c.responseId)).toHaveLength(1);
    expect(await auditCount("status.flagged-pending", "m00001@test.io")).toBe(1);
  });

  it("Slack's retry of a command already written down is acked and not carried out again", async () => {
    const triggerId = `trg.${newId("")}`;
    const first = await app.command("set non-marketing m00002@test.io", "UADMIN1", { triggerId });
    await first.response();
    const retry = await app.command("set non-marketing m00002@test.io", "UADMIN1", { triggerId, retryNum: 1 });
    expect(retry.status).toBe(200);
    await new Promise((r) => setTimeout(r, 1500));
    expect(app.fake.responsesTo(retry.responseId)).toHaveLength(0);
    expect(await auditCount("status.flagged-pending", "m00002@test.io")).toBe(1);
  });

  it("a command done by a replica that died before answering gets the answer it saved, and nothing is done twice", async () => {
    const c = slash("set non-marketing m00003@test.io");
    const key = await leftBehind("command", c.payload, {
      state: "done",
      answer: { message: { response_type: "ephemeral", text: "the saved answer" } },
    });
    const answer = await app.fake.waitForResponse(c.responseId, 15_000);
    expect(answer.text).toBe("the saved answer");
    await eventually(async () => (await stateOf(key)) === "answered");
    // Marked as going out before it was sent: a replica dying after this post does not get it sent a third time.
    const [row] = await app.env.svc.db.select().from(slackInbox).where(eq(slackInbox.key, key));
    expect(row?.answeringAt).not.toBeNull();
    // The work was done before (by the dead replica): it is not done here.
    expect((await contactRow(app.env, app.accountId, "m00003@test.io"))?.pendingSince).toBeNull();
  });

  it("a command whose replica died while posting its answer is not answered a second time", async () => {
    const c = slash("set non-marketing m00006@test.io");
    const key = await leftBehind("command", c.payload, {
      state: "done",
      answer: { message: { response_type: "ephemeral", text: "the saved answer" } },
      answering: true,
    });
    await eventually(async () => (await stateOf(key)) === "answered");
    await new Promise((r) => setTimeout(r, 1500));
    expect(app.fake.responsesTo(c.responseId)).toHaveLength(0);
  });

  it("an answer Slack refused is sent again from what was saved, once, and the work is not repeated", async () => {
    app.fake.fail("response_url", { status: 500 });
    const triggerId = `trg.${newId("")}`;
    const made = await app.command("set non-marketing m00007@test.io", "UADMIN1", { triggerId });
    const key = `command:${app.teamId}:${triggerId}`;
    const row = async () => (await app.env.svc.db.select().from(slackInbox).where(eq(slackInbox.key, key)))[0];
    // Done, its answer not delivered, and not marked as going out: it is sent again once its lease runs out.
    await eventually(async () => (await row())?.state === "done");
    // (Marked as going out while the post is under way; cleared once Slack refused it.)
    await new Promise((r) => setTimeout(r, 500));
    expect((await row())?.answeringAt).toBeNull();
    expect(app.fake.responsesTo(made.responseId)).toHaveLength(0);
    await app.env.svc.db
      .update(slackInbox)
      .set({ claimedUntil: sql`now() - interval '1 second'` })
      .where(eq(slackInbox.key, key));
    const answer = await app.fake.waitForResponse(made.responseId, 15_000);
    expect(String(answer.text)).toMatch(/non-marketing/i);
    await eventually(async () => (await row())?.state === "answered");
    await new Promise((r) => setTimeout(r, 1500));
    expect(app.fake.responsesTo(made.responseId)).toHaveLength(1);
    expect(await auditCount("status.flagged-pending", "m00007@test.io")).toBe(1);
  });

  it("a request still leased by a live replica is left to it", async () => {
    const c = slash("set non-marketing m00004@test.io");
    const key = await leftBehind("command", c.payload, { leaseMs: 60_000 });
    await new Promise((r) => setTimeout(r, 2500));
    expect(app.fake.responsesTo(c.responseId)).toHaveLength(0);
    expect(await stateOf(key)).toBe("queued");
  });

  it("a request whose lease ran out is left to its replica while that replica still beats", async () => {
    await app.env.svc.db.insert(replicaHeartbeats).values({ id: "a-live-replica" });
    const beating = setInterval(() => {
      void app.env.svc.db
        .update(replicaHeartbeats)
        .set({ seenAt: sql`now()` })
        .where(eq(replicaHeartbeats.id, "a-live-replica"));
    }, 200);
    try {
      const c = slash("set non-marketing m00005@test.io");
      const key = await leftBehind("command", c.payload, { by: "a-live-replica" });
      await new Promise((r) => setTimeout(r, 2500));
      expect(app.fake.responsesTo(c.responseId)).toHaveLength(0);
      expect(await stateOf(key)).toBe("queued");
      // It stops beating (it died): the request is taken over.
      clearInterval(beating);
      await app.fake.waitForResponse(c.responseId, 15_000);
      await eventually(async () => (await stateOf(key)) === "answered");
    } finally {
      clearInterval(beating);
    }
  });

  it("a request that cannot be carried out tells the user, once", async () => {
    const c = slash("tier");
    const key = await leftBehind("command", { ...c.payload, text: undefined });
    const answer = await app.fake.waitForResponse(c.responseId, 15_000);
    expect(String(answer.text)).toMatch(/Something went wrong on our side/);
    await eventually(async () => (await stateOf(key)) === "failed");
  });

  it("a double click left behind approves once: one decision, the other told it was already decided", async () => {
    const made = await app.command("bulk non-marketing where email contains bulk", "UMEMBER1");
    const text = String((await made.response()).text);
    const id = /Request (R[A-Z0-9]+)/.exec(text)?.[1] as string;
    expect(id, text).toBeDefined();
    const clicks = [newId("act"), newId("act")];
    for (const responseId of clicks) {
      await leftBehind("action", {
        what: "approve",
        body: blockActionPayload({
          userId: "UADMIN2",
          teamId: app.teamId,
          actionId: APPROVE_ACTION,
          value: id,
          responseUrl: app.fake.responseUrl(responseId),
        }),
      });
    }
    await eventually(async () => {
      const [r] = await app.env.svc.db.select().from(bulkRequests).where(eq(bulkRequests.id, id));
      return r?.status === "executed";
    }, 15_000);
    await eventually(() => clicks.some((c) => app.fake.responsesTo(c).length > 0), 15_000);
    await new Promise((r) => setTimeout(r, 1500));
    const told = clicks.flatMap((c) => app.fake.responsesTo(c));
    expect(told).toHaveLength(1);
    expect(String(told[0]?.text)).toMatch(/already decided/);
    const [approvals] = await rowsOf<{ n: number }>(
      app.env.svc.db,
      sql`select count(*)::int as n from audit_events where account_id = ${app.accountId} and kind = 'request.approved' and detail->>'requestId' = ${id}`,
    );
    expect(approvals?.n).toBe(1);
    const open = await app.env.svc.db
      .select()
      .from(slackInbox)
      .where(and(eq(slackInbox.kind, "action"), sql`${slackInbox.state} in ('queued', 'done')`));
    expect(open).toHaveLength(0);
  });
});
