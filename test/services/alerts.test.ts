import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { noticeText } from "../../src/commands/notices.ts";
import { watchCountChanges } from "../../src/jobs/watch.ts";
import { checkSpike, checkTierAlerts, spikeThreshold } from "../../src/services/alerts.ts";
import type { Notice } from "../../src/services/notices.ts";
import { accountRow, makeAccount, seedContacts, type TestEnv, testEnv } from "../helpers/services.ts";
import { addMarketing, channelMessages, outbox, silent, withRecipients } from "../jobs/helpers.ts";

const said = (a: { notice: Notice } | null | undefined) => (a ? noticeText(a.notice) : "");

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv("2026-05-15T14:00:00Z");
});
afterAll(async () => {
  await env?.close();
});

describe("threshold alerts (R11)", () => {
  it("each threshold alerts once, to the alert channel and a DM to each billing contact", async () => {
    env.clock.set("2026-05-15T14:00:00Z");
    const { accountId } = await makeAccount(env, { tierLimit: 2000 });
    await withRecipients(env, accountId);
    await seedContacts(env, accountId, 1400, { marketing: true });
    expect(await checkTierAlerts(env.svc, accountId)).toEqual([]);

    await addMarketing(env, accountId, 100); // 1,500 = 75 %
    const first = await checkTierAlerts(env.svc, accountId);
    expect(first.map((a) => a.notice.kind)).toEqual(["threshold"]);
    expect(said(first[0])).toContain("75 %");
    expect(await checkTierAlerts(env.svc, accountId)).toEqual([]);
    await addMarketing(env, accountId, 10); // 1,510: still 75 %
    expect(await checkTierAlerts(env.svc, accountId)).toEqual([]);

    await addMarketing(env, accountId, 300); // 1,810 = 90.5 %
    expect(said((await checkTierAlerts(env.svc, accountId))[0])).toContain("reached 90 %");
    await addMarketing(env, accountId, 150); // 1,960 = 98 %
    expect(said((await checkTierAlerts(env.svc, accountId))[0])).toContain("reached 98 %");
    expect(await checkTierAlerts(env.svc, accountId)).toEqual([]);

    const rows = await outbox(env, accountId, "threshold");
    expect(rows).toHaveLength(6);
    expect(rows.filter((r) => r.channel === "C_ALERTS")).toHaveLength(3);
    expect(rows.filter((r) => r.userId === "UBILL")).toHaveLength(3);
  });

  it("70 % → 99 % in one change gives one alert, at 98 %", async () => {
    const { accountId } = await makeAccount(env, { tierLimit: 2000 });
    await withRecipients(env, accountId);
    await seedContacts(env, accountId, 1400, { marketing: true });
    await checkTierAlerts(env.svc, accountId);
    await addMarketing(env, accountId, 580); // 1,980 = 99 %
    const alerts = await checkTierAlerts(env.svc, accountId);
    expect(alerts).toHaveLength(1);
    expect(said(alerts[0])).toContain("reached 98 %");
    // The lower thresholds are settled too: dropping and climbing back through 90 % is silent.
    expect(await checkTierAlerts(env.svc, accountId)).toEqual([]);
    expect(await channelMessages(env, accountId, "threshold")).toHaveLength(1);
  });

  it("an automatic upgrade is the exceed alert; after it a 75 % alert counts against the new tier", async () => {
    const { accountId } = await makeAccount(env, { tierLimit: 2000 });
    await withRecipients(env, accountId);
    await seedContacts(env, accountId, 1900, { marketing: true });
    await checkTierAlerts(env.svc, accountId); // 95 %: the 90 % alert
    const { change } = await addMarketing(env, accountId, 200); // 2,100 > 2,000
    expect(change.upgrade?.newLimit).toBe(7000);
    const alerts = await checkTierAlerts(env.svc, accountId);
    expect(alerts.map((a) => a.notice.kind)).toEqual(["upgrade"]);
    const notice = said(alerts[0]) ?? "";
    expect(notice).toContain("2,000");
    expect(notice).toContain("7,000");
    expect(notice).toMatch(/prorated charge of \$[\d,.]+ is due on \w{3} 16 May 2026/);
    expect(await checkTierAlerts(env.svc, accountId)).toEqual([]);

    await addMarketing(env, accountId, 3149); // 5,249 < 75 % of 7,000
    expect(await checkTierAlerts(env.svc, accountId)).toEqual([]);
    await addMarketing(env, accountId, 1); // 5,250 = 75 % of 7,000
    const after = await checkTierAlerts(env.svc, accountId);
    expect(after.map((a) => a.notice.kind)).toEqual(["threshold"]);
    expect(said(after[0])).toContain("5,250 of 7,000");
    expect((await accountRow(env, accountId)).tierLimit).toBe(7000);
  });

  it("a change alerts at once through the count-change listener, without waiting for a tick", async () => {
    const { accountId } = await makeAccount(env, { tierLimit: 2000 });
    await withRecipients(env, accountId);
    await seedContacts(env, accountId, 1000, { marketing: true });
    const watcher = watchCountChanges(env.svc, { logger: silent });
    try {
      await addMarketing(env, accountId, 800); // 90 %
      await watcher.settled();
      const rows = await channelMessages(env, accountId, "threshold");
      expect(rows).toHaveLength(1);
      expect(rows[0]?.text).toContain("reached 90 %");
    } finally {
      watcher.stop();
    }
  });

  it("a new update period alerts again for a threshold still reached", async () => {
    env.clock.set("2026-05-20T14:00:00Z");
    const { accountId } = await makeAccount(env, { tierLimit: 2000 });
    await seedContacts(env, accountId, 1600, { marketing: true });
    expect(await checkTierAlerts(env.svc, accountId)).toHaveLength(1);
    env.clock.set("2026-05-31T14:00:00Z");
    expect(await checkTierAlerts(env.svc, accountId)).toHaveLength(0);
    env.clock.set("2026-06-01T16:00:00Z"); // 1 June 12:00 EDT starts a new period
    expect(await checkTierAlerts(env.svc, accountId)).toHaveLength(1);
  });
});

describe("spike alert", () => {
  it("the smaller of 10 % and 500 contacts, and never a change within the direct-change limit", () => {
    const a = { spikePercent: 10, spikeMin: 500, directLimit: 10 };
    expect(spikeThreshold(a, 100_000)).toBe(500);
    expect(spikeThreshold(a, 2_000)).toBe(200);
    expect(spikeThreshold(a, 20)).toBe(10);
  });

  it("growth above the threshold within an hour alerts at once, naming the sources, once", async () => {
    env.clock.set("2026-05-16T10:00:00Z");
    const { accountId } = await makeAccount(env, { tierLimit: 27000 });
    await withRecipients(env, accountId);
    await seedContacts(env, accountId, 8000, { marketing: true, prefix: "base" });
    expect(await checkSpike(env.svc, accountId)).toBeNull();
    env.clock.set("2026-05-16T10:20:00Z");
    await addMarketing(env, accountId, 300, "form"); // +300: below 500
    expect(await checkSpike(env.svc, accountId)).toBeNull();
    env.clock.set("2026-05-16T10:40:00Z");
    await addMarketing(env, accountId, 450, "import");
    const spike = await checkSpike(env.svc, accountId);
    expect(said(spike)).toContain("grew by 750");
    expect(said(spike)).toContain("import 450, form 300");
    env.clock.set("2026-05-16T10:45:00Z");
    await addMarketing(env, accountId, 600, "rule");
    expect(await checkSpike(env.svc, accountId)).toBeNull(); // one per hour
    expect(await channelMessages(env, accountId, "spike")).toHaveLength(1);
  });

  it("the threshold is settable per account", async () => {
    env.clock.set("2026-05-17T10:00:00Z");
    const { accountId } = await makeAccount(env, { tierLimit: 27000 });
    const { accounts } = await import("../../src/db/schema.ts");
    const { eq } = await import("drizzle-orm");
    await env.svc.db.update(accounts).set({ spikeMin: 100 }).where(eq(accounts.id, accountId));
    await seedContacts(env, accountId, 8000, { marketing: true, prefix: "base" });
    await checkSpike(env.svc, accountId);
    env.clock.set("2026-05-17T10:30:00Z");
    await addMarketing(env, accountId, 150, "api");
    expect(said(await checkSpike(env.svc, accountId))).toContain("api 150");
  });
});
