import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { CliContext } from "../../src/cli/context.ts";
import { runProgram } from "../../src/cli/program.ts";
import type { Services } from "../../src/services/context.ts";
import { driver, freshDatabase } from "./db.ts";

const BIN = resolve(import.meta.dirname, "../../bin/tierkeeper.js");

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A database URL the real CLI can open from another process: a PGlite directory or a fresh Postgres database. */
export async function cliDatabase(): Promise<{ url: string; close(): Promise<void> }> {
  if (driver === "pglite") {
    const dir = mkdtempSync(join(tmpdir(), "tk-cli-"));
    return { url: `file:${join(dir, "db")}`, close: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const database = await freshDatabase();
  // The CLI opens its own connections; keep the database, close ours.
  return { url: database.url, close: () => database.close() };
}

/**
 * Runs the real `tierkeeper` process. bin/tierkeeper.js picks the code: the build in dist/ (which the
 * tests' global set-up makes from the sources) or the sources whenever one is newer than it.
 */
export function tierkeeper(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: "silent", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolvePromise({ code: code ?? -1, stdout, stderr });
    });
  });
}

const HOLDER = resolve(import.meta.dirname, "hold-database.ts");

/** Another process that opens the database at `url` and keeps it open until killed. */
export async function holdDatabase(url: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", HOLDER, url], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  await new Promise<void>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`the holder did not open the database:\n${output}`)), 60_000);
    const onData = (d: Buffer) => {
      output += d;
      if (/^open$/m.test(output)) {
        clearTimeout(timer);
        resolvePromise();
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("close", () => reject(new Error(`the holder exited:\n${output}`)));
  });
  return child;
}

/** Kills `child` with `signal` and waits until it is gone. */
export async function killAndWait(child: ChildProcess, signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const closed = new Promise((r) => child.once("close", r));
  child.kill(signal);
  await closed;
}

/** `tierkeeper <argv>` in this process, on `svc`'s database: exit code, stdout and stderr. */
export async function tierkeeperIn(
  svc: Services,
  ...argv: string[]
): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = {
    io: { out: (t) => out.push(t), err: (t) => err.push(t), isTTY: false },
    cwd: process.cwd(),
    withServices: (fn) => fn(svc),
    setExitCode: () => {},
  };
  const code = await runProgram(argv, ctx);
  return { code, out: out.join("\n"), err: err.join("\n") };
}
