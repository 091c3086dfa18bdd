import { Command, CommanderError, Option } from "commander";
import { ConfigError, loadConfig } from "../config.ts";
import { Refusal } from "../services/context.ts";
import { registerCommands } from "./commands.ts";

const program = new Command()
  .name("tierkeeper")
  .description("Keeps your marketing contacts inside the contact tier you pay for.")
  .showHelpAfterError("(run `tierkeeper --help` for usage)")
  .exitOverride();

registerCommands(program);
void Option;

try {
  await program.parseAsync(process.argv);
} catch (e) {
  process.exitCode = exitCodeFor(e);
}

function exitCodeFor(e: unknown): number {
  if (e instanceof CommanderError) {
    // --help and --version are not errors; any other CLI mistake is exit 2 (SPEC §4).
    if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.exitCode === 0) return 0;
    return 2;
  }
  if (e instanceof ConfigError) {
    console.error(e.message);
    return 1;
  }
  if (e instanceof Refusal) {
    console.error(e.message);
    return 1;
  }
  const err = e as Error;
  console.error(`tierkeeper stopped on an unexpected error: ${err?.message ?? String(e)}`);
  if (process.env.LOG_LEVEL === "debug" || process.env.LOG_LEVEL === "trace") console.error(err?.stack);
  return 1;
}

export { loadConfig };
