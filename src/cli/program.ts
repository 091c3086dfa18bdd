import { Command } from "commander";
import { registerCommands } from "./commands.ts";
import { type CliContext, exitCodeFor } from "./context.ts";
import { registerSetup } from "./setup.ts";
import { packageVersion } from "./version.ts";

/** Parses and runs one tierkeeper command line with the given context; returns the exit code (SPEC §4). */
export async function runProgram(argv: string[], ctx: CliContext): Promise<number> {
  let code = 0;
  const program = new Command()
    .name("tierkeeper")
    .description("Keeps your marketing contacts inside the contact tier you pay for.")
    .version(packageVersion())
    .showHelpAfterError("(run `tierkeeper --help` for usage)")
    .configureOutput({
      writeOut: (t) => ctx.io.out(t.replace(/\n$/, "")),
      writeErr: (t) => ctx.io.err(t.replace(/\n$/, "")),
    })
    .exitOverride();
  const withCode: CliContext = {
    ...ctx,
    runProgram,
    setExitCode: (c) => {
      code = c;
      ctx.setExitCode(c);
    },
  };
  registerCommands(program, withCode);
  registerSetup(program, withCode);
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    return exitCodeFor(e, ctx.io);
  }
  return code;
}
