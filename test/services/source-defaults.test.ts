import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "../../src/commands/run.ts";
import { auditEvents, users } from "../../src/db/schema.ts";
import { setSourceDefault, showSourceDefaults, sourceOverridesOf } from "../../src/services/source-defaults.ts";
import { accountRow, makeAccount, type TestEnv, testEnv } from "../helpers/services.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv("2026-05-15T14:00:00Z");
});
afterAll(async () => {
  await env?.close();
});

const run = (actor: { accountId: number; userId: string }, text: string) =>
  runCommand(env.svc, { actor, timeZone: "America/New_York", text });

describe("creation-source defaults (R15)", () => {
  it("shows the table with the account's changes, and changes are audited", async () => {
    const { accountId, admin } = await makeAccount(env);
    const before = await run(admin, "settings defaults");
    expect(before.ok).toBe(true);
    expect(before.text).toMatch(/form: marketing/);
    expect(before.text).toMatch(/api: non-marketing/);
    const set = await run(admin, "settings defaults form:contact-us non-marketing");
    expect(set.ok).toBe(true);
    expect(set.data).toMatchObject({ source: "form:contact-us", status: "non-marketing" });
    expect((await run(admin, "settings defaults api marketing")).ok).toBe(true);
    const o = sourceOverridesOf(await accountRow(env, accountId));
    expect(o).toEqual({
      bySource: { api: "marketing" },
      byForm: { "contact-us": "non-marketing" },
      byChatflow: {},
      byApp: {},
    });
    const rows = await showSourceDefaults(env.svc, admin);
    expect(rows.find((r) => r.source === "form:contact-us")).toMatchObject({
      status: "non-marketing",
      from: "override",
    });
    expect(rows.find((r) => r.source === "api")).toMatchObject({ status: "marketing", from: "account" });
    const audit = await env.svc.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, accountId), eq(auditEvents.kind, "setting.changed")));
    expect(audit.map((a) => a.summary)).toEqual([
      "Creation-source default for form:contact-us changed from the default to non-marketing",
      "Creation-source default for api changed from the default to marketing",
    ]);
  });

  it("only admins change defaults", async () => {
    const { member } = await makeAccount(env);
    const r = await run(member, "settings defaults api marketing");
    expect(r.ok).toBe(false);
    expect(r.text).toMatch(/Only admins/);
  });

  it("switching an integration to marketing needs marketing contacts access (R13)", async () => {
    const { accountId, admin } = await makeAccount(env);
    await env.svc.db
      .update(users)
      .set({ marketingAccess: false })
      .where(and(eq(users.accountId, accountId), eq(users.userId, admin.userId)));
    const refused = await run(admin, "settings defaults integration:salesforce marketing");
    expect(refused.ok).toBe(false);
    expect(refused.text).toMatch(/marketing contacts access/);
    expect(sourceOverridesOf(await accountRow(env, accountId)).byApp).toEqual({});
    // Switching it off needs no access.
    expect((await run(admin, "settings defaults integration:salesforce non-marketing")).ok).toBe(true);
    await env.svc.db
      .update(users)
      .set({ marketingAccess: true })
      .where(and(eq(users.accountId, accountId), eq(users.userId, admin.userId)));
    expect((await run(admin, "settings defaults integration:salesforce marketing")).ok).toBe(true);
    expect(sourceOverridesOf(await accountRow(env, accountId)).byApp).toEqual({ salesforce: "marketing" });
  });

  it("fixed sources can't be changed", async () => {
    const { admin } = await makeAccount(env);
    await expect(
      setSourceDefault(env.svc, admin, { source: "manual", sourceId: null, value: "marketing" }),
    ).rejects.toThrow(/can't have their default changed/);
    const r = await run(admin, "settings defaults manual marketing");
    expect(r.ok).toBe(false);
  });

  it("api keys: create shows the key once in data.apiKey, revoke by id", async () => {
    const { admin, member } = await makeAccount(env);
    const created = await run(admin, "settings api-key create");
    expect(created.ok).toBe(true);
    expect(created.data.apiKey).toMatch(/^tk_[A-Za-z0-9_-]{43}$/);
    expect(created.data.keyId).toMatch(/^k_[0-9a-f]{10}$/);
    expect((await run(member, "settings api-key create")).ok).toBe(false);
    const revoked = await run(admin, `settings api-key revoke ${String(created.data.keyId)}`);
    expect(revoked.ok).toBe(true);
    const again = await run(admin, `settings api-key revoke ${String(created.data.keyId)}`);
    expect(again.ok).toBe(false);
  });

  it("api keys: list shows each key's state and use, never the key itself; admins only", async () => {
    const { admin, member } = await makeAccount(env);
    const none = await run(admin, "settings api-key list");
    expect(none).toMatchObject({ ok: true, data: {} });
    expect(none.text).toMatch(/no intake API keys.*settings api-key create/);
    const first = await run(admin, "settings api-key create");
    const second = await run(admin, "settings api-key create");
    await run(admin, `settings api-key revoke ${String(first.data.keyId)}`);
    const listed = await run(admin, "settings api-key");
    expect(listed.ok).toBe(true);
    expect(listed.data.keys).toEqual([
      expect.objectContaining({
        id: first.data.keyId,
        createdBy: admin.userId,
        revokedBy: admin.userId,
        lastUsedAt: null,
      }),
      expect.objectContaining({ id: second.data.keyId, revokedAt: null, lastUsedAt: null }),
    ]);
    expect(listed.text).toMatch(/1 active, 1 revoked/);
    expect(listed.text).toContain(`${String(second.data.keyId)} (contacts:read, contacts:write): active;`);
    expect(listed.text).not.toContain(String(second.data.apiKey));
    expect(JSON.stringify(listed.data)).not.toContain(String(second.data.apiKey));
    expect((await run(member, "settings api-key list")).ok).toBe(false);
  });

  it("import outside Slack says where imports happen", async () => {
    const { admin } = await makeAccount(env);
    const r = await run(admin, "import");
    expect(r.ok).toBe(false);
    expect(r.slackOnly).toBe("import");
    expect(r.text).toMatch(/tierkeeper import/);
  });
});
