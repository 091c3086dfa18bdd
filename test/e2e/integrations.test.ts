// API keys with scopes and webhooks, set up the way an admin does it: slash commands over signed
// HTTP. A secret is shown once, and never kept in the copy of an answer saved for a resend.
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../src/db/client.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ intakeApi: true });
});

afterAll(async () => {
  await app?.close();
});

const say = async (text: string, user = "UADMIN1") => String((await (await app.command(text, user)).response()).text);

async function savedAnswers(): Promise<string> {
  const rows = await rowsOf<{ answer: unknown }>(app.env.svc.db, sql`select answer from slack_inbox`);
  return JSON.stringify(rows.map((r) => r.answer));
}

describe("API keys and webhooks from Slack", { timeout: 60_000 }, () => {
  it("makes a key with scopes; the key works within them only; its secret is not kept", async () => {
    const made = await say("settings api-key create contacts:read changes:read");
    const key = /`(tk_[A-Za-z0-9_-]+)`/.exec(made)?.[1] ?? "";
    expect(key).not.toBe("");
    expect(made).toContain("`contacts:read`");
    expect(made).not.toContain("`status:write`");
    const saved = await savedAnswers();
    expect(saved).not.toContain(key);
    expect(saved).toContain("secrets are not kept");
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`${app.base}${path}`, {
        method,
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    expect((await call("GET", "/api/v1/tier")).status).toBe(200);
    expect((await call("GET", "/api/v1/changes")).status).toBe(200);
    const denied = await call("PUT", "/api/v1/contacts/a@b.io/status", { status: "marketing" });
    expect(denied.status).toBe(403);
    // The intake routes beside it check scopes too: this key may not write contacts.
    const intake = await call("POST", "/api/contacts", { email: "new@b.io", source: "form" });
    expect(intake.status).toBe(403);
    expect(await intake.json()).toMatchObject({ missingScope: "contacts:write" });
    expect(await say("settings api-key list")).toMatch(/\(contacts:read, changes:read\): active/);
    expect(await say("settings api-key create admin:all")).toContain("admin:all is not a scope");
  });

  it("adds, lists, tests and removes a webhook; members may not; bad URLs are refused with the reason", async () => {
    const added = await say("settings webhook add http://127.0.0.1:9/hooks contact.status_changed");
    const secret = /`(whsec_[A-Za-z0-9+/=]+)`/.exec(added)?.[1] ?? "";
    expect(secret).not.toBe("");
    expect(await savedAnswers()).not.toContain(secret);
    const id = /Webhook \*(\d+)\*/.exec(added)?.[1] ?? /Webhook (\d+)/.exec(added)?.[1] ?? "";
    expect(id).not.toBe("");
    expect(await say("settings webhook list")).toContain(
      "http://127.0.0.1:9/hooks (contact.status_changed): delivering",
    );
    expect(await say(`settings webhook test ${id}`)).toContain("A test message goes to webhook");
    expect(await say("settings webhook add http://127.0.0.1:9/x contact.exploded")).toContain(
      "contact.exploded is not an event",
    );
    expect(await say("settings webhook add not-a-url")).toContain("That is not a URL");
    expect(await say("settings webhook list", "UMEMBER1")).toMatch(/admin/i);
    expect(await say(`settings webhook remove ${id}`)).toContain(`Webhook ${id} is removed`);
    expect(await say("settings webhook list")).toContain("There are no webhooks");
  });
});
