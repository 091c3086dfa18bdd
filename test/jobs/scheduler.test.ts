import { eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../src/db/client.ts";
import { updateRuns } from "../../src/db/schema.ts";
import { createScheduler, fireKey } from "../../src/jobs/scheduler.ts";
import { setStatus } from "../../src/services/contacts.ts";
import type { Services } from "../../src/services/context.ts";
import { makeAccount, seedContacts, type TestEnv, testEnv } from "../helpers/services.ts";
import { channelMessages, silent } from "./helpers.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv("2026-05-20T15:00:00Z");
});
afterAll(async () => {
  await env?.close();
});

describe("scheduler tick", () => {
  it("one fire per minute: a second tick in the same minute does not run the work again", async () => {
    env.clock.set("2026-05-20T15:00:20Z");
    const s = createScheduler(env.svc, { slack: null, logger: silent });
    expect(fireKey(env.clock.now())).toBe("tick:2026-05-20T15:00");
    expect((await s.tick()).ran).toBe(true);
    env.clock.set("2026-05-20T15:00:50Z");
    expect((await s.tick()).ran).toBe(false);
    env.clock.set("2026-05-20T15:01:00Z");
    expect((await s.tick()).ran).toBe(true);
    await s.stop();
  });

  it("a tick while the database is down fails and logs; a later tick catches up, nothing skipped or doubled", async () => {
    env.clock.set("2026-05-25T15:00:00Z");
    const { accountId, member } = await makeAccount(env, { term: "annual", createdAt: "2026-05-02T12:00:00Z" });
    await seedContacts(env, accountId, 5, { marketing: true });
    await setStatus(env.svc, member, "non-marketing", ["c00001@test.io"]);

    let down = true;
    const db = new Proxy(env.svc.db, {
      get(target, prop, receiver) {
        if (down) throw new Error("Connection terminated unexpectedly");
        return Reflect.get(target, prop, receiver);
      },
    }) as Db;
    const svc: Services = { ...env.svc, db };
    const logs: string[] = [];
    const logger = pino({ level: "error" }, { write: (line: string) => void logs.push(line) });
    const s = createScheduler(svc, { slack: null, logger });

    env.clock.set("2026-06-01T16:00:30Z");
    const failed = await s.tick();
    expect(failed).toMatchObject({ ran: false, failed: true });
    expect(logs.join("")).toContain("Connection terminated unexpectedly");
    down = false;
    expect(await env.svc.db.select().from(updateRuns).where(eq(updateRuns.accountId, accountId))).toEqual([]);

    env.clock.set("2026-06-01T16:01:00Z");
    const ok = await s.tick();
    expect(ok).toMatchObject({ ran: true, failed: false });
    const runs = await env.svc.db.select().from(updateRuns).where(eq(updateRuns.accountId, accountId));
    expect(runs.map((r) => [r.instant.toISOString(), r.changed])).toEqual([["2026-06-01T16:00:00.000Z", 1]]);
    env.clock.set("2026-06-01T16:02:00Z");
    await s.tick();
    expect(await channelMessages(env, accountId, "update-summary")).toHaveLength(0); // no channel: kept undeliverable
    const { outbox } = await import("./helpers.ts");
    expect((await outbox(env, accountId, "update-summary")).length).toBe(1);
    await s.stop();
  });

  it("a tick that failed because the database was unavailable is tried again within its minute", async () => {
    env.clock.set("2026-06-25T15:00:00Z");
    const { accountId, member } = await makeAccount(env, { term: "annual", createdAt: "2026-06-02T12:00:00Z" });
    await seedContacts(env, accountId, 3, { marketing: true });
    await setStatus(env.svc, member, "non-marketing", ["c00001@test.io"]);
    let failures = 2;
    const db = new Proxy(env.svc.db, {
      get(target, prop, receiver) {
        if (failures > 0 && prop === "insert") {
          failures--;
          throw Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
        }
        return Reflect.get(target, prop, receiver);
      },
    }) as Db;
    const s = createScheduler({ ...env.svc, db }, { slack: null, logger: silent, retryAfterMs: 20 });
    env.clock.set("2026-07-01T16:00:10Z");
    const report = await s.tickUntilDone();
    expect(report).toMatchObject({ ran: true, failed: false });
    expect(failures).toBe(0);
    const runs = await env.svc.db.select().from(updateRuns).where(eq(updateRuns.accountId, accountId));
    expect(runs.map((r) => [r.instant.toISOString(), r.changed])).toEqual([["2026-07-01T16:00:00.000Z", 1]]);
    await s.stop();
  });
});
