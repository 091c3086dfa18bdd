// The fleet's moving parts: a Postgres primary with a synchronous hot standby, tierkeeper replicas,
// HAProxy, and the packages they need. Everything lives in temporary directories and child processes.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import postgres from "postgres";
import {
  freePort,
  makeSynchronous,
  type PostgresServer,
  postgresBinDir,
  startStandby,
  startThrowawayPostgres,
} from "../../test/helpers/throwaway-postgres.ts";

const run = promisify(execFile);
export const ROOT = resolve(import.meta.dirname, "../..");

async function which(bin: string): Promise<string | null> {
  try {
    return (await run("sh", ["-c", `command -v ${bin}`])).stdout.trim() || null;
  } catch {
    return null;
  }
}

/** apt-get install, as a fresh Debian machine of this kind needs it (root only). */
async function aptInstall(pkg: string, log: (s: string) => void): Promise<void> {
  if (process.getuid?.() !== 0) throw new Error(`${pkg} is missing: install it (apt-get install ${pkg}) and run again`);
  log(`installing ${pkg} (apt-get)…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  await run("apt-get", ["update", "-qq"], { env, timeout: 600_000 }).catch(() => undefined);
  await run("apt-get", ["install", "-y", "-qq", pkg], { env, timeout: 600_000 });
}

/** The programs the run needs: Postgres's server programs and HAProxy, installed when missing. */
export async function ensurePrograms(log: (s: string) => void): Promise<{ haproxy: string }> {
  if (!postgresBinDir()) await aptInstall("postgresql", log);
  if (!postgresBinDir()) throw new Error("Postgres's server programs (initdb, pg_ctl) are still missing");
  let haproxy = await which("haproxy");
  if (!haproxy) {
    await aptInstall("haproxy", log);
    haproxy = await which("haproxy");
  }
  if (!haproxy) throw new Error("haproxy is still missing after apt-get install haproxy");
  return { haproxy };
}

export interface DatabasePair {
  primary: PostgresServer;
  standby: PostgresServer;
  /** Both hosts, primary first: what every replica gets as DATABASE_URL. */
  url: string;
  /** The database on one server (for the run's own checks). */
  urlOn(server: PostgresServer): string;
}

/**
 * A primary and a hot standby streaming from it (pg_basebackup -R), commits waiting for the
 * standby (synchronous_standby_names, synchronous_commit on), fsync on: a commit acknowledged to
 * tierkeeper is on both servers' disks.
 */
export async function startDatabasePair(): Promise<DatabasePair> {
  // Slow statements and lock waits go to the servers' logs (in the run directory when it is kept).
  const settings = {
    max_connections: 200,
    wal_level: "replica",
    hot_standby: "on",
    log_min_duration_statement: 250,
    log_lock_waits: "on",
  };
  const primary = await startThrowawayPostgres({ fsync: true, name: "tk-pg-fleet-primary", settings });
  const admin = postgres(primary.url, { max: 1, onnotice: () => {} });
  await admin.unsafe("create database tierkeeper");
  await admin.end();
  const standby = await startStandby(primary, { name: "standby1", settings });
  await makeSynchronous(primary, "standby1");
  const urlOn = (s: PostgresServer) => `postgres://postgres@127.0.0.1:${s.port}/tierkeeper`;
  return {
    primary,
    standby,
    url: `postgres://postgres@127.0.0.1:${primary.port},127.0.0.1:${standby.port}/tierkeeper?target_session_attrs=read-write`,
    urlOn,
  };
}

export interface Replica {
  name: string;
  port: number;
  process: ChildProcess;
  exited: Promise<number | null>;
}

/** One `tierkeeper start` in HTTP mode on a free port; its output goes to `<dir>/<name>.log`. */
export async function startReplica(name: string, dir: string, env: Record<string, string>): Promise<Replica> {
  const port = await freePort();
  const out = createWriteStream(join(dir, `${name}.log`));
  // FLEET_REPLICA_NODE_ARGS: extra Node flags for the replicas, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof".
  const nodeArgs = (process.env.FLEET_REPLICA_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, "bin/tierkeeper.js"), "start"], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  return { name, port, process: child, exited };
}

/** Waits until `url` answers `status` (a bounded poll). */
export async function waitFor(url: string, status = 200, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.text();
      if (res.status === status) return;
    } catch {
      // not up yet
    }
    if (Date.now() > until) throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** HAProxy in the foreground with ops/haproxy.cfg; its log (servers going down and up) goes to `<dir>/haproxy.log`. */
export async function startHaproxy(
  haproxy: string,
  dir: string,
  listen: string,
  replicas: Replica[],
): Promise<{ process: ChildProcess; log: string }> {
  const cfg = join(ROOT, "ops/haproxy.cfg");
  const env: Record<string, string> = { ...(process.env as Record<string, string>), TK_LISTEN: listen };
  replicas.forEach((r, i) => {
    env[`TK_REPLICA_${i + 1}`] = `127.0.0.1:${r.port}`;
  });
  await run(haproxy, ["-c", "-q", "-f", cfg], { env });
  const log = join(dir, "haproxy.log");
  const out = createWriteStream(log);
  const child = spawn(haproxy, ["-db", "-f", cfg], { env, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout?.pipe(out);
  child.stderr?.pipe(out);
  return { process: child, log };
}

/** Stops a child: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopChild(child: ChildProcess | undefined, graceMs = 5000): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
  await exited;
  clearTimeout(timer);
}
