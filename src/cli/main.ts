import { loadConfig } from "../config.ts";
import { exitCodeFor, terminalContext } from "./context.ts";
import { FORWARDED_COMMANDS, forward, runningService } from "./control.ts";
import { runProgram } from "./program.ts";

const argv = process.argv.slice(2);
const ctx = terminalContext();

try {
  process.exitCode = (await forwardToRunningService(argv)) ?? (await runProgram(argv, ctx));
} catch (e) {
  process.exitCode = exitCodeFor(e, ctx.io);
}

/**
 * The embedded database can be open in one process only: while `tierkeeper start` holds it, the
 * command runs inside that service (same code, its open database) and its output is printed here.
 */
async function forwardToRunningService(args: string[]): Promise<number | null> {
  const command = args.find((a) => !a.startsWith("-"));
  if (!command || !FORWARDED_COMMANDS.has(command)) return null;
  const service = runningService(loadConfig().databaseUrl);
  if (!service) return null;
  const result = await forward(service, args);
  if (!result) return null;
  if (result.stdout) process.stdout.write(result.stdout);
  if (result.stderr) process.stderr.write(result.stderr);
  return result.code;
}
