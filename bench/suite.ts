import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { rowsOf, timestamptz } from "../src/db/client.ts";
import { accounts } from "../src/db/schema.ts";
import { DEFAULT_PRICING } from "../src/domain/pricing.ts";
import { approveRequest, requestBulkChange } from "../src/services/bulk/index.ts";
import { contactStatus } from "../src/services/contacts.ts";
import { ChangeEvents, type Services } from "../src/services/context.ts";
import { tierReport } from "../src/services/reports.ts";
import { rolloverInstant } from "../src/services/rollover.ts";
import { ManualClock } from "../test/helpers/clock.ts";
import { benchExport, benchWebhooks } from "./api.ts";
import { runCliImport, timeCopy, timeCopyAndInsert, timeServiceImport, writeCsv } from "./csv-import.ts";
import { type BenchDatabase, openBenchDatabase } from "./db.ts";
import { benchSlash } from "./slash.ts";

export interface Row {
  what: string;
  n: number;
  figure: string;
  baseline: string;
  ratio: string;
  target: string;
  /** null: printed, no target to meet. */
  ok: boolean | null;
  /** The CSV import's three times at this N (COPY, COPY + hand-written INSERT, the service), for the summary. */
  importTimes?: { copy: number; floor: number; service: number };
}

const REPEAT = 3;

/** BENCH_ONLY=rollover,bulk,tier,bloat,import,memory,slash,export,webhooks runs only those (all when unset). */
const only = new Set((process.env.BENCH_ONLY ?? "").split(",").filter(Boolean));
export const enabled = (what: string) => only.size === 0 || only.has(what);

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

export function ms(x: number): string {
  return x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`;
}

const mb = (bytes: number) => `${bytes < 0 ? "−" : ""}${(Math.abs(bytes) / 1024 / 1024).toFixed(0)} MB`;
/** Below this, a peak-memory difference is noise (GC timing): ratios are taken against at least this. */
const MEMORY_NOISE = 16 * 1024 * 1024;

function log(kind: string, n: number, what: string): void {
  console.log(`${new Date().toISOString().slice(11, 19)} ${kind}: N = ${n.toLocaleString("en-US")}: ${what}`);
}

interface Memory {
  n: number;
  peak: number;
  baseline: number;
  cliMs: number;
  baselineMs: number;
}

export async function benchDatabase(
  kind: "pglite" | "postgres",
  sizes: number[],
  serverUrl?: string,
  onProgress?: (rows: Row[]) => void,
): Promise<Row[]> {
  const rows: Row[] = [];
  const memory: Memory[] = [];
  const files = mkdtempSync(join(tmpdir(), "tk-bench-csv-"));
  try {
    for (const n of sizes) {
      log(kind, n, "seeding …");
      const handle = await openBenchDatabase(kind, serverUrl);
      try {
        rows.push(...(await benchSize(kind, handle, n, files, memory)));
        onProgress?.([...rows, ...memoryRows(memory)]);
      } finally {
        await handle.drop();
      }
    }
  } finally {
    rmSync(files, { recursive: true, force: true });
  }
  return [...rows, ...memoryRows(memory)];
}

/**
 * Peak memory of the import: flat means the process's peak RSS at N is within 1.5× of its peak at
 * the N before (judged from 100k to 1M). The growth over a 1-row import is printed beside it: it
 * is the import's own share, and mostly V8 promoting in-flight batches to old space and not
 * compacting before the file ends (the live heap is the same: see bench/results.md).
 */
function memoryRows(memory: Memory[]): Row[] {
  const rows: Row[] = [];
  memory.forEach((m, i) => {
    const prev = memory[i - 1];
    const delta = m.peak - m.baseline;
    const ratio = prev ? m.peak / prev.peak : null;
    const deltaRatio = prev ? Math.max(delta, 0) / Math.max(prev.peak - prev.baseline, MEMORY_NOISE) : null;
    // SPEC/issue 6: flat from 100k to 1M rows; a step from a smaller N is printed, not judged.
    const judged = ratio !== null && (prev?.n ?? 0) >= 100_000;
    rows.push({
      what: "CSV import peak memory (`tierkeeper import` child, peak RSS; in brackets its growth over a 1-row import)",
      n: m.n,
      figure: `${mb(m.peak)} (${delta >= 0 ? "+" : ""}${mb(delta)}; command ${ms(m.cliMs)})`,
      baseline: `${mb(m.baseline)} (1-row import, ${ms(m.baselineMs)})`,
      ratio:
        ratio === null
          ? "—"
          : `${ratio.toFixed(2)}× the peak at N = ${prev?.n.toLocaleString("en-US")} (growth ${deltaRatio?.toFixed(2)}×)`,
      target: judged ? "flat (peak ≤ 1.5× the N before)" : "(printed; judged from 100k on)",
      ok: judged ? (ratio ?? 0) <= 1.5 : null,
    });
  });
  return rows;
}

async function benchSize(
  kind: "pglite" | "postgres",
  handle: BenchDatabase,
  n: number,
  files: string,
  memory: Memory[],
): Promise<Row[]> {
  const database = handle.database;
  const clock = new ManualClock(new Date("2026-05-15T14:00:00Z"));
  const svc: Services = {
    db: database.db,
    clock,
    pricing: DEFAULT_PRICING,
    configAdmins: [],
    events: new ChangeEvents(),
  };
  const db = database.db;
  const [account] = await db
    .insert(accounts)
    .values({
      teamId: "TBENCH",
      contractStart: "2026-01-15",
      tierLimit: 10_000_000,
      plan: "enterprise",
      selfApproval: true,
      createdAt: new Date("2026-01-15T17:00:00Z"),
    })
    .returning();
  const accountId = account!.id;
  await db.execute(
    sql`insert into users (account_id, user_id, role) values (${accountId}, 'UADMIN', 'admin'), (${accountId}, 'UADMIN2', 'admin')`,
  );
  // Every contact gets its status row (non-marketing) from the insert; all N are marketing.
  await db.execute(sql`insert into contacts (account_id, email, source)
    select ${accountId}, 'c' || i || '@bench.io', 'manual' from generate_series(1, ${n}) i`);
  await db.execute(sql`update contact_status set marketing = true where account_id = ${accountId}`);
  // The physical limit the status changes are measured against: the same rows' status in the
  // narrowest table that holds it (id, marketing, pending), with its primary key and nothing else.
  await db.execute(sql`drop table if exists bench_narrow`);
  await db.execute(
    sql`create table bench_narrow (id bigint primary key, marketing boolean not null, pending timestamptz)`,
  );
  await db.execute(
    sql`insert into bench_narrow select contact_id, true, null from contact_status where account_id = ${accountId}`,
  );
  await db.execute(sql`analyze contacts`);
  await db.execute(sql`analyze contact_status`);
  await db.execute(sql`analyze bench_narrow`);
  const flaggedAt = new Date("2026-05-15T14:00:00Z");
  const flagAll = async () => {
    await db.execute(
      sql`update contact_status set marketing = true, pending_since = ${timestamptz(flaggedAt)} where account_id = ${accountId}`,
    );
    await db.execute(sql`update bench_narrow set marketing = true, pending = ${timestamptz(flaggedAt)}`);
  };
  const rows: Row[] = [];

  // 1. Update-date rollover of N pending contacts vs the same UPDATE on the narrow table.
  if (enabled("rollover")) {
    log(kind, n, "rollover …");
    const base: number[] = [];
    const svcTimes: number[] = [];
    for (let i = 0; i < REPEAT; i++) {
      await flagAll();
      const u = new Date(Date.UTC(2026, 5 + i, 1, 16));
      base.push(
        await time(() =>
          db.execute(sql`update bench_narrow set marketing = false, pending = null
            where pending is not null and pending <= ${timestamptz(u)}`),
        ),
      );
      clock.set(new Date(u.getTime() + 60_000));
      svcTimes.push(await time(() => rolloverInstant(svc, accountId, u)));
    }
    rows.push(
      row(
        "update-date rollover (service, audit included)",
        n,
        svcTimes,
        base,
        "the same `UPDATE` on a narrow (id, marketing, pending) table",
        1.5,
      ),
    );
  }

  // 2. An approved bulk change of N contacts selected by a filter vs the same hand-written UPDATE.
  if (enabled("bulk")) {
    log(kind, n, "approved bulk change …");
    const reset = async () => {
      await db.execute(
        sql`update contact_status set marketing = false, pending_since = null where account_id = ${accountId}`,
      );
      await db.execute(sql`update bench_narrow set marketing = false, pending = null`);
    };
    const filter = {
      conditions: [{ field: "source" as const, op: "=" as const, value: "manual" }],
      text: "source = manual",
    };
    const base: number[] = [];
    const svcTimes: number[] = [];
    for (let i = 0; i < REPEAT; i++) {
      await reset();
      base.push(
        await time(() =>
          db.execute(sql`update bench_narrow set marketing = true, pending = null
            where marketing = false or pending is not null`),
        ),
      );
      await reset();
      const actor = { accountId, userId: "UADMIN" };
      const { request } = await requestBulkChange(svc, actor, {
        action: "marketing",
        selector: { type: "filter", filter },
        at: null,
      });
      if (!request) throw new Error("bench: the filter selected nothing");
      svcTimes.push(await time(() => approveRequest(svc, { accountId, userId: "UADMIN2" }, request.id, request.count)));
    }
    rows.push(
      row(
        "approved bulk change of every contact (service: the approval, audit and tier check)",
        n,
        svcTimes,
        base,
        "the same `UPDATE` on the narrow table",
        2,
      ),
    );
  }

  // 3. The tier report vs a `select 1` round trip: the same at every N (no scan).
  if (enabled("tier")) {
    log(kind, n, "tier report …");
    const actor = { accountId, userId: "UADMIN" };
    const loops = 1000;
    for (let i = 0; i < 20; i++) {
      await tierReport(svc, actor);
      await rowsOf(db, sql`select 1`);
    }
    const base: number[] = [];
    const svcTimes: number[] = [];
    for (let r = 0; r < REPEAT; r++) {
      base.push(
        (await time(async () => {
          for (let i = 0; i < loops; i++) await rowsOf(db, sql`select 1`);
        })) / loops,
      );
      svcTimes.push(
        (await time(async () => {
          for (let i = 0; i < loops; i++) await tierReport(svc, actor);
        })) / loops,
      );
    }
    rows.push(row("`tier` report (service call)", n, svcTimes, base, "`select 1`", 3));
  }

  // 3b. `status` of one contact vs a `select 1` round trip: the same at every N.
  if (enabled("tier")) {
    log(kind, n, "status of one contact …");
    const actor = { accountId, userId: "UADMIN" };
    const loops = 500;
    const email = `c${Math.ceil(n / 2)}@bench.io`;
    for (let i = 0; i < 20; i++) await contactStatus(svc, actor, email);
    const base: number[] = [];
    const svcTimes: number[] = [];
    for (let r = 0; r < REPEAT; r++) {
      base.push(
        (await time(async () => {
          for (let i = 0; i < loops; i++) await rowsOf(db, sql`select 1`);
        })) / loops,
      );
      svcTimes.push(
        (await time(async () => {
          for (let i = 0; i < loops; i++) await contactStatus(svc, actor, email);
        })) / loops,
      );
    }
    // Three small queries (account, contact with its status, its lists): printed, to show it is the same at every N.
    rows.push({
      ...row("`status` of one contact (service call)", n, svcTimes, base, "`select 1`", 5),
      target: "(printed: the same at every N)",
      ok: null,
    });
  }

  // 3c. Table and index size after 10 cycles of bulk-marketing / bulk-non-marketing / rollover of
  // every contact (approved requests, as users make them) against the size after the first cycle.
  if (enabled("bloat")) {
    const size = async () => {
      const [r] = await rowsOf<{ b: number }>(
        db,
        sql`select (pg_total_relation_size('contacts') + pg_total_relation_size('contact_status'))::float8 as b`,
      );
      return Number(r?.b ?? 0);
    };
    const everyone = { type: "filter" as const, filter: { conditions: [], text: "every contact" } };
    const approve = async (action: "marketing" | "non-marketing") => {
      const { request } = await requestBulkChange(
        svc,
        { accountId, userId: "UADMIN" },
        {
          action,
          selector: everyone,
          at: null,
        },
      );
      if (request) await approveRequest(svc, { accountId, userId: "UADMIN2" }, request.id, request.count);
    };
    const sizes: number[] = [];
    const started = performance.now();
    for (let cycle = 0; cycle < 10; cycle++) {
      log(kind, n, `bloat cycle ${cycle + 1} of 10 …`);
      const at = new Date(Date.UTC(2027, cycle, 2, 14));
      clock.set(at);
      await approve("marketing");
      await approve("non-marketing");
      const u = new Date(at.getTime() + 3_600_000);
      clock.set(new Date(u.getTime() + 60_000));
      await rolloverInstant(svc, accountId, u);
      sizes.push(await size());
    }
    const [dead] =
      kind === "postgres"
        ? await rowsOf<{ d: number; v: number }>(
            db,
            sql`select n_dead_tup::float8 as d, (coalesce(autovacuum_count, 0) + coalesce(vacuum_count, 0))::float8 as v
                from pg_stat_user_tables where relname = 'contact_status'`,
          )
        : [];
    const first = sizes[0] ?? 1;
    const last = sizes.at(-1) ?? 0;
    rows.push({
      what: "contacts + contact_status size (tables and indexes) after 10 cycles of bulk marketing / bulk non-marketing / rollover of every contact",
      n,
      figure: `${mb(last)} (per cycle: ${sizes.map((b) => (b / 1024 / 1024).toFixed(0)).join(", ")} MB${dead ? `; ${Number(dead.d).toLocaleString("en-US")} dead rows in contact_status, ${dead.v} vacuums` : ""}; ${ms(performance.now() - started)})`,
      baseline: `${mb(first)} (after the first cycle)`,
      ratio: `${(last / first).toFixed(2)}×`,
      target: "≤ 1.3×",
      ok: last / first <= 1.3,
    });
  }

  // 4. CSV import of N rows (the service, from a file) vs `COPY` of the same file into a bare table.
  if (enabled("import")) {
    const file = join(files, `import-${n}.csv`);
    writeCsv(file, n, "imp");
    log(kind, n, "COPY baseline …");
    const copy = await timeCopy(handle, file, REPEAT);
    log(kind, n, `COPY ${ms(copy)}; COPY + hand-written INSERT …`);
    const floor = await timeCopyAndInsert(handle, file, accountId);
    log(kind, n, `COPY + INSERT ${ms(floor)}; import (service) …`);
    const imported = await timeServiceImport(svc, { accountId, userId: "UADMIN" }, file, n);
    log(kind, n, `import (service) ${ms(imported)}`);
    rows.push(row("CSV import (service `importCsv`, from a file)", n, [imported], [copy], "`COPY` of the file", 3));
    // Not a target: how far the import is from the least an upsert into contacts costs on this database.
    rows.push({
      ...row(
        "CSV import against the floor (printed)",
        n,
        [imported],
        [floor],
        "`COPY` + one hand-written `INSERT … ON CONFLICT` into contacts",
        3,
      ),
      target: "(printed)",
      ok: null,
      importTimes: { copy, floor, service: imported },
    });
  }

  // 5. Peak memory of `tierkeeper import` as a user runs it, in a child process (PGlite: it needs the directory alone).
  if (enabled("memory")) {
    const one = join(files, `one-${n}.csv`);
    const file = join(files, `cli-${n}.csv`);
    writeCsv(one, 1, `one${n}-`);
    writeCsv(file, n, "cli");
    await handle.suspend();
    try {
      log(kind, n, "`tierkeeper import` of 1 row …");
      const base = await runCliImport(handle.url, one, "TBENCH");
      log(kind, n, `\`tierkeeper import\` of ${n} rows …`);
      const cli = await runCliImport(handle.url, file, "TBENCH");
      if (cli.created !== n) throw new Error(`bench: tierkeeper import created ${cli.created}, not ${n}`);
      log(kind, n, `CLI ${ms(cli.ms)}, peak RSS ${(cli.peakRssBytes / 2 ** 20).toFixed(0)} MB`);
      memory.push({ n, peak: cli.peakRssBytes, baseline: base.peakRssBytes, cliMs: cli.ms, baselineMs: base.ms });
    } finally {
      await handle.reopen();
    }
  }

  // 6. `/contacts tier`: time to the HTTP ack under 50 concurrent signed requests.
  if (enabled("slash")) {
    log(kind, n, "/contacts tier under load …");
    const svcNow: Services = { ...svc, db: handle.database.db };
    const r = await benchSlash(svcNow, "TBENCH", "UADMIN");
    const clean = r.non2xx === 0 && r.errors === 0 && r.timeouts === 0;
    log(kind, n, `p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.requests} requests, ${r.answered} answered`);
    rows.push({
      what: `\`/contacts tier\` HTTP ack, 50 concurrent signed requests (autocannon, ${Number(process.env.BENCH_SLASH_REQUESTS ?? 3000).toLocaleString("en-US")} requests)`,
      n,
      figure: `p99 ${ms(r.p99)} (p50 ${ms(r.p50)}, max ${ms(r.max)})`,
      baseline: `— (${r.requests.toLocaleString("en-US")} requests acked in ${r.durationSec.toFixed(1)} s, ${r.non2xx} non-2xx, ${r.errors} errors; ${r.answered.toLocaleString("en-US")} answered via response_url${r.drainedAfterMs === null ? " within 120 s" : `, the last ${ms(r.drainedAfterMs)} after the last ack`}${r.wrongAnswers ? `, ${r.wrongAnswers} not a tier answer` : ""})`,
      ratio: "—",
      target: "p99 ≤ 100 ms",
      ok: clean && r.p99 <= 100,
    });
  }

  // 7. The HTTP API's export against COPY TO STDOUT, and webhooks for an update date of every contact.
  if (enabled("export")) {
    log(kind, n, "export …");
    rows.push(...(await benchExport(handle, { ...svc, db: handle.database.db }, accountId, n)));
  }
  if (enabled("webhooks")) {
    log(kind, n, "webhooks …");
    rows.push(...(await benchWebhooks({ ...svc, db: handle.database.db }, clock, accountId, n)));
  }
  return rows;
}

function row(
  what: string,
  n: number,
  figureTimes: number[],
  baseTimes: number[],
  baselineName: string,
  target: number,
): Row {
  const figure = median(figureTimes);
  const baseline = median(baseTimes);
  const ratio = figure / baseline;
  return {
    what,
    n,
    figure: ms(figure),
    baseline: `${ms(baseline)} (${baselineName})`,
    ratio: `${ratio.toFixed(2)}×`,
    target: `≤ ${target}×`,
    ok: ratio <= target,
  };
}
