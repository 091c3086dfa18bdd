import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { noticeText } from "../../src/commands/notices.ts";
import { accounts } from "../../src/db/schema.ts";
import { runJobsOnce } from "../../src/jobs/run-once.ts";
import { setStatus } from "../../src/services/contacts.ts";
import { processReminders } from "../../src/services/reminders.ts";
import { scheduleDowngrade } from "../../src/services/settings.ts";
import { accountRow, makeAccount, seedContacts, type TestEnv, testEnv } from "../helpers/services.ts";
import { channelMessages, outbox, withRecipients } from "../jobs/helpers.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv("2026-06-20T12:00:00Z");
});
afterAll(async () => {
  await env?.close();
});

describe("reminders (R12)", () => {
  it("before each update date at 3 days and 1 day, each once", async () => {
    env.clock.set("2026-06-20T12:00:00Z");
    const { accountId, member } = await makeAccount(env, {
      term: "annual",
      tierLimit: 2000,
      createdAt: "2026-06-01T12:00:00Z",
    });
    await withRecipients(env, accountId);
    await seedContacts(env, accountId, 100, { marketing: true });
    await setStatus(env.svc, member, "non-marketing", ["c00001@test.io", "c00002@test.io", "c00003@test.io"]);
    const update = async (iso: string) => {
      env.clock.set(iso);
      return (await processReminders(env.svc)).filter((r) => r.accountId === accountId && r.kind === "update-reminder");
    };
    expect(await update("2026-06-28T15:59:59Z")).toEqual([]); // next update 1 July 12:00 EDT; 3 days before is 28 June 16:00Z
    const three = await update("2026-06-28T16:00:00Z");
    expect(three).toHaveLength(1);
    expect(three[0] ? noticeText(three[0].notice) : "").toContain("in 3 days, Wed 1 Jul 2026, 12:00 EDT");
    expect(three[0] ? noticeText(three[0].notice) : "").toContain(
      "3 contacts will become non-marketing; marketing contacts after it: 97 of 2,000",
    );
    expect(await update("2026-06-29T16:00:00Z")).toEqual([]);
    expect(await update("2026-06-30T15:00:00Z")).toEqual([]);
    const one = await update("2026-06-30T16:00:00Z");
    expect(one[0] ? noticeText(one[0].notice) : "").toContain("tomorrow");
    expect(await update("2026-07-01T15:00:00Z")).toEqual([]);
    expect(await channelMessages(env, accountId, "update-reminder")).toHaveLength(2);
  });

  it("a service down past the 3-day lead sends only the 1-day reminder", async () => {
    env.clock.set("2026-07-05T12:00:00Z");
    const { accountId } = await makeAccount(env, { term: "annual", createdAt: "2026-07-02T12:00:00Z" });
    env.clock.set("2026-07-31T17:00:00Z");
    const sent = (await processReminders(env.svc)).filter(
      (r) => r.accountId === accountId && r.kind === "update-reminder",
    );
    expect(sent.map((s) => s.key)).toEqual([`reminder:update:${accountId}:2026-08-01T16:00:00.000Z:1d`]);
  });

  it("honours configured leads", async () => {
    env.clock.set("2026-07-05T12:00:00Z");
    const { accountId } = await makeAccount(env, { term: "annual", createdAt: "2026-07-02T12:00:00Z" });
    await env.svc.db
      .update(accounts)
      .set({ reminderDays: [5] })
      .where(eq(accounts.id, accountId));
    env.clock.set("2026-07-27T16:00:00Z");
    const sent = (await processReminders(env.svc)).filter((r) => r.accountId === accountId);
    expect(sent.map((s) => s.key)).toEqual([`reminder:update:${accountId}:2026-08-01T16:00:00.000Z:5d`]);
  });

  it("7 days before renewal: the lowest tier that holds the count after pending changes and the scheduled downgrade", async () => {
    env.clock.set("2026-06-01T12:00:00Z");
    const { accountId, admin } = await makeAccount(env, {
      term: "monthly",
      contractStart: "2026-01-15",
      tierLimit: 7000,
      createdAt: "2026-01-15T17:00:00Z",
    });
    await seedContacts(env, accountId, 1500, { marketing: true });
    await scheduleDowngrade(env.svc, admin, 2000);
    const renewal = async (iso: string) => {
      env.clock.set(iso);
      return (await processReminders(env.svc)).filter(
        (r) => r.accountId === accountId && r.kind === "renewal-reminder",
      );
    };
    expect(await renewal("2026-06-08T15:59:00Z")).toEqual([]); // renewal 15 June 12:00 EDT
    const r = await renewal("2026-06-08T16:00:00Z");
    expect(r).toHaveLength(1);
    expect(r[0] ? noticeText(r[0].notice) : "").toContain("the lowest tier that holds them is 2,000 contacts");
    expect(r[0] ? noticeText(r[0].notice) : "").toContain("A downgrade to 2,000 contacts is scheduled");
    expect(await renewal("2026-06-10T16:00:00Z")).toEqual([]);
  });
});

describe("scheduled downgrades at renewal (R10) with notifications", () => {
  it("applies a downgrade that fits, telling the admin who scheduled it and the alert channel", async () => {
    env.clock.set("2026-06-01T12:00:00Z");
    const { accountId, admin } = await makeAccount(env, {
      term: "monthly",
      contractStart: "2026-01-15",
      tierLimit: 7000,
      createdAt: "2026-01-15T17:00:00Z",
    });
    await withRecipients(env, accountId);
    await seedContacts(env, accountId, 1500, { marketing: true });
    await scheduleDowngrade(env.svc, admin, 2000);
    env.clock.set("2026-06-15T16:00:30Z");
    const lines = await runJobsOnce(env.svc, { slack: null });
    expect(lines.some((l) => l.includes("tier lowered to 2,000"))).toBe(true);
    expect((await accountRow(env, accountId)).tierLimit).toBe(2000);
    const notes = await outbox(env, accountId, "downgrade-applied");
    expect(notes.map((n) => n.channel ?? n.userId).sort()).toEqual(["C_ALERTS", "UADMIN1"]);
    expect(notes[0]?.text).toContain("the tier is now 2,000 contacts");
    await runJobsOnce(env.svc, { slack: null });
    expect(await outbox(env, accountId, "downgrade-applied")).toHaveLength(2);
  });

  it("cancels a downgrade the count does not fit, and says why", async () => {
    env.clock.set("2026-06-01T12:00:00Z");
    const { accountId, admin } = await makeAccount(env, {
      term: "monthly",
      contractStart: "2026-01-15",
      tierLimit: 7000,
      createdAt: "2026-01-15T17:00:00Z",
    });
    await withRecipients(env, accountId);
    await seedContacts(env, accountId, 2500, { marketing: true });
    await scheduleDowngrade(env.svc, admin, 2000);
    env.clock.set("2026-06-15T16:00:30Z");
    await runJobsOnce(env.svc, { slack: null });
    expect((await accountRow(env, accountId)).tierLimit).toBe(7000);
    const notes = await outbox(env, accountId, "downgrade-cancelled");
    expect(notes.map((n) => n.channel ?? n.userId).sort()).toEqual(["C_ALERTS", "UADMIN1"]);
    expect(notes[0]?.text).toMatch(/cancelled at the renewal .*: .*2,500/);
  });
});
