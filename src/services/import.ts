// CSV import (SPEC §3): streams a HubSpot-style export through csv-parse in batches, each batch one
// multi-row upsert in one changeContacts transaction, so a million rows take constant memory.
// Imported contacts start non-marketing (R15); "set all as marketing" becomes ONE bulk request
// for the imported contacts (R14), never a silent upgrade.
import type { Readable } from "node:stream";
import { parse } from "csv-parse";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { rowsOf, type Tx } from "../db/client.ts";
import { imports } from "../db/schema.ts";
import { canSetMarketing } from "../domain/permissions.ts";
import { ensureUser, getAccount } from "./accounts.ts";
import { recordAudit } from "./audit.ts";
import { type BulkRequestView, requestBulkChange } from "./bulk.ts";
import { type Actor, Refusal, type Services } from "./context.ts";
import { auditUpsert, type IntakeContact, upsertContacts } from "./intake.ts";
import { findList } from "./lists.ts";
import { applyRulesInTx, finishRulePauses, refreshPausedRules } from "./rules.ts";
import { sourceOverridesOf } from "./source-defaults.ts";
import { changeContacts } from "./tier.ts";

export const IMPORT_BATCH_SIZE = 5000;
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

export interface ImportOptions {
  /** A static list to add every imported contact to; created if missing. */
  list?: string | null;
  /** "Set all as marketing": one bulk request for the imported contacts (R14, R15). */
  marketing?: boolean;
  fileName?: string | null;
  onProgress?: (p: { rows: number; bytes: number }) => void;
  batchSize?: number;
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
  batches: number;
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
        .trim()
        .slice(0, 100),
    });
  });
  return { fields, extra };
}

const emailSchema = z.string().max(254).pipe(z.email());
const MAX_FIELD = 1000;

// ---------------------------------------------------------------------------------------------
// Decoding: UTF-8 only, checked up front; a UTF-8 BOM is dropped by TextDecoder.

const OVERSIZED = "\u0001tierkeeper:line-too-long\u0001";
const BAD_UTF8 = "\uFFFD";

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
        // CRLF becomes LF: csv-parse counts a quoted CRLF as two lines, which would skew line numbers.
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
// The import.

interface PendingRow {
  line: number;
  contact: IntakeContact;
}

/**
 * Imports a CSV stream as the actor. Re-importing the same file changes nothing. Throws
 * ImportFileError before writing anything when the file can't be read as a contact CSV.
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
  const overrides = sourceOverridesOf(account);
  const batchSize = opts.batchSize ?? IMPORT_BATCH_SIZE;
  const fileName = opts.fileName ?? null;
  let bytes = 0;
  const parser = parse({
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: MAX_RECORD_CHARS,
    info: true,
    raw: true,
  });
  const rejections: Rejection[] = [];
  let rejected = 0;
  const reject = (r: Rejection) => {
    rejected++;
    // Keep the lowest line numbers: rejections found in a later batch may come from earlier lines.
    if (rejections.length < MAX_LISTED_REJECTIONS || r.line < (rejections.at(-1)?.line ?? 0)) {
      rejections.push(r);
      rejections.sort((a, b) => a.line - b.line);
      if (rejections.length > MAX_LISTED_REJECTIONS) rejections.pop();
    }
  };
  let fatal: string | null = null;
  let lastLine = 1;
  parser.on("skip", (err: Error & { code?: string; lines?: number }) => {
    if (err.code === "CSV_MAX_RECORD_SIZE") {
      fatal = `a record starting near line ${lastLine + 1} is longer than ${MAX_RECORD_CHARS / 1_000_000} million characters — probably a quote that is never closed`;
      parser.destroy();
      return;
    }
    reject({
      line: err.code === "CSV_QUOTE_NOT_CLOSED" ? lastLine + 1 : (err.lines ?? lastLine + 1),
      email: null,
      reason:
        err.code === "CSV_QUOTE_NOT_CLOSED"
          ? "a quoted field is never closed before the end of the file"
          : `unreadable CSV (${err.message.replace(/\s+at line \d+.*$/, "")})`,
    });
  });
  const source = guardLines(
    decodeUtf8(input, (n) => {
      bytes += n;
    }),
    MAX_LINE_CHARS,
  );
  // Feed the parser by hand so encoding errors reach us before anything is written.
  const feeding = (async () => {
    try {
      for await (const text of source) {
        if (parser.destroyed) break;
        if (!parser.write(text)) await drainOrClose(parser);
      }
      parser.end();
    } catch (e) {
      parser.destroy(e as Error);
    }
  })();

  let columns: ColumnMap | null = null;
  let importId = 0;
  let listInfo: { id: number; name: string; created: boolean; added: number } | null = null;
  const totals = { rows: 0, created: 0, updated: 0, unchanged: 0, ruleChanges: 0, batches: 0 };
  const ruleRequests: BulkRequestView[] = [];
  let batch: PendingRow[] = [];
  let batchEmails = new Map<string, number>();

  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    batchEmails = new Map();
    const r = await writeBatch(svc, actor, importId, rows, overrides, listInfo?.id ?? null, fileName);
    for (const d of r.duplicates) reject(d);
    totals.created += r.created;
    totals.updated += r.updated;
    totals.unchanged += r.unchanged;
    totals.ruleChanges += r.ruleChanges;
    totals.batches++;
    if (listInfo) listInfo.added += r.listAdded;
    ruleRequests.push(...(await finishRulePauses(svc, actor.accountId, r.pauses)));
  };

  try {
    for await (const rec of parser as AsyncIterable<{ record: string[]; info: { lines: number }; raw: string }>) {
      const line = startLine(rec.info.lines, rec.raw);
      lastLine = rec.info.lines;
      if (columns === null) {
        columns = mapHeaders(rec.record);
        if (columns.fields.email === undefined) {
          const shown = rec.record
            .slice(0, 8)
            .map((h) => `"${h.slice(0, 40)}"`)
            .join(", ");
          throw new ImportFileError(
            `The file has no Email column (its first line has ${shown}${rec.record.length > 8 ? ", …" : ""}). Export contacts with an "Email" column and import again; nothing was imported.`,
          );
        }
        await refreshPausedRules(svc, actor.accountId);
        importId = await startImport(svc, actor, fileName, opts);
        if (opts.list) listInfo = await ensureList(svc, actor, opts.list);
        continue;
      }
      if (rec.record.every((v) => v.trim() === "")) continue;
      totals.rows++;
      const row = readRow(rec.record, columns, line);
      if ("reason" in row) {
        reject(row);
      } else {
        const first = batchEmails.get(row.contact.email);
        if (first !== undefined) {
          reject({ line, email: row.contact.email, reason: `duplicate of line ${first} (the first one is imported)` });
        } else {
          batchEmails.set(row.contact.email, line);
          batch.push(row);
          if (batch.length >= batchSize) await flush();
        }
      }
      opts.onProgress?.({ rows: totals.rows, bytes });
    }
    await feeding;
    if (fatal) throw new ImportFileError(`The import stopped: ${fatal as string}.`);
    if (columns === null)
      throw new ImportFileError(
        "The file is empty: there is no header line with an Email column. Nothing was imported.",
      );
    await flush();
  } catch (e) {
    parser.destroy();
    input.destroy();
    await feeding.catch(() => {});
    const stopped = fatal as string | null;
    const message = stopped
      ? `The import stopped: ${stopped}.`
      : e instanceof Refusal
        ? e.message
        : `The import failed: ${(e as Error).message}`;
    if (importId) {
      await svc.db
        .update(imports)
        .set({ error: message, finishedAt: svc.clock.now(), ...counts(totals, rejected) })
        .where(eq(imports.id, importId));
      const done = totals.created + totals.updated + totals.unchanged;
      throw new ImportFileError(
        done > 0
          ? `${message} The ${done.toLocaleString("en-US")} valid rows before it were imported (up to line ${lastLine}).`
          : message,
      );
    }
    if (e instanceof Refusal) throw e;
    throw new ImportFileError(message);
  }
  opts.onProgress?.({ rows: totals.rows, bytes });

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
      .set({ finishedAt, requestId: marketingRequest?.id ?? null, ...counts(totals, rejected) })
      .where(eq(imports.id, importId));
    // The request fixed its contacts (R14) and duplicates are found: the rows are no longer needed.
    await rowsOf(tx, sql`delete from import_rows where import_id = ${importId}`);
    await recordAudit(tx, {
      accountId: actor.accountId,
      at: finishedAt,
      actor: actor.userId,
      kind: "import.finished",
      summary: `Imported ${fileName ?? "a CSV file"}: ${totals.created.toLocaleString("en-US")} created, ${totals.updated.toLocaleString("en-US")} updated, ${totals.unchanged.toLocaleString("en-US")} unchanged, ${rejected.toLocaleString("en-US")} rejected${listInfo ? `; list "${listInfo.name}"` : ""}${marketingRequest ? `; set all as marketing asked in request ${marketingRequest.id}` : ""}`,
      count: totals.created + totals.updated,
      detail: { importId, ...counts(totals, rejected), requestId: marketingRequest?.id ?? null },
    });
  });
  return {
    importId,
    fileName,
    rows: totals.rows,
    created: totals.created,
    updated: totals.updated,
    unchanged: totals.unchanged,
    rejected,
    rejections,
    list: listInfo ? { name: listInfo.name, created: listInfo.created, added: listInfo.added } : null,
    marketingRequest,
    marketingRequested: Boolean(opts.marketing),
    ruleRequests,
    ruleChanges: totals.ruleChanges,
    batches: totals.batches,
  };
}

/**
 * What the Slack app calls for a CSV file shared with the bot: `download` opens the file (e.g.
 * a fetch of `url_private_download` with the bot token), and the import runs like the CLI's.
 */
export async function importFromSlackFile(
  svc: Services,
  actor: Actor,
  download: () => Promise<Readable>,
  opts: ImportOptions = {},
): Promise<ImportReport> {
  if (opts.fileName && !/\.(csv|txt)$/i.test(opts.fileName)) {
    throw new ImportFileError(`${opts.fileName} is not a CSV file. Share a .csv export (CSV UTF-8) with the bot.`);
  }
  return importCsv(svc, actor, await download(), opts);
}

function drainOrClose(stream: NodeJS.WritableStream & NodeJS.EventEmitter): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      resolve();
    };
    stream.once("drain", done);
    stream.once("close", done);
  });
}

const counts = (t: { created: number; updated: number; unchanged: number }, rejected: number) => ({
  created: t.created,
  updated: t.updated,
  unchanged: t.unchanged,
  rejected,
});

/** The line a record starts on: its end line less the line breaks inside it (quoted newlines). */
function startLine(endLine: number, raw: string): number {
  const body = raw.replace(/^\n+/, "").replace(/\n$/, "");
  let breaks = 0;
  for (let i = body.indexOf("\n"); i >= 0; i = body.indexOf("\n", i + 1)) breaks++;
  return endLine - breaks;
}

function readRow(record: string[], columns: ColumnMap, line: number): PendingRow | Rejection {
  const get = (f: Field) => {
    const i = columns.fields[f];
    const v = i === undefined ? undefined : record[i];
    return v === undefined ? null : v.trim() || null;
  };
  if (record.some((v) => v.includes(OVERSIZED))) {
    return {
      line,
      email: null,
      reason: `the line is longer than ${MAX_LINE_CHARS.toLocaleString("en-US")} characters`,
    };
  }
  const rawEmail = get("email");
  if (record.some((v) => v.includes(BAD_UTF8))) {
    return { line, email: rawEmail?.slice(0, 254) ?? null, reason: "the row has bytes that are not UTF-8" };
  }
  if (!rawEmail) return { line, email: null, reason: "no email" };
  const email = rawEmail.toLowerCase();
  if (!emailSchema.safeParse(email).success) {
    return { line, email: email.slice(0, 254), reason: `"${email.slice(0, 100)}" is not a valid email address` };
  }
  const tooLong = (["firstName", "lastName", "lifecycle"] as Field[]).find((f) => (get(f)?.length ?? 0) > MAX_FIELD);
  if (tooLong) return { line, email, reason: `${tooLong} is longer than ${MAX_FIELD} characters` };
  const properties: Record<string, string> = {};
  for (const { index, name } of columns.extra) {
    const v = record[index]?.trim();
    if (v) properties[name] = v.slice(0, MAX_FIELD);
  }
  return {
    line,
    contact: {
      email,
      firstName: get("firstName"),
      lastName: get("lastName"),
      lifecycle: get("lifecycle"),
      source: "import",
      sourceId: null,
      properties: Object.keys(properties).length ? properties : null,
    },
  };
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

async function ensureList(svc: Services, actor: Actor, name: string) {
  const existing = await findList(svc, actor.accountId, name);
  if (existing) return { id: existing.id, name: existing.name, created: false, added: 0 };
  const [row] = await rowsOf<{ id: number; name: string }>(
    svc.db,
    sql`insert into lists (account_id, name, created_by) values (${actor.accountId}, ${name}, ${actor.userId})
        on conflict do nothing returning id::float8 as id, name`,
  );
  const list = row ?? (await findList(svc, actor.accountId, name));
  if (!list) throw new Error(`list ${name} could not be created`);
  if (row) {
    await recordAudit(svc.db, {
      accountId: actor.accountId,
      at: svc.clock.now(),
      actor: actor.userId,
      kind: "list.created",
      summary: `Created list "${name}" for an import`,
    });
  }
  return { id: Number(list.id), name: list.name, created: Boolean(row), added: 0 };
}

/**
 * One batch in one transaction: drop emails an earlier batch of the file already had (first
 * wins), upsert the rest in one statement, remember the rows, add them to the list, run the
 * rules on the contacts created or changed (R16), audit.
 */
async function writeBatch(
  svc: Services,
  actor: Actor,
  importId: number,
  rows: PendingRow[],
  overrides: ReturnType<typeof sourceOverridesOf>,
  listId: number | null,
  fileName: string | null,
) {
  const { result } = await changeContacts(svc, actor.accountId, `import #${importId}`, async (tx: Tx, _account, at) => {
    const emails = JSON.stringify(rows.map((r) => r.contact.email));
    const seen = await rowsOf<{ email: string; line: number }>(
      tx,
      sql`select email, line from import_rows where import_id = ${importId}
          and email in (select jsonb_array_elements_text(${emails}::jsonb))`,
    );
    const seenLine = new Map(seen.map((s) => [s.email, s.line]));
    const fresh = rows.filter((r) => !seenLine.has(r.contact.email));
    const duplicates: Rejection[] = rows
      .filter((r) => seenLine.has(r.contact.email))
      .map((r) => ({
        line: r.line,
        email: r.contact.email,
        reason: `duplicate of line ${seenLine.get(r.contact.email)} (the first one is imported)`,
      }));
    const upserted = await upsertContacts(
      tx,
      actor.accountId,
      fresh.map((r) => r.contact),
      at,
      overrides,
    );
    const lineOf = new Map(fresh.map((r) => [r.contact.email, r.line]));
    const importRowsJson = JSON.stringify(
      upserted.map((u) => ({ email: u.email, line: lineOf.get(u.email) ?? 0, contact_id: u.id })),
    );
    await rowsOf(
      tx,
      sql`insert into import_rows (import_id, email, line, contact_id)
          select ${importId}, email, line, contact_id from jsonb_to_recordset(${importRowsJson}::jsonb) as x(email text, line int, contact_id bigint)`,
    );
    let listAdded = 0;
    if (listId !== null && upserted.length > 0) {
      const added = await rowsOf<{ contact_id: number }>(
        tx,
        sql`insert into list_members (list_id, contact_id)
            select ${listId}, contact_id from import_rows where import_id = ${importId}
              and email in (select jsonb_array_elements_text(${emails}::jsonb)) and contact_id is not null
            on conflict do nothing returning contact_id::float8 as contact_id`,
      );
      listAdded = added.length;
      if (listAdded > 0) {
        await recordAudit(tx, {
          accountId: actor.accountId,
          at,
          actor: actor.userId,
          kind: "list.added",
          summary: `Added ${listAdded.toLocaleString("en-US")} imported contacts to a list`,
          count: listAdded,
          contactIds: added.map((a) => Number(a.contact_id)),
          detail: { listId, importId },
        });
      }
    }
    await auditUpsert(
      tx,
      actor.accountId,
      at,
      actor.userId,
      `import #${importId}${fileName ? ` (${fileName})` : ""}`,
      upserted,
    );
    const touched = upserted.filter((u) => u.created || u.updated).map((u) => u.id);
    const rules = await applyRulesInTx(svc, tx, actor.accountId, at, touched);
    return {
      duplicates,
      created: upserted.filter((u) => u.created).length,
      updated: upserted.filter((u) => u.updated).length,
      unchanged: upserted.filter((u) => !u.created && !u.updated).length,
      listAdded,
      ruleChanges: rules.runs.reduce((s, r) => s + r.changed, 0),
      pauses: rules.pauses,
    };
  });
  return result;
}
