import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "../../src/commands/run.ts";
import { auditEvents, automationRules, bulkRequests, users } from "../../src/db/schema.ts";
import { approveRequest, rejectRequest } from "../../src/services/bulk/index.ts";
import { intakeContacts } from "../../src/services/intake/index.ts";
import { runRules } from "../../src/services/rules/index.ts";
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

describe("automation rules (R16)", () => {
  it("add, list, test, disable, enable and remove", async () => {
    const { accountId, admin, member } = await makeAccount(env);
    await seedContacts(env, accountId, 3, { prefix: "vip", marketing: false });
    const added = await run(member, 'rules add "VIPs" when email contains vip then marketing');
    expect(added.ok).toBe(true);
    const dup = await run(member, "rules add vips when email contains x then marketing");
    expect(dup.ok).toBe(false);
    const listed = await run(admin, "rules");
    expect(listed.data.rules).toEqual([
      expect.objectContaining({
        name: "VIPs",
        filter: "email contains vip",
        action: "marketing",
        enabled: true,
        paused: false,
      }),
    ]);
    const tested = await run(admin, "rules test VIPs");
    expect(tested.data).toMatchObject({ count: 3, becomeMarketing: 3, wouldPause: null });
    expect(await recount(env, accountId)).toMatchObject({ m: 0 });
    expect((await run(admin, "rules disable VIPs")).ok).toBe(true);
    expect((await rule(accountId, "VIPs")).enabled).toBe(false);
    expect((await run(member, "rules enable VIPs")).ok).toBe(true);
    await env.svc.db.insert(users).values({ accountId, userId: "UOTHER", role: "member" });
    const notTheirs = await run({ accountId, userId: "UOTHER" }, "rules remove VIPs");
    expect(notTheirs.ok).toBe(false);
    expect((await run(admin, "rules remove VIPs")).ok).toBe(true);
    expect((await run(admin, "rules")).data.rules).toEqual([]);
  });

  it("two rules that disagree: the older one wins where both match, so no contact flips hour after hour", async () => {
    const { accountId, admin } = await makeAccount(env, { directLimit: 1000 });
    await seedContacts(env, accountId, 3, { prefix: "both", source: "import" });
    await seedContacts(env, accountId, 2, { prefix: "bothman", marketing: true });
    expect((await run(admin, "rules add imports when source = import then marketing")).ok).toBe(true);
    expect((await run(admin, "rules add cleanup when email contains both then non-marketing")).ok).toBe(true);
    const ruleRuns = async () =>
      (await runRules(env.svc, env.clock.now())).filter((r) => r.accountId === accountId).flatMap((r) => r.runs);

    // "imports" sets the imported contacts marketing; "cleanup" flags only the contacts "imports" doesn't match.
    expect(await ruleRuns()).toEqual([
      { rule: "imports", action: "marketing", changed: 3 },
      { rule: "cleanup", action: "non-marketing", changed: 2 },
    ]);
    const start = env.clock.now();
    for (let hour = 1; hour <= 3; hour++) {
      env.clock.set(new Date(start.getTime() + hour * 3_600_000));
      expect(await ruleRuns()).toEqual([]);
    }
    expect(await contactRow(env, accountId, "both00001@test.io")).toMatchObject({
      marketing: true,
      pendingSince: null,
    });
    expect((await contactRow(env, accountId, "bothman00001@test.io"))?.pendingSince).not.toBeNull();
    const cleanupAudit = await env.svc.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, accountId), eq(auditEvents.actor, "rule:cleanup")));
    expect(cleanupAudit.map((a) => a.count)).toEqual([2]);

    // `rules test` (and `rules add`) say which older rule wins, and for how many contacts.
    const tested = await run(admin, "rules test cleanup");
    expect(tested.data).toMatchObject({ count: 0, overridden: [{ rule: "imports", action: "marketing", count: 3 }] });
    expect(tested.text).toMatch(/3 contacts also match the older rule "imports" \(then marketing\).*older rule wins/);
    const third = await run(admin, "rules add late when email contains both00001 then non-marketing");
    expect(third.text).toMatch(/1 contacts also match the older rule "imports"/);
    env.clock.set(start);
  });

  it("a paused rule's bulk request leaves out the contacts an older opposite rule decides", async () => {
    const { accountId, admin } = await makeAccount(env, { directLimit: 1 });
    await seedContacts(env, accountId, 2, { prefix: "cust" });
    await seedContacts(env, accountId, 1, { prefix: "custkeep" });
    expect((await run(admin, "rules add keepers when email contains keep then non-marketing")).ok).toBe(true);
    // It matches more than the direct-change limit when it is added: it starts once approved.
    const added = await run(admin, "rules add buyers when email contains cust then marketing");
    expect(added.ok).toBe(true);
    expect(added.text).toMatch(/doesn't run yet/);
    const request = added.request!;
    expect(request).toMatchObject({ origin: "rule:buyers", count: 2, requestedBy: "UADMIN1" });
    expect(request.selectorText).toMatch(/except where email contains keep \(an older rule decides those\)/);
    // Nothing runs while it waits.
    expect((await runRules(env.svc, env.clock.now())).find((r) => r.accountId === accountId)?.runs ?? []).toEqual([]);
    await approveRequest(env.svc, { accountId, userId: "UADMIN2" }, request.id, null);
    expect((await contactRow(env, accountId, "cust00001@test.io"))?.marketing).toBe(true);
    expect((await contactRow(env, accountId, "custkeep00001@test.io"))?.marketing).toBe(false);
  });

  it("setting marketing by rule needs marketing contacts access (R13)", async () => {
    const { accountId, member } = await makeAccount(env);
    await env.svc.db
      .update(users)
      .set({ marketingAccess: false })
      .where(and(eq(users.accountId, accountId), eq(users.userId, member.userId)));
    const r = await run(member, "rules add r1 when source = form then marketing");
    expect(r.ok).toBe(false);
    expect(r.text).toMatch(/marketing contacts access/);
    expect((await run(member, "rules add r2 when bounced = true then non-marketing")).ok).toBe(true);
  });

  it("a rule runs on contacts created by the intake, and only on them", async () => {
    const { accountId, member } = await makeAccount(env);
    await run(member, "rules add partners when email contains partner then marketing");
    await seedContacts(env, accountId, 20, { prefix: "old-partner", marketing: false });
    const out = await intakeContacts(env.svc, accountId, { actor: "api:k_test", ownerId: "UADMIN1" }, [
      { email: "new-partner@acme.io", source: "api" },
      { email: "someone@acme.io", source: "api" },
    ]);
    expect(out.results.map((r) => r.status)).toEqual(["marketing", "non-marketing"]);
    expect((await contactRow(env, accountId, "old-partner00001@test.io"))?.marketing).toBe(false);
    const audit = await env.svc.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, accountId), eq(auditEvents.actor, "rule:partners")));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ kind: "status.made-marketing", count: 1 });
  });

  it("a non-marketing rule within the direct-change limit flags contacts (R3) directly", async () => {
    const { accountId, member } = await makeAccount(env, { directLimit: 5 });
    await seedContacts(env, accountId, 4, { prefix: "bounce", marketing: true, bounced: true });
    await run(member, "rules add bounced when bounced = true then non-marketing");
    const results = await runRules(env.svc, env.clock.now());
    expect(results.find((r) => r.accountId === accountId)?.runs).toEqual([
      { rule: "bounced", action: "non-marketing", changed: 4 },
    ]);
    expect(await recount(env, accountId)).toEqual({ m: 4, p: 4, t: 4 });
    // Running again changes nothing.
    const again = await runRules(env.svc, env.clock.now());
    expect(again.find((r) => r.accountId === accountId)).toBeUndefined();
  });

  it("a scheduled run over the direct-change limit pauses into one bulk request; approving it resumes the rule", async () => {
    const { accountId, admin } = await makeAccount(env, { directLimit: 10 });
    // The rule matches nothing when it is added, so it starts at once; the contacts come later.
    await run(admin, "rules add customers when email contains cust then marketing");
    expect(await rule(accountId, "customers")).toMatchObject({ enabled: true, pausedReason: null });
    await seedContacts(env, accountId, 25, { prefix: "cust", marketing: false });
    const first = await runRules(env.svc, env.clock.now());
    const mine = first.find((r) => r.accountId === accountId);
    expect(mine?.runs).toEqual([]);
    expect(mine?.requests).toHaveLength(1);
    const request = mine!.requests[0]!;
    expect(request).toMatchObject({
      origin: "rule:customers",
      requestedBy: "UADMIN1",
      count: 25,
      action: "marketing",
    });
    expect(await recount(env, accountId)).toMatchObject({ m: 0 });
    const paused = await rule(accountId, "customers");
    expect(paused).toMatchObject({ enabled: true, pausedRequestId: request.id });
    expect(paused.pausedReason).toMatch(/more than the direct-change limit/);
    // While paused, it does not run again nor ask twice.
    await runRules(env.svc, env.clock.now());
    expect(await env.svc.db.select().from(bulkRequests).where(eq(bulkRequests.accountId, accountId))).toHaveLength(1);
    // The rule's owner is its requester: they may not approve it themselves, another admin does.
    await expect(approveRequest(env.svc, admin, request.id, null)).rejects.toThrow(/another admin/);
    const decided = await approveRequest(env.svc, { accountId, userId: "UADMIN2" }, request.id, null);
    expect(decided.executed?.changed).toBe(25);
    const listed = await run(admin, "rules");
    expect(listed.data.rules).toEqual([expect.objectContaining({ name: "customers", paused: false, enabled: true })]);
  });

  it("a rule that would trigger an upgrade pauses into a bulk request that shows the upgrade", async () => {
    const { accountId, admin } = await makeAccount(env, { tierLimit: 2000, directLimit: 10 });
    await seedContacts(env, accountId, 1995, { prefix: "m", marketing: true });
    await run(admin, "rules add webinar when source = api then marketing");
    const out = await intakeContacts(
      env.svc,
      accountId,
      { actor: "api:k_test", ownerId: "UADMIN1" },
      Array.from({ length: 8 }, (_, i) => ({ email: `w${i}@acme.io`, source: "api" as const })),
    );
    // Within the direct-change limit, but 1,995 + 8 > 2,000 would upgrade the tier: ask instead.
    expect(out.results.every((r) => r.status === "non-marketing")).toBe(true);
    expect(out.ruleRequests).toHaveLength(1);
    const req = out.ruleRequests[0]!;
    expect(req.count).toBe(8);
    expect(req.impact.upgrade?.newLimit).toBe(7000);
    expect((await accountRow(env, accountId)).tierLimit).toBe(2000);
    expect((await rule(accountId, "webinar")).pausedReason).toMatch(/upgrade the tier to 7,000/);
    const audit = await env.svc.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, accountId), eq(auditEvents.kind, "rule.paused")));
    expect(audit).toHaveLength(1);
    // Rejecting disables the rule so it does not ask again and again.
    await rejectRequest(env.svc, admin, req.id, "not now");
    await runRules(env.svc, env.clock.now());
    expect(await rule(accountId, "webinar")).toMatchObject({ enabled: false, pausedReason: null });
    expect(await env.svc.db.select().from(bulkRequests).where(eq(bulkRequests.accountId, accountId))).toHaveLength(1);
  });
});
