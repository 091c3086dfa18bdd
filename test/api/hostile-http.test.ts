// Hostile HTTP against both servers the service runs: the standalone intake server (local and
// Socket Mode) and the HTTP-mode Slack app with the intake API on Bolt's custom routes. Every
// request is answered or its connection closed, slow requests end, /healthz stays up, and the
// process never dies of a request (an uncaught exception would fail this file's worker).

import { createConnection } from "node:net";
import fc from "fast-check";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ApiRoute } from "../../src/api/routes.ts";
import { serveApi } from "../../src/api/server.ts";
import { API_BASE, apiV1Listener } from "../../src/api/v1/app.ts";
import { loadConfig } from "../../src/config.ts";
import { createApiKey } from "../../src/services/api-keys.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { makeAccount } from "../helpers/services.ts";
import { signatureHeaders } from "../helpers/slack-sign.ts";

// Short limits so slow-request attacks end within the test; production uses HTTP_LIMITS.
const LIMITS = { headersTimeoutMs: 300, requestTimeoutMs: 700, checkIntervalMs: 50 };
/** How long a slow attack may hold a connection: the request timeout plus checks and scheduling. */
const SLOW_BOUND_MS = 2_500;

// Routes that fail as badly as a handler can: a synchronous throw and a rejected promise.
const failingRoutes = [
  {
    path: "/test/throws",
    method: "GET",
    handler: () => {
      throw new Error("handler threw");
    },
  },
  {
    path: "/test/rejects",
    method: "GET",
    handler: async () => {
      throw new Error("handler rejected");
    },
  },
] as unknown as ApiRoute[];

interface Target {
  base: string;
  port: number;
  apiKey: string;
  slackEvents: boolean;
}

let api: Awaited<ReturnType<typeof serveApi>>;
let app: TestApp;
const targets: Record<string, Target> = {};

beforeAll(async () => {
  // One database behind both servers, as `tierkeeper start` has one.
  app = await startTestApp({ intakeApi: true, apiRoutes: failingRoutes as never, httpLimits: LIMITS });
  const logger = pino({ level: "silent" });
  api = await serveApi(app.env.svc, 0, undefined, failingRoutes, {
    limits: LIMITS,
    logger,
    mount: { prefix: API_BASE, handler: apiV1Listener({ svc: app.env.svc, logger }) },
  });
  const { admin } = await makeAccount(app.env);
  const { apiKey } = await createApiKey(app.env.svc, admin, [
    "contacts:read",
    "contacts:write",
    "status:write",
    "changes:read",
  ]);
  targets.standalone = { base: api.url, port: Number(new URL(api.url).port), apiKey, slackEvents: false };
  targets.slack = { base: app.base, port: Number(new URL(app.base).port), apiKey, slackEvents: true };
});
afterAll(async () => {
  await api?.close();
  await app?.close();
});

interface Exchange {
  text: string;
  status: number | null;
  /** The server closed (or reset) the connection. */
  closed: boolean;
  ms: number;
}

/**
 * Sends raw bytes over a fresh connection and waits (bounded) until the server closes it. With
 * `end` the client half-closes after writing, as a client that has nothing more to say.
 */
function exchange(
  port: number,
  data: string | Buffer,
  opts: { end?: boolean; timeoutMs?: number; trickle?: string } = {},
): Promise<Exchange> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = createConnection({ port, host: "127.0.0.1" });
    const got: Buffer[] = [];
    let done = false;
    let drip: NodeJS.Timeout | undefined;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      clearInterval(drip);
      socket.destroy();
      const text = Buffer.concat(got).toString("latin1");
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ text, status: m ? Number(m[1]) : null, closed, ms: Date.now() - started });
    };
    const timer = setTimeout(() => finish(false), opts.timeoutMs ?? 3_000);
    socket.on("data", (d) => got.push(d));
    socket.on("error", () => finish(true));
    socket.on("close", () => finish(true));
    if (data.length > 0) socket.write(data);
    if (opts.trickle) {
      const trickle = opts.trickle;
      drip = setInterval(() => {
        if (!socket.destroyed) socket.write(trickle);
      }, 40);
    }
    if (opts.end) socket.end();
  });
}

/**
 * Streams `chunk` after `head` until the server answers or closes (at most `maxBytes`), then
 * waits for the close: how a body without end meets the size cap.
 */
function streamBody(port: number, head: string, maxBytes: number): Promise<Exchange & { sent: number }> {
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = createConnection({ port, host: "127.0.0.1" });
    const chunk = Buffer.from(`10000\r\n${"x".repeat(0x10000)}\r\n`);
    const got: Buffer[] = [];
    let sent = 0;
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(got).toString("latin1");
      const m = /^HTTP\/1\.[01] (\d{3})/.exec(text);
      resolve({ text, status: m ? Number(m[1]) : null, closed, ms: Date.now() - started, sent });
    };
    const timer = setTimeout(() => finish(false), 15_000);
    socket.on("data", (d) => got.push(d));
    socket.on("error", () => finish(true));
    socket.on("close", () => finish(true));
    const pump = () => {
      while (!done && got.length === 0 && sent < maxBytes) {
        sent += chunk.length;
        if (!socket.write(chunk)) {
          socket.once("drain", pump);
          return;
        }
      }
    };
    socket.write(head);
    pump();
  });
}

async function expectHealthy(t: Target) {
  const res = await fetch(`${t.base}/healthz`, { signal: AbortSignal.timeout(2_000) });
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ ok: true });
}

// Request lines and heads a parser or a router may choke on.
const MALFORMED_HEADS = [
  "GET http://[ HTTP/1.1\r\nHost: x\r\n\r\n",
  "GET http://[::1 HTTP/1.1\r\nHost: x\r\n\r\n",
  "GET http://user:pass@[bad HTTP/1.1\r\nHost: x\r\n\r\n",
  "GET /api/contacts/%E0%A4%A HTTP/1.1\r\nHost: x\r\n\r\n",
  "GET /api/contacts/%ZZ HTTP/1.1\r\nHost: x\r\n\r\n",
  "GET /%ED%A0%80 HTTP/1.1\r\nHost: x\r\n\r\n",
  "GET /../../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
  "GET * HTTP/1.1\r\nHost: x\r\n\r\n",
  "OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n",
  "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com\r\n\r\n",
  "GET / HTTP/9.9\r\nHost: x\r\n\r\n",
  "GET /\r\n\r\n",
  "BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n",
  "GARBAGE\r\n\r\n",
  "\u0000\u0001\u0002\u00ff\u00fe\r\n\r\n",
  "GET /\u00ff\u00fe HTTP/1.1\r\nHost: x\r\n\r\n",
  "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0000b\r\n\r\n",
  "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Fold: a\r\n  b\r\n\r\n",
  "GET /healthz HTTP/1.1\nHost: x\n\n",
  "POST /api/contacts HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n",
  "POST /api/contacts HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello",
  "POST /api/contacts HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
  "POST /api/contacts HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n",
  "POST /slack/events HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n",
  `GET /${"a".repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
  // The HTTP API v1 (Hono): bad %-encoding, odd paths and methods, bodies that lie about their size.
  "GET /api/v1/contacts/%E0%A4%A HTTP/1.1\r\nHost: x\r\n\r\n",
  "GET /api/v1/%ZZ/../tier HTTP/1.1\r\nHost: x\r\n\r\n",
  "GET /api/v1/contacts?limit=%FF&cursor=%00 HTTP/1.1\r\nHost: x\r\n\r\n",
  "BREW /api/v1/tier HTTP/1.1\r\nHost: x\r\n\r\n",
  "GET http://[ /api/v1/tier HTTP/1.1\r\nHost: x\r\n\r\n",
  "POST /api/v1/contacts HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
  `GET /api/v1/${"a/".repeat(5_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
  `GET /healthz HTTP/1.1\r\nHost: x\r\nX-Huge: ${"h".repeat(40_000)}\r\n\r\n`,
  `GET /healthz HTTP/1.1\r\nHost: x\r\n${Array.from({ length: 3_000 }, (_, i) => `X-${i}: y`).join("\r\n")}\r\n\r\n`,
];

// Any code point (fast-check's own "binary" unit costs seconds to set up).
const anyChar = fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c));

describe.each([
  ["the standalone intake server (local and Socket Mode)", "standalone"],
  ["the HTTP-mode Slack app (intake API on Bolt's custom routes)", "slack"],
])("hostile HTTP against %s", (_name, key) => {
  const target = () => targets[key] as Target;

  it("a request line that is not a valid URL gets 400, and the service stays up", async () => {
    const r = await exchange(target().port, "GET http://[ HTTP/1.1\r\nHost: x\r\n\r\n", { end: true });
    expect(r.status).toBe(400);
    const bad = await exchange(target().port, "GET /api/contacts/%E0%A4%A HTTP/1.1\r\nHost: x\r\n\r\n", { end: true });
    expect(bad.status).toBe(400);
    await expectHealthy(target());
  });

  it("answers or closes every malformed request, and /healthz answers between them", async () => {
    for (const head of MALFORMED_HEADS) {
      const r = await exchange(target().port, head, { end: true });
      expect(r.closed, JSON.stringify(head.slice(0, 60))).toBe(true);
      if (r.status !== null) expect(r.status, JSON.stringify(head.slice(0, 60))).toBeLessThan(500);
      await expectHealthy(target());
    }
  });

  it("a route handler that throws or rejects answers 500, and the process lives on", async () => {
    for (const path of ["/test/throws", "/test/rejects"]) {
      const res = await fetch(`${target().base}${path}`);
      expect(res.status, path).toBe(500);
      expect(await res.json()).toMatchObject({ error: "internal_error" });
    }
    await expectHealthy(target());
  });

  it("generated garbage request heads are answered or closed", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc
            .uint8Array({ minLength: 1, maxLength: 300 })
            .map((b) => Buffer.concat([Buffer.from(b), Buffer.from("\r\n\r\n")])),
          fc
            .string({ unit: anyChar, maxLength: 80 })
            .map((p) => Buffer.from(`GET /${p} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)),
          fc
            .string({ unit: anyChar, maxLength: 80 })
            .map((p) => Buffer.from(`GET /api/contacts/${p} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)),
          fc
            .string({ unit: anyChar, maxLength: 80 })
            .map((p) => Buffer.from(`GET /api/v1/contacts/${p} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)),
        ),
        async (bytes) => {
          const r = await exchange(target().port, bytes, { end: true });
          expect(r.closed).toBe(true);
          if (r.status !== null) expect(r.status).toBeLessThan(500);
        },
      ),
      { numRuns: 60 },
    );
    await expectHealthy(target());
  });

  it("bad JSON, invalid UTF-8 and wrong content types get 4xx with a reason, never 500", async () => {
    const post = (body: string | Uint8Array, contentType?: string) =>
      fetch(`${target().base}/api/contacts`, {
        method: "POST",
        headers: {
          authorization: `Bearer ${target().apiKey}`,
          ...(contentType ? { "content-type": contentType } : {}),
        },
        body,
      });
    const badJson = await post("{not json", "application/json");
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toMatchObject({ error: "invalid_json" });
    const notUtf8 = await post(new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), "application/json");
    expect(notUtf8.status).toBe(400);
    expect(await notUtf8.json()).toEqual({ error: "invalid_body", errors: ["the body is not valid UTF-8 text"] });
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
      undefined,
    ]) {
      const form = await post("email=a%40acme.io&source=api", type);
      expect(form.status, String(type)).toBe(400);
    }
    await expectHealthy(target());
  });

  it("generated JSON bodies never get a 500", async () => {
    const nasty = fc.string({
      unit: fc.oneof(
        fc.constantFrom("\u0000", "\ud800", "\udc00", "\ufeff", "\u202e", "'", '"', "\\", "%"),
        fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
        fc.constantFrom("a", "b", "@"),
      ),
      maxLength: 20,
    });
    // Mostly well-formed contacts, so the nasty text reaches the database rather than the email check.
    const contact = fc.record(
      {
        email: fc.oneof(
          { arbitrary: fc.stringMatching(/^[a-z0-9.+]{1,12}@acme\.io$/), weight: 4 },
          { arbitrary: nasty, weight: 1 },
          { arbitrary: nasty.map((s) => `${s}@acme.io`), weight: 1 },
        ),
        source: fc.oneof(
          { arbitrary: fc.constantFrom("api", "form", "integration:zoom"), weight: 4 },
          { arbitrary: nasty, weight: 1 },
        ),
        firstName: fc.oneof(nasty, fc.constant(null), fc.integer()),
        sourceId: nasty,
        properties: fc.oneof(
          {
            arbitrary: fc.dictionary(nasty, fc.oneof(nasty, fc.jsonValue({ maxDepth: 2 })), { maxKeys: 3 }),
            weight: 4,
          },
          { arbitrary: fc.jsonValue(), weight: 1 },
        ),
      },
      { requiredKeys: ["email", "source"] },
    );
    const body = fc.oneof(
      contact,
      fc.record({
        contacts: fc.array(fc.oneof(contact, fc.jsonValue({ maxDepth: 2 })), { minLength: 1, maxLength: 5 }),
      }),
      fc.jsonValue({ maxDepth: 3 }),
    );
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const res = await fetch(`${target().base}/api/contacts`, {
          method: "POST",
          headers: { authorization: `Bearer ${target().apiKey}`, "content-type": "application/json" },
          body: JSON.stringify(b),
        });
        expect([200, 201, 207, 400]).toContain(res.status);
        await res.arrayBuffer();
      }),
      { numRuns: 40 },
    );
    await expectHealthy(target());
  });

  it("the API v1 refuses an oversized body with 413 and bad input with 400, never 500", async () => {
    const declared = await exchange(
      target().port,
      `POST /api/v1/contacts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${target().apiKey}\r\nContent-Type: application/json\r\nContent-Length: ${20 * 1024 * 1024}\r\n\r\n`,
      { timeoutMs: 15_000 },
    );
    expect(declared.status).toBe(413);
    const streamed = await streamBody(
      target().port,
      `POST /api/v1/contacts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${target().apiKey}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
      64 * 1024 * 1024,
    );
    expect(streamed.status).toBe(413);
    expect(streamed.sent).toBeLessThan(32 * 1024 * 1024);
    for (const body of [
      "{not json",
      "[]",
      "null",
      '{"email": 5, "source": []}',
      `{"email":"${"x".repeat(10_000)}@a.io","source":"api"}`,
    ]) {
      const res = await fetch(`${target().base}/api/v1/contacts`, {
        method: "POST",
        headers: { authorization: `Bearer ${target().apiKey}`, "content-type": "application/json" },
        body,
      });
      expect(res.status, body.slice(0, 30)).toBe(400);
      expect(((await res.json()) as { errors: string[] }).errors.length, body.slice(0, 30)).toBeGreaterThan(0);
    }
    await expectHealthy(target());
  });

  it("an oversized body gets 413 without being read to the end", async () => {
    const declared = await exchange(
      target().port,
      `POST /api/contacts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${target().apiKey}\r\nContent-Length: ${20 * 1024 * 1024}\r\n\r\n`,
      // The key is checked against the database first: generous on a loaded machine.
      { timeoutMs: 15_000 },
    );
    expect(declared.status).toBe(413);
    expect(declared.closed).toBe(true);
    // No Content-Length: the body streams until the server stops reading at its 8 MB cap.
    const streamed = await streamBody(
      target().port,
      `POST /api/contacts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${target().apiKey}\r\nTransfer-Encoding: chunked\r\n\r\n`,
      64 * 1024 * 1024,
    );
    expect(streamed.status).toBe(413);
    expect(streamed.closed).toBe(true);
    expect(streamed.sent).toBeLessThan(32 * 1024 * 1024);
    await expectHealthy(target());
  });

  it("slow requests end: silent, trickled headers and trickled bodies are closed", async () => {
    const port = target().port;
    const attacks = await Promise.all([
      exchange(port, "", { timeoutMs: SLOW_BOUND_MS }),
      exchange(port, "GET /healthz HTTP/1.1\r\nHost: x\r\n", { timeoutMs: SLOW_BOUND_MS }),
      exchange(port, "GET /healthz HTTP/1.1\r\nX-Slow: ", { timeoutMs: SLOW_BOUND_MS, trickle: "a" }),
      exchange(
        port,
        `POST /api/contacts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${target().apiKey}\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{`,
        { timeoutMs: SLOW_BOUND_MS, trickle: " " },
      ),
      exchange(port, "POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\na", {
        timeoutMs: SLOW_BOUND_MS,
        trickle: "a",
      }),
    ]);
    for (const [i, r] of attacks.entries()) {
      expect(r.closed, `attack ${i}`).toBe(true);
      // 408 when nothing was answered yet; the standalone server has no /slack/events and says 404 at once.
      if (r.status !== null) expect([404, 408], `attack ${i}`).toContain(r.status);
    }
    await expectHealthy(target());
  });

  it("requests to /slack/events with bad signatures are refused, never served", async () => {
    const url = `${target().base}/slack/events`;
    const now = Math.floor(Date.now() / 1000);
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          body: fc.oneof(
            fc.string({ maxLength: 200 }),
            fc.jsonValue().map((v) => JSON.stringify(v)),
            fc.constant("command=%2Fcontacts&text=tier&user_id=U1&team_id=T1"),
          ),
          timestamp: fc.oneof(
            fc.constant(String(now)),
            fc.constant(String(now - 600)),
            fc.integer().map(String),
            fc.string({ unit: "grapheme-ascii", maxLength: 12 }),
          ),
          signature: fc.oneof(
            fc.stringMatching(/^v0=[0-9a-f]{64}$/),
            fc.string({ unit: "grapheme-ascii", maxLength: 80 }),
            fc.constant("v0="),
          ),
          contentType: fc.constantFrom("application/json", "application/x-www-form-urlencoded", "text/plain", "x/y"),
        }),
        async (r) => {
          const res = await fetch(url, {
            method: "POST",
            headers: {
              "content-type": r.contentType,
              "x-slack-request-timestamp": r.timestamp.trim(),
              "x-slack-signature": r.signature.trim(),
            },
            body: r.body,
          });
          await res.arrayBuffer();
          if (target().slackEvents) expect(res.status).toBe(401);
          else expect(res.status).toBe(404);
        },
      ),
      { numRuns: 40 },
    );
    // A good signature over a body that is not Slack's answers 4xx, not 500.
    const body = "{not json";
    const res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...signatureHeaders(body) },
      body,
    });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    await expectHealthy(target());
  });
});

describe("where the service listens (HOST)", () => {
  it("the standalone intake server listens on 127.0.0.1 unless told otherwise", () => {
    expect(api.address.address).toBe("127.0.0.1");
    expect(api.url).toBe(`http://127.0.0.1:${api.address.port}`);
  });

  it("HOST defaults to loopback locally and in Socket Mode, to every interface in HTTP mode, and is validated", () => {
    expect(loadConfig({}).host).toBe("127.0.0.1");
    expect(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_APP_TOKEN: "xapp-1" }).host).toBe("127.0.0.1");
    expect(loadConfig({ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "s" }).host).toBe("0.0.0.0");
    expect(loadConfig({ HOST: "0.0.0.0" }).host).toBe("0.0.0.0");
    expect(loadConfig({ HOST: " ::1 " }).host).toBe("::1");
    expect(loadConfig({ HOST: "tierkeeper.internal" }).host).toBe("tierkeeper.internal");
    for (const bad of ["not a host", "1.2.3.4:80", "http://x", "999.1.1.1"]) {
      expect(() => loadConfig({ HOST: bad }), bad).toThrow(/HOST must be an IP address/);
    }
  });
});
