import { isNull } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { notifications } from "../../src/db/schema.ts";
import { deliverDue, queueMessage } from "../../src/services/outbox.ts";
import { createWebClient } from "../../src/slack/web.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";
import { accountRow, makeAccount, type TestEnv, testEnv } from "../helpers/services.ts";
import { outbox } from "./helpers.ts";

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

const client = () => createWebClient({ token: "xoxb-test", apiUrl: slack.url });

async function queued(key: string) {
  const { accountId } = await makeAccount(env);
  const account = await accountRow(env, accountId);
  await queueMessage(
    env.svc.db,
    account,
    env.clock.now(),
    { key, kind: "test", text: `hello ${key}` },
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
        { key: "k-idem", kind: "test", text: "again" },
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
    expect(slack.callsTo("chat.postMessage").filter((c) => c.body.text === "hello k-500")).toHaveLength(3);
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
});
