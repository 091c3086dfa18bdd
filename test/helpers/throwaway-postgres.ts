// A Postgres server of our own in a temporary directory, on a free port: for tests and the fleet
// run that stop, restart and promote servers. It never touches the shared server of TEST_DATABASE_URL.
import { execFile, execFileSync } from "node:child_process";
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";

const run = promisify(execFile);

/** The directory of the newest installed Postgres's programs (Debian: /usr/lib/postgresql/<n>/bin), or null. */
export function postgresBinDir(): string | null {
  const base = "/usr/lib/postgresql";
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => existsSync(join(base, v, "bin", "initdb")))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(base, versions[0], "bin");
  }
  try {
    const dir = execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim();
    return existsSync(join(dir, "initdb")) ? dir : null;
  } catch {
    return null;
  }
}

/** initdb refuses to run as root: as root, the server's programs run as the `postgres` user. */
const asRoot = process.getuid?.() === 0;

function postgresIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
  return { uid, gid };
}

/** Runs one of the server's programs (as `postgres` when we are root). */
export async function pgProgram(bin: string, args: string[], opts: { timeoutMs?: number } = {}): Promise<string> {
  const dir = postgresBinDir();
  if (!dir) throw new Error("no Postgres server programs found (apt-get install postgresql)");
  const file = join(dir, bin);
  const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", file, ...args]] : [file, args];
  const { stdout } = await run(cmd, argv, { timeout: opts.timeoutMs ?? 60_000, cwd: tmpdir() });
  return stdout;
}

/** A free TCP port on 127.0.0.1 (free when asked: bind to it soon). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** A directory under the system temp dir that the server's user owns (0700). */
export function serverTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o700);
  if (asRoot) {
    const { uid, gid } = postgresIds();
    chownSync(dir, uid, gid);
  }
  return dir;
}

export interface ServerSettings {
  /** Extra `-c name=value` settings the server starts with. */
  settings?: Record<string, string | number>;
}

/** One server: its data directory, port and log; start, stop (any mode), promote. */
export class PostgresServer {
  constructor(
    readonly dataDir: string,
    readonly port: number,
    private readonly settings: Record<string, string | number> = {},
  ) {}

  /** The `-c` settings it starts with. */
  startSettings(): Record<string, string | number> {
    return { ...this.settings };
  }

  /** Changes a setting for the next start. */
  set(name: string, value: string | number | null): void {
    if (value === null) delete this.settings[name];
    else this.settings[name] = value;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  get logFile(): string {
    return `${this.dataDir}.log`;
  }

  /** Starts the server and waits until it accepts connections. */
  async start(): Promise<void> {
    const options = [
      `-p ${this.port}`,
      "-c listen_addresses=127.0.0.1",
      `-c unix_socket_directories=${this.dataDir}.sock`,
      ...Object.entries(this.settings).map(([k, v]) => `-c ${k}=${v}`),
    ].join(" ");
    await pgProgram("pg_ctl", ["-D", this.dataDir, "-l", this.logFile, "-o", options, "-w", "-t", "60", "start"]);
  }

  /** Stops the server: `fast` ends sessions cleanly, `immediate` is a crash (recovery on the next start). */
  async stop(mode: "smart" | "fast" | "immediate" = "fast"): Promise<void> {
    await pgProgram("pg_ctl", ["-D", this.dataDir, "-m", mode, "-w", "-t", "60", "stop"]);
  }

  async running(): Promise<boolean> {
    try {
      await pgProgram("pg_ctl", ["-D", this.dataDir, "status"]);
      return true;
    } catch {
      return false;
    }
  }

  /** A standby leaves recovery and becomes a primary; waits until it accepts writes. */
  async promote(): Promise<void> {
    await pgProgram("pg_ctl", ["-D", this.dataDir, "-w", "-t", "60", "promote"]);
  }

  /** Stops the server if it runs and removes its directories. */
  async destroy(): Promise<void> {
    if (await this.running()) await this.stop("immediate").catch(() => {});
    for (const p of [this.dataDir, `${this.dataDir}.sock`, this.logFile]) rmSync(p, { recursive: true, force: true });
  }
}

/**
 * A new cluster in a temporary directory (initdb, trust authentication on 127.0.0.1), started on a
 * free port. `fsync` is off unless asked for: a test's server needs no durability across a power cut
 * (commits are still written before they are acknowledged, so they survive a crash of the server).
 */
export async function startThrowawayPostgres(
  opts: ServerSettings & { fsync?: boolean; name?: string } = {},
): Promise<PostgresServer> {
  const parent = serverTempDir(`${opts.name ?? "tk-pg"}-`);
  const dataDir = join(parent, "data");
  // A copy of one initdb made per machine: initdb takes seconds, a copy a fraction of one.
  await run("cp", ["-a", await initdbTemplate(), dataDir]);
  ensureOwnedDir(`${dataDir}.sock`);
  const server = new PostgresServer(dataDir, await freePort(), {
    // Without fsync a commit survives the server process dying (an immediate stop), not the machine.
    fsync: opts.fsync ? "on" : "off",
    full_page_writes: opts.fsync ? "on" : "off",
    ...opts.settings,
  });
  await server.start();
  return server;
}

/** A fresh cluster directory to copy (trust authentication), made once per machine and Postgres version. */
async function initdbTemplate(): Promise<string> {
  const version = (postgresBinDir() ?? "").split("/").at(-2) ?? "pg";
  const template = join(tmpdir(), `tierkeeper-pg-template-${version}-${asRoot ? "postgres" : process.getuid?.()}`);
  if (existsSync(join(template, "PG_VERSION"))) return template;
  const parent = serverTempDir("tierkeeper-pg-initdb-");
  const dataDir = join(parent, "data");
  await pgProgram("initdb", ["-D", dataDir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"], {
    timeoutMs: 120_000,
  });
  try {
    renameSync(dataDir, template);
  } catch {
    // Another process made it meanwhile: use theirs.
  }
  rmSync(parent, { recursive: true, force: true });
  return template;
}

function ensureOwnedDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o700);
  if (asRoot) {
    const { uid, gid } = postgresIds();
    chownSync(dir, uid, gid);
  }
}

/**
 * A hot standby of `primary` (pg_basebackup -R: streaming replication from it), started on a free
 * port under `name` (its application_name: list it in the primary's synchronous_standby_names to
 * make commits wait for it). Its settings are `primary`'s own unless given.
 */
export async function startStandby(
  primary: PostgresServer,
  opts: ServerSettings & { name?: string } = {},
): Promise<PostgresServer> {
  const name = opts.name ?? "standby1";
  const parent = serverTempDir(`tk-pg-${name}-`);
  const dataDir = join(parent, "data");
  await pgProgram(
    "pg_basebackup",
    [
      "-D",
      dataDir,
      "-R",
      "-X",
      "stream",
      "-c",
      "fast",
      "-h",
      "127.0.0.1",
      "-p",
      String(primary.port),
      "-U",
      "postgres",
    ],
    { timeoutMs: 120_000 },
  );
  ensureOwnedDir(`${dataDir}.sock`);
  // -R wrote primary_conninfo; the standby names itself so the primary can wait for it.
  appendAutoConfig(dataDir, [
    `primary_conninfo = 'host=127.0.0.1 port=${primary.port} user=postgres application_name=${name}'`,
  ]);
  // Back to streaming within half a second when the primary restarts (the default waits 5 s).
  const server = new PostgresServer(dataDir, await freePort(), {
    ...(opts.settings ?? primary.startSettings()),
    wal_retrieve_retry_interval: "500ms",
  });
  await server.start();
  return server;
}

/** Appends lines to postgresql.auto.conf (later lines win), as the server's user. */
function appendAutoConfig(dataDir: string, lines: string[]): void {
  const file = join(dataDir, "postgresql.auto.conf");
  writeFileSync(file, `${lines.join("\n")}\n`, { flag: "a" });
  if (asRoot) {
    const { uid, gid } = postgresIds();
    chownSync(file, uid, gid);
  }
}

/**
 * Makes `primary`'s commits wait for the standby `name` (synchronous_standby_names, reloaded) and
 * waits until that standby streams as the synchronous one.
 */
export async function makeSynchronous(primary: PostgresServer, name: string, timeoutMs = 30_000): Promise<void> {
  const sql = postgres(primary.url, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`alter system set synchronous_standby_names = '${name.replace(/'/g, "")}'`);
    await sql`select pg_reload_conf()`;
    const until = Date.now() + timeoutMs;
    for (;;) {
      const rows = await sql<{ sync_state: string }[]>`
        select sync_state from pg_stat_replication where application_name = ${name}`;
      if (rows[0]?.sync_state === "sync") return;
      if (Date.now() > until) throw new Error(`standby ${name} is not streaming synchronously after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await sql.end({ timeout: 1 });
  }
}
