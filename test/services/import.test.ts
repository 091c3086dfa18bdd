import { createReadStream, createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importAnswer } from "../../src/commands/import-report.ts";
import { rowsOf } from "../../src/db/client.ts";
import { auditEvents, bulkRequests, imports, listMembers, lists } from "../../src/db/schema.ts";
import { parseFilter } from "../../src/domain/filter.ts";
import { approveRequest, requestBulkChange } from "../../src/services/bulk/index.ts";
import { setStatus } from "../../src/services/contacts.ts";
import {
  ImportFileError,
  ImportTooLargeError,
  importCsv,
  importFromSlackFile,
} from "../../src/services/import/index.ts";
import { addRule, runRules } from "../../src/services/rules/index.ts";
import {
  accountRow,
  contactRow,
  makeAccount,
  recount,
  seedContacts,
  type TestEnv,
  testEnv,
} from "../helpers/services.ts";

const FIXTURE = fileURLToPath(new URL("../fixtures/hubspot-contacts.csv", import.meta.url));

let env: TestEnv;
let dir: string;
beforeAll(async () => {
  env = await testEnv("2026-05-15T14:00:00Z");
  dir = mkdtempSync(join(tmpdir(), "tk-import-"));
});
afterAll(async () => {
  await env?.close();
  rmSync(dir, { recursive: true, force: true });
});

const csv = (text: string | Buffer) => Readable.from([typeof text === "string" ? Buffer.from(text, "utf8") : text]);

async function contactCount(accountId: number) {
  return (await recount(env, accountId)).t;
}

describe("CSV import", () => {
  it("reports created, updated, unchanged and rejected rows with line numbers; re-importing changes nothing", async () => {
    const { accountId, member } = await makeAccount(env);
    await seedContacts(env, accountId, 1, { prefix: "edsger" }); // not in the file
    const report = await importCsv(env.svc, member, createReadStream(FIXTURE), { fileName: "hubspot-contacts.csv" });
    expect(report).toMatchObject({ rows: 7, created: 4, updated: 0, unchanged: 0, rejected: 3 });
    expect(report.rejections).toEqual([
      { line: 4, email: "not-an-email", reason: '"not-an-email" is not a valid email address' },
      { line: 7, email: "ada@example.com", reason: "duplicate of line 2 (the first one is imported)" },
      { line: 8, email: null, reason: "no email" },
    ]);
    const ada = await contactRow(env, accountId, "ada@example.com");
    expect(ada).toMatchObject({
      firstName: "Ada",
      lastName: "Lovelace",
      lifecycle: "Lead",
      marketing: false,
      source: "import",
    });
    expect(ada?.properties).toEqual({ "Company Name": "Analytical, Engines Ltd" });
    expect((await contactRow(env, accountId, "katherine@example.com"))?.properties).toEqual({
      "Company Name": "NASA\nLangley",
    });
    expect((await contactRow(env, accountId, "grace@example.com"))?.firstName).toBe("Grace");
    // "Marketing contact" in the file never makes anyone marketing (R15).
    expect(await recount(env, accountId)).toEqual({ m: 0, p: 0, t: 5 });

    const again = await importCsv(env.svc, member, createReadStream(FIXTURE), { fileName: "hubspot-contacts.csv" });
    expect(again).toMatchObject({ rows: 7, created: 0, updated: 0, unchanged: 4, rejected: 3 });
    const [imp] = await env.svc.db.select().from(imports).where(eq(imports.id, again.importId));
    expect(imp).toMatchObject({ created: 0, unchanged: 4, rejected: 3, fileName: "hubspot-contacts.csv" });
    expect(await contactCount(accountId)).toBe(5);

    const changed = await importCsv(
      env.svc,
      member,
      csv("email,first name,LIFECYCLE STAGE\nada@example.com,Augusta,\ngrace@example.com,Grace,Customer\n"),
    );
    expect(changed).toMatchObject({ created: 0, updated: 1, unchanged: 1, rejected: 0 });
    expect(await contactRow(env, accountId, "ada@example.com")).toMatchObject({
      firstName: "Augusta",
      lastName: "Lovelace",
      lifecycle: "Lead",
    });
  });

  it("imports a file shared in Slack through a download function, and answers with the report", async () => {
    const { accountId, member } = await makeAccount(env);
    await expect(
      importFromSlackFile(env.svc, member, async () => createReadStream(FIXTURE), { fileName: "contacts.xlsx" }),
    ).rejects.toThrow(/not a CSV file/);
    const r = await importFromSlackFile(env.svc, member, async () => createReadStream(FIXTURE), {
      fileName: "contacts.csv",
    });
    expect(r.created).toBe(4);
    expect(await contactCount(accountId)).toBe(4);
    const a = importAnswer(r, "America/New_York");
    expect(a.ok).toBe(true);
    expect(a.text).toMatch(/4 created, 0 updated, 0 unchanged, 3 rejected/);
    expect(a.text).toMatch(/line 7 \(ada@example.com\): duplicate of line 2/);
    expect(a.data).toMatchObject({ created: 4, rejected: 3, requestId: null });
  });

  it("fails clearly, writing nothing, without an Email column", async () => {
    const { accountId, member } = await makeAccount(env);
    const p = importCsv(env.svc, member, csv("First Name,Last Name\nAda,Lovelace\n"));
    await expect(p).rejects.toBeInstanceOf(ImportFileError);
    await expect(importCsv(env.svc, member, csv("First Name,Last Name\nAda,Lovelace\n"))).rejects.toThrow(
      /no Email column.*nothing was imported/,
    );
    await expect(importCsv(env.svc, member, csv(""))).rejects.toThrow(/empty/);
    expect(await contactCount(accountId)).toBe(0);
    expect(await env.svc.db.select().from(imports).where(eq(imports.accountId, accountId))).toEqual([]);
  });

  it("refuses UTF-16 and non-UTF-8 files with a clear error", async () => {
    const { accountId, member } = await makeAccount(env);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Email\nada@example.com\n", "utf16le")]);
    await expect(importCsv(env.svc, member, csv(utf16))).rejects.toThrow(/UTF-16.*CSV UTF-8/);
    const latin1 = Buffer.from("Email,First Name\nrene@example.com,Ren\xe9\n", "latin1");
    await expect(importCsv(env.svc, member, csv(latin1))).rejects.toThrow(/not UTF-8/);
    expect(await contactCount(accountId)).toBe(0);
  });

  it("handles a BOM, quoted commas and newlines, CRLF and a 10 MB line without losing valid rows", async () => {
    const { accountId, member } = await makeAccount(env);
    const huge = "x".repeat(10 * 1024 * 1024);
    const text = `\uFEFFEmail,First Name,Notes\r\na@example.com,"Smith, Jane","two\nlines"\r\nb@example.com,${huge},zz\r\nc@example.com,Cee,"quoted ""word"""\r\n`;
    const r = await importCsv(env.svc, member, Readable.from(chunks(Buffer.from(text, "utf8"), 64 * 1024)));
    expect(r).toMatchObject({ rows: 3, created: 2, rejected: 1 });
    expect(r.rejections).toEqual([{ line: 4, email: null, reason: "the line is longer than 1,000,000 characters" }]);
    expect(await contactRow(env, accountId, "a@example.com")).toMatchObject({
      firstName: "Smith, Jane",
      properties: { Notes: "two\nlines" },
    });
    expect(await contactRow(env, accountId, "c@example.com")).toMatchObject({
      firstName: "Cee",
      properties: { Notes: 'quoted "word"' },
    });
  });

  it("stores tabs, backslashes and COPY's own escapes exactly; a row with a NUL is rejected by line", async () => {
    const { accountId, member } = await makeAccount(env);
    let filler = "";
    for (let i = 0; i < 20; i++) filler += `filler${i}@example.com,F,\n`; // past the first 512 bytes
    const text = `Email,First Name,Notes\n${filler}t@example.com,"Tab\there","back\\slash \\N \\."\nn@example.com,Nu\u0000l,x\nok@example.com,Ok,\n`;
    const r = await importCsv(env.svc, member, csv(text));
    expect(r).toMatchObject({ rows: 23, created: 22, rejected: 1 });
    expect(r.rejections).toEqual([{ line: 23, email: "n@example.com", reason: "the row has a NUL character" }]);
    expect(await contactRow(env, accountId, "t@example.com")).toMatchObject({
      firstName: "Tab\there",
      properties: { Notes: "back\\slash \\N \\." },
    });
    expect(await contactRow(env, accountId, "ok@example.com")).toMatchObject({ firstName: "Ok", properties: null });
  });

  it("a quote never closed is reported, and the rows before it are kept", async () => {
    const { accountId, member } = await makeAccount(env);
    const r = await importCsv(env.svc, member, csv('Email,Name\na@example.com,A\nb@example.com,"B\n'));
    expect(r.created).toBe(1);
    expect(r.rejected).toBe(1);
    expect(r.rejections[0]?.reason).toMatch(/never closed/);
    expect(await contactCount(accountId)).toBe(1);
  });

  it("a quote opened mid-file that never closes: the lines it swallowed are counted in the reason", async () => {
    const { accountId, member } = await makeAccount(env);
    const r = await importCsv(
      env.svc,
      member,
      csv('Email,Name\na@example.com,A\nb@example.com,"B\nc@example.com,C\nd@example.com,D\n'),
    );
    expect(r).toMatchObject({ rows: 2, created: 1, rejected: 1 });
    expect(r.rejections).toEqual([
      {
        line: 3,
        email: null,
        reason: "a quote opened on this line is never closed, so the 3 lines after it could not be read",
      },
    ]);
    expect(await contactCount(accountId)).toBe(1);
  });

  it("a file that can't be read to the end imports nothing: the import is marked failed and staging is dropped", async () => {
    const { accountId, member } = await makeAccount(env);
    const filler = `${"y".repeat(99)}\n`.repeat(50_000); // 5 million characters inside one open quote
    const text = `Email,Name\na@example.com,A\nb@example.com,B\nc@example.com,"C\n${filler}`;
    await expect(
      importCsv(env.svc, member, Readable.from(chunks(Buffer.from(text, "utf8"), 64 * 1024))),
    ).rejects.toThrow(
      /stopped: the record starting on line 4 is longer than 4 million characters.*Nothing was imported/,
    );
    expect(await contactCount(accountId)).toBe(0);
    const [imp] = await env.svc.db.select().from(imports).where(eq(imports.accountId, accountId));
    expect(imp?.error).toMatch(/line 4/);
    expect(imp?.finishedAt).not.toBeNull();

    // A stream that breaks mid-file (a download cut off) also leaves nothing behind.
    async function* cutOff() {
      yield Buffer.from("Email\nd@example.com\ne@example.com\n");
      throw new Error("socket hang up");
    }
    await expect(importCsv(env.svc, member, Readable.from(cutOff()))).rejects.toThrow(
      /socket hang up.*Nothing was imported/,
    );
    expect(await contactCount(accountId)).toBe(0);
    const staging = await rowsOf(
      env.svc.db,
      sql`select tablename from pg_tables where tablename like 'import_staging_%'`,
    );
    expect(staging).toEqual([]);
  });

  it("rejects every repeated email after its first line, counting all and listing the lowest lines", async () => {
    const { accountId, member } = await makeAccount(env);
    let text = "Email\n";
    for (let i = 0; i < 150; i++) text += `dup${i % 30}@example.com\n`; // 30 distinct, 120 repeats
    const r = await importCsv(env.svc, member, csv(text));
    expect(r).toMatchObject({ rows: 150, created: 30, rejected: 120 });
    expect(r.rejections).toHaveLength(100);
    expect(r.rejections[0]).toEqual({
      line: 32,
      email: "dup0@example.com",
      reason: "duplicate of line 2 (the first one is imported)",
    });
    expect(r.rejections.at(-1)?.line).toBe(131);
    expect(await contactCount(accountId)).toBe(30);
  });

  it("two imports into one account at once each get their own staging table, and both land whole", async () => {
    const { accountId, member } = await makeAccount(env);
    const file = (prefix: string) => {
      let text = "Email,First Name\n";
      for (let i = 0; i < 2000; i++) text += `${prefix}${i}@example.com,${prefix}\n`;
      text += "shared@example.com,Both\n";
      return csv(text);
    };
    const [a, b] = await Promise.all([
      importCsv(env.svc, member, file("a"), { fileName: "a.csv" }),
      importCsv(env.svc, member, file("b"), { fileName: "b.csv" }),
    ]);
    expect(a.importId).not.toBe(b.importId);
    // One of them created the shared contact; the other found it as in its file.
    expect(a.created + b.created).toBe(4001);
    expect(a.unchanged + b.unchanged).toBe(1);
    expect(await recount(env, accountId)).toEqual({ m: 0, p: 0, t: 4001 });
  });

  it("adds every imported contact to a list, creating it", async () => {
    const { accountId, member } = await makeAccount(env);
    const r = await importCsv(env.svc, member, createReadStream(FIXTURE), { list: "Spring webinar" });
    expect(r.list).toEqual({ name: "Spring webinar", created: true, added: 4 });
    const [list] = await env.svc.db.select().from(lists).where(eq(lists.accountId, accountId));
    const members = await env.svc.db.select().from(listMembers).where(eq(listMembers.listId, list!.id));
    expect(members).toHaveLength(4);
    const again = await importCsv(env.svc, member, createReadStream(FIXTURE), { list: "spring WEBINAR" });
    expect(again.list).toEqual({ name: "Spring webinar", created: false, added: 0 });
  });

  it("set all as marketing makes ONE bulk request with the tier impact, never a silent upgrade (R14, R15)", async () => {
    const { accountId, member, admin } = await makeAccount(env, { tierLimit: 2000, directLimit: 10 });
    await seedContacts(env, accountId, 1998, { prefix: "m", marketing: true });
    const r = await importCsv(env.svc, member, createReadStream(FIXTURE), {
      marketing: true,
      fileName: "hubspot-contacts.csv",
    });
    expect(r.marketingRequest).not.toBeNull();
    const req = r.marketingRequest!;
    expect(req).toMatchObject({ action: "marketing", count: 4, origin: "import", status: "open" });
    expect(req.impact).toMatchObject({ becomeMarketing: 4, marketingCountBefore: 1998, marketingCountAfter: 2002 });
    expect(req.impact.upgrade?.newLimit).toBe(7000);
    expect(await env.svc.db.select().from(bulkRequests).where(eq(bulkRequests.accountId, accountId))).toHaveLength(1);
    expect(await accountRow(env, accountId)).toMatchObject({ marketingCount: 1998, tierLimit: 2000 });
    // Approving it (with the typed count, R14) makes exactly the imported contacts marketing.
    await approveRequest(env.svc, admin, req.id, 4);
    expect(await accountRow(env, accountId)).toMatchObject({ marketingCount: 2002, tierLimit: 7000 });
    expect((await contactRow(env, accountId, "katherine@example.com"))?.marketing).toBe(true);
  });

  it("a file staged over many pages is upserted a page range at a time, the list, request and rules seeing every row", async () => {
    const { accountId, member, admin } = await makeAccount(env, { tierLimit: 10_000, directLimit: 10_000 });
    const filter = parseFilter("lifecycle = customer", { now: env.clock.now(), timeZone: "America/New_York" });
    if (!filter.ok) throw new Error(filter.error);
    await addRule(env.svc, admin, {
      name: "customers",
      filter: filter.filter,
      action: "marketing",
      timeZone: "America/New_York",
    });
    let text = "Email,First Name,Lifecycle Stage\n";
    for (let i = 0; i < 3000; i++) text += `page${i}@example.com,Name ${i},${i % 3 === 0 ? "customer" : "lead"}\n`;
    const r = await importCsv(env.svc, member, csv(text), { list: "Paged", marketing: true, pagesPerStatement: 4 });
    expect(r).toMatchObject({ rows: 3000, created: 3000, rejected: 0, list: { name: "Paged", added: 3000 } });
    // The rule saw the customers of every page range; the request has the rest of the file.
    expect(r.ruleChanges).toBe(1000);
    expect(r.marketingRequest).toMatchObject({ count: 2000, status: "open" });
    const created = await env.svc.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, accountId), eq(auditEvents.kind, "contact.created")));
    expect(created.length).toBeGreaterThan(3); // one statement, and one audit row, per 4 pages
    expect(created.reduce((n, a) => n + a.count, 0)).toBe(3000);
    expect(new Set(created.flatMap((a) => a.contactIds ?? [])).size).toBe(3000);
    expect(await recount(env, accountId)).toEqual({ m: 1000, p: 0, t: 3000 });

    const again = await importCsv(
      env.svc,
      member,
      csv(text.replace("page0@example.com,Name 0", "page0@example.com,Renamed")),
      { list: "Paged", pagesPerStatement: 4 },
    );
    expect(again).toMatchObject({ created: 0, updated: 1, unchanged: 2999, list: { added: 0 } });
  });

  it("set all as marketing needs marketing contacts access, checked before anything is written", async () => {
    const { accountId, member } = await makeAccount(env);
    await rowsOf(
      env.svc.db,
      sql`update users set marketing_access = false where account_id = ${accountId} and user_id = ${member.userId}`,
    );
    await expect(importCsv(env.svc, member, createReadStream(FIXTURE), { marketing: true })).rejects.toThrow(
      /marketing contacts access/,
    );
    expect(await contactCount(accountId)).toBe(0);
  });

  it("runs automation rules on the imported contacts (R16)", async () => {
    const { accountId, member } = await makeAccount(env);
    const filter = parseFilter("lifecycle = customer", { now: env.clock.now(), timeZone: "America/New_York" });
    if (!filter.ok) throw new Error(filter.error);
    await addRule(env.svc, member, {
      name: "customers",
      filter: filter.filter,
      action: "marketing",
      timeZone: "America/New_York",
    });
    const r = await importCsv(env.svc, member, createReadStream(FIXTURE));
    expect(r.ruleChanges).toBe(1);
    expect((await contactRow(env, accountId, "grace@example.com"))?.marketing).toBe(true);
    expect((await contactRow(env, accountId, "ada@example.com"))?.marketing).toBe(false);
    const audit = await env.svc.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, accountId), eq(auditEvents.actor, "rule:customers")));
    expect(audit).toHaveLength(1);
  });

  it("a 50,000-row file imports set-based, with one audit row for all the created contacts", async () => {
    const { accountId, member } = await makeAccount(env);
    const file = join(dir, "big.csv");
    await new Promise<void>((resolve, reject) => {
      const out = createWriteStream(file);
      out.on("error", reject);
      out.on("finish", resolve);
      out.write("Email,First Name,Last Name,Lifecycle Stage\n");
      for (let i = 0; i < 50_000; i++) out.write(`user${i}@big.example,First${i},Last${i},lead\n`);
      out.write("broken-row-no-at,Nope,Nope,lead\n");
      out.end();
    });
    const progress: number[] = [];
    const r = await importCsv(env.svc, member, createReadStream(file), { onProgress: (p) => progress.push(p.rows) });
    expect(r).toMatchObject({ rows: 50_001, created: 50_000, rejected: 1 });
    expect(r.rejections[0]?.line).toBe(50_002);
    expect(progress.at(-1)).toBe(50_001);
    expect(await recount(env, accountId)).toEqual({ m: 0, p: 0, t: 50_000 });
    // One audit row for the created contacts, holding every id, not one row per contact.
    const created = await env.svc.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, accountId), eq(auditEvents.kind, "contact.created")));
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      count: 50_000,
      summary: expect.stringMatching(/^Created 50,000 contacts from import #/),
    });
    expect(created[0]?.contactIds).toHaveLength(50_000);
    const again = await importCsv(env.svc, member, createReadStream(file));
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 50_000 });
  }, 120_000);
});

describe("import limits", () => {
  const MB = 1024 * 1024;
  const rowsCsv = (n: number, prefix = "r") => {
    let text = "Email,First Name\n";
    for (let i = 0; i < n; i++) text += `${prefix}${i}@limits.example,N${i}\n`;
    return text;
  };

  it("a file with more rows than the limit imports nothing and says the limit; one at the limit imports", async () => {
    const { accountId, member } = await makeAccount(env);
    const p = importCsv(env.svc, member, csv(`${rowsCsv(6)}\n\n`), { maxRows: 5, fileName: "six.csv" });
    await expect(p).rejects.toBeInstanceOf(ImportTooLargeError);
    await expect(p).rejects.toThrow(
      "The file has more than 5 rows, the most one import takes: split it into files of at most 5 rows and import each one. Nothing was imported.",
    );
    expect(await contactCount(accountId)).toBe(0);
    const [failed] = await env.svc.db.select().from(imports).where(eq(imports.accountId, accountId));
    expect(failed?.error).toMatch(/more than 5 rows/);
    // Empty lines are not rows: five contacts and blank lines fit.
    const ok = await importCsv(env.svc, member, csv(`${rowsCsv(5)}\n\n`), { maxRows: 5 });
    expect(ok).toMatchObject({ rows: 5, created: 5 });
  });

  it("a shared file whose size is over the limit is refused before any byte is downloaded", async () => {
    const { accountId, member } = await makeAccount(env);
    let downloads = 0;
    const download = async () => {
      downloads++;
      return csv(rowsCsv(3));
    };
    const p = importFromSlackFile(env.svc, member, download, {
      fileName: "big.csv",
      size: 73.4 * MB,
      maxBytes: 50 * MB,
    });
    await expect(p).rejects.toBeInstanceOf(ImportTooLargeError);
    await expect(p).rejects.toThrow(
      "big.csv is 73.4 MB, over the 50 MB one import takes: split it into smaller CSV files and share each one. Nothing was imported.",
    );
    // Without a limit given, the default (50 MB) holds.
    await expect(
      importFromSlackFile(env.svc, member, download, { fileName: "big.csv", size: 51 * MB }),
    ).rejects.toThrow(/big.csv is 51 MB, over the 50 MB/);
    expect(downloads).toBe(0);
    expect(await contactCount(accountId)).toBe(0);
    expect(await env.svc.db.select().from(imports).where(eq(imports.accountId, accountId))).toEqual([]);
  });

  it("a download that runs past the limit (the size lied) is cut off there, and nothing is imported", async () => {
    const { accountId, member } = await makeAccount(env);
    let served = 0;
    async function* lying() {
      yield Buffer.from(rowsCsv(1000, "lie"));
      // 8 MB more: one line that never ends, so without the cut the rows above would import.
      for (let i = 0; i < 128; i++) {
        served += 64 * 1024;
        yield Buffer.alloc(64 * 1024, "x");
      }
    }
    const p = importFromSlackFile(env.svc, member, async () => Readable.from(lying()), {
      fileName: "small.csv",
      size: 2000,
      maxBytes: 1 * MB,
    });
    await expect(p).rejects.toThrow(
      "small.csv is larger than the 1 MB one import takes (I stopped downloading it there): split it into smaller CSV files and share each one. Nothing was imported.",
    );
    expect(served).toBeLessThan(2 * MB);
    expect(await contactCount(accountId)).toBe(0);
    const staging = await rowsOf(
      env.svc.db,
      sql`select tablename from pg_tables where tablename like 'import_staging_%'`,
    );
    expect(staging).toEqual([]);
  });

  it("while a file is read and staged, the account is not locked: status changes, approvals and rules go on", async () => {
    const { accountId, admin, member } = await makeAccount(env, { directLimit: 1 });
    await seedContacts(env, accountId, 3, { prefix: "busy" });
    const filter = parseFilter("lifecycle = customer", { now: env.clock.now(), timeZone: "UTC" });
    if (!filter.ok) throw new Error(filter.error);
    await addRule(env.svc, admin, { name: "customers", filter: filter.filter, action: "marketing", timeZone: "UTC" });
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let staged = false;
    async function* slowFile() {
      yield Buffer.from(rowsCsv(2000, "slow"));
      await gate; // the rest of the file is still on its way
      yield Buffer.from(rowsCsv(2000, "late").split("\n").slice(1).join("\n"));
    }
    const importing = importCsv(env.svc, member, Readable.from(slowFile()), {
      onProgress: (p) => {
        if (p.rows > 0) staged = true;
      },
    });
    let done = false;
    void importing.then(() => {
      done = true;
    });
    for (let i = 0; i < 500 && !staged; i++) await new Promise((r) => setTimeout(r, 10));
    expect(staged).toBe(true);
    const within = <T>(p: Promise<T>) =>
      Promise.race([
        p,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error("blocked by the import")), 5000)),
      ]);
    // The same account's status change, a bulk request's approval and a scheduled rules run all complete.
    const set = await within(setStatus(env.svc, member, "marketing", ["busy00001@test.io"]));
    expect(set.changed).toBe(1);
    const asked = await within(
      requestBulkChange(env.svc, member, {
        action: "marketing",
        selector: { type: "emails", emails: ["busy00002@test.io", "busy00003@test.io"] },
        at: null,
      }),
    );
    await within(approveRequest(env.svc, admin, asked.request!.id, 2));
    await within(runRules(env.svc));
    expect(done).toBe(false);
    expect(await recount(env, accountId)).toEqual({ m: 3, p: 0, t: 3 });
    release();
    expect(await importing).toMatchObject({ created: 4000, rows: 4000 });
  });
});

describe("large imports with an automation rule", () => {
  async function customersRule(actor: { accountId: number; userId: string }) {
    const filter = parseFilter("lifecycle = customer", { now: env.clock.now(), timeZone: "America/New_York" });
    if (!filter.ok) throw new Error(filter.error);
    await addRule(env.svc, actor, { name: "customers", filter: filter.filter, action: "marketing", timeZone: "UTC" });
  }

  it("a 300,000-row file imports with a rule enabled, the rule applied to every matching row", async () => {
    const { accountId, admin, member } = await makeAccount(env, { tierLimit: 200_000, directLimit: 200_000 });
    await customersRule(admin);
    const r = await importCsv(env.svc, member, Readable.from(generatedCsv(300_000)), { fileName: "huge.csv" });
    expect(r).toMatchObject({ rows: 300_000, created: 300_000, rejected: 0, ruleChanges: 30_000 });
    expect(await recount(env, accountId)).toEqual({ m: 30_000, p: 0, t: 300_000 });
    expect((await contactRow(env, accountId, "u299990@h.io"))?.marketing).toBe(true);
    expect((await contactRow(env, accountId, "u299991@h.io"))?.marketing).toBe(false);
  }, 240_000);

  it("a rule that pauses during an import asks for the imported contacts it matches, not the unchanged ones", async () => {
    const { accountId, admin, member } = await makeAccount(env, { tierLimit: 200_000, directLimit: 10 });
    // Already as in the file: not created or changed by the import, so the import's rule run leaves them out.
    await importCsv(
      env.svc,
      member,
      csv("Email,Lifecycle Stage\nsame1@x.example,customer\nsame2@x.example,customer\n"),
    );
    await customersRule(admin);
    let text = "Email,Lifecycle Stage\nsame1@x.example,customer\nsame2@x.example,customer\n";
    for (let i = 0; i < 3000; i++) text += `p${i}@x.example,${i % 3 === 0 ? "customer" : "lead"}\n`;
    const r = await importCsv(env.svc, member, csv(text), { pagesPerStatement: 2 });
    expect(r).toMatchObject({ created: 3000, unchanged: 2, ruleChanges: 0 });
    expect(r.ruleRequests).toHaveLength(1);
    expect(r.ruleRequests[0]).toMatchObject({ action: "marketing", count: 1000, origin: "rule:customers" });
    expect(r.ruleRequests[0]?.selectorText).toMatch(/just created or changed/);
    expect(await recount(env, accountId)).toEqual({ m: 0, p: 0, t: 3002 });
  });
});

/** `rows` contacts, every tenth a customer, in 64 KB chunks: short rows, so one statement upserts many. */
function* generatedCsv(rows: number) {
  let text = "Email,Lifecycle Stage\n";
  for (let i = 0; i < rows; i++) {
    text += `u${String(i).padStart(6, "0")}@h.io,${i % 10 === 0 ? "customer" : "lead"}\n`;
    if (text.length >= 65_536) {
      yield Buffer.from(text, "utf8");
      text = "";
    }
  }
  if (text) yield Buffer.from(text, "utf8");
}

function* chunks(buf: Buffer, size: number) {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}
