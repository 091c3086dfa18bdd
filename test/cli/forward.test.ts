import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serviceFilePath } from "../../src/cli/control.ts";
import { cliDatabase, tierkeeper } from "../helpers/cli.ts";
import { driver } from "../helpers/db.ts";

const BIN = resolve(import.meta.dirname, "../../bin/tierkeeper.js");

// The embedded database can be open in one process only; while `start` runs, CLI commands from
// another terminal go to the running service. Postgres needs none of this (every process connects).
describe.runIf(driver === "pglite")(
  "the CLI while `tierkeeper start` holds the embedded database",
  { timeout: 180_000 },
  () => {
    let db: { url: string; close(): Promise<void> };
    let service: ChildProcess;
    let output = "";
    const env = () => ({ DATABASE_URL: db.url, TIERKEEPER_NOW: "2026-05-15T14:00:00Z" });

    beforeAll(async () => {
      db = await cliDatabase();
      service = spawn(process.execPath, [BIN, "start"], {
        env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env(), PORT: "0", LOG_LEVEL: "warn" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      service.stdout?.on("data", (d) => {
        output += d;
      });
      service.stderr?.on("data", (d) => {
        output += d;
      });
      const until = Date.now() + 120_000;
      while (!/tierkeeper ready/.test(output) || !existsSync(serviceFilePath(db.url) ?? "")) {
        if (Date.now() > until) throw new Error(`start did not get ready:\n${output}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }, 150_000);

    const stopService = async () => {
      if (!service || service.exitCode !== null || service.signalCode !== null) return;
      const closed = new Promise((r) => service.once("close", r));
      service.kill("SIGTERM");
      await closed;
    };

    afterAll(async () => {
      await stopService();
      await db?.close();
    });

    it("says where the intake API listens: this machine only, unless HOST says otherwise", () => {
      expect(output).toMatch(
        /intake API at http:\/\/127\.0\.0\.1:\d+\/api\/contacts \(this machine only; set HOST=0\.0\.0\.0 to serve other machines\)/,
      );
    });

    it("runs demo, run and jobs through the service, with their output and exit codes", async () => {
      const demo = await tierkeeper(["demo"], env());
      expect(demo.code).toBe(0);
      expect(demo.stdout).toMatch(/Seeded "Demo company"/);
      const tier = await tierkeeper(["run", "tier", "--user", "U1", "--json"], env());
      expect(tier.code).toBe(0);
      expect(JSON.parse(tier.stdout).data).toMatchObject({ marketingCount: 5402, tierLimit: 7000 });
      const bad = await tierkeeper(["run", "status nobody@example.com", "--user", "U1"], env());
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/No contact with the email nobody@example.com/);
      const jobs = await tierkeeper(["jobs"], env());
      expect(jobs.code).toBe(0);
      expect(jobs.stdout.trim().length).toBeGreaterThan(0);
      const malformed = await tierkeeper(["run", "tier"], env());
      expect(malformed.code).toBe(2);
      expect(malformed.stderr).toMatch(/--user/);
    });

    it("refuses a second start on the same database with a clear sentence", async () => {
      const second = await tierkeeper(["start"], { ...env(), PORT: "0" });
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/already running on this embedded database/);
    });

    it("removes its service file when it stops, so later commands open the database themselves", async () => {
      await stopService();
      expect(existsSync(serviceFilePath(db.url) ?? "")).toBe(false);
      const tier = await tierkeeper(["run", "tier", "--user", "U1", "--json"], env());
      expect(tier.code).toBe(0);
      expect(JSON.parse(tier.stdout).data.marketingCount).toBe(5402);
    });
  },
);
