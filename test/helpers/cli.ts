import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
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
