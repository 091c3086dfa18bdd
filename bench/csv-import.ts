// CSV import: the service vs `COPY` of the same file into a bare table, and the peak memory of
// `tierkeeper import` run as a user runs it (a child process whose RSS is sampled from /proc).
import { spawn } from "node:child_process";
import { closeSync, createReadStream, openSync, readFileSync, writeSync } from "node:fs";
import { basename, resolve } from "node:path";
import type { Services } from "../src/services/context.ts";
import { importCsv } from "../src/services/import/index.ts";
import type { BenchDatabase } from "./db.ts";

const BIN = resolve(import.meta.dirname, "../bin/tierkeeper.js");
/** A `tierkeeper import` child taking longer than this is killed (the bench stops by itself). */
const CLI_TIMEOUT_MS = Number(process.env.BENCH_IMPORT_TIMEOUT_MS ?? 20 * 60_000);

const HUBSPOT_HEADER = "Email,First Name,Last Name,Lifecycle Stage\n";

/** Writes a HubSpot-style export of `n` distinct contacts (`<prefix><i>@bench.io`). */
export function writeCsv(file: string, n: number, prefix: string): void {
  const fd = openSync(file, "w");
  try {
    writeSync(fd, HUBSPOT_HEADER);
    const stages = ["subscriber", "lead", "marketingqualifiedlead", "customer"];
    let chunk = "";
    for (let i = 1; i <= n; i++) {
      chunk += `${prefix}${i}@bench.io,First${i},Last ${i},${stages[i % 4]}\n`;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = "";
      }
    }
    if (chunk) writeSync(fd, chunk);
  } finally {
    closeSync(fd);
  }
}

/** Milliseconds of the service import of `file` (created contacts only: the file's emails are new). */
export async function timeServiceImport(
  svc: Services,
  actor: { accountId: number; userId: string },
  file: string,
  n: number,
): Promise<number> {
  const t = performance.now();
  const report = await importCsv(svc, actor, createReadStream(file), { fileName: basename(file) });
  const ms = performance.now() - t;
  if (report.created !== n || report.rejected !== 0) {
    throw new Error(`bench: import of ${n} rows created ${report.created}, rejected ${report.rejected}`);
  }
  return ms;
}

/** Median milliseconds of `COPY` of `file` into a fresh bare table on the same database. */
export async function timeCopy(handle: BenchDatabase, file: string, repeat: number): Promise<number> {
  const { rowsOf } = await import("../src/db/client.ts");
  const { sql } = await import("drizzle-orm");
  const db = handle.database.db;
  await rowsOf(db, sql`drop table if exists bench_copy`);
  await rowsOf(db, sql`create table bench_copy (email text, first_name text, last_name text, lifecycle text)`);
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    await rowsOf(db, sql`truncate bench_copy`);
    const t = performance.now();
    await handle.copyCsv("bench_copy", file);
    times.push(performance.now() - t);
  }
  const [c] = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from bench_copy`);
  await rowsOf(db, sql`drop table bench_copy`);
  if (!c || c.n <= 0) throw new Error("bench: COPY loaded nothing");
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

/**
 * Milliseconds of the least any import of `file` must do on this database: `COPY` it into a bare
 * table, then ONE hand-written `INSERT … SELECT … ON CONFLICT DO NOTHING` into contacts (its
 * indexes, foreign key and counter triggers included), with no parsing, validation or audit. The
 * emails get a `floor-` prefix so that the service import after it still creates every row.
 */
export async function timeCopyAndInsert(handle: BenchDatabase, file: string, accountId: number): Promise<number> {
  const { rowsOf } = await import("../src/db/client.ts");
  const { sql } = await import("drizzle-orm");
  const db = handle.database.db;
  await rowsOf(db, sql`drop table if exists bench_floor`);
  await rowsOf(db, sql`create table bench_floor (email text, first_name text, last_name text, lifecycle text)`);
  const t = performance.now();
  await handle.copyCsv("bench_floor", file);
  const inserted = await rowsOf<{ n: number }>(
    db,
    sql`with ins as (
      insert into contacts (account_id, email, first_name, last_name, lifecycle, source)
      select ${accountId}, 'floor-' || lower(email), first_name, last_name, lifecycle, 'import' from bench_floor
      on conflict (account_id, email) do nothing returning 1
    ) select count(*)::int as n from ins`,
  );
  const elapsed = performance.now() - t;
  await rowsOf(db, sql`drop table bench_floor`);
  if ((inserted[0]?.n ?? 0) <= 0) throw new Error("bench: the hand-written INSERT inserted nothing");
  return elapsed;
}

export interface CliRun {
  /** Wall time of the whole command (process start, boot, migrations check, import, exit). */
  ms: number;
  /** Highest RSS of the process (the larger of the 50 ms samples of VmRSS and the kernel's VmHWM). */
  peakRssBytes: number;
  created: number;
}

/** Runs `tierkeeper import <file> --team <team> --json` against `url`, sampling its RSS every 50 ms. */
export function runCliImport(url: string, file: string, team: string): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: url, LOG_LEVEL: "silent" };
    for (const k of Object.keys(env)) if (k.startsWith("SLACK_")) delete env[k];
    const t = performance.now();
    const child = spawn(process.execPath, [BIN, "import", file, "--team", team, "--json"], {
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString();
    });
    let peak = 0;
    const sample = () => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
        for (const key of ["VmRSS", "VmHWM"]) {
          const m = new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status);
          if (m) peak = Math.max(peak, Number(m[1]) * 1024);
        }
      } catch {
        // The process has exited between two samples.
      }
    };
    const timer = setInterval(sample, 50);
    const killer = setTimeout(() => {
      child.kill("SIGKILL");
    }, CLI_TIMEOUT_MS);
    child.on("error", (e) => {
      clearInterval(timer);
      clearTimeout(killer);
      reject(e);
    });
    child.on("exit", () => sample());
    child.on("close", (code, signal) => {
      const ms = performance.now() - t;
      clearInterval(timer);
      clearTimeout(killer);
      if (code !== 0) {
        reject(
          new Error(
            `tierkeeper import exited ${code ?? signal}${signal === "SIGKILL" ? ` (killed after ${CLI_TIMEOUT_MS} ms)` : ""}:\n${err}\n${out}`.slice(
              0,
              4000,
            ),
          ),
        );
        return;
      }
      let created = -1;
      try {
        const parsed = JSON.parse(out) as { ok: boolean; data?: { created?: number } };
        created = parsed.ok ? Number(parsed.data?.created ?? -1) : -1;
      } catch {
        // Not JSON: reported below.
      }
      resolvePromise({ ms, peakRssBytes: peak, created });
    });
  });
}
