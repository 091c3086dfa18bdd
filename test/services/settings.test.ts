import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents } from "../../src/db/schema.ts";
import { changeRole } from "../../src/services/roles.ts";
import { changeSettings, lastChanges, showSettings } from "../../src/services/settings.ts";
import { setupAccount } from "../../src/services/setup.ts";
import { accountRow, makeAccount, seedContacts, type TestEnv, testEnv } from "../helpers/services.ts";
import { addMarketing } from "../jobs/helpers.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv("2026-05-15T14:00:00Z");
});
afterAll(async () => {
  await env?.close();
});

describe("settings that can't trap", () => {
  it("switches professional → enterprise → professional, each in one change, the tier following the plan", async () => {
    const { accountId, admin } = await makeAccount(env);
    await seedContacts(env, accountId, 1500, { marketing: true });
    const up = await changeSettings(env.svc, admin, [{ key: "plan", value: "enterprise" }]);
    expect(up.tier).toMatchObject({ plan: "enterprise", limit: 10000, how: "fitted", monthlyPriceCents: 360000 });
    expect(up.changed.map((c) => c.key)).toEqual(["plan", "tier"]);
    await changeSettings(env.svc, admin, [
      { key: "plan", value: "enterprise" },
      { key: "tier", value: 400000 },
    ]);
    expect(await accountRow(env, accountId)).toMatchObject({ plan: "enterprise", tierLimit: 400000 });
    const down = await changeSettings(env.svc, admin, [{ key: "plan", value: "professional" }]);
    expect(down.tier).toMatchObject({ plan: "professional", limit: 2000, previousLimit: 400000 });
  });

  it("applies several settings together or not at all", async () => {
    const { accountId, admin } = await makeAccount(env);
    await expect(
      changeSettings(env.svc, admin, [
        { key: "term", value: "monthly" },
        { key: "start", value: "2026-03-15" },
        { key: "tier", value: 400000 },
      ]),
    ).rejects.toThrow(/400,000 is not a tier of the professional plan/);
    expect(await accountRow(env, accountId)).toMatchObject({ term: "annual", contractStart: "2026-01-15" });
    const audited = await env.svc.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, accountId), like(auditEvents.kind, "setting.%")));
    expect(audited).toHaveLength(0);
  });

  it("never leaves the account over its tier, whatever order the settings come in", async () => {
    const { accountId, admin } = await makeAccount(env);
    await seedContacts(env, accountId, 1500, { marketing: true });
    await expect(
      changeSettings(env.svc, admin, [
        { key: "tier", value: 1000 },
        { key: "plan", value: "starter" },
      ]),
    ).rejects.toThrow(/1,500 marketing contacts, more than 1,000/);
    const a = await accountRow(env, accountId);
    expect(a.tierLimit).toBeGreaterThanOrEqual(a.marketingCount);
  });

  it("knows who changed each setting last: an admin, the operator, a billing-contact change, an automatic upgrade", async () => {
    const { accountId, admin } = await makeAccount(env);
    await changeSettings(env.svc, admin, [
      { key: "term", value: "monthly" },
      { key: "reminders", value: [2] },
    ]);
    env.clock.advance(60_000);
    await setupAccount(
      env.svc,
      { accountId, userId: "cli" },
      { settings: [{ key: "reminders", value: [5] }], billingContacts: null },
      { operator: true },
    );
    await changeRole(env.svc, admin, accountId, { what: "billing-contacts", op: "add", userId: "UBILL" });
    await seedContacts(env, accountId, 10, { prefix: "x" });
    await addMarketing(env, accountId, 2100);
    const marks = await lastChanges(env.svc.db, accountId);
    expect(marks.term?.actor).toBe("UADMIN1");
    expect(marks.reminders?.actor).toBe("cli");
    expect(marks["billing-contacts"]?.actor).toBe("UADMIN1");
    expect(marks.tier?.actor).toBe("system");
    expect(marks.plan).toBeUndefined();
    const shown = await showSettings(env.svc, admin);
    expect(shown.billingContacts).toEqual(["UBILL"]);
    expect(shown.configuredAt).not.toBeNull();
  });
});
