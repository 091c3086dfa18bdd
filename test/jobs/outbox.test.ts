import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { notifications } from "../../src/db/schema.ts";
import { claimNextDue, leaseMs, type Notification, queueMessage } from "../../src/services/outbox.ts";
import { deliverClaimed, deliverDue, notificationMessage } from "../../src/slack/outbox-sender.ts";
import { createWebClient, singleTryClient } from "../../src/slack/web.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";
import { accountRow, makeAccount, type TestEnv, testEnv } from "../helpers/services.ts";
import { outbox, textNotice } from "./helpers.ts";

let env: TestEnv;
let slack: FakeSlack;
beforeAll(async () => {
  env = await testEnv("2026-05-15T14:00:00Z");
  slack = await new FakeSlack().start();
});
afterAll(async () => {
  await slack?.stop();
  await env?.close();
});
afterEach(async () => {
  slack.reset();
  // Each test sends only its own messages.
  await env.svc.db
    .update(notifications)
    .set({ sentAt: new Date(0) })
    .where(isNull(notifications.sentAt));
});

/** A sender's Web API client (each call once, default timeout); `timeoutMs` for a shorter one. */
const client = (timeoutMs?: number) =>
  singleTryClient(createWebClient({ token: "xoxb-test", apiUrl: slack.url, ...(timeoutMs ? { timeoutMs } : {}) }));

/** Each chat.postMessage as `channel|text`. */
const posts = () => slack.callsTo("chat.postMessage").map((p) => `${p.body.channel}|${hello(String(p.body.text))}`);
/** The "hello <key>" a test message says, within its words. */
const hello = (text: string) => /hello [\w-]+/.exec(text)?.[0] ?? text;
const where = (r: Notification) => `${r.channel ?? `D${r.userId}`}|${hello(notificationMessage(r).text)}`;

async function queued(key: string) {
  const { accountId } = await makeAccount(env);
  const account = await accountRow(env, accountId);
  await queueMessage(
    env.svc.db,
    account,
    env.clock.now(),
    { key, notice: textNotice(`hello ${key}`) },
    { channel: "C_ALERTS", users: ["UBILL"] },
  );
  return accountId;
}

describe("notification outbox", () => {
  it("queues idempotently by key", async () => {
    const accountId = await queued("k-idem");
    const account = await accountRow(env, accountId);
    expect(
      await queueMessage(
        env.svc.db,
        account,
        env.clock.now(),
        { key: "k-idem", notice: textNotice("again") },
        { channel: "C_ALERTS", users: ["UBILL"] },
      ),
    ).toBe(0);
    expect(await outbox(env, accountId)).toHaveLength(2);
  });

  it("after a 429 waits for Retry-After, then sends, marked sent only after success and never twice", async () => {
    env.clock.set("2026-05-15T14:00:00Z");
    const accountId = await queued("k-429");
    slack.fail("chat.postMessage", { status: 429, retryAfter: 30 });
    const r1 = await deliverDue(env.svc, client());
    expect(r1).toMatchObject({ sent: 0, failed: 1, rateLimited: true });
    let rows = await outbox(env, accountId);
    expect(rows.every((r) => r.sentAt === null)).toBe(true);
    expect(rows[0]?.nextAttemptAt.toISOString()).toBe("2026-05-15T14:00:30.000Z");
    expect(rows[0]?.lastError).toContain("rate limited");
    // The rest of the batch waits too: the limit is per method.
    expect(rows[1]?.nextAttemptAt.toISOString()).toBe("2026-05-15T14:00:30.000Z");

    env.clock.set("2026-05-15T14:00:29Z");
    expect(await deliverDue(env.svc, client())).toMatchObject({ sent: 0, failed: 0 });
    expect(slack.callsTo("chat.postMessage")).toHaveLength(1);

    env.clock.set("2026-05-15T14:00:30Z");
    expect(await deliverDue(env.svc, client())).toMatchObject({ sent: 2, failed: 0 });
    rows = await outbox(env, accountId);
    expect(rows.every((r) => r.sentAt !== null && r.slackTs)).toBe(true);
    const posts = slack.callsTo("chat.postMessage");
    expect(posts.map((p) => p.body.channel)).toEqual(["C_ALERTS", "C_ALERTS", "DUBILL"]);
    expect(slack.callsTo("conversations.open")[0]?.body.users).toBe("UBILL");

    env.clock.set("2026-05-15T14:10:00Z");
    expect(await deliverDue(env.svc, client())).toMatchObject({ sent: 0, failed: 0 });
    expect(slack.callsTo("chat.postMessage")).toHaveLength(3);
  });

  it("after a 500 backs off and retries on a later tick", async () => {
    env.clock.set("2026-05-16T14:00:00Z");
    const accountId = await queued("k-500");
    slack.fail("chat.postMessage", { status: 500 });
    const r1 = await deliverDue(env.svc, client());
    expect(r1).toMatchObject({ sent: 1, failed: 1, rateLimited: false });
    let [channelRow, dmRow] = await outbox(env, accountId);
    expect(channelRow?.sentAt).toBeNull();
    expect(channelRow?.lastError).toContain("500");
    expect(channelRow?.nextAttemptAt.toISOString()).toBe("2026-05-16T14:00:30.000Z");
    expect(dmRow?.sentAt).not.toBeNull();

    expect(await deliverDue(env.svc, client())).toMatchObject({ sent: 0, failed: 0 });
    env.clock.set("2026-05-16T14:01:00Z");
    expect(await deliverDue(env.svc, client())).toMatchObject({ sent: 1, failed: 0 });
    [channelRow] = await outbox(env, accountId);
    expect(channelRow).toMatchObject({ attempts: 2, lastError: null });
    expect(slack.callsTo("chat.postMessage").filter((c) => hello(String(c.body.text)) === "hello k-500")).toHaveLength(
      3,
    );
  });

  it("concurrent senders never send a row twice", async () => {
    env.clock.set("2026-05-17T14:00:00Z");
    for (let i = 0; i < 5; i++) await queued(`k-conc-${i}`);
    const results = await Promise.all([
      deliverDue(env.svc, client()),
      deliverDue(env.svc, client()),
      deliverDue(env.svc, client()),
    ]);
    expect(results.reduce((s, r) => s + r.sent, 0)).toBe(10);
    const posts = slack.callsTo("chat.postMessage").map((p) => `${p.body.channel} ${p.body.text}`);
    expect(new Set(posts).size).toBe(posts.length);
    expect(posts).toHaveLength(10);
  });

  it("while one sender waits on a slow Slack, another sends everything else, and nothing is posted twice", async () => {
    env.clock.set("2026-05-18T14:00:00Z");
    const accountIds = [await queued("k-slow-0"), await queued("k-slow-1"), await queued("k-slow-2")];
    let answer = () => {};
    slack.slow("chat.postMessage", new Promise<void>((resolve) => (answer = resolve)), 1);
    const first = deliverDue(env.svc, client()); // replica A: its first post hangs until `answer`
    await slack.waitFor((calls) => calls.some((c) => c.method === "chat.postMessage"));
    const inFlight = posts()[0];
    const leased = await env.svc.db.select().from(notifications).where(isNotNull(notifications.claimedUntil));
    // Stands in for minutes passing while Slack is slow: every lease on a message that is not
    // being posted runs out. (The post in flight keeps its lease: its call times out first.)
    const waiting = leased.filter((r) => where(r) !== inFlight).map((r) => r.id);
    for (const id of waiting) {
      await env.svc.db
        .update(notifications)
        .set({ claimedUntil: sql`now() - interval '1 second'` })
        .where(eq(notifications.id, id));
    }
    const second = await deliverDue(env.svc, client()); // replica B
    answer();
    const firstReport = await first;
    expect(firstReport.sent + second.sent).toBe(6);
    expect(posts()).toHaveLength(6);
    expect(new Set(posts()).size).toBe(6);
    expect(second.sent).toBe(5);
    // A sender holds a lease only on the message it is posting.
    expect(leased.map(where)).toEqual([inFlight]);
    for (const id of accountIds)
      expect((await outbox(env, id)).every((r) => r.sentAt && r.claimToken === null)).toBe(true);
  });

  it("a post Slack answers too slowly is given up within its lease and sent again after the backoff", async () => {
    env.clock.set("2026-05-19T14:00:00Z");
    const accountIds = [await queued("k-timeout-0"), await queued("k-timeout-1")];
    const timeoutMs = 300;
    slack.slow("chat.postMessage", 2000, 4);
    // Two replicas at once; Slack posts every message it receives but answers after the senders gave up.
    const round1 = Promise.all([deliverDue(env.svc, client(timeoutMs)), deliverDue(env.svc, client(timeoutMs))]);
    await slack.waitFor((calls) => calls.some((c) => c.method === "chat.postMessage"));
    // While a post is in flight its lease runs well past the call's timeout: nobody can take it over.
    const [lease] = await env.svc.db
      .select({ leftMs: sql<string>`extract(epoch from ${notifications.claimedUntil} - now()) * 1000` })
      .from(notifications)
      .where(and(isNotNull(notifications.claimedUntil), isNull(notifications.sentAt)));
    expect(Number(lease?.leftMs)).toBeGreaterThan(timeoutMs * 2);
    expect(Number(lease?.leftMs)).toBeLessThanOrEqual(leaseMs(timeoutMs));
    const reports = await round1;
    expect(reports.reduce((sum, r) => sum + r.failed, 0)).toBe(4);
    expect(reports.reduce((sum, r) => sum + r.sent, 0)).toBe(0);
    expect(reports.flatMap((r) => r.errors).every((e) => e.includes("did not answer in time"))).toBe(true);
    const rows = (await Promise.all(accountIds.map((id) => outbox(env, id)))).flat();
    expect(rows).toHaveLength(4);
    for (const r of rows) {
      // Each failure was recorded by the sender that held the claim: one attempt, backoff from now.
      expect(r).toMatchObject({ sentAt: null, attempts: 1, claimedUntil: null, claimToken: null });
      expect(r.nextAttemptAt.toISOString()).toBe("2026-05-19T14:00:30.000Z");
    }
    // Each message reached Slack once: no second sender posted it while the first waited.
    expect(posts().sort()).toEqual(rows.map(where).sort());

    env.clock.set("2026-05-19T14:00:30Z");
    const round2 = await Promise.all([deliverDue(env.svc, client(timeoutMs)), deliverDue(env.svc, client(timeoutMs))]);
    expect(round2.reduce((sum, r) => sum + r.sent, 0)).toBe(4);
    const after = (await Promise.all(accountIds.map((id) => outbox(env, id)))).flat();
    expect(after.every((r) => r.sentAt !== null && r.attempts === 2 && r.lastError === null)).toBe(true);
    // At least once: Slack had posted the slow ones, so each shows twice, and no more.
    expect(posts().sort()).toEqual([...rows.map(where), ...rows.map(where)].sort());
  });

  it("a message claimed by a sender that died is taken over once its lease has run out", async () => {
    env.clock.set("2026-05-20T14:00:00Z");
    const accountId = await queued("k-dead");
    // A sender claims the channel row with a short lease and dies before calling Slack.
    const dead = await claimNextDue(env.svc, 300);
    expect(dead?.row.key).toBe("k-dead#channel");
    expect(await deliverDue(env.svc, client())).toMatchObject({ sent: 1, failed: 0 });
    expect(posts()).toEqual(["DUBILL|hello k-dead"]);

    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await deliverDue(env.svc, client())).toMatchObject({ sent: 1, failed: 0 });
    expect(posts()).toEqual(["DUBILL|hello k-dead", "C_ALERTS|hello k-dead"]);
    const [channelRow] = await outbox(env, accountId);
    expect(channelRow).toMatchObject({ attempts: 1, claimToken: null });
    expect(channelRow?.sentAt).not.toBeNull();

    // Were the dead sender only frozen, its claim is no longer its own: it records nothing over the new one.
    const late = await deliverClaimed(env.svc, client().client, dead as NonNullable<typeof dead>);
    expect(late).toMatchObject({ sent: true, recorded: false });
    expect((await outbox(env, accountId))[0]).toMatchObject({ slackTs: channelRow?.slackTs, attempts: 1 });
  });
});
