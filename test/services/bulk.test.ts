import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../src/db/client.ts";
import { auditEvents, bulkRequests } from "../../src/db/schema.ts";
import { parseFilter } from "../../src/domain/filter.ts";
import {
  approveRequest,
  expireRequests,
  NeedsConfirmation,
  pruneDecidedRequestContacts,
  rejectRequest,
  requestBulkChange,
  runDueScheduledRequests,
} from "../../src/services/bulk/index.ts";
import {
  accountRow,
  changeSetting,
  contactRow,
  makeAccount,
  recount,
  seedContacts,
  type TestEnv,
  testEnv,
} from "../helpers/services.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv("2026-05-15T14:00:00Z");
});
afterAll(async () => {
  await env?.close();
});

const ctx = { now: new Date("2026-05-15T14:00:00Z"), timeZone: "America/New_York" };

describe("bulk requests (R14)", () => {
  it("fixes the contacts when the request is made and shows the tier impact", async () => {
    env.clock.set("2026-05-15T14:00:00Z");
    const { accountId, member } = await makeAccount(env, { tierLimit: 2000 });
    await seedContacts(env, accountId, 100, { bounced: true, marketing: true });
    await seedContacts(env, accountId, 50, { prefix: "k", marketing: true });
    const { request } = await requestBulkChange(env.svc, member, {
      action: "non-marketing",
      selector: { type: "unengaged" },
      at: null,
    });
    expect(request?.count).toBe(100);
    expect(request?.impact).toMatchObject({
      marketingCountBefore: 150,
      marketingCountAfter: 50,
      effectiveAt: "2026-06-01T16:00:00.000Z",
      upgrade: null,
    });
    // A contact that turns unengaged after the request is not part of it.
    await env.svc.db.execute(sql`update contacts set bounced = true where email = 'k00001@test.io'`);
    const admin2 = { accountId, userId: "UADMIN2" };
    const r = await approveRequest(env.svc, admin2, request!.id, null);
    expect(r.executed?.changed).toBe(100);
    expect((await contactRow(env, accountId, "k00001@test.io"))?.pendingSince).toBeNull();
    expect(await recount(env, accountId)).toEqual({ m: 150, p: 100, t: 150 });
  });

  it("the requester cannot approve their own request unless self-approval is on", async () => {
    const { accountId, admin } = await makeAccount(env);
    await seedContacts(env, accountId, 20, { marketing: true });
    const { request } = await requestBulkChange(env.svc, admin, {
      action: "non-marketing",
      selector: {
        type: "filter",
        filter: (parseFilter("email contains c000", ctx) as { ok: true; filter: never }).filter,
      },
      at: null,
    });
    expect(request).not.toBeNull();
    await expect(approveRequest(env.svc, admin, request!.id, null)).rejects.toThrow(/another admin has to approve/);
    expect((await accountRow(env, accountId)).pendingCount).toBe(0);
    await changeSetting(env.svc, admin, { key: "self-approval", value: true });
    const r = await approveRequest(env.svc, admin, request!.id, null);
    expect(r.decided).toBe("approved");
    expect((await accountRow(env, accountId)).pendingCount).toBe(20);
  });

  it("a member cannot approve", async () => {
    const { accountId, admin, member } = await makeAccount(env);
    await seedContacts(env, accountId, 20, { marketing: true });
    const { request } = await requestBulkChange(env.svc, admin, {
      action: "non-marketing",
      selector: { type: "unengaged" },
      at: null,
    }).catch(() => ({ request: null }));
    expect(request).toBeNull(); // no unengaged contacts: nothing to request
    await env.svc.db.execute(sql`update contacts set unsubscribed = true where account_id = ${accountId}`);
    const again = await requestBulkChange(env.svc, admin, {
      action: "non-marketing",
      selector: { type: "unengaged" },
      at: null,
    });
    await expect(approveRequest(env.svc, member, again.request!.id, null)).rejects.toThrow(/admin/i);
  });

  it("approval executes once, however often it is pressed or retried, even concurrently", async () => {
    const { accountId, member } = await makeAccount(env, { tierLimit: 7000 });
    await seedContacts(env, accountId, 300);
    const { request } = await requestBulkChange(env.svc, member, {
      action: "marketing",
      selector: { type: "filter", filter: (parseFilter("source = manual", ctx) as { ok: true; filter: never }).filter },
      at: null,
    });
    const a1 = { accountId, userId: "UADMIN1" };
    const a2 = { accountId, userId: "UADMIN2" };
    const results = await Promise.all([
      approveRequest(env.svc, a1, request!.id, null),
      approveRequest(env.svc, a2, request!.id, null),
      approveRequest(env.svc, a1, request!.id, null),
    ]);
    expect(results.filter((r) => r.decided === "approved")).toHaveLength(1);
    expect(results.filter((r) => r.decided === null)).toHaveLength(2);
    expect((await accountRow(env, accountId)).marketingCount).toBe(300);
    const audits = await env.svc.db
      .select()
      .from(auditEvents)
      .where(sql`${auditEvents.accountId} = ${accountId} and ${auditEvents.kind} = 'status.made-marketing'`);
    expect(audits).toHaveLength(1);
    expect(audits[0]?.count).toBe(300);
  });

  it("an approval that triggers an upgrade needs the typed contact count", async () => {
    env.clock.set("2026-05-15T14:00:00Z");
    const { accountId, member } = await makeAccount(env, { tierLimit: 2000 });
    await seedContacts(env, accountId, 1990, { marketing: true, prefix: "m" });
    await seedContacts(env, accountId, 30, { prefix: "n" });
    const { request } = await requestBulkChange(env.svc, member, {
      action: "marketing",
      selector: {
        type: "filter",
        filter: (parseFilter("email contains n0", ctx) as { ok: true; filter: never }).filter,
      },
      at: null,
    });
    expect(request?.impact.upgrade?.newLimit).toBe(7000);
    expect(request?.impact.upgrade?.chargeCents).toBeGreaterThan(0);
    const a1 = { accountId, userId: "UADMIN1" };
    await expect(approveRequest(env.svc, a1, request!.id, null)).rejects.toBeInstanceOf(NeedsConfirmation);
    await expect(approveRequest(env.svc, a1, request!.id, 29)).rejects.toBeInstanceOf(NeedsConfirmation);
    expect((await accountRow(env, accountId)).marketingCount).toBe(1990);
    const r = await approveRequest(env.svc, a1, request!.id, 30);
    expect(r.executed?.upgrade?.newLimit).toBe(7000);
    expect((await accountRow(env, accountId)).tierLimit).toBe(7000);
  });

  it("rejected requests change nothing; requests expire after 7 days", async () => {
    env.clock.set("2026-05-15T14:00:00Z");
    const { accountId, admin, member } = await makeAccount(env);
    await seedContacts(env, accountId, 20, { marketing: true, bounced: true });
    const one = await requestBulkChange(env.svc, member, {
      action: "non-marketing",
      selector: { type: "unengaged" },
      at: null,
    });
    const two = await requestBulkChange(env.svc, member, {
      action: "non-marketing",
      selector: { type: "unengaged" },
      at: null,
    });
    const rejected = await rejectRequest(env.svc, admin, one.request!.id, "not now");
    expect(rejected.decided).toBe("rejected");
    env.clock.set("2026-05-22T14:00:01Z");
    expect(await expireRequests(env.svc, accountId)).toBe(1);
    const after = await approveRequest(env.svc, admin, two.request!.id, null);
    expect(after.decided).toBeNull();
    expect(after.request.status).toBe("expired");
    expect((await accountRow(env, accountId)).pendingCount).toBe(0);
  });

  it("a scheduled request runs at its time, after approval, once", async () => {
    env.clock.set("2026-05-15T14:00:00Z");
    const { accountId, admin, member } = await makeAccount(env, { tierLimit: 7000 });
    await seedContacts(env, accountId, 5);
    const { request } = await requestBulkChange(env.svc, member, {
      action: "marketing",
      selector: { type: "emails", emails: ["c00001@test.io", "c00002@test.io"] },
      at: new Date("2026-05-16T13:00:00Z"),
    });
    const r = await approveRequest(env.svc, admin, request!.id, null);
    expect(r.decided).toBe("scheduled");
    expect((await accountRow(env, accountId)).marketingCount).toBe(0);
    env.clock.set("2026-05-16T13:00:00Z");
    const ran = await runDueScheduledRequests(env.svc);
    expect(ran.find((x) => x.id === request!.id)?.changed).toBe(2);
    expect(await runDueScheduledRequests(env.svc).then((x) => x.filter((y) => y.id === request!.id))).toEqual([]);
    expect((await accountRow(env, accountId)).marketingCount).toBe(2);
    const [row] = await env.svc.db.select().from(bulkRequests).where(eq(bulkRequests.id, request!.id));
    expect(row?.status).toBe("executed");
  });

  it("a list selector that sets marketing always needs approval, even for one contact", async () => {
    const { accountId, member } = await makeAccount(env);
    await seedContacts(env, accountId, 1);
    await env.svc.db.execute(sql`insert into lists (account_id, name) values (${accountId}, 'VIP')`);
    await env.svc.db.execute(
      sql`insert into list_members (list_id, contact_id) select l.id, c.id from lists l, contacts c where l.account_id = ${accountId} and c.account_id = ${accountId}`,
    );
    const r = await requestBulkChange(env.svc, member, {
      action: "marketing",
      selector: { type: "list", name: "vip" },
      at: null,
    });
    expect(r.executed).toBeNull();
    expect(r.request?.status).toBe("open");
    expect(r.request?.count).toBe(1);
  });

  it("a decided request's fixed contact list is removed in bounded batches; an open or scheduled one keeps it", async () => {
    const { accountId, admin, member } = await makeAccount(env, { tierLimit: 7000 });
    await seedContacts(env, accountId, 30, { prefix: "prune", marketing: true });
    const all = { type: "filter" as const, filter: { conditions: [], text: "every contact" } };
    const listed = async (id: string) => {
      const [r] = await rowsOf<{ n: number }>(
        env.svc.db,
        sql`select count(*)::int as n from bulk_request_contacts where request_id = ${id}`,
      );
      return r?.n ?? 0;
    };
    const decided = await requestBulkChange(env.svc, member, { action: "non-marketing", selector: all, at: null });
    await approveRequest(env.svc, admin, decided.request!.id, null);
    const open = await requestBulkChange(env.svc, member, { action: "marketing", selector: all, at: null });
    expect(await listed(decided.request!.id)).toBe(30);
    // Each call deletes at most its batch; called until nothing is left (other tests' requests share the database).
    let calls = 0;
    for (
      let n = await pruneDecidedRequestContacts(env.svc, 20);
      n > 0;
      n = await pruneDecidedRequestContacts(env.svc, 20)
    ) {
      expect(n).toBeLessThanOrEqual(20);
      calls++;
    }
    expect(calls).toBeGreaterThanOrEqual(2);
    expect(await listed(decided.request!.id)).toBe(0);
    expect(await listed(open.request!.id)).toBe(30);
    // The request and its audit still say what it changed.
    expect(
      (await env.svc.db.select().from(bulkRequests).where(eq(bulkRequests.id, decided.request!.id)))[0],
    ).toMatchObject({
      status: "executed",
      count: 30,
    });
  });
});
