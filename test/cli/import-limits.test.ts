import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConfigError, DEFAULT_IMPORT_LIMITS, loadConfig } from "../../src/config.ts";
import { cliDatabase, tierkeeper } from "../helpers/cli.ts";

describe("import limits in the environment", () => {
  it("default to 50 MB and 1,000,000 rows, and are read as whole megabytes and rows", () => {
    expect(DEFAULT_IMPORT_LIMITS).toEqual({ maxBytes: 50 * 1024 * 1024, maxRows: 1_000_000 });
    expect(loadConfig({}).imports).toEqual(DEFAULT_IMPORT_LIMITS);
    expect(loadConfig({ TIERKEEPER_IMPORT_MAX_MB: " 10 ", TIERKEEPER_IMPORT_MAX_ROWS: "2500" }).imports).toEqual({
      maxBytes: 10 * 1024 * 1024,
      maxRows: 2500,
    });
  });

  it("refuse anything but a whole number from 1, naming the variable", () => {
    for (const [name, value] of [
      ["TIERKEEPER_IMPORT_MAX_MB", "0"],
      ["TIERKEEPER_IMPORT_MAX_MB", "1.5"],
      ["TIERKEEPER_IMPORT_MAX_MB", "50MB"],
      ["TIERKEEPER_IMPORT_MAX_MB", "99999999999"],
      ["TIERKEEPER_IMPORT_MAX_ROWS", "-1"],
      ["TIERKEEPER_IMPORT_MAX_ROWS", "1e6"],
      ["TIERKEEPER_IMPORT_MAX_ROWS", "1,000,000"],
    ] as const) {
      let error: unknown;
      try {
        loadConfig({ [name]: value });
      } catch (e) {
        error = e;
      }
      expect(error, `${name}=${value}`).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems, `${name}=${value}`).toEqual([
        expect.stringMatching(new RegExp(`^${name} must be a whole number of (megabytes|rows)`)),
      ]);
    }
  });
});

describe("tierkeeper import", { timeout: 120_000 }, () => {
  let db: { url: string; close(): Promise<void> };
  let dir: string;
  beforeAll(async () => {
    db = await cliDatabase();
    dir = mkdtempSync(join(tmpdir(), "tk-cli-limits-"));
  });
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("takes at most TIERKEEPER_IMPORT_MAX_ROWS rows: over it, nothing is imported and it says where the limit is set", async () => {
    const file = join(dir, "three.csv");
    writeFileSync(file, "Email\na@cli.example\nb@cli.example\nc@cli.example\n");
    const env = { DATABASE_URL: db.url, TIERKEEPER_NOW: "2026-05-15T14:00:00Z" };
    const over = await tierkeeper(["import", file], { ...env, TIERKEEPER_IMPORT_MAX_ROWS: "2" });
    expect(over.code).toBe(1);
    expect(over.stderr.trim()).toBe(
      "The file has more than 2 rows, the most one import takes: split it into files of at most 2 rows and import each one. Nothing was imported. TIERKEEPER_IMPORT_MAX_ROWS sets the limit.",
    );
    const at = await tierkeeper(["import", file], { ...env, TIERKEEPER_IMPORT_MAX_ROWS: "3" });
    expect(at.code).toBe(0);
    expect(at.stdout).toMatch(/3 rows — 3 created/);
  });
});
