// The start-up budget: how long `tierkeeper` takes before it answers, and what an idle service holds.
// Each time is the median of BENCH_STARTUP_RUNS runs of the built `tierkeeper` (dist/, built first:
// what `npm install` gives a user), each run next to one of `node -e ''`, whose median is the row's
// baseline. These machines are shared: runs side by side see the same load.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import postgres from "postgres";

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "bin/tierkeeper.js");
const RUNS = Number(process.env.BENCH_STARTUP_RUNS ?? 11);
/** How long the service idles after its ready line before its RSS is read (the highest of one sample a second). */
const IDLE_MS = 5_000;
const MB = 1024 * 1024;

interface StartupRow {
  what: string;
  figure: string;
  baseline: string;
  ratio: string;
  target: string;
  ok: boolean | null;
}

/** The "start-up" section of bench/results.md. `serverUrl`: a Postgres server for the Postgres rows. */
export async function benchStartup(serverUrl: string | undefined): Promise<string> {
  buildForBench();
  const started = new Date();
  const loadBefore = loadavg()[0] ?? 0;
  const rows: StartupRow[] = [];
  const say = (row: StartupRow) => {
    rows.push(row);
    console.log(`start-up: ${row.what}: ${row.figure} (${row.ratio}, target ${row.target})`);
  };
  const scratch = mkdtempSync(join(tmpdir(), "tk-startup-"));
  const pg = serverUrl?.startsWith("postgres") ? await postgresDatabase(serverUrl) : null;
  try {
    say(timed("`tierkeeper --help`", ["--help"], {}, 4));
    say(timed("`tierkeeper --version`", ["--version"], {}, 4));

    const tier = ["run", "tier", "--user", "U1", "--json"];
    if (pg) {
      cli(["demo"], { DATABASE_URL: pg.url });
      say(
        timed('`tierkeeper run "tier" --json` on Postgres (connect, query, print)', tier, { DATABASE_URL: pg.url }, 8),
      );
    } else {
      rows.push(skipped('`tierkeeper run "tier" --json` on Postgres', "≤ 8×"));
    }

    // A service on an embedded database: the command goes to it (this process can't open the database).
    const embedded = `file:${join(scratch, "forward")}`;
    cli(["demo"], { DATABASE_URL: embedded });
    const service = await startService({ DATABASE_URL: embedded });
    try {
      say(timed("the same, forwarded to a running `tierkeeper start` on PGlite", tier, { DATABASE_URL: embedded }, 6));
    } finally {
      await stop(service.child);
    }

    say(
      await startToReady(
        "`tierkeeper start` to ready, PGlite: a new database (a copy of the template `npm install` made: initdb and every migration)",
        scratch,
        "new",
      ),
    );
    say(
      await startToReady(
        "`tierkeeper start` to ready, PGlite: a database with its migrations applied",
        scratch,
        "existing",
      ),
    );

    const local = pg ? await idleRss({ DATABASE_URL: pg.url }) : null;
    const localPglite = await idleRss({ DATABASE_URL: `file:${join(scratch, "rss")}` });
    rows.push(rssRow("idle `tierkeeper start` RSS, no Slack (as `npm start`)", local, localPglite));
    const slack = {
      SLACK_BOT_TOKEN: "xoxb-bench",
      SLACK_SIGNING_SECRET: "bench-signing-secret",
      SLACK_API_URL: "http://127.0.0.1:9/api/",
    };
    const http = pg ? await idleRss({ DATABASE_URL: pg.url, ...slack }) : null;
    const httpPglite = await idleRss({ DATABASE_URL: `file:${join(scratch, "rss-http")}`, ...slack });
    rows.push(rssRow("idle `tierkeeper start` RSS, Slack over HTTP (Bolt loaded)", http, httpPglite));
  } finally {
    await pg?.drop();
    rmSync(scratch, { recursive: true, force: true });
  }
  return section(rows, started, [loadBefore, loadavg()[0] ?? 0]);
}

function section(rows: StartupRow[], started: Date, load: number[]): string {
  return [
    "## start-up\n",
    `Run: ${started.toISOString()}, Node ${process.version}. The built \`tierkeeper\` (dist/, as \`npm install\` makes it), started as a user starts it. Times are the median of ${RUNS} runs, each beside a run of \`node -e ''\` (the baseline, its median); RSS is the highest of one reading a second for ${IDLE_MS / 1000} s after the ready line. Written by \`npm run bench\` (bench/startup.ts); \`BENCH_ONLY=startup\` runs only this. Load average (1 min) of the machine when the section started and ended: ${load.map((l) => l.toFixed(1)).join(", ")}.\n`,
    "| what | figure | baseline | ratio | target | |",
    "|---|---|---|---|---|---|",
    ...rows.map(
      (r) =>
        `| ${r.what} | ${r.figure} | ${r.baseline} | ${r.ratio} | ${r.target} | ${r.ok === null ? "" : r.ok ? "ok" : "**missed**"} |`,
    ),
    "",
  ].join("\n");
}

/** `npm run build`, so the figures are those of the sources as they are now (the CLI rows of every section). */
export function buildForBench(): void {
  const r = spawnSync(process.execPath, [join(ROOT, "bin/build.js"), "--quiet"], { stdio: "inherit" });
  if (r.status !== 0) throw new Error("bench: the build failed");
}

/** The environment of every `tierkeeper` the bench starts: the build, no Slack unless given, quiet. */
function envFor(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, TIERKEEPER_SOURCE: "0", LOG_LEVEL: "warn", ...extra };
  for (const k of Object.keys(env)) if (k.startsWith("SLACK_") && !(k in extra)) delete env[k];
  delete env.TIERKEEPER_NOW;
  return env;
}

/** Runs `tierkeeper args` to its end (setup work, untimed); throws unless it exits 0. */
function cli(args: string[], env: Record<string, string>): string {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: envFor(env), encoding: "utf8" });
  if (r.status !== 0) throw new Error(`bench: tierkeeper ${args.join(" ")} exited ${r.status}:\n${r.stderr}`);
  return r.stdout;
}

/** Wall milliseconds of one process from spawn to exit; throws unless it exits 0. */
function wall(cmd: string[], env: NodeJS.ProcessEnv): { ms: number; stdout: string } {
  const [exe, ...args] = cmd;
  const t = performance.now();
  const r = spawnSync(exe ?? process.execPath, args, { env, encoding: "utf8" });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`bench: ${cmd.join(" ")} exited ${r.status}:\n${r.stderr}`);
  return { ms, stdout: r.stdout };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** Median time of `tierkeeper args`, each run beside a run of `node -e ''`. */
function timed(what: string, args: string[], env: Record<string, string>, target: number): StartupRow {
  const base: number[] = [];
  const times: number[] = [];
  // One untimed run of each: the files are in the page cache for every timed one.
  wall([process.execPath, "-e", ""], process.env);
  check(args, wall([process.execPath, BIN, ...args], envFor(env)).stdout);
  for (let i = 0; i < RUNS; i++) {
    base.push(wall([process.execPath, "-e", ""], process.env).ms);
    const run = wall([process.execPath, BIN, ...args], envFor(env));
    times.push(run.ms);
  }
  return ratioRow(what, median(times), median(base), target);
}

/** What a timed command printed is what it should print (a `run --json` answers `ok`). */
function check(args: string[], stdout: string): void {
  if (args[0] === "run") {
    const parsed = JSON.parse(stdout) as { ok?: boolean };
    if (parsed.ok !== true) throw new Error(`bench: tierkeeper ${args.join(" ")} did not answer ok:\n${stdout}`);
  } else if (args[0] === "--version" && !/^\d+\.\d+\.\d+/.test(stdout)) {
    throw new Error(`bench: --version printed ${stdout}`);
  } else if (args[0] === "--help" && !stdout.includes("Commands:")) {
    throw new Error(`bench: --help printed ${stdout}`);
  }
}

function ratioRow(what: string, figure: number, baseline: number, target: number): StartupRow {
  const ratio = figure / baseline;
  return {
    what,
    figure: ms(figure),
    baseline: `${ms(baseline)} (\`node -e ''\`)`,
    ratio: `${ratio.toFixed(2)}×`,
    target: `≤ ${target}×`,
    ok: ratio <= target,
  };
}

function skipped(what: string, target: string): StartupRow {
  return { what, figure: "skipped: no TEST_DATABASE_URL / DATABASE_URL", baseline: "—", ratio: "—", target, ok: null };
}

const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(1)} ms`);

/**
 * Median time from spawning `tierkeeper start` to its ready line on PGlite, beside `node -e ''`:
 * on a new database each time (initdb, then every migration), or on one whose migrations are applied.
 */
async function startToReady(what: string, scratch: string, database: "new" | "existing"): Promise<StartupRow> {
  const base: number[] = [];
  const times: number[] = [];
  const existing = `file:${join(scratch, "ready")}`;
  if (database === "existing") cli(["migrate"], { DATABASE_URL: existing });
  // Fewer runs for a new database: each is initdb.
  const runs = database === "new" ? Math.max(3, Math.ceil(RUNS / 2)) : RUNS;
  for (let i = 0; i < runs; i++) {
    base.push(wall([process.execPath, "-e", ""], process.env).ms);
    const url = database === "new" ? `file:${join(scratch, `new-${i}`)}` : existing;
    const service = await startService({ DATABASE_URL: url });
    times.push(service.readyMs);
    await stop(service.child);
    if (database === "new") rmSync(url.slice("file:".length), { recursive: true, force: true });
  }
  const row = ratioRow(what, median(times), median(base), 15);
  // The issue's target is for a database whose migrations are applied (every start but the first);
  // the first start of a new database is printed beside it.
  return database === "new" ? { ...row, target: "(printed: the first start only)", ok: null } : row;
}

/** Starts `tierkeeper start` (any free port) and resolves at its ready line, with the milliseconds it took. */
function startService(env: Record<string, string>): Promise<{ child: ChildProcess; readyMs: number }> {
  return new Promise((resolvePromise, reject) => {
    const t = performance.now();
    const child = spawn(process.execPath, [BIN, "start"], {
      env: envFor({ PORT: "0", ...env }),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let ready = false;
    const onData = (d: Buffer) => {
      out += d.toString();
      if (!ready && /tierkeeper ready/.test(out)) {
        ready = true;
        const readyMs = performance.now() - t;
        const file = env.DATABASE_URL?.startsWith("file:") ? `${env.DATABASE_URL.slice(5)}.service.json` : null;
        // Forwarding needs the service file too; it is written right after the ready line.
        const wait = () => (!file || existsSync(file) ? resolvePromise({ child, readyMs }) : setTimeout(wait, 5));
        wait();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", reject);
    child.on("close", (code) => {
      if (!ready) reject(new Error(`bench: tierkeeper start exited ${code} before it was ready:\n${out}`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const closed = new Promise((r) => child.once("close", r));
  child.kill("SIGTERM");
  await closed;
}

/**
 * The highest RSS of an idle `tierkeeper start` over IDLE_MS after its ready line (Linux: /proc), on
 * a database that has the demo account (a new one is made first: the service is not its first opener).
 */
async function idleRss(env: Record<string, string> & { DATABASE_URL: string }): Promise<number | null> {
  if (env.DATABASE_URL.startsWith("file:")) cli(["demo"], { DATABASE_URL: env.DATABASE_URL });
  const service = await startService(env);
  try {
    let highest = 0;
    for (let waited = 0; waited < IDLE_MS; waited += 1000) {
      await new Promise((r) => setTimeout(r, 1000));
      highest = Math.max(highest, rssOf(service.child.pid ?? 0));
    }
    return highest || null;
  } finally {
    await stop(service.child);
  }
}

function rssOf(pid: number): number {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    const r = spawnSync("ps", ["-o", "rss=", "-p", String(pid)], { encoding: "utf8" });
    return Number(r.stdout.trim()) * 1024 || 0;
  }
}

function rssRow(what: string, onPostgres: number | null, onPglite: number | null): StartupRow {
  const mb = (b: number | null) => (b === null ? "—" : `${(b / MB).toFixed(0)} MB`);
  return {
    what,
    figure: onPostgres === null ? "skipped: no TEST_DATABASE_URL / DATABASE_URL" : `${mb(onPostgres)} on Postgres`,
    baseline: `${mb(onPglite)} on PGlite (printed)`,
    ratio: "—",
    target: "≤ 120 MB on Postgres",
    ok: onPostgres === null ? null : onPostgres <= 120 * MB,
  };
}

/** A new database on the server, for the Postgres rows; dropped at the end. */
async function postgresDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const u = new URL(serverUrl);
  const name = `tk_bench_startup_${process.pid}`;
  const admin = postgres(u.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
