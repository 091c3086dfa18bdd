// The usage chart is drawn and titled in the language of whoever asked: a Polish Slack user's
// `usage` uploads a PNG whose file title is Polish; an English user's stays English.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { seedContacts } from "../helpers/services.ts";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ now: "2026-05-15T14:00:00Z" });
  app.fake.userLocales.set("UPOLE", "pl-PL");
  // In the subsidiary's zone, so the chart's days are the days the user typed.
  app.fake.userZones.set("UPOLE", "America/New_York");
  await seedContacts(app.env, app.accountId, 30, { marketing: true, prefix: "m" });
});

afterAll(async () => {
  await app?.close();
});

async function chartUpload(user: string, text: string): Promise<string> {
  const before = app.fake.callsTo("files.completeUploadExternal").length;
  await (await app.command(text, user)).response();
  await app.fake.waitFor(
    (calls) => calls.filter((x) => x.method === "files.completeUploadExternal").length > before,
    20_000,
  );
  const complete = app.fake.callsTo("files.completeUploadExternal").at(-1);
  expect(app.fake.uploads.at(-1)?.bytes.subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  return JSON.stringify(complete?.body);
}

describe("the usage chart in the asker's language", { timeout: 60_000 }, () => {
  it("a Polish user's chart file is titled in Polish, an English user's in English", async () => {
    const pl = await chartUpload("UPOLE", "usage since 1 maja");
    expect(pl).toContain("Kontakty marketingowe od 1 maja 2026 do 15 maja 2026");
    const en = await chartUpload("UADMIN1", "usage since 1 May");
    expect(en).toContain("Marketing contacts 2026-05-01 to 2026-05-15");
  });
});
