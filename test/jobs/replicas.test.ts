import { asc, eq, isNotNull, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "../../src/db/client.ts";
import { notifications, updateRuns } from "../../src/db/schema.ts";
import { DEFAULT_PRICING } from "../../src/domain/pricing.ts";
import { createScheduler, type Scheduler, type TickReport } from "../../src/jobs/scheduler.ts";
import { setStatus } from "../../src/services/contacts.ts";
import { ChangeEvents } from "../../src/services/context.ts";
import { queueMessage } from "../../src/services/outbox.ts";
import { createWebClient } from "../../src/slack/web.ts";
import { ManualClock } from "../helpers/clock.ts";
import { driver, freshDatabase } from "../helpers/db.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";
import { accountRow, makeAccount, seedContacts, type TestEnv } from "../helpers/services.ts";
import { addMarketing, silent, textNotice, withRecipients } from "./helpers.ts";

interface Replica {
  env: TestEnv;
  scheduler: Scheduler;
  database: Database;
}

let base: Database & { url: string };
let slack: FakeSlack;
const replicas: Replica[] = [];

// Three tierkeeper processes = three connection pools, clocks and schedulers on one Postgres database.
describe.skipIf(driver !== "postgres")("three schedulers on one Postgres database", () => {
  beforeAll(async () => {
    base = await freshDatabase();
    slack = await new FakeSlack().start();
    for (let i = 0; i < 3; i++) {
      const database = await openDatabase(base.url, { migrate: false, max: 4 });
      const clock = new ManualClock(new Date("2026-04-20T15:00:00Z"));
      const svc = { db: database.db, clock, pricing: DEFAULT_PRICING, configAdmins: [], events: new ChangeEvents() };
      const env: TestEnv = { svc, clock, close: () => database.close() };
      const scheduler = createScheduler(svc, {
        slack: createWebClient({ token: "xoxb-test", apiUrl: slack.url }),
        logger: silent,
      });
      replicas.push({ env, scheduler, database });
    }
  });
  afterAll(async () => {
    for (const r of replicas) {
      await r.scheduler.stop();
      await r.database.close();
    }
    await slack?.stop();
    await base?.close();
  });

  const at = (iso: string) => {
    for (const r of replicas) r.env.clock.set(iso);
  };
  const tickAll = async (): Promise<TickReport[]> => {
    const reports = await Promise.all(replicas.map((r) => r.scheduler.tick()));
    expect(reports.filter((r) => r.ran)).toHaveLength(1); // one fire per minute, whoever claims it
    expect(reports.some((r) => r.failed)).toBe(false);
    return reports;
  };

  it("every rollover and every alert happens exactly once", async () => {
    const [a, b, c] = replicas as [Replica, Replica, Replica];
    at("2026-04-20T15:00:00Z");
    const { accountId, member } = await makeAccount(a.env, {
      term: "annual",
      tierLimit: 2000,
      createdAt: "2026-04-02T12:00:00Z",
    });
    await withRecipients(a.env, accountId);
    await seedContacts(a.env, accountId, 1400, { marketing: true });
    await tickAll();

    await setStatus(a.env.svc, member, "non-marketing", ["c00001@test.io", "c00002@test.io", "c00003@test.io"]);
    // A change in one process while all three tick: its listener and their ticks race for the 75 % alert.
    at("2026-04-20T15:01:00Z");
    await Promise.all([addMarketing(b.env, accountId, 200), tickAll()]);
    // A minute later, as in production: a tick that ran before the change committed, and a listener
    // check that failed, are caught up by the next tick within the hour (the other steps have one).
    for (const r of replicas) await r.scheduler.watcher.settled();
    at("2026-04-20T15:02:00Z");
    await tickAll();

    at("2026-05-01T16:00:10Z"); // 1 May 12:00 EDT has passed: rollover
    await tickAll();
    await Promise.all([addMarketing(c.env, accountId, 300), ...replicas.map((r) => r.scheduler.deliverSoon())]);
    at("2026-05-01T16:01:00Z");
    await tickAll();

    at("2026-05-29T16:00:30Z"); // 3 days before 1 June
    await tickAll();
    at("2026-06-01T16:00:05Z");
    await tickAll();
    at("2026-06-01T16:02:00Z");
    await Promise.all([addMarketing(a.env, accountId, 200), tickAll()]); // 2,097 > 2,000: upgrade
    at("2026-06-01T16:03:00Z");
    await tickAll();
    at("2026-07-01T16:00:00Z");
    await tickAll();
    at("2026-07-01T16:01:00Z");
    await tickAll(); // delivers anything queued by the last work
    for (const r of replicas) await r.scheduler.watcher.settled();
    await Promise.all(replicas.map((r) => r.scheduler.deliverSoon()));

    const runs = await a.env.svc.db.select().from(updateRuns).where(eq(updateRuns.accountId, accountId));
    expect(runs.map((r) => [r.instant.toISOString(), r.changed]).sort()).toEqual([
      ["2026-05-01T16:00:00.000Z", 3],
      ["2026-06-01T16:00:00.000Z", 0],
      ["2026-07-01T16:00:00.000Z", 0],
    ]);

    const rows = await a.env.svc.db
      .select()
      .from(notifications)
      .where(eq(notifications.accountId, accountId))
      .orderBy(asc(notifications.id));
    const channelKinds = rows.filter((r) => r.channel).map((r) => r.kind);
    const count = (k: string) => channelKinds.filter((x) => x === k).length;
    expect(count("update-summary")).toBe(3);
    expect(count("upgrade")).toBe(1);
    expect(count("update-reminder")).toBe(1);
    // +200, +300 and +200 within an hour, each above 10 % of the count: one alert each (named by its hour).
    expect(
      rows.filter((r) => r.channel && r.kind === "spike").map((r) => r.createdAt.toISOString().slice(0, 13)),
    ).toEqual(["2026-04-20T15", "2026-05-01T16", "2026-06-01T16"]);
    // 75 % (April), 75 % again in May's period then 90 %, 90 % again in June's period.
    expect(
      rows.filter((r) => r.channel && r.kind === "threshold").map((r) => (r.payload as { level: number }).level),
    ).toEqual([75, 75, 90, 90]);

    expect(rows.every((r) => r.sentAt !== null)).toBe(true);
    const posts = slack.callsTo("chat.postMessage").map((p) => `${p.body.channel}|${p.body.text}`);
    const dup = posts.filter((p, i) => posts.indexOf(p) !== i);
    expect(dup).toEqual([]);
    expect(posts).toHaveLength(rows.length);
    expect(new Set(posts).size).toBe(posts.length);
  });

  it("a replica stuck on a slow Slack holds only the message it is posting; the others send the rest once", async () => {
    const [a, b, c] = replicas as [Replica, Replica, Replica];
    at("2026-08-03T09:00:00Z");
    const { accountId } = await makeAccount(a.env);
    const account = await accountRow(a.env, accountId);
    for (let i = 0; i < 5; i++) {
      await queueMessage(
        a.env.svc.db,
        account,
        a.env.clock.now(),
        { key: `slow-${i}`, notice: textNotice(`slow replica ${i}`) },
        { channel: "C_SLOW", users: ["USLOW"] },
      );
    }
    const mine = () =>
      slack
        .callsTo("chat.postMessage")
        .map((p) => `${p.body.channel}|${p.body.text}`)
        .filter((p) => p.includes("slow replica"));
    let answer = () => {};
    slack.slow("chat.postMessage", new Promise<void>((resolve) => (answer = resolve)), 1);
    const stuck = a.scheduler.deliverSoon();
    await slack.waitFor(() => mine().length === 1);
    const leased = await a.env.svc.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(isNotNull(notifications.claimedUntil));
    // Minutes pass while Slack is slow: a lease on a message not being posted would run out by now.
    await a.env.svc.db
      .update(notifications)
      .set({ claimedUntil: sql`now() - interval '1 second'` })
      .where(sql`${notifications.claimedUntil} is not null and ${notifications.key} <> 'slow-0#channel'`);
    await Promise.all([b.scheduler.deliverSoon(), c.scheduler.deliverSoon()]);
    expect(mine()).toHaveLength(10);
    answer();
    await stuck;
    const posts = mine();
    expect(posts).toHaveLength(10);
    expect(new Set(posts).size).toBe(10);
    expect(leased).toHaveLength(1);
    const rows = await a.env.svc.db.select().from(notifications).where(eq(notifications.accountId, accountId));
    expect(rows.every((r) => r.sentAt !== null)).toBe(true);
  });
});
