// The HTTP API v1 end to end over HTTP: each route as an integration would call it, every answer
// checked against the OpenAPI document the API serves (test/helpers/api-contract.ts).

import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { KeyRate } from "../../src/api/key-rate.ts";
import { serveApi } from "../../src/api/server.ts";
import { API_BASE, apiV1Listener } from "../../src/api/v1/app.ts";
import { createApiKey } from "../../src/services/api-keys.ts";
import { getRequest } from "../../src/services/bulk/index.ts";
import { ContractClient } from "../helpers/api-contract.ts";
import { startTestApp } from "../helpers/app.ts";
import {
  contactRow,
  feedCaughtUp,
  makeAccount,
  recount,
  seedContacts,
  type TestEnv,
  testEnv,
} from "../helpers/services.ts";

let env: TestEnv;
let api: { url: string; close(): Promise<void> };
let client: ContractClient;
let limited: { url: string; close(): Promise<void> } | undefined;

beforeAll(async () => {
  env = await testEnv("2026-05-15T14:00:00Z");
  const logger = pino({ level: "silent" });
  api = await serveApi(env.svc, 0, undefined, [], {
    logger,
    mount: { prefix: API_BASE, handler: apiV1Listener({ svc: env.svc, logger }) },
  });
  client = new ContractClient(api.url);
});
afterAll(async () => {
  await limited?.close();
  await api?.close();
  await env?.close();
});

async function account() {
  const a = await makeAccount(env, { tierLimit: 2000, directLimit: 10 });
  await seedContacts(env, a.accountId, 30, { prefix: "m", marketing: true });
  await seedContacts(env, a.accountId, 20, { prefix: "n", marketing: false });
  const all = (
    await createApiKey(env.svc, a.admin, ["contacts:read", "contacts:write", "status:write", "changes:read"])
  ).apiKey;
  const readOnly = (await createApiKey(env.svc, a.admin, ["contacts:read"])).apiKey;
  return { ...a, all, readOnly };
}

describe("HTTP API v1", () => {
  it("serves its OpenAPI 3.1 document and a reference page without a key", async () => {
    const doc = (await client.document()) as unknown as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/v1/contacts", "/api/v1/contacts/{email}", "/api/v1/tier", "/api/v1/requests"]),
    );
    const page = await fetch(`${api.url}/api/v1/reference`);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain("/api/v1/contacts/{email}");
    expect(html).not.toMatch(/<script/i);
  });

  it("needs a key, and the scope of each route, named when missing", async () => {
    const a = await account();
    const none = await client.call("GET", "/tier", null);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/Bearer/);
    expect((await client.call("GET", "/tier", "tk_wrong")).status).toBe(401);
    const denied = await client.call("PUT", "/contacts/m00001@test.io/status", a.readOnly, { status: "non-marketing" });
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ error: "missing_scope", missingScope: "status:write" });
    expect(denied.body.errors[0]).toContain("status:write");
    expect((await contactRow(env, a.accountId, "m00001@test.io"))?.pendingSince).toBeNull();
    expect((await client.call("GET", "/tier", a.readOnly)).status).toBe(200);
  });

  it("reads a contact with an ETag, and 304 while it has not changed", async () => {
    const a = await account();
    const first = await client.call("GET", "/contacts/M00001@test.io", a.readOnly);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      email: "m00001@test.io",
      status: "marketing",
      pending: false,
      effectiveAt: null,
    });
    const tag = first.headers.get("etag");
    expect(tag).toBeTruthy();
    const again = await client.call("GET", "/contacts/m00001@test.io", a.readOnly, undefined, {
      "if-none-match": tag ?? "",
    });
    expect(again.status).toBe(304);
    await client.call("PUT", "/contacts/m00001@test.io/status", a.all, { status: "non-marketing" });
    const changed = await client.call("GET", "/contacts/m00001@test.io", a.readOnly, undefined, {
      "if-none-match": tag ?? "",
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ status: "marketing", pending: true, effectiveAt: "2026-06-01T16:00:00.000Z" });
    expect((await client.call("GET", "/contacts/nobody@test.io", a.readOnly)).status).toBe(404);
    const bad = await client.call("GET", "/contacts/not-an-email", a.readOnly);
    expect(bad.status).toBe(400);
  });

  it("lists with the filter language, a status, and cursor pages that neither repeat nor skip", async () => {
    const a = await account();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = `/contacts?status=marketing&limit=7${cursor ? `&cursor=${cursor}` : ""}`;
      const page = await client.call("GET", q, a.readOnly);
      expect(page.status).toBe(200);
      seen.push(...page.body.contacts.map((c: { email: string }) => c.email));
      cursor = page.body.next;
    } while (cursor);
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
    const filtered = await client.call(
      "GET",
      `/contacts?filter=${encodeURIComponent("email contains n0001")}`,
      a.readOnly,
    );
    expect(filtered.body.contacts.map((c: { email: string }) => c.email)).toEqual(
      Array.from({ length: 10 }, (_, i) => `n${String(10 + i).padStart(5, "0")}@test.io`),
    );
    const badFilter = await client.call("GET", `/contacts?filter=${encodeURIComponent("colour = blue")}`, a.readOnly);
    expect(badFilter.status).toBe(400);
    expect(badFilter.body.errors[0]).toMatch(/^filter: /);
    const badCursor = await client.call("GET", "/contacts?cursor=Zm9vLjE", a.readOnly);
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error).toBe("invalid_cursor");
    const badQuery = await client.call("GET", "/contacts?limit=5000&status=maybe", a.readOnly);
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.errors).toHaveLength(2);
  });

  it("creates, updates and deletes contacts; bad bodies get every reason and change nothing", async () => {
    const a = await account();
    const created = await client.call("POST", "/contacts", a.all, {
      email: "New@Test.io",
      source: "api",
      firstName: "Ada",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ email: "new@test.io", created: true });
    expect((await client.call("POST", "/contacts", a.all, { email: "new@test.io", source: "api" })).status).toBe(200);
    const patched = await client.call("PATCH", "/contacts/new@test.io", a.all, {
      lastName: "Lovelace",
      properties: { plan: "pro" },
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ firstName: "Ada", lastName: "Lovelace", properties: { plan: "pro" } });
    const bad = await client.call("POST", "/contacts", a.all, { email: "nope", source: "carrier-pigeon" });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.length).toBeGreaterThanOrEqual(2);
    // Unknown fields are refused, not ignored: a typo ("fristName") must not pass as success.
    const typo = await client.call("POST", "/contacts", a.all, { email: "t@test.io", source: "api", fristName: "Ada" });
    expect(typo.status).toBe(400);
    expect(JSON.stringify(typo.body.errors)).toContain("fristName");
    expect((await client.call("PATCH", "/contacts/m00001@test.io", a.all, { status: "marketing" })).status).toBe(400);
    expect((await client.call("GET", "/contacts?colour=blue", a.readOnly)).status).toBe(400);
    const batch = await client.call("POST", "/contacts/batch", a.all, {
      contacts: [
        { email: "b1@test.io", source: "api" },
        { email: "broken" },
        { email: "b2@test.io", source: "api", lifecycl: "lead" },
      ],
    });
    expect(batch.status).toBe(207);
    expect(batch.body.results.map((r: { ok: boolean }) => r.ok)).toEqual([true, false, false]);
    expect(batch.body.results[2].errors[0]).toMatch(/^lifecycl: is not a field of a contact/);
    expect((await client.call("DELETE", "/contacts/new@test.io", a.all)).status).toBe(204);
    expect((await client.call("GET", "/contacts/new@test.io", a.all)).status).toBe(404);
    expect((await client.call("DELETE", "/contacts/new@test.io", a.all)).status).toBe(404);
    expect(await recount(env, a.accountId)).toMatchObject({ t: 51 });
  });

  it("sets status as the slash command does: pending non-marketing, and over the limit a request (202)", async () => {
    const a = await account();
    const one = await client.call("PUT", "/contacts/m00002@test.io/status", a.all, { status: "non-marketing" });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ status: "non-marketing", pending: 1, requestId: null });
    expect(one.body.contacts[0]).toMatchObject({ outcome: "flagged-pending", effectiveAt: "2026-06-01T16:00:00.000Z" });
    const emails = Array.from({ length: 15 }, (_, i) => `m${String(i + 10).padStart(5, "0")}@test.io`);
    const many = await client.call("POST", "/contacts/status", a.all, { status: "non-marketing", emails });
    expect(many.status).toBe(202);
    expect(many.body.requestId).toBeTruthy();
    expect(many.body.requestReason).toBe("limit");
    const request = await getRequest(env.svc, a.accountId, many.body.requestId);
    expect(request).toMatchObject({ status: "open", count: 15, requestedBy: "UADMIN1" });
    // Nothing changed yet: an admin decides.
    expect((await contactRow(env, a.accountId, "m00010@test.io"))?.pendingSince).toBeNull();
    const read = await client.call("GET", `/requests/${many.body.requestId}`, a.readOnly);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: many.body.requestId, action: "non-marketing", count: 15 });
    const listed = await client.call("GET", "/requests", a.readOnly);
    expect(listed.body.requests.map((r: { id: string }) => r.id)).toContain(many.body.requestId);
    const unknown = await client.call("POST", "/contacts/status", a.all, {
      status: "marketing",
      emails: ["ghost@test.io"],
    });
    expect(unknown.status).toBe(400);
  });

  it("asks for bulk changes by selector; decisions stay with people", async () => {
    const a = await account();
    // Up to the direct-change limit (10) a non-marketing change applies at once…
    const small = await client.call("POST", "/requests", a.all, {
      action: "non-marketing",
      selector: { type: "filter", filter: "email contains m0000" },
    });
    expect(small.status).toBe(200);
    expect(small.body).toMatchObject({ executed: true, request: { count: 9, status: "executed" } });
    expect((await contactRow(env, a.accountId, "m00001@test.io"))?.pendingSince).not.toBeNull();
    // …more waits for another admin.
    const r = await client.call("POST", "/requests", a.all, {
      action: "non-marketing",
      selector: { type: "filter", filter: "email contains m00" },
    });
    expect(r.status).toBe(202);
    expect(r.body.request).toMatchObject({ action: "non-marketing", count: 21, status: "open" });
    expect((await contactRow(env, a.accountId, "m00020@test.io"))?.pendingSince).toBeNull();
    const bad = await client.call("POST", "/requests", a.all, { action: "delete", selector: { type: "everyone" } });
    expect(bad.status).toBe(400);
    const past = await client.call("POST", "/requests", a.all, {
      action: "marketing",
      selector: { type: "list", name: "x" },
      at: "2026-05-01T12:00:00Z",
    });
    expect(past.status).toBe(400);
    expect(past.body.errors[0]).toMatch(/^at: must be in the future/);
    expect((await client.call("POST", `/requests/${r.body.request.id}/approve`, a.all)).status).toBe(404);
  });

  it("reports the tier, usage and forecast", async () => {
    const a = await account();
    const tier = await client.call("GET", "/tier", a.readOnly);
    expect(tier.body).toMatchObject({
      tierLimit: 2000,
      marketingCount: 30,
      totalCount: 50,
      nextUpdateAt: "2026-06-01T16:00:00.000Z",
    });
    expect((await client.call("GET", "/usage", a.readOnly)).status).toBe(200);
    expect((await client.call("GET", "/usage?from=yesterday", a.readOnly)).status).toBe(400);
    const forecast = await client.call("GET", "/forecast", a.readOnly);
    expect(forecast.body).toMatchObject({ marketingCount: 30, tierLimit: 2000 });
  });

  it("exports contacts as CSV (formulas defused) and NDJSON, by filter and status", async () => {
    const a = await account();
    await client.call("POST", "/contacts", a.all, {
      email: "formula@test.io",
      source: "api",
      firstName: "=HYPERLINK(1)",
    });
    const csv = await client.call("GET", "/exports/contacts?format=csv", a.readOnly);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = csv.text.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "email,status,pending,effectiveAt,firstName,lastName,lifecycle,source,sourceId,bounced,unsubscribed,createdAt,updatedAt",
    );
    expect(lines).toHaveLength(52);
    expect(csv.text).toContain(`"'=HYPERLINK(1)"`);
    const nd = await client.call("GET", "/exports/contacts?format=ndjson&status=marketing", a.readOnly);
    const rows = nd.text
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(30);
    expect(rows.every((r) => r.status === "marketing")).toBe(true);
    const filtered = await client.call(
      "GET",
      `/exports/contacts?format=ndjson&filter=${encodeURIComponent("email contains n0001")}`,
      a.readOnly,
    );
    expect(filtered.text.trimEnd().split("\n")).toHaveLength(10);
    expect(
      (await client.call("GET", `/exports/contacts?filter=${encodeURIComponent("nonsense ==")}`, a.readOnly)).status,
    ).toBe(400);
  });

  it("a write retried with the same Idempotency-Key gets the first answer and changes nothing", async () => {
    const a = await account();
    const body = { action: "non-marketing", selector: { type: "filter", filter: "email contains m00" } };
    const key = { "idempotency-key": "order-4711" };
    const first = await client.call("POST", "/requests", a.all, body, key);
    expect(first.status).toBe(202);
    const again = await client.call("POST", "/requests", a.all, body, key);
    expect(again.status).toBe(202);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body.request.id).toBe(first.body.request.id);
    const open = await client.call("GET", "/requests?status=open", a.readOnly);
    expect(open.body.requests).toHaveLength(1);
    const other = await client.call("POST", "/requests", a.all, { ...body, action: "marketing" }, key);
    expect(other.status).toBe(422);
    expect(other.body.error).toBe("idempotency_key_reused");
    expect((await client.call("POST", "/requests", a.all, body, { "idempotency-key": "has space" })).status).toBe(400);
  });

  it("the changes feed pages through every change once, in order; it needs changes:read", async () => {
    const a = await account();
    expect((await client.call("GET", "/changes", a.readOnly)).status).toBe(403);
    await client.call("PUT", "/contacts/m00003@test.io/status", a.all, { status: "non-marketing" });
    await client.call("PUT", "/contacts/n00003@test.io/status", a.all, { status: "marketing" });
    await client.call("POST", "/contacts/status", a.all, {
      status: "non-marketing",
      emails: Array.from({ length: 12 }, (_, i) => `m${String(i + 10).padStart(5, "0")}@test.io`),
    });
    const events: { id: string; type: string; contact?: { email: string }; status?: string; pending?: boolean }[] = [];
    let after: string | null = null;
    await feedCaughtUp(env, a.accountId);
    for (let i = 0; i < 20; i++) {
      const page = await client.call("GET", `/changes?limit=2${after ? `&after=${after}` : ""}`, a.all);
      expect(page.status).toBe(200);
      events.push(...page.body.events);
      after = page.body.next;
      if (!page.body.hasMore) break;
    }
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    const statusChanges = events.filter((e) => e.type === "contact.status_changed");
    expect(statusChanges.map((e) => [e.contact?.email, e.status, e.pending])).toEqual([
      ["m00003@test.io", "non-marketing", true],
      ["n00003@test.io", "marketing", false],
    ]);
    expect(events.map((e) => e.type)).toContain("request.created");
    const nothingNew = await client.call("GET", `/changes?after=${after}`, a.all);
    expect(nothingNew.body).toMatchObject({ events: [], next: after, hasMore: false });
    const bad = await client.call("GET", "/changes?after=garbage&types=contact.exploded", a.all);
    expect(bad.status).toBe(400);
  });

  it("unknown routes and methods are JSON 404s, bodies over 8 MB are 413", async () => {
    const a = await account();
    const missing = await client.call("GET", "/nothing-here", a.readOnly);
    expect(missing.status).toBe(404);
    expect(missing.body.error).toBe("not_found");
    // The intake routes beside it: a known path with another method is a 405 naming the allowed ones.
    const wrongMethod = await fetch(`${api.url}/api/contacts`, { method: "DELETE" });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get("allow")).toBe("POST");
    expect((await fetch(`${api.url}/not/an/api`)).status).toBe(404);
    const big = await fetch(`${api.url}/api/v1/contacts`, {
      method: "POST",
      headers: { authorization: `Bearer ${a.all}`, "content-type": "application/json" },
      body: JSON.stringify({ email: "x@test.io", source: "api", properties: { blob: "x".repeat(9 * 1024 * 1024) } }),
    });
    expect(big.status).toBe(413);
  });

  it("answers 429 with Retry-After when a key calls more than its rate a minute", async () => {
    const a = await account();
    const logger = pino({ level: "silent" });
    const rate = new KeyRate(3);
    limited = await serveApi(env.svc, 0, undefined, [], {
      logger,
      rate,
      mount: { prefix: API_BASE, handler: apiV1Listener({ svc: env.svc, logger, rate }) },
    });
    const slow = new ContractClient(limited.url);
    const statuses: number[] = [];
    let last: Awaited<ReturnType<ContractClient["call"]>> | null = null;
    for (let i = 0; i < 5; i++) {
      last = await slow.call("GET", "/tier", a.readOnly);
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(last?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(last?.body.error).toBe("rate_limited");
    // The intake routes beside it count against the same allowance.
    const intake = await fetch(`${limited.url}/api/contacts/m00001@test.io`, {
      headers: { authorization: `Bearer ${a.readOnly}` },
    });
    expect(intake.status).toBe(429);
    expect(Number(intake.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another key has its own allowance.
    expect((await slow.call("GET", "/tier", a.all)).status).toBe(200);
    expect(
      (await fetch(`${limited.url}/api/contacts/m00001@test.io`, { headers: { authorization: `Bearer ${a.all}` } }))
        .status,
    ).toBe(200);
  });

  it("every documented operation was called above, and every answer matched the document", async () => {
    const doc = await client.document();
    const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const called = new Set([...client.seen].map((s) => s.split(" ").slice(0, 2).join(" ")));
    const open = ["GET /api/v1/openapi.json", "GET /api/v1/reference"];
    expect(operations.filter((o) => !called.has(o) && !open.includes(o))).toEqual([]);
  });
});

describe("HTTP API v1 beside Slack (HTTP mode, on Bolt's receiver)", () => {
  it("serves /api/v1 on the same port as /slack/events, with the same contract", async () => {
    const app = await startTestApp({ intakeApi: true });
    try {
      const { apiKey } = await createApiKey(app.env.svc, { accountId: app.accountId, userId: "UADMIN1" }, [
        "contacts:read",
      ]);
      const bolt = new ContractClient(app.base);
      const tier = await bolt.call("GET", "/tier", apiKey);
      expect(tier.status).toBe(200);
      expect(tier.body.tierLimit).toBeGreaterThan(0);
      expect((await bolt.call("GET", "/tier", null)).status).toBe(401);
      expect((await fetch(`${app.base}/api/v1/reference`)).status).toBe(200);
      // Slack's endpoint is still Slack's: unsigned requests are refused there.
      expect((await fetch(app.url, { method: "POST", body: "x" })).status).toBe(401);
      expect((await fetch(`${app.base}/elsewhere`)).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});
