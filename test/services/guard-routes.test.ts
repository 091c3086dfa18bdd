// Routes around the approval guard found by an attacker's review, each closed (R13, R14, R16).
import { Readable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "../../src/commands/run.ts";
import { parseFilter } from "../../src/domain/filter.ts";
import { authenticateApiKey, createApiKey } from "../../src/services/api-keys.ts";
import {
  approveRequest,
  getRequest,
  rejectRequest,
  requestBulkChange,
  runDueScheduledRequests,
} from "../../src/services/bulk/index.ts";
import { importCsv } from "../../src/services/import/index.ts";
import { intakeContacts } from "../../src/services/intake/index.ts";
import { accountRow, makeAccount, recount, seedContacts, type TestEnv, testEnv } from "../helpers/services.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv("2026-05-15T14:00:00Z");
});
afterAll(async () => {
  await env?.close();
});
const run = (actor: { accountId: number; userId: string }, text: string) =>
  runCommand(env.svc, { actor, timeZone: "America/New_York", text });
const admin2 = (accountId: number) => ({ accountId, userId: "UADMIN2" });

async function countersMatch(accountId: number) {
  const a = await accountRow(env, accountId);
  expect({ m: a.marketingCount, p: a.pendingCount, t: a.totalCount }).toEqual(await recount(env, accountId));
}

describe("routes around the guard, closed", () => {
  it("one intake call can't promote more existing contacts than the direct-change limit: they wait for a request", async () => {
    const { accountId } = await makeAccount(env, { tierLimit: 7000, directLimit: 10 });
    await seedContacts(env, accountId, 500, { prefix: "old" });
    const rows = Array.from({ length: 500 }, (_, i) => ({
      email: `old${String(i + 1).padStart(5, "0")}@test.io`,
      source: "form" as const,
    }));
    const out = await intakeContacts(env.svc, accountId, { actor: "api:k_x", ownerId: "UADMIN1" }, rows);
    expect(out.held).toMatchObject({ reason: "limit" });
    expect(out.held?.request).toMatchObject({ count: 500, status: "open", requestedBy: "UADMIN1" });
    expect(out.results.filter((r) => r.status === "marketing")).toHaveLength(0);
    await countersMatch(accountId);
  });

  it("a typed confirmation agrees to the upgrade that was shown, not a bigger one", async () => {
    const { accountId, member } = await makeAccount(env, { tierLimit: 2000 });
    await seedContacts(env, accountId, 1990, { prefix: "mm", marketing: true });
    await seedContacts(env, accountId, 20, { prefix: "aa" });
    await seedContacts(env, accountId, 5000, { prefix: "bb" });
    const r1 = (await run(member, "bulk marketing where email contains aa")).request!;
    expect(r1.impact.upgrade?.newLimit).toBe(7000);
    const r2 = (await run(member, "bulk marketing where email contains bb")).request!;
    expect((await run(admin2(accountId), `approve ${r2.id} confirm 5000`)).ok).toBe(true);
    expect((await accountRow(env, accountId)).tierLimit).toBe(7000);
    // R1 now takes the tier to 12,000, not the 7,000 its message showed: the confirmation asks again.
    const again = await run(admin2(accountId), `approve ${r1.id} confirm 20`);
    expect(again.ok).toBe(false);
    expect(again.text).toMatch(/upgrades the tier to 12,000/);
    expect((await accountRow(env, accountId)).tierLimit).toBe(7000);
    // The request now shows the upgrade it would make; confirming that one works.
    expect((await getRequest(env.svc, accountId, r1.id)).impact.upgrade?.newLimit).toBe(12000);
    expect((await run(admin2(accountId), `approve ${r1.id} confirm 20`)).ok).toBe(true);
    expect((await accountRow(env, accountId)).tierLimit).toBe(12000);
  });

  it("an approved scheduled change can be rejected (by an admin or its requester) before it runs", async () => {
    env.clock.set("2026-05-15T14:00:00Z");
    const { accountId, member } = await makeAccount(env, { tierLimit: 7000 });
    await seedContacts(env, accountId, 50, { prefix: "sc" });
    const f = parseFilter("email contains sc", { now: env.clock.now(), timeZone: "UTC" });
    if (!f.ok) throw new Error(f.error);
    const at = new Date(env.clock.now().getTime() + 3 * 86_400_000);
    const { request } = await requestBulkChange(env.svc, member, {
      action: "marketing",
      selector: { type: "filter", filter: f.filter },
      at,
    });
    await approveRequest(env.svc, admin2(accountId), request!.id, null);
    const withdrawn = await rejectRequest(env.svc, member, request!.id, "changed my mind");
    expect(withdrawn.decided).toBe("rejected");
    env.clock.set(new Date(at.getTime() + 1000));
    expect(await runDueScheduledRequests(env.svc)).toEqual([]);
    expect((await recount(env, accountId)).m).toBe(0);
    env.clock.set("2026-05-15T14:00:00Z");
  });

  it("whoever's import fed a rule can't approve the request the rule paused into", async () => {
    const { accountId, admin } = await makeAccount(env, { tierLimit: 7000 });
    const added = await run(admin2(accountId), "rules add vip when lifecycle = customer then marketing");
    expect(added.request).toBeUndefined();
    const csv = `Email,Lifecycle Stage\n${Array.from({ length: 200 }, (_, i) => `v${i}@acme.io,customer`).join("\n")}\n`;
    const report = await importCsv(env.svc, admin, Readable.from([csv]));
    const request = report.ruleRequests[0]!;
    expect(request).toMatchObject({ requestedBy: "UADMIN2", causedBy: "UADMIN1", count: 200 });
    const refused = await run(admin, `approve ${request.id}`);
    expect(refused.ok).toBe(false);
    expect(refused.text).toMatch(/another admin has to approve it/);
    expect((await recount(env, accountId)).m).toBe(0);
    await countersMatch(accountId);
  });

  it("an API key stops working when its maker is no longer an admin", async () => {
    const { accountId, admin } = await makeAccount(env, { tierLimit: 7000 });
    const { apiKey } = await createApiKey(env.svc, admin);
    expect(await authenticateApiKey(env.svc, `Bearer ${apiKey}`)).toMatchObject({ accountId, ownerId: "UADMIN1" });
    await run(admin2(accountId), "admins remove UADMIN1");
    expect(await authenticateApiKey(env.svc, `Bearer ${apiKey}`)).toEqual({
      refused: expect.stringMatching(/no longer an admin/),
    });
  });
});
