import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../src/db/client.ts";
import { bulkRequests, contactStatus, contacts } from "../../src/db/schema.ts";
import { trustedFileUrl } from "../../src/slack/file-import.ts";
import { eventually, startTestApp, type TestApp } from "../helpers/app.ts";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({
    now: "2026-05-15T14:00:00Z",
    account: { tierLimit: 2000 },
    imports: { maxBytes: 1024 * 1024, maxRows: 50 },
  });
});
afterAll(async () => {
  await app?.close();
});

const CSV = [
  "Email,First Name,Last Name,Lifecycle Stage",
  "ana@webinar.io,Ana,Silva,lead",
  "bo@webinar.io,Bo,Chen,subscriber",
  "not-an-email,Cy,Doe,lead",
  "",
].join("\n");

function share(id: string, name: string, text: string, url?: string) {
  const file = { id, name, url_private_download: url ?? app.fake.shareFile(id, CSV) };
  return app.event({
    type: "message",
    subtype: "file_share",
    channel: "DUMEMBER1",
    channel_type: "im",
    user: "UMEMBER1",
    text,
    ts: `${Date.now() / 1000}`,
    files: [{ ...file, size: app.fake.fileSize(id) }],
  });
}

const dmPosts = () =>
  app.fake
    .callsTo("chat.postMessage")
    .filter((c) => c.body.channel === "DUMEMBER1")
    .map((c) => String(c.body.text));

describe("a CSV shared with the bot in a DM", () => {
  it("is imported non-marketing into the named list, with a line-numbered report, once", async () => {
    const r = await share("FCSV1", "webinar.csv", 'import list:"Spring webinar"');
    expect(r.status).toBe(200);
    await eventually(() => dmPosts().some((t) => /Imported webinar.csv/.test(t)));
    const report = dmPosts().find((t) => /Imported webinar.csv/.test(t)) ?? "";
    expect(report).toMatch(/3 rows — 2 created, 0 updated, 0 unchanged, 1 rejected/);
    expect(report).toMatch(/line 4/);
    expect(app.fake.downloads.find((d) => d.id === "FCSV1")?.authorization).toBe("Bearer xoxb-test-token");
    const rows = await app.env.svc.db
      .select({ email: contacts.email, marketing: contactStatus.marketing, source: contacts.source })
      .from(contacts)
      .innerJoin(contactStatus, eq(contactStatus.contactId, contacts.id))
      .where(eq(contacts.accountId, app.accountId));
    expect(rows.sort((a, b) => a.email.localeCompare(b.email))).toEqual([
      { email: "ana@webinar.io", marketing: false, source: "import" },
      { email: "bo@webinar.io", marketing: false, source: "import" },
    ]);
    const [list] = await rowsOf<{ n: number }>(
      app.env.svc.db,
      sql`select count(*)::int as n from list_members m join lists l on l.id = m.list_id where l.account_id = ${app.accountId} and l.name = 'Spring webinar'`,
    );
    expect(list?.n).toBe(2);
    // Slack redelivers the same event: the file is not imported twice.
    const before = dmPosts().length;
    await share("FCSV1", "webinar.csv", 'import list:"Spring webinar"');
    await new Promise((res) => setTimeout(res, 300));
    expect(dmPosts().length).toBe(before);
  });

  it('with "marketing" makes one bulk request with the tier impact, posted for approval', async () => {
    await share("FCSV2", "webinar2.csv", "marketing");
    await eventually(() => dmPosts().some((t) => /Imported webinar2.csv/.test(t)));
    const report = dmPosts().find((t) => /Imported webinar2.csv/.test(t)) ?? "";
    expect(report).toMatch(/Set all as marketing needs approval: request R/);
    const requests = await app.env.svc.db
      .select()
      .from(bulkRequests)
      .where(and(eq(bulkRequests.accountId, app.accountId), eq(bulkRequests.action, "marketing")));
    expect(requests).toHaveLength(1);
    expect(requests[0]?.count).toBe(2);
    await eventually(() => app.fake.callsTo("chat.postMessage").some((c) => c.body.channel === "CAPPROVALS"));
    const marketing = await app.env.svc.db
      .select({ n: sql<number>`count(*)::int` })
      .from(contactStatus)
      .where(and(eq(contactStatus.accountId, app.accountId), eq(contactStatus.marketing, true)));
    expect(marketing[0]?.n).toBe(0);
  });

  it("a file that is not a CSV, or a link to another host, is refused with nothing imported", async () => {
    await share("FPDF", "deck.pdf", "");
    await eventually(() => dmPosts().some((t) => /deck.pdf is not a CSV file/.test(t)));
    await share("FEVIL", "evil.csv", "", "https://evil.example/steal.csv");
    await eventually(() => dmPosts().some((t) => /can't download that file/.test(t)));
    expect(app.fake.downloads.some((d) => d.id === "FPDF" || d.id === "steal.csv")).toBe(false);
    expect(trustedFileUrl("https://files.slack.com/files-pri/T1-F1/download/a.csv", undefined)).toBe(true);
    expect(trustedFileUrl("https://evil.example/a.csv", "https://slack.com/api/")).toBe(false);
  });

  it("a file over the size limit is refused before it is downloaded, with its size and the limit", async () => {
    await share("FBIG", "big.csv", "", app.fake.shareFile("FBIG", Buffer.alloc(3 * 1024 * 1024 + 100, "a")));
    await eventually(() => dmPosts().some((t) => /big.csv is/.test(t)));
    expect(dmPosts().find((t) => /big.csv is/.test(t))).toBe(
      ":warning: big.csv is 3.1 MB, over the 1 MB one import takes: split it into smaller CSV files and share each one. Nothing was imported.",
    );
    expect(app.fake.downloads.some((d) => d.id === "FBIG")).toBe(false);
  });

  it("a download that runs past the limit although Slack gave a small size is cut off, and nothing is imported", async () => {
    let text = "Email,First Name\n";
    for (let i = 0; i < 40; i++) text += `liar${i}@webinar.io,L${i}\n`;
    const content = Buffer.concat([Buffer.from(text), Buffer.alloc(32 * 1024 * 1024, "x")]);
    const url = app.fake.shareFile("FLIAR", content, { claimedSize: 2048 });
    await share("FLIAR", "small.csv", "", url);
    await eventually(() => dmPosts().some((t) => /small.csv is larger/.test(t)), 20_000);
    expect(dmPosts().find((t) => /small.csv is larger/.test(t))).toBe(
      ":warning: small.csv is larger than the 1 MB one import takes (I stopped downloading it there): split it into smaller CSV files and share each one. Nothing was imported.",
    );
    // The fake wrote what the socket buffers took after the cut, not the 32 MB.
    await eventually(() => app.fake.downloads.some((d) => d.id === "FLIAR"));
    expect(app.fake.downloads.find((d) => d.id === "FLIAR")?.bytesSent).toBeLessThan(16 * 1024 * 1024);
    const liars = await rowsOf<{ n: number }>(
      app.env.svc.db,
      sql`select count(*)::int as n from contacts where account_id = ${app.accountId} and email like 'liar%'`,
    );
    expect(liars[0]?.n).toBe(0);
  });

  it("a file with more rows than the limit imports nothing and says the limit", async () => {
    let text = "Email\n";
    for (let i = 0; i < 51; i++) text += `many${i}@webinar.io\n`;
    await share("FROWS", "many.csv", "", app.fake.shareFile("FROWS", text));
    await eventually(() => dmPosts().some((t) => /more than 50 rows/.test(t)));
    expect(dmPosts().find((t) => /more than 50 rows/.test(t))).toBe(
      ":warning: The file has more than 50 rows, the most one import takes: split it into files of at most 50 rows and import each one. Nothing was imported.",
    );
    const many = await rowsOf<{ n: number }>(
      app.env.svc.db,
      sql`select count(*)::int as n from contacts where account_id = ${app.accountId} and email like 'many%'`,
    );
    expect(many[0]?.n).toBe(0);
  });
});
