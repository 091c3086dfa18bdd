import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tierChanges } from "../../src/db/schema.ts";
import { approveRequest } from "../../src/services/bulk/index.ts";
import { setStatus } from "../../src/services/contacts.ts";
import type { CountChange } from "../../src/services/context.ts";
import { processDueDowngrades } from "../../src/services/renewals.ts";
import { scheduleDowngrade } from "../../src/services/settings.ts";
import { accountRow, changeSetting, makeAccount, seedContacts, type TestEnv, testEnv } from "../helpers/services.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv("2026-05-15T14:00:00Z");
});
afterAll(async () => {
  await env?.close();
});

describe("automatic upgrade and proration (R9)", () => {
  it("exceeding the tier upgrades to the smallest ladder tier that holds the count, with a prorated charge due the next day", async () => {
    env.clock.set("2026-07-15T16:00:00Z");
    // Annual term from 15 Jan 2026 noon New York; 15 Jul 16:00Z is 12:00 EDT.
    const { accountId, admin, member } = await makeAccount(env, { tierLimit: 2000, contractStart: "2026-01-15" });
    await seedContacts(env, accountId, 2000, { marketing: true, prefix: "m" });
    await seedContacts(env, accountId, 5, { prefix: "n" });
    const changes: CountChange[] = [];
    const off = env.svc.events.onCountChange((c) => {
      changes.push(c);
    });
    // One contact is within the direct-change limit, but it would upgrade: an admin must confirm it.
    const r = await setStatus(env.svc, member, "marketing", ["n00001@test.io"]);
    expect(r).toMatchObject({ changed: 0, requestReason: "upgrade", upgrade: null });
    expect(r.requestId).not.toBeNull();
    expect((await accountRow(env, accountId)).tierLimit).toBe(2000);
    await expect(approveRequest(env.svc, admin, r.requestId!, null)).rejects.toThrow(/type the number of contacts/);
    const approved = await approveRequest(env.svc, admin, r.requestId!, 1);
    off();
    const upgrade = approved.executed?.upgrade;
    expect(upgrade?.oldLimit).toBe(2000);
    expect(upgrade?.newLimit).toBe(7000);
    // (1,050.00 − 800.00) × 12 × (time left ÷ term length), half up. 15 Jul 12:00 EDT to 15 Jan 12:00 EST
    // is 184 days and 1 hour (the clocks go back in between) of a 365-day term: 300,000 × 4417 / 8760.
    const expected = 151_267;
    expect(Math.round((300_000 * 4417) / 8760)).toBe(expected);
    expect(upgrade?.chargeCents).toBe(expected);
    expect(upgrade?.chargeDue).toBe("2026-07-16");
    const a = await accountRow(env, accountId);
    expect(a.tierLimit).toBe(7000);
    const recorded = await env.svc.db.select().from(tierChanges).where(eq(tierChanges.accountId, accountId));
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ kind: "upgrade", oldLimit: 2000, newLimit: 7000, chargeCents: expected });
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ before: 2000, after: 2001, tierLimitBefore: 2000, tierLimitAfter: 7000 });
  });

  it("the tier is never lowered automatically when the count drops", async () => {
    const { accountId, member } = await makeAccount(env, { tierLimit: 7000 });
    await seedContacts(env, accountId, 10, { marketing: true });
    await setStatus(env.svc, member, "non-marketing", ["c00001@test.io"]);
    expect((await accountRow(env, accountId)).tierLimit).toBe(7000);
  });

  it("a tier that is not on the plan's ladder, or below the count, is refused with no change", async () => {
    const { accountId, admin, member } = await makeAccount(env, { tierLimit: 2000 });
    await expect(changeSetting(env.svc, admin, { key: "tier", value: 3000 })).rejects.toThrow(/not a tier/);
    await expect(changeSetting(env.svc, member, { key: "tier", value: 7000 })).rejects.toThrow(/admin/i);
    await changeSetting(env.svc, admin, { key: "tier", value: 7000 });
    expect((await accountRow(env, accountId)).tierLimit).toBe(7000);
  });
});

describe("scheduled downgrade at renewal (R10)", () => {
  it("applies at the next renewal when the count fits, and only then", async () => {
    env.clock.set("2026-05-15T14:00:00Z");
    const { accountId, admin } = await makeAccount(env, {
      tierLimit: 7000,
      term: "monthly",
      contractStart: "2026-01-20",
      createdAt: "2026-01-20T17:00:00Z",
    });
    await seedContacts(env, accountId, 1500, { marketing: true });
    await scheduleDowngrade(env.svc, admin, 2000);
    env.clock.set("2026-05-20T15:59:00Z");
    expect(await processDueDowngrades(env.svc)).toEqual([]);
    env.clock.set("2026-05-20T16:01:00Z");
    const done = (await processDueDowngrades(env.svc)).filter((d) => d.accountId === accountId);
    expect(done).toMatchObject([{ applied: true, target: 2000 }]);
    expect((await accountRow(env, accountId)).tierLimit).toBe(2000);
    expect(await processDueDowngrades(env.svc).then((r) => r.filter((d) => d.accountId === accountId))).toEqual([]);
  });

  it("is cancelled, with the reason, when the count at renewal does not fit", async () => {
    env.clock.set("2026-05-15T14:00:00Z");
    const { accountId, admin } = await makeAccount(env, {
      tierLimit: 7000,
      term: "annual",
      contractStart: "2025-06-01",
      createdAt: "2025-06-01T17:00:00Z",
    });
    await seedContacts(env, accountId, 2500, { marketing: true });
    await scheduleDowngrade(env.svc, admin, 2000);
    env.clock.set("2026-06-01T16:30:00Z");
    const done = (await processDueDowngrades(env.svc)).filter((d) => d.accountId === accountId);
    expect(done[0]?.applied).toBe(false);
    expect(done[0]?.reason).toMatch(/2,500/);
    const a = await accountRow(env, accountId);
    expect(a.tierLimit).toBe(7000);
    expect(a.downgradeTo).toBeNull();
  });

  it("refuses a target that is not a lower ladder tier", async () => {
    const { admin } = await makeAccount(env, { tierLimit: 7000 });
    await expect(scheduleDowngrade(env.svc, admin, 12000)).rejects.toThrow();
    await expect(scheduleDowngrade(env.svc, admin, 3000)).rejects.toThrow();
  });
});

describe("spike alert settings", () => {
  it("an admin sets spike-percent and spike-min; a member cannot", async () => {
    const { accountId, admin, member } = await makeAccount(env);
    const after = await changeSetting(env.svc, admin, { key: "spike-percent", value: 25 });
    expect(after["spike-percent"]).toBe(25);
    await changeSetting(env.svc, admin, { key: "spike-min", value: 2000 });
    const a = await accountRow(env, accountId);
    expect({ p: a.spikePercent, m: a.spikeMin }).toEqual({ p: 25, m: 2000 });
    await expect(changeSetting(env.svc, member, { key: "spike-min", value: 1 })).rejects.toThrow(/admin/i);
  });
});
