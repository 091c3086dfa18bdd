import { and, DrizzleQueryError, eq } from "drizzle-orm";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { serveApi } from "../../src/api/server.ts";
import { notificationAnswer } from "../../src/commands/notices.ts";
import { auditEvents, users } from "../../src/db/schema.ts";
import { createApiKey, revokeApiKey } from "../../src/services/api-keys.ts";
import { approveRequest, getRequest } from "../../src/services/bulk/index.ts";
import { pendingNotifications } from "../../src/services/outbox.ts";
import { setSourceDefault } from "../../src/services/source-defaults.ts";
import { accountRow, contactRow, makeAccount, recount, type TestEnv, testEnv } from "../helpers/services.ts";

let env: TestEnv;
let api: { url: string; close(): Promise<void> };
beforeAll(async () => {
  env = await testEnv("2026-05-15T14:00:00Z");
  api = await serveApi(env.svc, 0);
});
afterAll(async () => {
  await api?.close();
  await env?.close();
});

async function account(setup: Parameters<typeof makeAccount>[1] = {}) {
  const a = await makeAccount(env, setup);
  const { apiKey, id } = await createApiKey(env.svc, a.admin);
  return { ...a, apiKey, keyId: id };
}

async function call(method: string, path: string, key: string | null, body?: unknown) {
  const res = await fetch(`${api.url}${path}`, {
    method,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), "content-type": "application/json" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  // biome-ignore lint/suspicious/noExplicitAny: test assertions read arbitrary JSON fields
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

describe("intake API over HTTP", () => {
  it("answers /healthz", async () => {
    const r = await call("GET", "/healthz", null);
    expect(r).toEqual({ status: 200, body: { ok: true } });
  });

  it("refuses a missing, wrong or revoked API key with 401 and writes nothing", async () => {
    const a = await account();
    const contact = { email: "x@acme.io", source: "api" };
    expect((await call("POST", "/api/contacts", null, contact)).status).toBe(401);
    const wrong = await call("POST", "/api/contacts", `${a.apiKey}x`, contact);
    expect(wrong.status).toBe(401);
    expect(wrong.body.errors[0]).toMatch(/wrong or has been revoked/);
    expect((await call("POST", "/api/contacts", a.apiKey, contact)).status).toBe(201);
    await revokeApiKey(env.svc, a.admin, a.keyId);
    expect((await call("POST", "/api/contacts", a.apiKey, { email: "y@acme.io", source: "api" })).status).toBe(401);
    expect((await call("GET", "/api/contacts/x@acme.io", a.apiKey)).status).toBe(401);
    expect(await contactRow(env, a.accountId, "y@acme.io")).toBeUndefined();
  });

  it("only admins create keys, and a key only reaches its own account", async () => {
    const a = await account();
    const b = await account();
    await expect(createApiKey(env.svc, a.member)).rejects.toThrow(/Only admins/);
    await call("POST", "/api/contacts", a.apiKey, { email: "mine@acme.io", source: "api" });
    expect((await call("GET", "/api/contacts/mine@acme.io", a.apiKey)).status).toBe(200);
    expect((await call("GET", "/api/contacts/mine@acme.io", b.apiKey)).status).toBe(404);
  });

  it("applies every R15 creation-source default to new contacts", async () => {
    const a = await account();
    const expected: Record<string, string> = {
      form: "marketing",
      "external-form": "non-marketing",
      chatflow: "non-marketing",
      import: "non-marketing",
      "integration:salesforce": "non-marketing",
      api: "non-marketing",
      manual: "non-marketing",
      "mobile-app": "non-marketing",
      "logged-email": "non-marketing",
      extension: "non-marketing",
      "meetings-link": "non-marketing",
    };
    for (const [source, status] of Object.entries(expected)) {
      const email = `${source.replace(":", "-")}@acme.io`;
      const r = await call("POST", "/api/contacts", a.apiKey, { email, source, sourceId: "f1" });
      expect(r.status, source).toBe(201);
      expect(r.body, source).toEqual({ email, status, pending: false, created: true });
    }
    expect((await accountRow(env, a.accountId)).marketingCount).toBe(1);
  });

  it("per-form, per-chatflow, per-app and account overrides decide new contacts' status", async () => {
    const a = await account();
    await setSourceDefault(env.svc, a.admin, { source: "form", sourceId: "newsletter-only", value: "non-marketing" });
    await setSourceDefault(env.svc, a.admin, { source: "chatflow", sourceId: "pricing-bot", value: "marketing" });
    await setSourceDefault(env.svc, a.admin, { source: "integration", sourceId: "salesforce", value: "marketing" });
    await setSourceDefault(env.svc, a.admin, { source: "api", sourceId: null, value: "marketing" });
    const post = async (email: string, source: string, sourceId?: string) =>
      (await call("POST", "/api/contacts", a.apiKey, { email, source, sourceId })).body.status;
    expect(await post("f1@acme.io", "form", "newsletter-only")).toBe("non-marketing");
    expect(await post("f2@acme.io", "form", "contact-us")).toBe("marketing");
    expect(await post("c1@acme.io", "chatflow", "pricing-bot")).toBe("marketing");
    expect(await post("c2@acme.io", "chatflow", "support-bot")).toBe("non-marketing");
    expect(await post("i1@acme.io", "integration:salesforce")).toBe("marketing");
    expect(await post("i2@acme.io", "integration:zoom")).toBe("non-marketing");
    expect(await post("a1@acme.io", "api")).toBe("marketing");
    expect(await post("m1@acme.io", "manual")).toBe("non-marketing");
  });

  it("a marketing form makes an existing non-marketing contact marketing; other sources never change status", async () => {
    const a = await account();
    await call("POST", "/api/contacts", a.apiKey, { email: "lead@acme.io", source: "api", firstName: "Lee" });
    const viaChat = await call("POST", "/api/contacts", a.apiKey, { email: "lead@acme.io", source: "chatflow" });
    expect(viaChat.body).toMatchObject({ status: "non-marketing", created: false });
    const viaForm = await call("POST", "/api/contacts", a.apiKey, {
      email: "LEAD@acme.io",
      source: "form",
      sourceId: "contact-us",
    });
    expect(viaForm.status).toBe(200);
    expect(viaForm.body).toEqual({ email: "lead@acme.io", status: "marketing", pending: false, created: false });
    const row = await contactRow(env, a.accountId, "lead@acme.io");
    expect(row).toMatchObject({ marketing: true, source: "api", firstName: "Lee" });
    const audit = await env.svc.db.select().from(auditEvents).where(eq(auditEvents.accountId, a.accountId));
    expect(audit.some((e) => e.kind === "status.made-marketing" && e.actor === `api:${a.keyId}`)).toBe(true);
    // A non-marketing form does not promote.
    await setSourceDefault(env.svc, a.admin, { source: "form", sourceId: "quiet", value: "non-marketing" });
    await call("POST", "/api/contacts", a.apiKey, { email: "other@acme.io", source: "api" });
    const quiet = await call("POST", "/api/contacts", a.apiKey, {
      email: "other@acme.io",
      source: "form",
      sourceId: "quiet",
    });
    expect(quiet.body.status).toBe("non-marketing");
  });

  it("answers 400 with every reason for a bad body and writes nothing", async () => {
    const a = await account();
    const bad = await call("POST", "/api/contacts", a.apiKey, "{not json");
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe("invalid_json");
    const both = await call("POST", "/api/contacts", a.apiKey, { email: "nope", source: "carrier-pigeon" });
    expect(both.status).toBe(400);
    expect(both.body.errors).toHaveLength(2);
    expect(both.body.errors.join("\n")).toMatch(/email: "nope" is not a valid email address/);
    expect(both.body.errors.join("\n")).toMatch(/source: "carrier-pigeon" is not a source/);
    const missing = await call("POST", "/api/contacts", a.apiKey, {});
    expect(missing.body.errors.join("\n")).toMatch(/email is required[\s\S]*source is required/);
    const tooMany = await call("POST", "/api/contacts", a.apiKey, {
      contacts: Array.from({ length: 1001 }, (_, i) => ({ email: `b${i}@acme.io`, source: "api" })),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0]).toMatch(/at most 1,000/);
    expect((await recount(env, a.accountId)).t).toBe(0);
  });

  it("writes the valid items of a batch in one go and reports the invalid ones", async () => {
    const a = await account();
    const r = await call("POST", "/api/contacts", a.apiKey, {
      contacts: [
        { email: "ok1@acme.io", source: "form", firstName: "A" },
        { email: "bad", source: "form" },
        { email: "ok2@acme.io", source: "integration:hubspot-crm" },
        { email: "ok3@acme.io", source: "nowhere" },
        "not an object",
      ],
    });
    expect(r.status).toBe(207);
    expect(r.body.results.map((x: { ok: boolean }) => x.ok)).toEqual([true, false, true, false, false]);
    expect(r.body.results[0]).toMatchObject({ email: "ok1@acme.io", ok: true, status: "marketing" });
    expect(r.body.results[1].errors[0]).toMatch(/not a valid email/);
    expect(r.body.results[3]).toMatchObject({ email: "ok3@acme.io", ok: false });
    expect(r.body.results[3].errors[0]).toMatch(/not a source/);
    expect(await recount(env, a.accountId)).toEqual({ m: 1, p: 0, t: 2 });
  });

  it("GET /api/contacts/:email gives status, pending and marketability (R1)", async () => {
    const a = await account();
    await call("POST", "/api/contacts", a.apiKey, { email: "reach+me@acme.io", source: "form" });
    const found = await call("GET", `/api/contacts/${encodeURIComponent("Reach+Me@acme.io")}`, a.apiKey);
    expect(found).toEqual({
      status: 200,
      body: { email: "reach+me@acme.io", status: "marketing", pending: false, marketable: true },
    });
    const missing = await call("GET", "/api/contacts/ghost@acme.io", a.apiKey);
    expect(missing.status).toBe(404);
  });

  it("form contacts that would push the count over the tier wait, non-marketing, for an approved upgrade", async () => {
    const a = await account({ tierLimit: 2000, directLimit: 1000 });
    const changes: { before: number; after: number; upgraded: boolean }[] = [];
    const off = env.svc.events.onCountChange((c) => {
      if (c.accountId === a.accountId) changes.push({ before: c.before, after: c.after, upgraded: c.upgrade !== null });
    });
    const contacts = (from: number) =>
      Array.from({ length: 1000 }, (_, i) => ({ email: `f${from + i}@acme.io`, source: "form" }));
    await call("POST", "/api/contacts", a.apiKey, { contacts: contacts(0) });
    await call("POST", "/api/contacts", a.apiKey, { contacts: contacts(1000) });
    expect((await accountRow(env, a.accountId)).tierLimit).toBe(2000);
    const held = await call("POST", "/api/contacts", a.apiKey, { email: "one-more@acme.io", source: "form" });
    off();
    // Created, but non-marketing: a bulk request made in the key maker's name asks an admin to confirm the upgrade.
    expect(held.status).toBe(201);
    expect(held.body).toMatchObject({ email: "one-more@acme.io", status: "non-marketing", held: "upgrade" });
    expect(held.body.requestId).toMatch(/^R/);
    expect((await accountRow(env, a.accountId)).tierLimit).toBe(2000);
    expect(await recount(env, a.accountId)).toMatchObject({ m: 2000, t: 2001 });
    expect(changes).toEqual([
      { before: 0, after: 1000, upgraded: false },
      { before: 1000, after: 2000, upgraded: false },
    ]);
    const request = await getRequest(env.svc, a.accountId, held.body.requestId);
    expect(request).toMatchObject({ requestedBy: "UADMIN1", origin: `api:${a.keyId}`, count: 1, action: "marketing" });
    expect(request.impact.upgrade?.newLimit).toBe(7000);
    // The key's maker may not approve their own key's request; another admin confirms the upgrade.
    await expect(approveRequest(env.svc, a.admin, request.id, 1)).rejects.toThrow(/another admin/);
    const approved = await approveRequest(env.svc, { accountId: a.accountId, userId: "UADMIN2" }, request.id, 1);
    expect(approved.executed?.upgrade?.newLimit).toBe(7000);
    expect((await contactRow(env, a.accountId, "one-more@acme.io"))?.marketing).toBe(true);
  });

  it("a key whose maker lost marketing contacts access creates form contacts non-marketing and tells the approvals channel", async () => {
    const a = await account();
    await env.svc.db
      .update(users)
      .set({ marketingAccess: false })
      .where(and(eq(users.accountId, a.accountId), eq(users.userId, "UADMIN1")));
    const r = await call("POST", "/api/contacts", a.apiKey, {
      contacts: [
        { email: "lead@acme.io", source: "form" },
        { email: "other@acme.io", source: "api" },
      ],
    });
    expect(r.status).toBe(200);
    expect(r.body.results).toEqual([
      expect.objectContaining({ email: "lead@acme.io", status: "non-marketing", held: "access", requestId: null }),
      expect.objectContaining({ email: "other@acme.io", status: "non-marketing" }),
    ]);
    expect(r.body.results[1].held).toBeUndefined();
    expect(await recount(env, a.accountId)).toMatchObject({ m: 0, t: 2 });
    const notices = await pendingNotifications(env.svc, a.accountId);
    expect(notices.map((m) => m.kind)).toEqual(["intake-held"]);
    expect(notices[0]?.payload).toMatchObject({ count: 1, ownerId: expect.any(String) });
    expect(notices[0] ? notificationAnswer(notices[0]).text : "").toMatch(
      /1 contacts .* no longer has marketing contacts access/,
    );
    // With the access back, the next form contact is marketing again.
    await env.svc.db
      .update(users)
      .set({ marketingAccess: true })
      .where(and(eq(users.accountId, a.accountId), eq(users.userId, "UADMIN1")));
    const back = await call("POST", "/api/contacts", a.apiKey, { email: "lead2@acme.io", source: "form" });
    expect(back.body).toMatchObject({ status: "marketing" });
  });

  it("a batch item with a NUL character or an unpaired surrogate is refused by index, and the valid items are written (207)", async () => {
    const a = await account();
    const r = await call("POST", "/api/contacts", a.apiKey, {
      contacts: [
        { email: "fine1@acme.io", source: "form" },
        { email: "nul@acme.io", source: "api", firstName: "Ann\u0000" },
        { email: "fine2@acme.io", source: "api", properties: { plan: "pro" } },
        { email: "half@acme.io", source: "api", lastName: "Lee\ud800" },
        { email: "props@acme.io", source: "api", properties: { note: "a\u0000b" } },
        { email: "key@acme.io", source: "api", properties: { deep: [{ "k\u0000": 1 }] } },
        { email: "sid@acme.io", source: "form", sourceId: "x\u0000" },
        { email: "we\u0000ird@acme.io", source: "api" },
      ],
    });
    expect(r.status).toBe(207);
    expect(r.body.results.map((x: { ok: boolean }) => x.ok)).toEqual([
      true,
      false,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
    const reasons = r.body.results.map((x: { errors?: string[] }) => x.errors?.join(" ") ?? "");
    expect(reasons[1]).toBe("firstName: contains a NUL character (U+0000), which cannot be stored");
    expect(reasons[3]).toBe("lastName: contains an unpaired UTF-16 surrogate, which is not valid text");
    expect(reasons[4]).toBe('properties: "note" contains a NUL character (U+0000), which cannot be stored');
    expect(reasons[5]).toBe(
      'properties: "deep" has a key that contains a NUL character (U+0000), which cannot be stored',
    );
    expect(reasons[6]).toBe("sourceId: contains a NUL character (U+0000), which cannot be stored");
    expect(reasons[7]).toBe("email: contains a NUL character (U+0000), which cannot be stored");
    expect(r.body.results[1]).toMatchObject({ index: 1, email: "nul@acme.io", ok: false });
    expect(await recount(env, a.accountId)).toEqual({ m: 1, p: 0, t: 2 });
    expect(await contactRow(env, a.accountId, "fine2@acme.io")).toMatchObject({ properties: { plan: "pro" } });
  });

  it("a single contact with a character Postgres cannot store gets 400 with the reason and writes nothing", async () => {
    const a = await account();
    const r = await call("POST", "/api/contacts", a.apiKey, {
      email: "one@acme.io",
      source: "api",
      lifecycle: "lead\u0000",
    });
    expect(r).toEqual({
      status: 400,
      body: {
        error: "invalid_contact",
        errors: ["lifecycle: contains a NUL character (U+0000), which cannot be stored"],
      },
    });
    const deep = await call("POST", "/api/contacts", a.apiKey, {
      email: "two@acme.io",
      source: "api",
      properties: { tree: JSON.parse(`${"[".repeat(100)}${"]".repeat(100)}`) },
    });
    expect(deep.status).toBe(400);
    expect(deep.body.errors).toEqual(['properties: "tree" nests more than 32 levels deep']);
    expect((await recount(env, a.accountId)).t).toBe(0);
  });

  it("GET with a NUL or a non-email in the path answers 400 with the reason, not 500", async () => {
    const a = await account();
    const nul = await call("GET", "/api/contacts/a%00b%40acme.io", a.apiKey);
    expect(nul).toEqual({
      status: 400,
      body: {
        error: "invalid_email",
        errors: ["the email in the path contains a NUL character (U+0000), which cannot be stored"],
      },
    });
    const notEmail = await call("GET", "/api/contacts/nobody", a.apiKey);
    expect(notEmail.status).toBe(400);
    expect(notEmail.body.errors).toEqual(['"nobody" is not a valid email address']);
    const badEncoding = await call("GET", "/api/contacts/%E0%A4%A", a.apiKey);
    expect(badEncoding.status).toBe(400);
  });

  it("a failed query is logged by its message and code, never with the contact data of its parameters", async () => {
    const a = await account();
    const failure = new DrizzleQueryError(
      "insert into contacts (email, first_name) values ($1, $2)",
      ["leak@acme.io", "Leaky"],
      Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), {
        code: "22021",
        parameters: ["leak@acme.io", "Leaky"],
      }),
    );
    const db = new Proxy(env.svc.db, {
      get(target, key) {
        if (key === "transaction") return () => Promise.reject(failure);
        const value = Reflect.get(target, key);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const lines: string[] = [];
    const logger = pino({ level: "info" }, { write: (line: string) => lines.push(line) });
    const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
    const broken = await serveApi({ ...env.svc, db }, 0, undefined, [], { logger });
    let logged = "";
    try {
      const res = await fetch(`${broken.url}/api/contacts`, {
        method: "POST",
        headers: { authorization: `Bearer ${a.apiKey}`, "content-type": "application/json" },
        body: JSON.stringify({ email: "leak@acme.io", source: "api", firstName: "Leaky" }),
      });
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({
        error: "internal_error",
        errors: ["something went wrong on our side; try again"],
      });
      logged = lines.join("\n") + consoleError.mock.calls.flat().map(String).join("\n");
    } finally {
      await broken.close();
      consoleError.mockRestore();
    }
    expect(logged).not.toMatch(/leak@acme\.io|Leaky/);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? "{}")).toMatchObject({
      level: 50,
      route: "POST /api/contacts",
      error: { code: "22021", message: 'invalid byte sequence for encoding "…": 0x00' },
    });
  });

  it("one call that would make more contacts marketing than the direct-change limit waits for approval", async () => {
    const a = await account({ directLimit: 10 });
    for (let i = 0; i < 12; i++)
      await call("POST", "/api/contacts", a.apiKey, { email: `old${i}@acme.io`, source: "api" });
    const batch = Array.from({ length: 12 }, (_, i) => ({ email: `old${i}@acme.io`, source: "form" }));
    const r = await call("POST", "/api/contacts", a.apiKey, { contacts: batch });
    expect(r.status).toBe(200);
    expect(
      r.body.results.every((x: { status: string; held: string }) => x.status === "non-marketing" && x.held === "limit"),
    ).toBe(true);
    expect(await recount(env, a.accountId)).toMatchObject({ m: 0, t: 12 });
    const request = await getRequest(env.svc, a.accountId, r.body.results[0].requestId);
    expect(request).toMatchObject({ count: 12, action: "marketing", requestedBy: "UADMIN1", status: "open" });
    // Within the limit, a marketing form still makes its contacts marketing at once.
    const few = await call("POST", "/api/contacts", a.apiKey, { contacts: batch.slice(0, 3) });
    expect(few.body.results.map((x: { status: string }) => x.status)).toEqual(["marketing", "marketing", "marketing"]);
  });
});
