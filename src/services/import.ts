// CSV import (SPEC §3). The file is streamed, parsed (Papa Parse) and validated row by row in
// constant memory; valid rows go by COPY into a staging table, then set-based statements (one per
// range of staging pages) upsert them with their audit, in one changeContacts transaction: the
// whole file or, if it can't be read to the end, nothing. Imported contacts start non-marketing
// (R15); "set all as marketing" becomes ONE bulk request for the imported contacts (R14), never a
// silent upgrade.
import { Readable } from "node:stream";
import { eq, type SQL, sql } from "drizzle-orm";
import Papa from "papaparse";
import { z } from "zod";
import { DEFAULT_IMPORT_LIMITS, MB } from "../config.ts";
import { copyField, copyInto, rowsOf, type Tx, timestamptz } from "../db/client.ts";
import { contacts, imports } from "../db/schema.ts";
import { canSetMarketing } from "../domain/permissions.ts";
import { initialStatusFor } from "../domain/sources.ts";
import { ensureUser, getAccount } from "./accounts.ts";
import { recordAudit } from "./audit.ts";
import { type BulkRequestView, requestBulkChange } from "./bulk/index.ts";
import { type Actor, Refusal, type Services } from "./context.ts";
import { CONTACT_CONFLICT, createdSummary, updatedSummary } from "./intake/index.ts";
import { applyRulesInTx, finishRulePauses, type RulePause, refreshPausedRules } from "./rules/index.ts";
import { sourceOverridesOf } from "./source-defaults.ts";
import { changeContacts } from "./tier.ts";

/** Longest line accepted; longer ones are rejected by line number (the rest of the file goes on). */
export const MAX_LINE_CHARS = 1_000_000;
/** A record (with quoted newlines) longer than this means a quote that never closes: the import stops. */
const MAX_RECORD_CHARS = 4_000_000;
/** Rejections listed in the report; the total is always given. */
export const MAX_LISTED_REJECTIONS = 100;

/** The file can't be imported at all (encoding, no Email column, unreadable CSV). */
export class ImportFileError extends Refusal {
  constructor(message: string) {
    super(message, "invalid");
  }
}

/** The file is over an import limit: its size (TIERKEEPER_IMPORT_MAX_MB) or its rows (TIERKEEPER_IMPORT_MAX_ROWS). */
export class ImportTooLargeError extends ImportFileError {
  constructor(
    message: string,
    readonly limit: "bytes" | "rows",
  ) {
    super(message);
  }
}

/** A size as users read it: megabytes, rounded up to one decimal (a file just over the limit never shows as equal to it). */
const megabytes = (bytes: number) => `${(Math.ceil((bytes / MB) * 10) / 10).toLocaleString("en-US")} MB`;

export interface ImportOptions {
  /** A static list to add every imported contact to; created if missing. */
  list?: string | null;
  /** "Set all as marketing": one bulk request for the imported contacts (R14, R15). */
  marketing?: boolean;
  fileName?: string | null;
  onProgress?: (p: { rows: number; bytes: number }) => void;
  /** Staging pages per upsert statement (PAGES_PER_STATEMENT); smaller in tests to make several. */
  pagesPerStatement?: number;
  /** The file is read; its `contacts` valid rows are now being written in one transaction. */
  onSaving?: (contacts: number) => void;
  /** Data rows one import takes (TIERKEEPER_IMPORT_MAX_ROWS); a file with more imports nothing. */
  maxRows?: number;
}

export interface Rejection {
  line: number;
  email: string | null;
  reason: string;
}

export interface ImportReport {
  importId: number;
  fileName: string | null;
  /** Data rows read (the header not counted, empty lines skipped). */
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** The first rejections by line number (at most MAX_LISTED_REJECTIONS). */
  rejections: Rejection[];
  list: { name: string; created: boolean; added: number } | null;
  /** "Set all as marketing": the bulk request made, or null (not asked, or nothing would change). */
  marketingRequest: BulkRequestView | null;
  marketingRequested: boolean;
  /** Bulk requests made by automation rules that paused during the import (R16). */
  ruleRequests: BulkRequestView[];
  /** Contacts the automation rules changed during the import. */
  ruleChanges: number;
}

// ---------------------------------------------------------------------------------------------
// Headers (HubSpot export names, matched case-insensitively).

type Field = "email" | "firstName" | "lastName" | "lifecycle";

const HEADER_FIELDS: Record<string, Field> = {
  email: "email",
  "email address": "email",
  "e-mail": "email",
  "first name": "firstName",
  firstname: "firstName",
  "last name": "lastName",
  lastname: "lastName",
  "lifecycle stage": "lifecycle",
  lifecycle: "lifecycle",
  lifecyclestage: "lifecycle",
};

/** Columns of a HubSpot export that tierkeeper decides itself: read past, never stored. */
const IGNORED_HEADERS = new Set([
  "marketing contact status",
  "hs_marketable_status",
  "create date",
  "createdate",
  "record id",
  "contact id",
  "hs_object_id",
  "last modified date",
  "lastmodifieddate",
]);

const normalizeHeader = (h: string) =>
  h
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, " ");

interface ColumnMap {
  fields: Partial<Record<Field, number>>;
  /** Other columns, stored in the contact's properties under their header. */
  extra: { index: number; name: string }[];
}

function mapHeaders(header: string[]): ColumnMap {
  const fields: Partial<Record<Field, number>> = {};
  const extra: { index: number; name: string }[] = [];
  header.forEach((raw, index) => {
    const h = normalizeHeader(raw);
    const field = HEADER_FIELDS[h] ?? HEADER_FIELDS[h.replace(/ /g, "")];
    if (field !== undefined) {
      if (fields[field] === undefined) fields[field] = index;
      return;
    }
    if (h === "" || IGNORED_HEADERS.has(h) || IGNORED_HEADERS.has(h.replace(/ /g, ""))) return;
    extra.push({
      index,
      name: raw
        .replace(/^\uFEFF/, "")
        .replaceAll("\u0000", "")
        .trim()
        .slice(0, 100),
    });
  });
  return { fields, extra };
}

/** The address check of `z.email()`, as a plain regex: it runs once per row. */
const EMAIL = z.regexes.email;
const MAX_FIELD = 1000;

// ---------------------------------------------------------------------------------------------
// Decoding: UTF-8 only, checked up front; a UTF-8 BOM is dropped by TextDecoder.

const OVERSIZED = "\u0001tierkeeper:line-too-long\u0001";
const BAD_UTF8 = "\uFFFD";
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL and the U+0001 of OVERSIZED are what it looks for.
const UNSTORABLE = /[\u0000\u0001\uFFFD]/;

async function* decodeUtf8(input: AsyncIterable<unknown>, progress: (bytes: number) => void): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  let first = true;
  for await (const chunk of input) {
    const buf = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk as Uint8Array);
    if (first && buf.length > 0) {
      first = false;
      checkEncoding(buf);
    }
    progress(buf.length);
    const text = decoder.decode(buf, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

/** Fails clearly on UTF-16/32 files and on files that aren't UTF-8 from the start (e.g. Windows-1252). */
function checkEncoding(head: Buffer): void {
  const utf16 =
    (head[0] === 0xff && head[1] === 0xfe) ||
    (head[0] === 0xfe && head[1] === 0xff) ||
    head.subarray(0, 512).filter((b) => b === 0).length > 0;
  if (utf16) {
    throw new ImportFileError(
      "The file is UTF-16 (or another encoding with zero bytes), not UTF-8. Save it as “CSV UTF-8” and import it again; nothing was imported.",
    );
  }
  try {
    // A chunk may end inside a character: streaming mode only throws on bytes that can never be valid.
    new TextDecoder("utf-8", { fatal: true }).decode(head.subarray(0, 65_536), { stream: true });
  } catch {
    throw new ImportFileError(
      "The file is not UTF-8 (it looks like Windows-1252 or Latin-1). Save it as “CSV UTF-8” and import it again; nothing was imported.",
    );
  }
}

/**
 * Replaces every physical line longer than `max` characters by a marker, holding at most one
 * line in memory, so a 10 MB line is rejected by number and the rest of the file still imports.
 */
async function* guardLines(chunks: AsyncIterable<string>, max: number): AsyncGenerator<string> {
  let current = "";
  let oversized = false;
  for await (const chunk of chunks) {
    let out = "";
    let start = 0;
    while (start < chunk.length) {
      const nl = chunk.indexOf("\n", start);
      const end = nl < 0 ? chunk.length : nl + 1;
      if (!oversized) {
        current += chunk.slice(start, end);
        if (current.length > max + 2) {
          oversized = true;
          current = "";
        }
      }
      if (nl >= 0) {
        // CRLF becomes LF: records are split on LF, and line numbers count LFs (quoted ones too).
        out += oversized ? `${OVERSIZED}\n` : current.endsWith("\r\n") ? `${current.slice(0, -2)}\n` : current;
        current = "";
        oversized = false;
      }
      start = end;
    }
    if (out) yield out;
  }
  if (oversized) yield OVERSIZED;
  else if (current) yield current;
}

// ---------------------------------------------------------------------------------------------
// Parsing: Papa Parse's core parser, fed chunk by chunk, so only one record is ever held.

interface CsvRow {
  /** The physical line the record starts on (1-based; quoted newlines make a record span lines). */
  line: number;
  fields: string[];
  /** Lines after `line` the record took because a quote opened on it was never closed. */
  unclosedQuote?: number;
}

const QUOTE_ERRORS_IGNORED = new Set(["InvalidQuotes"]);

/**
 * Parses decoded CSV text into records, a batch per chunk of text, numbering each by the line it
 * starts on. Throws ImportFileError when a record grows past MAX_RECORD_CHARS (a quote that
 * never closes would otherwise swallow the rest of the file into memory).
 */
async function* csvRows(text: AsyncIterable<string>): AsyncGenerator<CsvRow[]> {
  const parser = new Papa.Parser({ delimiter: ",", newline: "\n", quoteChar: '"' });
  let partial = "";
  let line = 0; // the last line consumed
  const number = (data: string[][], errors: Papa.ParseError[]): CsvRow[] => {
    const unclosed = new Set(errors.filter((e) => !QUOTE_ERRORS_IGNORED.has(e.code)).map((e) => e.row ?? -1));
    return data.map((fields, i) => {
      const row: CsvRow = { line: line + 1, fields };
      let breaks = 0;
      for (const f of fields) for (let j = f.indexOf("\n"); j >= 0; j = f.indexOf("\n", j + 1)) breaks++;
      line += 1 + breaks;
      if (unclosed.has(i)) row.unclosedQuote = breaks;
      return row;
    });
  };
  for await (const chunk of text) {
    const input = partial + chunk;
    const result = parser.parse(input, 0, true) as Papa.ParseResult<string[]>;
    partial = input.slice(result.meta.cursor);
    if (partial.length > MAX_RECORD_CHARS) {
      throw new ImportFileError(
        `The import stopped: the record starting on line ${line + 1} is longer than ${MAX_RECORD_CHARS / 1_000_000} million characters, probably because a quote opened there is never closed. Nothing was imported.`,
      );
    }
    if (result.data.length > 0) yield number(result.data, result.errors);
  }
  if (partial !== "") {
    const result = parser.parse(partial, 0, false) as Papa.ParseResult<string[]>;
    yield number(result.data, result.errors);
  }
}

/** The first non-empty record (the header) and the batches after it. */
async function splitHeader(batches: AsyncGenerator<CsvRow[]>) {
  for (;;) {
    const next = await batches.next();
    if (next.done) return null;
    const rows = next.value;
    const at = rows.findIndex((r) => !(r.fields.length === 1 && r.fields[0] === ""));
    if (at < 0) continue;
    const rest = rows.slice(at + 1);
    return {
      header: rows[at] as CsvRow,
      async *rows(): AsyncGenerator<CsvRow[]> {
        if (rest.length > 0) yield rest;
        yield* batches;
      },
    };
  }
}

// ---------------------------------------------------------------------------------------------
// The import: valid rows are COPYed into a staging table, then set-based statements upsert them.

const STAGING_COLUMNS = ["line", "email", "first_name", "last_name", "lifecycle", "properties"];

/** Rejections: all counted, the lowest MAX_LISTED_REJECTIONS line numbers kept. */
class RejectionLog {
  total = 0;
  readonly listed: Rejection[] = [];
  add(r: Rejection): void {
    this.total++;
    const last = this.listed.at(-1);
    if (this.listed.length >= MAX_LISTED_REJECTIONS && last && r.line >= last.line) return;
    this.listed.push(r);
    this.listed.sort((a, b) => a.line - b.line);
    if (this.listed.length > MAX_LISTED_REJECTIONS) this.listed.pop();
  }
}

/**
 * The COPY text of the valid rows of `batches`, UTF-8 encoded, one buffer per batch; every other row is
 * rejected by line number. `counted` is kept up to date for the progress bar and the report.
 */
async function* stagedText(
  batches: AsyncIterable<CsvRow[]>,
  columns: ColumnMap,
  rejections: RejectionLog,
  counted: { rows: number; staged: number },
  maxRows: number,
  onBatch: () => void,
): AsyncGenerator<Buffer> {
  const countRow = () => {
    if (++counted.rows > maxRows) {
      const n = maxRows.toLocaleString("en-US");
      throw new ImportTooLargeError(
        `The file has more than ${n} rows, the most one import takes: split it into files of at most ${n} rows and import each one. Nothing was imported.`,
        "rows",
      );
    }
  };
  for await (const batch of batches) {
    let text = "";
    for (const rec of batch) {
      if (rec.unclosedQuote !== undefined) {
        countRow();
        rejections.add({
          line: rec.line,
          email: null,
          reason:
            rec.unclosedQuote > 0
              ? `a quote opened on this line is never closed, so the ${rec.unclosedQuote.toLocaleString("en-US")} lines after it could not be read`
              : "a quoted field is never closed before the end of the file",
        });
        continue;
      }
      if (rec.fields.every((v) => v.trim() === "")) continue;
      countRow();
      const row = readRow(rec.fields, columns, rec.line);
      if ("reason" in row) {
        rejections.add(row);
        continue;
      }
      counted.staged++;
      const properties = row.properties === null ? null : JSON.stringify(row.properties);
      text += `${rec.line}\t${copyField(row.email)}\t${copyField(row.firstName)}\t${copyField(row.lastName)}\t${copyField(row.lifecycle)}\t${copyField(properties)}\n`;
    }
    onBatch();
    // Encoded at once: the string is a rope over every field of the batch, and over the chunks of
    // the file they were sliced from; as bytes, all of that is garbage before the next collection.
    if (text) yield Buffer.from(text, "utf8");
  }
}

/**
 * Imports a CSV stream as the actor: all of it or, when the file can't be read to the end,
 * nothing (ImportFileError). Rows that can't be imported are rejected by line number and the
 * rest imports. Re-importing the same file changes nothing.
 */
export async function importCsv(
  svc: Services,
  actor: Actor,
  input: Readable,
  opts: ImportOptions = {},
): Promise<ImportReport> {
  const user = await ensureUser(svc, actor.accountId, actor.userId);
  if (opts.marketing) {
    const ok = canSetMarketing(user);
    if (!ok.ok) throw new Refusal(ok.reason);
  }
  const account = await getAccount(svc.db, actor.accountId);
  const startsMarketing = initialStatusFor({ source: "import", overrides: sourceOverridesOf(account) }) === "marketing";
  const fileName = opts.fileName ?? null;
  let bytes = 0;
  const rejections = new RejectionLog();
  const counted = { rows: 0, staged: 0 };
  const batches = csvRows(
    guardLines(
      decodeUtf8(input, (n) => {
        bytes += n;
      }),
      MAX_LINE_CHARS,
    ),
  );

  let importId = 0;
  let staging: string | null = null;
  let upsert: UpsertOutcome;
  let listInfo: { id: number; name: string; created: boolean; added: number } | null = null;
  try {
    const split = await splitHeader(batches);
    if (split === null) {
      throw new ImportFileError(
        "The file is empty: there is no header line with an Email column. Nothing was imported.",
      );
    }
    const columns = mapHeaders(split.header.fields);
    if (columns.fields.email === undefined) {
      const shown = split.header.fields
        .slice(0, 8)
        .map((h) => `"${h.slice(0, 40)}"`)
        .join(", ");
      throw new ImportFileError(
        `The file has no Email column (its first line has ${shown}${split.header.fields.length > 8 ? ", …" : ""}). Export contacts with an "Email" column and import again; nothing was imported.`,
      );
    }
    await refreshPausedRules(svc, actor.accountId);
    await dropStaleStaging(svc);
    importId = await startImport(svc, actor, fileName, opts);
    staging = stagingTable(importId);
    await rowsOf(
      svc.db,
      sql.raw(`create unlogged table ${staging} (line integer not null, email text not null, first_name text,
        last_name text, lifecycle text, properties jsonb)`),
    );
    await copyInto(
      svc.db,
      staging,
      STAGING_COLUMNS,
      stagedText(split.rows(), columns, rejections, counted, opts.maxRows ?? DEFAULT_IMPORT_LIMITS.maxRows, () =>
        opts.onProgress?.({ rows: counted.rows, bytes }),
      ),
    );
    counted.staged -= await dropDuplicates(svc, staging, rejections);
    opts.onSaving?.(counted.staged);
    const id = importId;
    const table = staging;
    const { result } = await changeContacts(svc, actor.accountId, `import #${id}`, (tx, _account, at) =>
      upsertStaged(svc, tx, {
        actor,
        importId: id,
        staging: table,
        at,
        startsMarketing,
        what: `import #${id}${fileName ? ` (${fileName})` : ""}`,
        listName: opts.list ?? null,
        marketing: Boolean(opts.marketing),
        pagesPerStatement: opts.pagesPerStatement ?? PAGES_PER_STATEMENT,
      }),
    );
    upsert = result;
    listInfo = result.list;
  } catch (e) {
    await batches.return(undefined).catch(() => {});
    input.destroy();
    const message =
      e instanceof Refusal ? e.message : `The import failed: ${(e as Error).message}. Nothing was imported.`;
    if (importId) {
      await svc.db
        .update(imports)
        .set({ error: message, finishedAt: svc.clock.now(), rejected: rejections.total })
        .where(eq(imports.id, importId));
    }
    if (e instanceof Refusal) throw e;
    throw new ImportFileError(message);
  } finally {
    if (staging) await rowsOf(svc.db, sql.raw(`drop table if exists ${staging}`));
  }
  opts.onProgress?.({ rows: counted.rows, bytes });
  const ruleRequests = await finishRulePauses(svc, actor.accountId, upsert.pauses);
  const totals = {
    created: upsert.created,
    updated: upsert.updated,
    unchanged: counted.staged - upsert.created - upsert.updated,
  };

  let marketingRequest: BulkRequestView | null = null;
  if (opts.marketing) {
    const label = `#${importId}${fileName ? ` (${fileName})` : ""}`;
    const r = await requestBulkChange(svc, actor, {
      action: "marketing",
      selector: { type: "import", importId, label },
      at: null,
      origin: "import",
      viaSelector: true,
    });
    marketingRequest = r.request;
  }
  const finishedAt = svc.clock.now();
  await svc.db.transaction(async (tx) => {
    await tx
      .update(imports)
      .set({ finishedAt, requestId: marketingRequest?.id ?? null, ...totals, rejected: rejections.total })
      .where(eq(imports.id, importId));
    // The request fixed its contacts (R14): the rows are no longer needed.
    await rowsOf(tx, sql`delete from import_rows where import_id = ${importId}`);
    await recordAudit(tx, {
      accountId: actor.accountId,
      at: finishedAt,
      actor: actor.userId,
      kind: "import.finished",
      summary: `Imported ${fileName ?? "a CSV file"}: ${totals.created.toLocaleString("en-US")} created, ${totals.updated.toLocaleString("en-US")} updated, ${totals.unchanged.toLocaleString("en-US")} unchanged, ${rejections.total.toLocaleString("en-US")} rejected${listInfo ? `; list "${listInfo.name}"` : ""}${marketingRequest ? `; set all as marketing asked in request ${marketingRequest.id}` : ""}`,
      count: totals.created + totals.updated,
      detail: { importId, ...totals, rejected: rejections.total, requestId: marketingRequest?.id ?? null },
    });
  });
  return {
    importId,
    fileName,
    rows: counted.rows,
    ...totals,
    rejected: rejections.total,
    rejections: rejections.listed,
    list: listInfo ? { name: listInfo.name, created: listInfo.created, added: listInfo.added } : null,
    marketingRequest,
    marketingRequested: Boolean(opts.marketing),
    ruleRequests,
    ruleChanges: upsert.ruleChanges,
  };
}

export interface SlackFileOptions extends ImportOptions {
  /** The file's size as Slack gives it (the event's file object), if it does. */
  size?: number | null;
  /** Bytes one shared file may have (TIERKEEPER_IMPORT_MAX_MB). */
  maxBytes?: number;
}

/**
 * What the Slack app calls for a CSV file shared with the bot: `download` opens the file (e.g.
 * a fetch of `url_private_download` with the bot token), and the import runs like the CLI's.
 * A file whose size is over `maxBytes` is refused before `download` is called; a download that
 * goes past `maxBytes` anyway (a size that lied) is cut off there, and nothing is imported.
 */
export async function importFromSlackFile(
  svc: Services,
  actor: Actor,
  download: () => Promise<Readable>,
  opts: SlackFileOptions = {},
): Promise<ImportReport> {
  if (opts.fileName && !/\.(csv|txt)$/i.test(opts.fileName)) {
    throw new ImportFileError(`${opts.fileName} is not a CSV file. Share a .csv export (CSV UTF-8) with the bot.`);
  }
  const maxBytes = opts.maxBytes ?? DEFAULT_IMPORT_LIMITS.maxBytes;
  const name = opts.fileName ?? "The file";
  const advice = "split it into smaller CSV files and share each one. Nothing was imported.";
  if (opts.size != null && opts.size > maxBytes) {
    throw new ImportTooLargeError(
      `${name} is ${megabytes(opts.size)}, over the ${megabytes(maxBytes)} one import takes: ${advice}`,
      "bytes",
    );
  }
  const input = await download();
  const tooLarge = () =>
    new ImportTooLargeError(
      `${name} is larger than the ${megabytes(maxBytes)} one import takes (I stopped downloading it there): ${advice}`,
      "bytes",
    );
  return importCsv(svc, actor, Readable.from(capBytes(input, maxBytes, tooLarge)), opts);
}

/** The chunks of `input` until more than `maxBytes` have come: then `tooLarge()` is thrown and the rest never read. */
async function* capBytes(
  input: Readable,
  maxBytes: number,
  tooLarge: () => Error,
): AsyncGenerator<Uint8Array | string> {
  let total = 0;
  try {
    for await (const chunk of input as AsyncIterable<Uint8Array | string>) {
      total += typeof chunk === "string" ? Buffer.byteLength(chunk) : chunk.byteLength;
      if (total > maxBytes) throw tooLarge();
      yield chunk;
    }
  } finally {
    input.destroy();
  }
}

interface ValidRow {
  email: string;
  firstName: string | null;
  lastName: string | null;
  lifecycle: string | null;
  properties: Record<string, string> | null;
}

function readRow(record: string[], columns: ColumnMap, line: number): ValidRow | Rejection {
  const get = (f: Field) => {
    const i = columns.fields[f];
    const v = i === undefined ? undefined : record[i];
    return v === undefined ? null : v.trim() || null;
  };
  // One scan for what a contact can't hold: the oversized-line marker, bytes that weren't UTF-8
  // (decoded as U+FFFD), and NUL, which Postgres text refuses.
  if (record.some((v) => UNSTORABLE.test(v))) {
    if (record.some((v) => v.includes(OVERSIZED))) {
      return {
        line,
        email: null,
        reason: `the line is longer than ${MAX_LINE_CHARS.toLocaleString("en-US")} characters`,
      };
    }
    const email = get("email")?.slice(0, 254) ?? null;
    if (record.some((v) => v.includes(BAD_UTF8)))
      return { line, email, reason: "the row has bytes that are not UTF-8" };
    if (record.some((v) => v.includes("\u0000"))) {
      return { line, email: email?.replaceAll("\u0000", "") ?? null, reason: "the row has a NUL character" };
    }
  }
  const rawEmail = get("email");
  if (!rawEmail) return { line, email: null, reason: "no email" };
  const email = rawEmail.toLowerCase();
  if (email.length > 254 || !EMAIL.test(email)) {
    return { line, email: email.slice(0, 254), reason: `"${email.slice(0, 100)}" is not a valid email address` };
  }
  const firstName = get("firstName");
  const lastName = get("lastName");
  const lifecycle = get("lifecycle");
  const tooLong = (
    [
      ["firstName", firstName],
      ["lastName", lastName],
      ["lifecycle", lifecycle],
    ] as const
  ).find(([, v]) => (v?.length ?? 0) > MAX_FIELD);
  if (tooLong) return { line, email, reason: `${tooLong[0]} is longer than ${MAX_FIELD} characters` };
  let properties: Record<string, string> | null = null;
  for (const { index, name } of columns.extra) {
    const v = record[index]?.trim();
    if (v) {
      properties ??= {};
      properties[name] = v.slice(0, MAX_FIELD);
    }
  }
  return { email, firstName, lastName, lifecycle, properties };
}

async function startImport(svc: Services, actor: Actor, fileName: string | null, opts: ImportOptions): Promise<number> {
  const [row] = await svc.db
    .insert(imports)
    .values({
      accountId: actor.accountId,
      fileName,
      requestedBy: actor.userId,
      listName: opts.list ?? null,
      marketing: Boolean(opts.marketing),
      startedAt: svc.clock.now(),
    })
    .returning({ id: imports.id });
  if (!row) throw new Error("import row not created");
  return row.id;
}

// ---------------------------------------------------------------------------------------------
// The staging table: one unlogged table per import, dropped when it ends.

const stagingTable = (importId: number) => `import_staging_${Math.trunc(importId)}`;

/** Staging tables an import that crashed left behind (finished, failed, or started over a day ago). */
async function dropStaleStaging(svc: Services): Promise<void> {
  const stale = await rowsOf<{ name: string }>(
    svc.db,
    sql`select t.tablename as name from pg_tables t
        left join imports i on t.tablename = 'import_staging_' || i.id
        where t.schemaname = current_schema() and t.tablename like 'import\_staging\_%'
          and (i.id is null or i.finished_at is not null or i.started_at < ${timestamptz(svc.clock.now())} - interval '1 day')`,
  );
  for (const { name } of stale) {
    if (/^import_staging_\d+$/.test(name)) await rowsOf(svc.db, sql.raw(`drop table if exists ${name}`));
  }
}

/**
 * Rejects every row whose email an earlier line of the file already had (the first one is
 * imported) and deletes it from staging. Returns how many were dropped.
 */
async function dropDuplicates(svc: Services, staging: string, rejections: RejectionLog): Promise<number> {
  const table = sql.raw(staging);
  const firsts = sql`(select email, min(line) as first from ${table} group by email having count(*) > 1)`;
  const listed = await rowsOf<{ line: number; email: string; first: number; total: number }>(
    svc.db,
    sql`select d.line, d.email, f.first, count(*) over ()::int as total
        from ${table} d join ${firsts} f on f.email = d.email
        where d.line > f.first order by d.line limit ${MAX_LISTED_REJECTIONS}`,
  );
  const total = listed[0]?.total ?? 0;
  if (total === 0) return 0;
  for (const d of listed) {
    rejections.add({
      line: d.line,
      email: d.email,
      reason: `duplicate of line ${d.first} (the first one is imported)`,
    });
  }
  // Beyond the listed ones, only the total reaches the report.
  rejections.total += total - listed.length;
  await rowsOf(svc.db, sql`delete from ${table} d using ${firsts} f where f.email = d.email and d.line > f.first`);
  return total;
}

interface UpsertOutcome {
  created: number;
  updated: number;
  list: { id: number; name: string; created: boolean; added: number } | null;
  ruleChanges: number;
  pauses: RulePause[];
}

/**
 * Staging pages one statement takes (8 MB of rows, about 100,000 HubSpot rows): each statement's
 * memory (trigger events, RETURNING, id arrays) stays bounded whatever the file's size, which
 * matters on PGlite, whose WebAssembly memory never shrinks once grown.
 */
const PAGES_PER_STATEMENT = 1024;

/**
 * Inside changeContacts: upserts the staged rows, one statement per PAGES_PER_STATEMENT pages of
 * staging (a TID range scan), each writing its own audit rows (created, updated); fills the list
 * and, for "set all as marketing", the import's rows; then runs the automation rules on the
 * contacts created or changed (R16).
 */
async function upsertStaged(
  svc: Services,
  tx: Tx,
  p: {
    actor: Actor;
    importId: number;
    staging: string;
    at: Date;
    startsMarketing: boolean;
    what: string;
    listName: string | null;
    marketing: boolean;
    pagesPerStatement: number;
  },
): Promise<UpsertOutcome> {
  const { accountId, userId } = p.actor;
  const withRules = await hasActiveRules(tx, accountId);
  const list = p.listName ? await ensureListInTx(tx, accountId, userId, p.listName, p.at) : null;
  const [size] = await rowsOf<{ pages: number }>(
    tx,
    sql`select (pg_relation_size(${p.staging}) / current_setting('block_size')::int)::int as pages`,
  );
  const totals = { created: 0, updated: 0 };
  // The audit rows of the contacts created or changed: they hold every id, so the rules' scope is
  // a SQL condition over them, never an array of (up to millions of) ids in JavaScript.
  const auditIds: number[] = [];
  const step = Math.max(1, Math.trunc(p.pagesPerStatement));
  for (let page = 0; page < (size?.pages ?? 0); page += step) {
    const rows = sql.raw(
      `(select * from ${p.staging} where ctid >= '(${page},0)'::tid and ctid < '(${page + step},0)'::tid)`,
    );
    const chunk = await upsertChunk(tx, { ...p, rows });
    totals.created += chunk.created;
    totals.updated += chunk.updated;
    for (const id of chunk.auditIds) auditIds.push(id);
    // The file's contacts, whether created, changed or already as in the file.
    const fileContacts = sql`select s.email, s.line, c.id from ${rows} s
      join contacts c on c.account_id = ${accountId} and c.email = s.email`;
    if (p.marketing) {
      await rowsOf(
        tx,
        sql`insert into import_rows (import_id, email, line, contact_id)
            select ${p.importId}, email, line, id from (${fileContacts}) f`,
      );
    }
    if (list) list.added += await addToList(tx, p, list.id, fileContacts);
  }
  const rules =
    withRules && auditIds.length > 0
      ? await applyRulesInTx(svc, tx, accountId, p.at, touchedBy(accountId, auditIds), p.actor.userId)
      : { runs: [], pauses: [] };
  return {
    ...totals,
    list,
    ruleChanges: rules.runs.reduce((sum, r) => sum + r.changed, 0),
    pauses: rules.pauses,
  };
}

/**
 * The contacts the audit rows `auditIds` (an import's contact.created / contact.updated rows) hold,
 * as a condition on `contacts`. It still holds after the import commits, for a paused rule's request.
 * `is true` keeps it a hashed subplan checked while scanning the account's contacts: as a join,
 * the planner (guessing 10 ids per array) would probe the primary key once per id, 3× slower at 300,000.
 */
function touchedBy(accountId: number, auditIds: number[]): SQL {
  return sql`(${contacts.id} in (select unnest(a.contact_ids) from audit_events a
    where a.account_id = ${accountId} and a.id in (select jsonb_array_elements_text(${JSON.stringify(auditIds)}::jsonb)::bigint))) is true`;
}

/** One upsert statement over `rows` of staging, with its audit rows written by the same statement. */
async function upsertChunk(tx: Tx, p: { actor: Actor; at: Date; startsMarketing: boolean; what: string; rows: SQL }) {
  const { accountId, userId } = p.actor;
  const at = timestamptz(p.at);
  const [out] = await rowsOf<{
    created: number;
    updated: number;
    created_audit: number | null;
    updated_audit: number | null;
  }>(
    tx,
    sql`with up as (
      insert into contacts as c (account_id, email, first_name, last_name, lifecycle, source, properties,
        created_at, updated_at)
      select ${accountId}, email, first_name, last_name, lifecycle, 'import', properties, ${at}, ${at}
      from ${p.rows} s
      ${CONTACT_CONFLICT}
      returning c.id, (c.xmax::text = '0') as inserted
    ), agg as (
      select count(*) filter (where inserted)::int as created,
        count(*) filter (where not inserted)::int as updated,
        array_agg(id) filter (where inserted) as created_ids,
        array_agg(id) filter (where not inserted) as updated_ids
      from up
    ), created_audit as (
      insert into audit_events (account_id, at, effective_at, actor, kind, summary, count, contact_ids)
      select ${accountId}, ${at}, ${at}, ${userId}, 'contact.created', '', created, created_ids from agg where created > 0
      returning id
    ), updated_audit as (
      insert into audit_events (account_id, at, actor, kind, summary, count, contact_ids)
      select ${accountId}, ${at}, ${userId}, 'contact.updated', '', updated, updated_ids from agg where updated > 0
      returning id
    )
    select created, updated,
      (select id::float8 from created_audit) as created_audit, (select id::float8 from updated_audit) as updated_audit
    from agg`,
  );
  const created = out?.created ?? 0;
  const updated = out?.updated ?? 0;
  if (out?.created_audit != null && p.startsMarketing) {
    // New contacts got their status row non-marketing; this import's source starts them marketing (R15).
    await rowsOf(
      tx,
      sql`update contact_status set marketing = true where contact_id in
          (select unnest(contact_ids) from audit_events where id = ${out.created_audit})`,
    );
  }
  if (out?.created_audit != null) {
    await setSummary(tx, out.created_audit, createdSummary(created, p.startsMarketing ? created : 0, p.what));
  }
  if (out?.updated_audit != null) await setSummary(tx, out.updated_audit, updatedSummary(updated, p.what));
  const auditIds = [out?.created_audit, out?.updated_audit].filter((id): id is number => id != null).map(Number);
  return { created, updated, auditIds };
}

/** Adds the file's contacts to the list (those not in it yet), with one audit row; returns how many. */
async function addToList(
  tx: Tx,
  p: { actor: Actor; at: Date; importId: number },
  listId: number,
  fileContacts: SQL,
): Promise<number> {
  const [added] = await rowsOf<{ n: number; audit: number | null }>(
    tx,
    sql`with added as (
      insert into list_members (list_id, contact_id) select ${listId}, id from (${fileContacts}) f
      on conflict do nothing returning contact_id
    ), audit as (
      insert into audit_events (account_id, at, actor, kind, summary, count, contact_ids, detail)
      select ${p.actor.accountId}, ${timestamptz(p.at)}, ${p.actor.userId}, 'list.added', '', count(*), array_agg(contact_id),
        ${JSON.stringify({ listId, importId: p.importId })}::jsonb
      from added having count(*) > 0
      returning id, count
    )
    select coalesce((select count from audit), 0)::int as n, (select id::float8 from audit) as audit`,
  );
  const n = added?.n ?? 0;
  if (added?.audit != null) {
    await setSummary(tx, added.audit, `Added ${n.toLocaleString("en-US")} imported contacts to a list`);
  }
  return n;
}

async function setSummary(tx: Tx, auditId: number, summary: string): Promise<void> {
  await rowsOf(tx, sql`update audit_events set summary = ${summary} where id = ${auditId}`);
}

async function hasActiveRules(tx: Tx, accountId: number): Promise<boolean> {
  const [row] = await rowsOf<{ any: boolean }>(
    tx,
    sql`select exists (select 1 from automation_rules where account_id = ${accountId} and enabled
        and paused_reason is null) as any`,
  );
  return Boolean(row?.any);
}

/** The list named `name` (any case), created with its audit row when missing. */
async function ensureListInTx(tx: Tx, accountId: number, userId: string, name: string, at: Date) {
  const [row] = await rowsOf<{ id: number; name: string }>(
    tx,
    sql`insert into lists (account_id, name, created_by) values (${accountId}, ${name}, ${userId})
        on conflict do nothing returning id::float8 as id, name`,
  );
  if (row) {
    await recordAudit(tx, {
      accountId,
      at,
      actor: userId,
      kind: "list.created",
      summary: `Created list "${name}" for an import`,
    });
    return { id: Number(row.id), name: row.name, created: true, added: 0 };
  }
  const [existing] = await rowsOf<{ id: number; name: string }>(
    tx,
    sql`select id::float8 as id, name from lists where account_id = ${accountId} and lower(name) = lower(${name})`,
  );
  if (!existing) throw new Error(`list ${name} could not be created`);
  return { id: Number(existing.id), name: existing.name, created: false, added: 0 };
}
