import { CommanderError } from "commander";
import { ConfigError } from "../config-error.ts";
import { DatabaseInUse } from "../db/data-dir-lock.ts";
import { Refusal, type Services } from "../services/context.ts";

/** Where a CLI command writes: the terminal, or a buffer when a running service runs it for the CLI. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  isTTY: boolean;
}

/** What a CLI command runs with; the same commands run in a terminal and inside `tierkeeper start`. */
export interface CliContext {
  io: CliIO;
  /** The caller's working directory, for relative paths (import). */
  cwd: string;
  withServices<T>(fn: (svc: Services) => Promise<T>): Promise<T>;
  setExitCode(code: number): void;
  /** Runs a whole command line (the service runs the commands other terminals forward to it); set by runProgram. */
  runProgram?: (argv: string[], ctx: CliContext) => Promise<number>;
}

const consoleIO: CliIO = {
  out: (t) => console.log(t),
  err: (t) => console.error(t),
  isTTY: Boolean(process.stdout.isTTY),
};

/** A terminal context: each command boots its own services (applying migrations) and closes them. */
export function terminalContext(): CliContext {
  return {
    io: consoleIO,
    cwd: process.cwd(),
    async withServices(fn) {
      // The database and the services load with the first command that needs them, not with --help.
      const [{ boot }, { loadConfig }] = await Promise.all([import("../app/boot.ts"), import("../config.ts")]);
      const { svc, database } = await boot(loadConfig());
      try {
        return await fn(svc);
      } finally {
        await database.close();
      }
    },
    setExitCode(code) {
      process.exitCode = code;
    },
  };
}

/** SPEC §4: 0 done, 1 refused or invalid (one clear sentence, no stack trace), 2 a malformed CLI call. */
export function exitCodeFor(e: unknown, io: CliIO): number {
  if (e instanceof CommanderError) {
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.exitCode === 0) return 0;
    return 2;
  }
  if (e instanceof ConfigError || e instanceof Refusal || e instanceof DatabaseInUse) {
    io.err(e.message);
    return 1;
  }
  const err = e as Error;
  io.err(`tierkeeper stopped on an unexpected error: ${err?.message ?? String(e)}`);
  if (process.env.LOG_LEVEL === "debug" || process.env.LOG_LEVEL === "trace") io.err(String(err?.stack));
  return 1;
}
