import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { noticeText } from "../../src/commands/notices.ts";
import { runCommand } from "../../src/commands/run.ts";
import { usageSnapshots } from "../../src/db/schema.ts";
import { daysUntil, fitGrowth } from "../../src/domain/forecast.ts";
import { forecastUsage, processForecastAlerts } from "../../src/services/forecast.ts";
import { makeAccount, seedContacts, type TestEnv, testEnv } from "../helpers/services.ts";
import { channelMessages, withRecipients } from "../jobs/helpers.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv("2026-05-15T14:00:00Z");
});
afterAll(async () => {
  await env?.close();
});

/** Daily snapshots for the 14 days before 15 May: count(day i) = start + perDay × i, today = i 14. */
async function seedSnapshots(accountId: number, start: number, perDay: number, tierLimit = 2000) {
  const rows = Array.from({ length: 14 }, (_, i) => ({
    accountId,
    day: `2026-05-${String(1 + i).padStart(2, "0")}`,
    marketingCount: start + perDay * i,
    pendingCount: 0,
    totalCount: start + perDay * i,
    tierLimit,
    takenAt: new Date(`2026-05-${String(1 + i).padStart(2, "0")}T23:00:00Z`),
  }));
  await env.svc.db.insert(usageSnapshots).values(rows);
}

describe("least squares", () => {
  it("recovers a steady line and counts whole days", () => {
    expect(fitGrowth([0, 1, 2, 3].map((x) => ({ x, count: 100 + 7 * x })))?.perDay).toBeCloseTo(7);
    expect(fitGrowth([{ x: 0, count: 5 }])).toBeNull();
    expect(daysUntil(100, 150, 20)).toBe(3);
    expect(daysUntil(100, 150, 0)).toBeNull();
    expect(daysUntil(200, 150, -5)).toBe(0);
  });
});

describe("forecast (`/contacts forecast`)", () => {
  it("a steady growth of 50 a day gives the date of each threshold", async () => {
    env.clock.set("2026-05-15T14:00:00Z");
    const { accountId, member } = await makeAccount(env, { tierLimit: 2000 });
    await seedSnapshots(accountId, 1000, 50); // 1 May 1,000 … 14 May 1,650
    await seedContacts(env, accountId, 1700, { marketing: true }); // today (15 May): 1,700
    const f = await forecastUsage(env.svc, accountId);
    expect(f.perDay).toBeCloseTo(50, 5);
    expect(f.thresholds.map((t) => [t.level, t.reached, t.date])).toEqual([
      [75, true, null],
      [90, false, "2026-05-17"], // 1,800
      [98, false, "2026-05-21"], // 1,960: 260 / 50 → 6 days
      ["exceeded", false, "2026-05-22"], // 2,001: 301 / 50 → 7 days
    ]);

    const a = await runCommand(env.svc, { actor: member, timeZone: "America/New_York", text: "forecast" });
    expect(a.ok).toBe(true);
    expect(a.text).toContain("90 % (1,800): Sun 17 May 2026 (in 2 days)");
    expect(a.data.thresholds).toEqual([
      expect.objectContaining({ percent: 75, reached: true, date: null }),
      expect.objectContaining({ percent: 90, date: "2026-05-17" }),
      expect.objectContaining({ percent: 98, date: "2026-05-21" }),
      expect.objectContaining({ percent: 100, date: "2026-05-22" }),
    ]);
  });

  it("flat usage is 'not at the current rate'", async () => {
    const { accountId, member } = await makeAccount(env, { tierLimit: 2000 });
    await seedSnapshots(accountId, 500, 0);
    await seedContacts(env, accountId, 500, { marketing: true });
    const a = await runCommand(env.svc, { actor: member, timeZone: "America/New_York", text: "forecast" });
    expect(a.text).toContain("90 % (1,800): not at the current rate");
    expect((a.data.thresholds as { date: string | null }[]).every((t) => t.date === null)).toBe(true);
  });

  it("alerts once when thresholds are forecast within 7 days", async () => {
    const { accountId } = await makeAccount(env, { tierLimit: 2000 });
    await withRecipients(env, accountId);
    await seedSnapshots(accountId, 1000, 50);
    await seedContacts(env, accountId, 1700, { marketing: true });
    const first = (await processForecastAlerts(env.svc)).filter((x) => x.accountId === accountId);
    expect(first).toHaveLength(1);
    expect(first[0] ? noticeText(first[0].notice) : "").toMatch(
      /90 % \(1,800\) on Sun 17 May 2026 \(in 2 days\); 98 % .*; exceeding the tier/,
    );
    expect((await processForecastAlerts(env.svc)).filter((x) => x.accountId === accountId)).toEqual([]);
    expect(await channelMessages(env, accountId, "forecast")).toHaveLength(1);
  });

  it("no alert when the forecast is further than 7 days away", async () => {
    const { accountId } = await makeAccount(env, { tierLimit: 2000 });
    await seedSnapshots(accountId, 1000, 5);
    await seedContacts(env, accountId, 1070, { marketing: true });
    expect((await processForecastAlerts(env.svc)).filter((x) => x.accountId === accountId)).toEqual([]);
  });
});
