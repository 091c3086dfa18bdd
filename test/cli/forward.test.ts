import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
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
        env: {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          ...env(),
          PORT: "0",
          LOG_LEVEL: "warn",
        },
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

    it("says where the HTTP API listens: this machine only, unless HOST says otherwise", () => {
      expect(output).toMatch(
        /HTTP API at http:\/\/127\.0\.0\.1:\d+\/api\/v1 \(reference: http:\/\/127\.0\.0\.1:\d+\/api\/v1\/reference\) \(this machine only; set HOST=0\.0\.0\.0 to serve other machines\)/,
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

    // The service's PGlite wrote it when it opened the database; any second PGlite opening the
    // directory rewrites it, and removes it when it closes.
    const postmasterPid = () => {
      const path = join(db.url.slice("file:".length), "postmaster.pid");
      return existsSync(path) ? `${statSync(path).mtimeMs} ${readFileSync(path, "utf8")}` : "missing";
    };

    it("runs migrate in the service, without opening its database a second time", async () => {
      const before = postmasterPid();
      expect(before).not.toBe("missing");
      const migrate = await tierkeeper(["migrate"], env());
      expect(migrate.code).toBe(0);
      expect(migrate.stdout).toMatch(/Migrations applied \(pglite\)/);
      expect(postmasterPid()).toBe(before);
    });

    /** Points the service file at `server` for the length of `fn`, keeping the service's pid and token. */
    async function withServiceFileOn(server: Server, fn: () => Promise<void>): Promise<void> {
      const path = serviceFilePath(db.url) ?? "";
      const real = readFileSync(path, "utf8");
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      const { port } = server.address() as AddressInfo;
      writeFileSync(path, JSON.stringify({ ...JSON.parse(real), port }), { mode: 0o600 });
      try {
        await fn();
      } finally {
        writeFileSync(path, real, { mode: 0o600 });
        await new Promise((r) => server.close(r));
      }
    }

    it("a service that answers HTTP 500 or drops the connection is reported, and the command does not run here as well", async () => {
      let drop = false;
      const failing = createServer((req, res) => {
        req.resume();
        if (drop) req.socket.destroy();
        else res.writeHead(500).end("boom");
      });
      const before = postmasterPid();
      await withServiceFileOn(failing, async () => {
        const r = await tierkeeper(["run", "tier", "--user", "U1"], env());
        expect(r.code).toBe(1);
        expect(r.stderr.trim()).toBe(
          `tierkeeper is running (pid ${service.pid}) but did not answer: it answered HTTP 500; the command may have run there, so check before running it again.`,
        );
        drop = true;
        const dropped = await tierkeeper(["demo", "--reset"], env());
        expect(dropped.code).toBe(1);
        expect(dropped.stderr).toMatch(
          new RegExp(`^tierkeeper is running \\(pid ${service.pid}\\) but did not answer: the connection broke`),
        );
      });
      expect(postmasterPid()).toBe(before);
    });

    it("a command a service file's port refused (or forbade) does not open the database the service holds", async () => {
      const inUse = new RegExp(
        `^The embedded database in .+ is open in another tierkeeper process \\(pid ${service.pid}\\): wait for it to finish or stop it`,
      );
      const before = postmasterPid();
      const forbidding = createServer((req, res) => {
        req.resume();
        res.writeHead(403).end();
      });
      await withServiceFileOn(forbidding, async () => {
        const r = await tierkeeper(["run", "tier", "--user", "U1"], env());
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(inUse);
        // Listening, then closed: a port nothing answers on.
        await new Promise((r) => forbidding.close(r));
        const refused = await tierkeeper(["admin", "grant", "U9"], env());
        expect(refused.code).toBe(1);
        expect(refused.stderr).toMatch(inUse);
      });
      expect(postmasterPid()).toBe(before);
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
