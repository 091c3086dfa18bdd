// The approval guard holds on every route (R13, R14, R16): rules, scheduled requests, standing
// credentials and direct changes never change many contacts or upgrade the tier unapproved.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "../../src/commands/run.ts";
import { rowsOf } from "../../src/db/client.ts";
import { automationRules, bulkRequests, tierChanges, users } from "../../src/db/schema.ts";
import { parseFilter } from "../../src/domain/filter.ts";
import {
  approveRequest,
  getRequest,
  requestBulkChange,
  runDueScheduledRequests,
} from "../../src/services/bulk/index.ts";
import { setStatus } from "../../src/services/contacts.ts";
import { pendingNotifications } from "../../src/services/outbox.ts";
import { MAX_RULES, runRules } from "../../src/services/rules/index.ts";
import {
  accountRow,
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

const run = (actor: { accountId: number; userId: string }, text: string) =>
  runCommand(env.svc, { actor, timeZone: "America/New_York", text });

async function rule(accountId: number, name: string) {
  const [r] = await env.svc.db
    .select()
    .from(automationRules)
    .where(and(eq(automationRules.accountId, accountId), eq(automationRules.name, name)));
  return r!;
}

async function setAccess(accountId: number, userId: string, marketingAccess: boolean) {
  await env.svc.db
    .update(users)
    .set({ marketingAccess })
    .where(and(eq(users.accountId, accountId), eq(users.userId, userId)));
}

const admin2 = (accountId: number) => ({ accountId, userId: "UADMIN2" });

describe("rules are standing bulk changes (R16)", () => {
  it("a member's rule that matches thousands waits for another admin, in either direction", async () => {
    const { accountId, member } = await makeAccount(env, { tierLimit: 7000 });
    await seedContacts(env, accountId, 5101, { marketing: true });
    const added = await run(member, 'rules add "Everyone" when email contains @ then non-marketing');
    expect(added.ok).toBe(true);
    expect(added.text).toMatch(
      /doesn't run yet: waiting for approval to start: it would set 5,101 contacts non-marketing/,
    );
    const request = added.request!;
    expect(request).toMatchObject({ count: 5101, action: "non-marketing", requestedBy: "UMEMBER1", status: "open" });
    expect(request.impact.marketingCountAfter).toBe(0);
    // The hourly run changes nothing while the rule waits.
    await runRules(env.svc);
    expect(await recount(env, accountId)).toEqual({ m: 5101, p: 0, t: 5101 });
    // The member can't approve; an admin does, and the rule then runs as approved.
    expect((await run(member, `approve ${request.id}`)).ok).toBe(false);
    const approved = await approveRequest(env.svc, admin2(accountId), request.id, null);
    expect(approved.executed?.changed).toBe(5101);
    expect(await recount(env, accountId)).toEqual({ m: 5101, p: 5101, t: 5101 });
    await runRules(env.svc);
    expect(await rule(accountId, "Everyone")).toMatchObject({ enabled: true, pausedReason: null });
  });

  it("a run over the direct-change limit in the non-marketing direction pauses into one request", async () => {
    const { accountId, member } = await makeAccount(env, { directLimit: 10 });
    await run(member, "rules add stale when lifecycle = stale then non-marketing");
    await seedContacts(env, accountId, 40, { marketing: true, prefix: "st" });
    await rowsOf(env.svc.db, sql`update contacts set lifecycle = 'stale' where account_id = ${accountId}`);
    const [mine] = (await runRules(env.svc)).filter((r) => r.accountId === accountId);
    expect(mine?.runs).toEqual([]);
    expect(mine?.requests).toHaveLength(1);
    expect(mine?.requests[0]).toMatchObject({ count: 40, action: "non-marketing", requestedBy: "UMEMBER1" });
    expect((await recount(env, accountId)).p).toBe(0);
  });

  it("enabling or widening a rule is checked like adding it, and the one who does it becomes its owner", async () => {
    const { accountId, admin, member } = await makeAccount(env, { directLimit: 10 });
    await seedContacts(env, accountId, 30, { prefix: "wide" });
    await seedContacts(env, accountId, 3, { prefix: "narrow" });
    expect((await run(member, "rules add r when email contains narrow then marketing")).request).toBeUndefined();
    expect((await rule(accountId, "r")).ownerId).toBe("UMEMBER1");
    // Widening it to 33 contacts needs approval; the admin who changed it is now its owner and requester.
    const widened = await run(admin, "rules change r when email contains test.io then marketing");
    expect(widened.ok).toBe(true);
    expect(widened.request).toMatchObject({ count: 33, requestedBy: "UADMIN1" });
    expect(await rule(accountId, "r")).toMatchObject({ ownerId: "UADMIN1", pausedRequestId: widened.request!.id });
    // Disabling withdraws its request; enabling asks again.
    await run(admin, "rules disable r");
    expect((await getRequest(env.svc, accountId, widened.request!.id)).status).toBe("cancelled");
    const enabled = await run(member, "rules enable r");
    expect(enabled.request).toMatchObject({ count: 33, requestedBy: "UMEMBER1" });
    // While it waits, enabling again does not clear the wait.
    const again = await run(member, "rules enable r");
    expect(again.ok).toBe(false);
    expect(again.text).toMatch(/waiting for approval of request/);
    expect((await recount(env, accountId)).m).toBe(0);
  });

  it("an account has at most 100 rules", async () => {
    const { accountId, member } = await makeAccount(env);
    await rowsOf(
      env.svc.db,
      sql`insert into automation_rules (account_id, name, filter, time_zone, action, created_by, owner_id, created_at)
          select ${accountId}, 'r' || i, 'email contains nobody', 'UTC', 'non-marketing', 'UMEMBER1', 'UMEMBER1', now()
          from generate_series(1, ${MAX_RULES}) i`,
    );
    const r = await run(member, "rules add one-more when email contains x then non-marketing");
    expect(r.ok).toBe(false);
    expect(r.text).toMatch(/100 automation rules, the most it can have/);
  });

  it("the rule's owner is the requester of its requests, so a lone admin can't approve their own rule", async () => {
    const { accountId, admin } = await makeAccount(env, { tierLimit: 7000, directLimit: 10 });
    await env.svc.db.delete(users).where(and(eq(users.accountId, accountId), eq(users.userId, "UADMIN2")));
    await run(admin, "rules add leads when source = api then marketing");
    await seedContacts(env, accountId, 7000, { marketing: true, prefix: "m" });
    await seedContacts(env, accountId, 5000, { prefix: "l", source: "api" });
    const [mine] = (await runRules(env.svc)).filter((r) => r.accountId === accountId);
    const request = mine!.requests[0]!;
    expect(request.requestedBy).toBe("UADMIN1");
    const refused = await run(admin, `approve ${request.id} confirm 5000`);
    expect(refused.ok).toBe(false);
    expect(refused.text).toMatch(/another admin has to approve it/);
    expect((await accountRow(env, accountId)).tierLimit).toBe(7000);
    // With self-approval on, the same admin may.
    await run(admin, "settings self-approval on");
    const ok = await run(admin, `approve ${request.id} confirm 5000`);
    expect(ok.ok).toBe(true);
    expect((await accountRow(env, accountId)).tierLimit).toBe(12000);
  });

  it("a marketing rule whose owner lost marketing access pauses, tells the approvals channel, and resumes only when someone with access enables it", async () => {
    const { accountId, admin, member } = await makeAccount(env);
    await env.svc.db
      .update((await import("../../src/db/schema.ts")).accounts)
      .set({ approvalsChannel: "C_APPROVALS" })
      .where(sql`id = ${accountId}`);
    await run(member, "rules add vip when email contains vip then marketing");
    await run(admin, "access revoke UMEMBER1");
    await seedContacts(env, accountId, 2, { prefix: "vip" });
    await runRules(env.svc);
    expect((await recount(env, accountId)).m).toBe(0);
    const paused = await rule(accountId, "vip");
    expect(paused.pausedReason).toMatch(/no longer has marketing contacts access/);
    expect(paused.pausedRequestId).toBeNull();
    const notices = await pendingNotifications(env.svc, accountId);
    expect(notices).toEqual([expect.objectContaining({ kind: "rule-paused", channel: "C_APPROVALS" })]);
    // It stays paused, even when the access comes back, until someone with access takes it over.
    await run(admin, "access grant UMEMBER1");
    await runRules(env.svc);
    expect((await recount(env, accountId)).m).toBe(0);
    await run(admin, "rules enable vip");
    await runRules(env.svc);
    expect((await recount(env, accountId)).m).toBe(2);
    expect((await rule(accountId, "vip")).ownerId).toBe("UADMIN1");
  });

  it("a rule never stays paused without its request: both commit together, or neither", async () => {
    const { accountId, admin } = await makeAccount(env, { directLimit: 5 });
    await run(admin, "rules add all when email contains test.io then non-marketing");
    await seedContacts(env, accountId, 20, { marketing: true });
    // The request can't be written (a failure between pausing and asking).
    await rowsOf(
      env.svc.db,
      sql.raw(`create or replace function tk_test_fail() returns trigger language plpgsql as $$
        begin if new.account_id = ${accountId} then raise exception 'request table unavailable'; end if; return new; end $$`),
    );
    await rowsOf(
      env.svc.db,
      sql.raw(
        "create trigger tk_test_fail before insert on bulk_requests for each row execute function tk_test_fail()",
      ),
    );
    try {
      await expect(runRules(env.svc)).rejects.toThrow();
    } finally {
      await rowsOf(env.svc.db, sql.raw("drop trigger tk_test_fail on bulk_requests"));
    }
    expect(await rule(accountId, "all")).toMatchObject({ pausedReason: null, pausedRequestId: null });
    const [mine] = (await runRules(env.svc)).filter((r) => r.accountId === accountId);
    expect(mine?.requests).toHaveLength(1);
    expect((await rule(accountId, "all")).pausedRequestId).toBe(mine?.requests[0]?.id);
  });
});

describe("no upgrade without an approver who confirmed it (R9, R14)", () => {
  it("a direct set marketing of one contact that would upgrade becomes a request", async () => {
    const { accountId, member } = await makeAccount(env, { tierLimit: 2000 });
    await seedContacts(env, accountId, 2000, { marketing: true, prefix: "m" });
    await seedContacts(env, accountId, 1, { prefix: "x" });
    const r = await run(member, "set marketing x00001@test.io");
    expect(r.ok).toBe(true);
    expect(r.text).toMatch(
      /would upgrade the tier from 2,000 to 7,000 contacts .* needs an admin's approval: request R/,
    );
    expect(r.request).toBeDefined();
    expect((await accountRow(env, accountId)).tierLimit).toBe(2000);
    expect((await contactRow(env, accountId, "x00001@test.io"))?.marketing).toBe(false);
    // `bulk` within the limit is not applied directly either.
    const b = await requestBulkChange(env.svc, member, {
      action: "marketing",
      selector: { type: "emails", emails: ["x00001@test.io"] },
      at: null,
    });
    expect(b.executed).toBeNull();
    expect(b.request?.status).toBe("open");
  });

  it("a scheduled request approved without an upgrade does not upgrade silently when others filled the tier", async () => {
    env.clock.set("2026-05-15T14:00:00Z");
    const { accountId, admin, member } = await makeAccount(env, { tierLimit: 2000 });
    await env.svc.db
      .update((await import("../../src/db/schema.ts")).accounts)
      .set({ approvalsChannel: "C_APPROVALS" })
      .where(sql`id = ${accountId}`);
    await seedContacts(env, accountId, 1900, { marketing: true, prefix: "m" });
    await seedContacts(env, accountId, 50, { prefix: "later" });
    await seedContacts(env, accountId, 100, { prefix: "fill" });
    const filter = parseFilter("email contains later", { now: env.clock.now(), timeZone: "UTC" });
    if (!filter.ok) throw new Error(filter.error);
    const { request } = await requestBulkChange(env.svc, member, {
      action: "marketing",
      selector: { type: "filter", filter: filter.filter },
      at: new Date("2026-05-20T14:00:00Z"),
    });
    // 1,900 + 50 fits: approved without any confirmation.
    const decided = await approveRequest(env.svc, admin, request!.id, null);
    expect(decided.decided).toBe("scheduled");
    // Meanwhile another approved change fills the tier to 2,000.
    const fill = parseFilter("email contains fill", { now: env.clock.now(), timeZone: "UTC" });
    if (!fill.ok) throw new Error(fill.error);
    const filled = await requestBulkChange(env.svc, member, {
      action: "marketing",
      selector: { type: "filter", filter: fill.filter },
      at: null,
    });
    await approveRequest(env.svc, admin, filled.request!.id, null);
    expect((await accountRow(env, accountId)).marketingCount).toBe(2000);
    // At its time it would upgrade: it does not run and needs a new decision.
    env.clock.set("2026-05-20T14:00:00Z");
    const ran = await runDueScheduledRequests(env.svc);
    expect(ran.find((r) => r.id === request!.id)?.reopened).toMatch(/would now upgrade the tier to 7,000/);
    expect((await accountRow(env, accountId)).tierLimit).toBe(2000);
    expect(await env.svc.db.select().from(tierChanges).where(eq(tierChanges.accountId, accountId))).toEqual([]);
    const reopened = await getRequest(env.svc, accountId, request!.id);
    expect(reopened).toMatchObject({ status: "open", decidedBy: null });
    expect(reopened.reopenedReason).toMatch(/upgrade/);
    const notices = await pendingNotifications(env.svc, accountId);
    expect(notices.filter((m) => m.kind === "request-reopened")).toEqual([
      expect.objectContaining({ channel: "C_APPROVALS" }),
    ]);
    // Running again changes nothing; a new approval that confirms the upgrade runs it.
    expect(await runDueScheduledRequests(env.svc)).toEqual([]);
    const again = await approveRequest(env.svc, admin, request!.id, 50);
    expect(again.executed?.upgrade?.newLimit).toBe(7000);
  });

  it("a scheduled request whose requester lost marketing access by its time does not run", async () => {
    env.clock.set("2026-05-15T14:00:00Z");
    const { accountId, admin, member } = await makeAccount(env, { tierLimit: 7000 });
    await seedContacts(env, accountId, 20, { prefix: "s" });
    const f = parseFilter("email contains s0", { now: env.clock.now(), timeZone: "UTC" });
    if (!f.ok) throw new Error(f.error);
    const made = await requestBulkChange(env.svc, member, {
      action: "marketing",
      selector: { type: "filter", filter: f.filter },
      at: new Date("2026-05-16T14:00:00Z"),
    });
    await approveRequest(env.svc, admin, made.request!.id, null);
    await setAccess(accountId, "UMEMBER1", false);
    env.clock.set("2026-05-16T14:00:00Z");
    const ran = await runDueScheduledRequests(env.svc);
    expect(ran.find((r) => r.id === made.request!.id)?.reopened).toMatch(/no longer has marketing contacts access/);
    expect((await recount(env, accountId)).m).toBe(0);
    // …and it can't be approved again while the requester has no access.
    await expect(approveRequest(env.svc, admin, made.request!.id, null)).rejects.toThrow(
      /no longer has marketing contacts access/,
    );
  });

  it("a scheduled request whose upgrade was confirmed runs up to the confirmed tier and no further", async () => {
    env.clock.set("2026-05-15T14:00:00Z");
    const { accountId, admin, member } = await makeAccount(env, { tierLimit: 2000 });
    await seedContacts(env, accountId, 1990, { marketing: true, prefix: "m" });
    await seedContacts(env, accountId, 20, { prefix: "sch" });
    const f = parseFilter("email contains sch", { now: env.clock.now(), timeZone: "UTC" });
    if (!f.ok) throw new Error(f.error);
    const made = await requestBulkChange(env.svc, member, {
      action: "marketing",
      selector: { type: "filter", filter: f.filter },
      at: new Date("2026-05-16T14:00:00Z"),
    });
    await approveRequest(env.svc, admin, made.request!.id, 20);
    expect(
      (await env.svc.db.select().from(bulkRequests).where(eq(bulkRequests.id, made.request!.id)))[0]?.confirmedLimit,
    ).toBe(7000);
    env.clock.set("2026-05-16T14:00:00Z");
    const ran = await runDueScheduledRequests(env.svc);
    expect(ran.find((r) => r.id === made.request!.id)).toMatchObject({ changed: 20, reopened: null });
    expect((await accountRow(env, accountId)).tierLimit).toBe(7000);
  });
});

describe("the direct-change limit holds for direct changes too", () => {
  it("set non-marketing of more contacts than the limit is a request", async () => {
    const { accountId, member } = await makeAccount(env, { directLimit: 2 });
    await seedContacts(env, accountId, 3, { marketing: true });
    const r = await setStatus(env.svc, member, "non-marketing", ["c00001@test.io", "c00002@test.io", "c00003@test.io"]);
    expect(r).toMatchObject({ requestReason: "limit", changed: 0 });
    expect((await recount(env, accountId)).p).toBe(0);
  });
});
