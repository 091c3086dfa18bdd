// CSV import (SPEC §3). The file is streamed, parsed (Papa Parse) and validated row by row in
// constant memory; valid rows go by COPY into a staging table, then set-based statements (one per
// range of staging pages) upsert them with their audit, in one changeContacts transaction: the
// whole file or, if it can't be read to the end, nothing. Imported contacts start non-marketing
// (R15); "set all as marketing" becomes ONE bulk request for the imported contacts (R14), never a
// silent upgrade.
import { Readable } from "node:stream";
import { eq, sql } from "drizzle-orm";
import { DEFAULT_IMPORT_LIMITS, MB } from "../../config.ts";
import { copyInto, rowsOf } from "../../db/client.ts";
import { imports } from "../../db/schema.ts";
import { canSetMarketing } from "../../domain/permissions.ts";
import { initialStatusFor } from "../../domain/sources.ts";
import { ensureUser, getAccount } from "../accounts.ts";
import { recordAudit } from "../audit.ts";
import { type BulkRequestView, requestBulkChange } from "../bulk/index.ts";
import { type Actor, Refusal, type Services } from "../context.ts";
import { finishRulePauses, refreshPausedRules } from "../rules/index.ts";
import { sourceOverridesOf } from "../source-defaults.ts";
import { changeContacts } from "../tier.ts";
import { ImportFileError, ImportTooLargeError } from "./errors.ts";
import { capBytes, csvRows, decodeUtf8, guardLines, MAX_LINE_CHARS, splitHeader } from "./reader.ts";
import { type ImportReport, RejectionLog } from "./report.ts";
import { mapHeaders } from "./rows.ts";
import {
  createStagingTable,
  dropDuplicates,
  dropStaleStaging,
  STAGING_COLUMNS,
  stagedText,
  stagingTable,
} from "./staging.ts";
import { PAGES_PER_STATEMENT, type UpsertOutcome, upsertStaged } from "./upsert.ts";

export { ImportFileError, ImportTooLargeError } from "./errors.ts";
export type { ImportReport } from "./report.ts";

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
    if (!ok.ok) throw Refusal.of(ok);
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
    await createStagingTable(svc, staging);
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
        fileName: fileName ?? null,
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
      detail: {
        importId,
        ...totals,
        rejected: rejections.total,
        requestId: marketingRequest?.id ?? null,
        fileName: fileName ?? null,
        list: listInfo?.name ?? null,
      },
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
