import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const BIN = resolve(import.meta.dirname, "../bin/tierkeeper.js");

/** Milliseconds from spawning `tierkeeper start` (fresh PGlite dir, migrations applied) to its ready line, vs `node -e ''`. */
export async function benchStartup(): Promise<{ ready: number; baseline: number }> {
  const baseline = await spawnUntil([process.execPath, "-e", ""], null);
  const dir = mkdtempSync(join(tmpdir(), "tk-start-"));
  try {
    const ready = await spawnUntil([process.execPath, BIN, "start"], /running|ready|listening/i, {
      DATABASE_URL: `file:${join(dir, "db")}`,
      PORT: "0",
      LOG_LEVEL: "info",
    });
    return { ready, baseline };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function spawnUntil(cmd: string[], ready: RegExp | null, env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const t = performance.now();
    const [exe, ...args] = cmd;
    const child = spawn(exe ?? process.execPath, args, {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const onData = (d: Buffer) => {
      out += d.toString();
      if (ready?.test(out)) {
        const elapsed = performance.now() - t;
        child.kill("SIGTERM");
        resolvePromise(elapsed);
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("error", reject);
    child.on("close", () => {
      if (!ready) resolvePromise(performance.now() - t);
      else if (!ready.test(out)) reject(new Error(`start did not get ready:\n${out}`));
    });
  });
}
