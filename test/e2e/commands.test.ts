import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../src/db/client.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { seedContacts } from "../helpers/services.ts";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ approvalsChannel: null });
  await seedContacts(app.env, app.accountId, 30, { marketing: true, prefix: "m" });
  await seedContacts(app.env, app.accountId, 5, { marketing: false, prefix: "n" });
  app.fake.userZones.set("UADMIN1", "Europe/Berlin");
});

afterAll(async () => {
  await app?.close();
});

/** The message's text as read, without its emphasis marks. */
const textOf = (r: Record<string, unknown>) => String(r.text ?? "").replace(/[*]/g, "");

describe("/contacts over signed HTTP", () => {
  it("acks with 200 and answers help ephemerally through response_url", async () => {
    const c = await app.command("help");
    expect(c.status).toBe(200);
    const r = await c.response();
    expect(r.response_type).toBe("ephemeral");
    expect(textOf(r)).toContain("/contacts");
  });

  it("answers unknown subcommands with usage, never a stack trace", async () => {
    const r = await (await app.command("frobnicate the widgets")).response();
    expect(r.response_type).toBe("ephemeral");
    expect(textOf(r)).not.toMatch(/Error|at .*\.ts/);
    expect(textOf(r).length).toBeGreaterThan(20);
  });

  it("status shows a contact's status, in the user's Slack time zone from users.info (cached)", async () => {
    const r = await (await app.command("status m00001@test.io")).response();
    expect(textOf(r)).toContain("m00001@test.io is a marketing contact");
    const [u] = await rowsOf<{ time_zone: string }>(
      app.env.svc.db,
      sql`select time_zone from users where user_id = 'UADMIN1' and account_id = ${app.accountId}`,
    );
    expect(u?.time_zone).toBe("Europe/Berlin");
    const before = app.fake.callsTo("users.info").length;
    await (await app.command("status n00001@test.io")).response();
    expect(app.fake.callsTo("users.info").length).toBe(before);
  });

  it("tier reports the count against the tier", async () => {
    const r = await (await app.command("tier")).response();
    expect(textOf(r)).toContain("Marketing contacts: 30 of 2,000");
    expect(JSON.stringify(r.blocks)).toContain("Contact tier");
  });

  it("next-update names the instant in the subsidiary zone and the user's zone", async () => {
    const r = await (await app.command("next-update")).response();
    expect(textOf(r)).toMatch(/The next update is .*America\/New_York.*for you/);
  });

  it("set non-marketing flags a contact pending until the next update", async () => {
    const r = await (await app.command("set non-marketing m00002@test.io")).response();
    expect(textOf(r)).toContain("stays marketing until the next update date");
    const [c] = await rowsOf<{ pending: boolean }>(
      app.env.svc.db,
      sql`select s.pending_since is not null as pending from contacts c join contact_status s on s.contact_id = c.id where c.email = 'm00002@test.io'`,
    );
    expect(c?.pending).toBe(true);
  });

  it("bulk without an approvals channel posts the request where it was typed and says how to set one", async () => {
    const c = await app.command("bulk non-marketing where email contains m000", "UADMIN1", { channelId: "CGENERAL" });
    const r = await c.response();
    expect(textOf(r)).toContain("approvals-channel");
    const post = app.fake.callsTo("chat.postMessage").find((p) => p.body.channel === "CGENERAL");
    expect(post).toBeDefined();
    expect(JSON.stringify(post?.body.blocks)).toContain("request_approve");
  });

  it("requests lists open requests", async () => {
    const r = await (await app.command("requests")).response();
    expect(textOf(r)).toMatch(/Open requests\n• R/);
  });

  it("settings shows the settings and settings approvals-channel sets one (admin)", async () => {
    const shown = await (await app.command("settings")).response();
    expect(textOf(shown)).toContain("approvals-channel: not set");
    const set = await (await app.command("settings approvals-channel C0APPROVE")).response();
    expect(textOf(set)).toContain("approvals-channel");
    const refused = await (await app.command("settings direct-limit 50", "UMEMBER1")).response();
    expect(textOf(refused)).toMatch(/admin/i);
  });

  it("lists, list create and list add", async () => {
    await (await app.command('list create "Webinar"')).response();
    await (await app.command('list add "Webinar" m00003@test.io m00004@test.io')).response();
    const r = await (await app.command("lists")).response();
    expect(textOf(r)).toContain("Webinar — 2 contacts");
  });

  it("history shows audit events", async () => {
    const r = await (await app.command("history")).response();
    expect(textOf(r)).toMatch(/^History\n/);
    expect(textOf(r)).toContain("request");
  });

  it("usage answers with the figures and uploads a PNG chart to the user's DM", async () => {
    const c = await app.command("usage since 10 days ago");
    const r = await c.response();
    expect(textOf(r)).toContain("now 30 of 2,000");
    await app.fake.waitFor((calls) => calls.some((x) => x.method === "files.completeUploadExternal"), 20_000);
    const upload = app.fake.uploads.at(-1);
    expect(upload?.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const complete = app.fake.callsTo("files.completeUploadExternal").at(-1);
    expect(String(complete?.body.channel_id)).toBe("DUADMIN1");
  });
});
