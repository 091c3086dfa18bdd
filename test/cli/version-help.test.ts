// `--version` and `--help` answer from the command list alone: no database is opened for them.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { CliContext } from "../../src/cli/context.ts";
import { runProgram } from "../../src/cli/program.ts";

async function tierkeeper(...argv: string[]): Promise<{ code: number; out: string; opened: boolean }> {
  const out: string[] = [];
  let opened = false;
  const ctx: CliContext = {
    io: { out: (t) => out.push(t), err: (t) => out.push(t), isTTY: false },
    cwd: process.cwd(),
    withServices: () => {
      opened = true;
      throw new Error("no database for this");
    },
    setExitCode: () => {},
  };
  const code = await runProgram(argv, ctx);
  return { code, out: out.join("\n"), opened };
}

describe("tierkeeper --version and --help", () => {
  it("--version and -V print package.json's version and exit 0", async () => {
    const { version } = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../package.json"), "utf8")) as {
      version: string;
    };
    expect(await tierkeeper("--version")).toEqual({ code: 0, out: version, opened: false });
    expect(await tierkeeper("-V")).toEqual({ code: 0, out: version, opened: false });
  });

  it("--help lists every command and exits 0", async () => {
    const help = await tierkeeper("--help");
    expect(help.code).toBe(0);
    expect(help.opened).toBe(false);
    for (const command of ["start", "run", "jobs", "import", "migrate", "admin", "demo", "setup"]) {
      expect(help.out).toMatch(new RegExp(`^  ${command}\\b`, "m"));
    }
  });
});
