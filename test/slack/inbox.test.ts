// The inbox on its own: what is written down before the ack, and what is turned away.
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SlackClient } from "../../src/slack/client.ts";
import { BUSY, createInbox, TRY_AGAIN } from "../../src/slack/inbox.ts";
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
    const inbox = createInbox({ svc: { ...env.svc, db: broken }, logger }, client);
    expect(await inbox.receive("command:T1:d", "command", {})).toMatchObject({ ok: false, message: TRY_AGAIN });
  });
});
