// Webhooks end to end: a receiver verifies every delivery with the standardwebhooks package's own
// verifier; an update date of 100,000 contacts arrives as batches, every contact's change exactly
// once after de-duplication by event id and in order per contact, though the receiver first fails
// and later is down for an hour of clock time.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverWebhooks, WEBHOOK_BATCH } from "../../src/jobs/webhooks.ts";
import { setStatus } from "../../src/services/contacts.ts";
import { pendingNotifications } from "../../src/services/outbox.ts";
import { processDueRollovers } from "../../src/services/rollover.ts";
import { addWebhook, listWebhooks, requestWebhookTest } from "../../src/services/webhooks/index.ts";
import { feedCaughtUp, makeAccount, seedContacts, type TestEnv, testEnv } from "../helpers/services.ts";

const logger = pino({ level: "silent" });

interface Received {
  id: string;
  type: string;
  contact?: { id: number; email: string | null };
  status?: string;
  pending?: boolean;
}

/** A webhook receiver on 127.0.0.1 that verifies signatures and can fail or be down. */
class Receiver {
  server: Server | null = null;
  port = 0;
  secret = "";
  failNext = 0;
  messages = 0;
  rejected = 0;
  readonly events: Received[] = [];
  readonly types: string[] = [];

  async start(port = 0): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        if (this.failNext > 0) {
          this.failNext--;
          res.writeHead(503).end("try later");
          return;
        }
        const body = Buffer.concat(chunks).toString("utf8");
        try {
          const payload = new Webhook(this.secret).verify(body, req.headers as Record<string, string>) as {
            type: string;
            data: { events?: Received[] };
          };
          this.messages++;
          this.types.push(payload.type);
          this.events.push(...(payload.data.events ?? []));
          res.writeHead(204).end();
        } catch {
          this.rejected++;
          res.writeHead(400).end("bad signature");
        }
      });
    });
    await new Promise<void>((r) => this.server?.listen(port, "127.0.0.1", r));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (!s) return;
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
}

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv("2026-05-28T14:00:00Z");
});
afterAll(async () => {
  await env?.close();
});

/** Delivers until nothing is due now, moving the clock past backoffs up to `untilMs` of clock time. */
async function deliverFor(untilMs: number, stepMs = 60_000, accountId?: number) {
  const end = env.clock.now().getTime() + untilMs;
  if (accountId !== undefined) await feedCaughtUp(env, accountId);
  for (;;) {
    const r = await deliverWebhooks(env.svc, { logger, budgetMs: 60_000 });
    if (r.sent === 0 && r.failed === 0) {
      if (env.clock.now().getTime() >= end) return;
      env.clock.advance(stepMs);
    }
  }
}

describe("webhooks", () => {
  it("refuse non-https and private addresses unless local ones are allowed, and unknown events", async () => {
    const a = await makeAccount(env);
    const strict = { ...env.svc, webhookAllowLocal: false };
    await expect(addWebhook(strict, a.admin, { url: "http://example.com/hook", events: [] })).rejects.toThrow(/https/);
    await expect(addWebhook(strict, a.admin, { url: "https://127.0.0.1/hook", events: [] })).rejects.toThrow(
      /not a public address/,
    );
    await expect(addWebhook(strict, a.admin, { url: "https://[::ffff:10.0.0.1]/hook", events: [] })).rejects.toThrow(
      /not a public address/,
    );
    await expect(addWebhook(strict, a.admin, { url: "https://localhost/hook", events: [] })).rejects.toThrow(
      /not a public host/,
    );
    await expect(addWebhook(strict, a.admin, { url: "https://user:pw@example.com/", events: [] })).rejects.toThrow(
      /password/,
    );
    await expect(
      addWebhook(env.svc, a.admin, { url: "http://127.0.0.1:9/x", events: ["contact.exploded"] }),
    ).rejects.toThrow(/contact.exploded is not an event/);
    await expect(addWebhook(env.svc, a.member, { url: "http://127.0.0.1:9/x", events: [] })).rejects.toThrow(/admin/i);
  });

  it("an update date of 100,000 contacts arrives in batches, each contact once and in order, through failures and an hour down", {
    timeout: 240_000,
  }, async () => {
    const a = await makeAccount(env, { tierLimit: 150_000 });
    const receiver = new Receiver();
    await receiver.start();
    const { endpoint, secret } = await addWebhook(env.svc, a.admin, {
      url: `http://127.0.0.1:${receiver.port}/hooks`,
      events: ["contact.status_changed"],
    });
    receiver.secret = secret;
    // 100,000 contacts waiting for the update date of 1 June (noon New York).
    const pendingSince = new Date("2026-05-20T12:00:00Z");
    await seedContacts(env, a.accountId, 50_000, { prefix: "a", marketing: true, pendingSince });
    await seedContacts(env, a.accountId, 50_000, { prefix: "b", marketing: true, pendingSince });
    env.clock.set("2026-06-01T16:00:01Z");
    const rolled = (await processDueRollovers(env.svc)).filter((r) => r.accountId === a.accountId);
    expect(rolled.reduce((sum, r) => sum + r.changed, 0)).toBe(100_000);

    // The receiver fails the first three attempts: backoff, then it catches up.
    receiver.failNext = 3;
    await deliverFor(10 * 60_000, 60_000, a.accountId);
    expect(receiver.rejected).toBe(0);
    expect(receiver.messages).toBe(100_000 / WEBHOOK_BATCH);
    expect(receiver.types.every((t) => t === "contact.status_changed")).toBe(true);

    // Then it is down for an hour while two contacts come back as marketing.
    const port = receiver.port;
    await receiver.stop();
    await setStatus(env.svc, a.admin, "marketing", ["a00001@test.io", "b00007@test.io"]);
    await deliverFor(60 * 60_000, 5 * 60_000, a.accountId);
    const [failing] = await listWebhooks(env.svc, a.admin);
    expect(failing?.failingSince).not.toBeNull();
    expect(failing?.disabledAt).toBeNull();
    await receiver.start(port);
    await deliverFor(2 * 60 * 60_000, 5 * 60_000, a.accountId);

    // Every contact's changes exactly once after de-duplication by id, in order per contact.
    const unique = new Map(receiver.events.map((e) => [e.id, e]));
    const perContact = new Map<string, Received[]>();
    for (const e of unique.values()) {
      const email = e.contact?.email ?? "";
      perContact.set(email, [...(perContact.get(email) ?? []), e]);
    }
    expect(perContact.size).toBe(100_000);
    expect(unique.size).toBe(100_002);
    expect(perContact.get("a00001@test.io")?.map((e) => [e.status, e.pending])).toEqual([
      ["non-marketing", false],
      ["marketing", false],
    ]);
    expect(perContact.get("b00007@test.io")?.map((e) => e.status)).toEqual(["non-marketing", "marketing"]);
    expect(perContact.get("b12345@test.io")?.map((e) => [e.status, e.pending])).toEqual([["non-marketing", false]]);
    expect((await listWebhooks(env.svc, a.admin))[0]).toMatchObject({
      failingSince: null,
      attempts: 0,
      id: endpoint.id,
    });
    await receiver.stop();
  });

  it("an endpoint failing for 3 days is turned off with a notice; a test message turns it back on", async () => {
    const a = await makeAccount(env);
    const receiver = new Receiver();
    await receiver.start();
    const { secret } = await addWebhook(env.svc, a.admin, { url: `http://127.0.0.1:${receiver.port}/`, events: [] });
    receiver.secret = secret;
    receiver.failNext = 1_000_000;
    await requestWebhookTest(env.svc, a.admin, (await listWebhooks(env.svc, a.admin))[0]?.id ?? 0);
    await deliverFor(3 * 86_400_000 + 3_600_000, 3_600_000);
    const [off] = await listWebhooks(env.svc, a.admin);
    expect(off?.disabledAt).not.toBeNull();
    const notices = (await pendingNotifications(env.svc, a.accountId)).filter((n) => n.kind === "webhook-disabled");
    expect(notices.length).toBeGreaterThan(0);
    receiver.failNext = 0;
    await requestWebhookTest(env.svc, a.admin, off?.id ?? 0);
    await deliverFor(60_000);
    expect(receiver.types).toContain("webhook.test");
    expect((await listWebhooks(env.svc, a.admin))[0]).toMatchObject({ disabledAt: null, failingSince: null });
    await receiver.stop();
  });
});
