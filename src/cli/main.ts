// Start-up stays small: `--help` and `--version` load the command list (commander) and nothing
// behind it, a command forwarded to the running service loads the config and the forwarder, and
// what a command needs (database, services, Slack, charts, prompts) is imported when it runs.
import { Refusal } from "../services/context.ts";
import { exitCodeFor, terminalContext } from "./context.ts";
import { withLocaleFromEnv } from "./locale.ts";
import { runProgram } from "./program.ts";

const argv = withLocaleFromEnv(process.argv.slice(2), process.env);
const ctx = terminalContext();

try {
  process.exitCode =
    (await promptedSetup(argv)) ?? (await forwardToRunningService(argv)) ?? (await runProgram(argv, ctx));
} catch (e) {
  process.exitCode = exitCodeFor(e, ctx.io);
}

/** `setup` in a terminal with no answer given as a flag: the questions, then the setup they make; null otherwise. */
async function promptedSetup(args: string[]): Promise<number | null> {
  if (args[0] !== "setup") return null;
  const [{ promptSetup, wantsPrompts }, { loadConfig }] = await Promise.all([
    import("./setup-prompts.ts"),
    import("../config.ts"),
  ]);
  if (!wantsPrompts(args, Boolean(process.stdin.isTTY && process.stdout.isTTY))) return null;
  return promptSetup(args, { io: ctx.io, run: runCaptured, now: () => loadConfig().fixedNow ?? new Date() });
}

/** Runs a command line where `tierkeeper` would (the running service, or here) and returns its output. */
async function runCaptured(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const [{ forward, runningService }, { loadConfig }] = await Promise.all([
    import("./control.ts"),
    import("../config.ts"),
  ]);
  const service = runningService(loadConfig().databaseUrl);
  if (service) {
    const outcome = await forward(service, args);
    if (outcome.answered) return outcome.result;
    if (outcome.mayHaveRun) {
      throw new Refusal(
        `tierkeeper is running (pid ${service.pid}) but did not answer: ${outcome.reason}; the command may have run there, so check before running it again.`,
      );
    }
  }
  let stdout = "";
  let stderr = "";
  const code = await runProgram(args, {
    ...ctx,
    io: {
      out: (t) => {
        stdout += `${t}\n`;
      },
      err: (t) => {
        stderr += `${t}\n`;
      },
      isTTY: false,
    },
    setExitCode: () => {},
  });
  return { code, stdout, stderr };
}

/**
 * The embedded database can be open in one process only: while `tierkeeper start` holds it, the
 * command runs inside that service (same code, its open database) and its output is printed here.
 * A command the service got but did not answer is reported, never run here as well (it could run
 * twice). One it certainly did not run (connection refused, a 4xx: a service file that outlived its
 * process) runs here, if this process gets the database's lock; while another holds it, it is refused.
 */
async function forwardToRunningService(args: string[]): Promise<number | null> {
  const command = args.find((a) => !a.startsWith("-"));
  if (!command) return null;
  const [{ FORWARDED_COMMANDS, forward, runningService }, { loadConfig }] = await Promise.all([
    import("./control.ts"),
    import("../config.ts"),
  ]);
  if (!FORWARDED_COMMANDS.has(command)) return null;
  const service = runningService(loadConfig().databaseUrl);
  if (!service) return null;
  const outcome = await forward(service, args);
  if (outcome.answered) {
    if (outcome.result.stdout) process.stdout.write(outcome.result.stdout);
    if (outcome.result.stderr) process.stderr.write(outcome.result.stderr);
    return outcome.result.code;
  }
  if (!outcome.mayHaveRun) return null;
  throw new Refusal(
    `tierkeeper is running (pid ${service.pid}) but did not answer: ${outcome.reason}; the command may have run there, so check before running it again.`,
  );
}
