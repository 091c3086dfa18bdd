// The embedded database can be open in one process only: PGlite ignores postmaster.pid, and two
// processes writing one data directory corrupt it. Whoever opens it holds an exclusive flock(2) on
// `<dir>.lock` for as long as it has it open; the kernel releases the lock when the process exits,
// however it dies (SIGKILL included), so a lock never goes stale the way a pid file does.
import { closeSync, constants, fchmodSync, fstatSync, ftruncateSync, openSync, readFileSync, writeSync } from "node:fs";

export interface DataDirLock {
  /** Lets other processes open the database (the lock file stays: removing it would race a waiting opener). */
  release(): void;
}

/** Another process has the embedded database open; the message is one sentence for the user. */
export class DatabaseInUse extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number | null,
  ) {
    super(
      `The embedded database in ${dataDir} is open in another tierkeeper process${pid ? ` (pid ${pid})` : ""}: wait for it to finish or stop it, or use a Postgres server (DATABASE_URL=postgres://…) to run several processes at once.`,
    );
    this.name = "DatabaseInUse";
  }
}

export function lockFilePath(dataDir: string): string {
  return `${dataDir}.lock`;
}

/** Takes the lock on `dataDir` or throws DatabaseInUse at once (never waits). */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const { flockSync } = await import("fs-ext");
  const path = lockFilePath(dataDir);
  // O_NOFOLLOW: a symbolic link planted at the lock path must not make us truncate its target.
  const fd = openSync(path, constants.O_RDWR | constants.O_CREAT | constants.O_NOFOLLOW, 0o600);
  try {
    if (!fstatSync(fd).isFile()) throw new Error(`${path} is not a regular file; remove it and try again.`);
    fchmodSync(fd, 0o600);
    try {
      flockSync(fd, "exnb");
    } catch (e) {
      if (isWouldBlock(e)) throw new DatabaseInUse(dataDir, holderPid(path));
      throw e;
    }
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  // For the message another process shows; the flock, not this number, is what excludes.
  ftruncateSync(fd, 0);
  writeSync(fd, `${process.pid}\n`, 0);
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      closeSync(fd);
    },
  };
}

function isWouldBlock(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException)?.code;
  return code === "EAGAIN" || code === "EWOULDBLOCK";
}

function holderPid(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, "utf8").trim(), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}
