// The staging table: one unlogged table per import, filled by COPY with the file's valid rows
// and dropped when the import ends; duplicates inside the file are rejected there.
import { sql } from "drizzle-orm";
import { copyField, rowsOf, timestamptz } from "../../db/client.ts";
import type { Services } from "../context.ts";
import { ImportTooLargeError } from "./errors.ts";
import type { CsvRow } from "./reader.ts";
import { MAX_LISTED_REJECTIONS, type RejectionLog } from "./report.ts";
import { type ColumnMap, readRow } from "./rows.ts";

export const STAGING_COLUMNS = ["line", "email", "first_name", "last_name", "lifecycle", "properties"];

/**
 * The COPY text of the valid rows of `batches`, UTF-8 encoded, one buffer per batch; every other row is
 * rejected by line number. `counted` is kept up to date for the progress bar and the report.
 */
export async function* stagedText(
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

export const stagingTable = (importId: number) => `import_staging_${Math.trunc(importId)}`;

/** Creates the staging table `table` (from stagingTable), with the STAGING_COLUMNS. */
export async function createStagingTable(svc: Services, table: string): Promise<void> {
  await rowsOf(
    svc.db,
    sql.raw(`create unlogged table ${table} (line integer not null, email text not null, first_name text,
        last_name text, lifecycle text, properties jsonb)`),
  );
}

/** Staging tables an import that crashed left behind (finished, failed, or started over a day ago). */
export async function dropStaleStaging(svc: Services): Promise<void> {
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
export async function dropDuplicates(svc: Services, staging: string, rejections: RejectionLog): Promise<number> {
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
