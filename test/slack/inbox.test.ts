// The inbox on its own: what is written down before the ack, and what is turned away.
import { eq, sql } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slackInbox } from "../../src/db/schema.ts";
import { heartbeat, writeDown } from "../../src/services/slack-inbox.ts";
import type { SlackClient } from "../../src/slack/client.ts";
import { createInbox } from "../../src/slack/inbox.ts";
import { BUSY, type InboxHandler, TRY_AGAIN } from "../../src/slack/inbox-contract.ts";
import { driver } from "../helpers/db.ts";
import { type TestEnv, testEnv } from "../helpers/services.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
});
afterAll(async () => {
  await env?.close();
});

const client = {} as SlackClient;
const logger = pino({ level: "silent" });

describe("the inbox", () => {
  it("a delivery is written once: its retry is recognised", async () => {
    const inbox = createInbox({ svc: env.svc, logger }, client);
    const first = await inbox.receive("command:T1:a", "command", { text: "tier" });
    const again = await inbox.receive("command:T1:a", "command", { text: "tier" });
    expect(first).toMatchObject({ ok: true, fresh: true });
    expect(again).toMatchObject({ ok: true, fresh: false });
  });

  it("a replica holding as much as it may turns new requests away as busy, without writing them", async () => {
    const inbox = createInbox({ svc: env.svc, logger }, client, { maxHeld: 1 });
    expect(await inbox.receive("command:T1:b", "command", {})).toMatchObject({ ok: true, fresh: true });
    const busy = await inbox.receive("command:T1:c", "command", {});
    expect(busy).toMatchObject({ ok: false, message: BUSY });
    expect(await inbox.receive("command:T1:c", "command", {})).toMatchObject({ ok: false });
  });

  it("a database that cannot take the write: try again", async () => {
    const broken = new Proxy(env.svc.db, {
      get(target, prop, receiver) {
        if (prop === "insert") throw Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" });
        return Reflect.get(target, prop, receiver);
      },
    });
    const inbox = createInbox({ svc: { ...env.svc, db: broken, receiveDb: broken }, logger }, client);
    expect(await inbox.receive("command:T1:d", "command", {})).toMatchObject({ ok: false, message: TRY_AGAIN });
  });
});

describe("what a done request says about its answer", () => {
  const row = async (key: string) => (await env.svc.db.select().from(slackInbox).where(eq(slackInbox.key, key)))[0];
  const runOne = async (key: string, handler: InboxHandler, svc = env.svc) => {
    const inbox = createInbox({ svc, logger }, client);
    inbox.handle("command", handler);
    const received = await inbox.receive(key, "command", { text: "tier" });
    if (!received.ok) throw new Error("not written down");
    await inbox.run({ key, kind: "command", payload: {}, token: received.token });
    return row(key);
  };

  it("an answer posted right after the work is marked as going out in the work's own commit", async () => {
    // The replica dies before it posts: the answer is not sent by another (it may have arrived).
    const done = await runOne("command:T1:mark-1", async (_p, steps) => {
      await steps.decide(
        async () => 1,
        () => ({ message: { text: "done" } }),
      );
      throw Object.assign(new Error("the replica died here"), { code: "ECONNRESET" });
    });
    expect(done?.state).toBe("done");
    expect(done?.answeringAt).not.toBeNull();
  });

  it("an answer posted after other work is marked only when it is posted: dying before that gets it sent", async () => {
    const done = await runOne("command:T1:mark-2", async (_p, steps) => {
      await steps.decide(
        async () => 1,
        () => ({ message: { text: "done" } }),
        () => false,
      );
      throw Object.assign(new Error("the replica died posting the request"), { code: "ECONNRESET" });
    });
    expect(done?.state).toBe("done");
    expect(done?.answeringAt).toBeNull();
  });

  it("a commit whose outcome was lost with the connection: the mark is cleared, so the saved answer is sent", async () => {
    // The transaction commits, then the client hears only that the connection closed (a failover
    // while committing): this replica cannot know the work was done, and does not answer.
    const unsure = new Proxy(env.svc.db, {
      get(target, prop, receiver) {
        if (prop !== "transaction") return Reflect.get(target, prop, receiver);
        return async (...args: Parameters<typeof target.transaction>) => {
          await target.transaction(...args);
          throw Object.assign(new Error("write CONNECTION_CLOSED"), { code: "CONNECTION_CLOSED" });
        };
      },
    });
    const key = "command:T1:mark-unsure";
    const posted: string[] = [];
    await runOne(
      key,
      async (_p, steps) => {
        await steps.decide(
          async () => 1,
          () => ({ message: { text: "done" } }),
        );
        posted.push("answer");
      },
      { ...env.svc, db: unsure },
    );
    expect(posted).toEqual([]);
    const done = await row(key);
    expect(done?.state).toBe("done");
    // Cleared after the commit turned out to have happened: the sweep sends the saved answer.
    for (let i = 0; i < 50 && (await row(key))?.answeringAt !== null; i++) await new Promise((r) => setTimeout(r, 100));
    expect((await row(key))?.answeringAt).toBeNull();
  });

  it("answered requests are closed together on the next heartbeat, and at once when the inbox stops", async () => {
    const inbox = createInbox({ svc: env.svc, logger }, client);
    inbox.handle("command", async (_p, steps) => {
      await steps.decide(
        async () => 1,
        () => ({ message: null }),
      );
    });
    const keys = ["command:T1:close-1", "command:T1:close-2"];
    for (const key of keys) {
      const received = await inbox.receive(key, "command", {});
      if (!received.ok) throw new Error("not written down");
      await inbox.run({ key, kind: "command", payload: {}, token: received.token });
    }
    // Not yet: no heartbeat has run (the inbox was not started).
    expect((await row(keys[0] as string))?.state).toBe("done");
    await inbox.stop();
    for (const key of keys) expect((await row(key))?.state).toBe("answered");
  });

  it("nothing to answer: nothing is marked", async () => {
    const done = await runOne("command:T1:mark-3", async (_p, steps) => {
      await steps.decide(
        async () => 1,
        () => ({ message: null }),
      );
      throw new Error("stopped");
    });
    expect(done?.answeringAt).toBeNull();
  });
});

describe("a second try of the write before the ack", () => {
  it("counts the row its first try committed as written now, and another's as written before", async () => {
    const row = { key: "command:T1:again", kind: "command", payload: {}, token: "tok-1", replica: "r1" };
    expect(await writeDown(env.svc, row)).toBe(true);
    // The first try committed, but its connection was lost before the answer: the second is fresh.
    expect(await writeDown(env.svc, row, { again: true })).toBe(true);
    // A delivery of the same request by another (a Slack retry, another replica): not fresh.
    expect(await writeDown(env.svc, { ...row, token: "tok-2", replica: "r2" }, { again: true })).toBe(false);
    expect(await writeDown(env.svc, { ...row, token: "tok-2", replica: "r2" })).toBe(false);
    const [stored] = await env.svc.db.select().from(slackInbox).where(eq(slackInbox.key, row.key));
    expect(stored).toMatchObject({ claimToken: "tok-1", claimedBy: "r1", state: "queued" });
  });
});

describe("the write before the ack on a Postgres server", () => {
  // PGlite has one connection for everything: there is no pool for work to exhaust.
  it.runIf(driver === "postgres")(
    "does not wait for work holding every connection of the pool",
    async () => {
      const inbox = createInbox({ svc: env.svc, logger }, client);
      // Every connection of the work's pool (10) is busy for 3 s.
      const hold = Array.from({ length: 10 }, () =>
        env.svc.db.transaction(async (tx) => {
          await tx.execute(sql`select pg_sleep(3)`);
        }),
      );
      await new Promise((r) => setTimeout(r, 200));
      const started = performance.now();
      const received = await inbox.receive("command:T1:pool", "command", { text: "tier" });
      const ms = performance.now() - started;
      expect(received).toMatchObject({ ok: true, fresh: true });
      expect(ms).toBeLessThan(2000);
      // Nor does the heartbeat: a replica whose work holds every connection is not taken for dead.
      const beatStarted = performance.now();
      await heartbeat(env.svc, "a-busy-replica");
      expect(performance.now() - beatStarted).toBeLessThan(2000);
      await Promise.all(hold);
    },
    20_000,
  );
});
