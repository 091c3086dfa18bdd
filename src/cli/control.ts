// The embedded PGlite database can be open in one process only. While `tierkeeper start` holds it,
// CLI commands (run, demo, jobs, import, admin, migrate, setup) are sent to the running service over
// loopback and run there, on its open database, with the same code; their output comes back to the
// terminal.
import { randomBytes, timingSafeEqual } from "node:crypto";
import { chmodSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { type IncomingMessage, request, type ServerResponse } from "node:http";
import { resolve } from "node:path";
import { z } from "zod";
import type { Services } from "../services/context.ts";
import { type CliContext, exitCodeFor } from "./context.ts";

const CONTROL_PATH = "/internal/cli";
export const FORWARDED_COMMANDS = new Set(["run", "jobs", "demo", "import", "admin", "migrate", "setup"]);

const serviceFileSchema = z.object({ pid: z.number().int(), port: z.number().int(), token: z.string().min(32) });
type ServiceFile = z.infer<typeof serviceFileSchema>;

/** `file:<dir>` → `<dir>.service.json`; nothing for a Postgres server (every process can connect to it). */
export function serviceFilePath(databaseUrl: string): string | null {
  if (!databaseUrl.startsWith("file:")) return null;
  return `${resolve(databaseUrl.slice("file:".length))}.service.json`;
}

export function newControlToken(): string {
  return randomBytes(32).toString("hex");
}

/** Written by `start` once it listens; removed when it stops. Readable by the owner only (it holds a secret). */
export function writeServiceFile(databaseUrl: string, port: number, token: string): (() => void) | null {
  const path = serviceFilePath(databaseUrl);
  if (!path) return null;
  writeFileSync(path, JSON.stringify({ pid: process.pid, port, token } satisfies ServiceFile), { mode: 0o600 });
  chmodSync(path, 0o600);
  return () => rmSync(path, { force: true });
}

/** The running service that holds this embedded database, if any (a stale file of a dead process is ignored). */
export function runningService(databaseUrl: string): ServiceFile | null {
  const path = serviceFilePath(databaseUrl);
  if (!path) return null;
  let parsed: ServiceFile;
  try {
    parsed = serviceFileSchema.parse(JSON.parse(readFileSync(path, "utf8")));
  } catch {
    return null;
  }
  try {
    process.kill(parsed.pid, 0);
  } catch {
    return null;
  }
  return parsed.pid === process.pid ? null : parsed;
}

const requestSchema = z.object({ argv: z.array(z.string()).max(1000), cwd: z.string() });

const controlResultSchema = z.object({ stdout: z.string(), stderr: z.string(), code: z.number().int() });
type ControlResult = z.infer<typeof controlResultSchema>;

/**
 * The route the service serves for forwarded commands: loopback only, and only with the token of
 * its service file. `run` builds the program with a buffered CliContext over the service's own `svc`.
 */
export function controlRoute(
  svc: Services,
  token: string,
  run: (argv: string[], ctx: CliContext) => Promise<number>,
): { path: string; method: "POST"; handler: (req: IncomingMessage, res: ServerResponse) => Promise<void> } {
  const expected = Buffer.from(token);
  return {
    path: CONTROL_PATH,
    method: "POST",
    handler: async (req, res) => {
      const remote = req.socket.remoteAddress ?? "";
      const given = Buffer.from(String(req.headers["x-tierkeeper-token"] ?? ""));
      const loopback = remote === "127.0.0.1" || remote === "::1" || remote === "::ffff:127.0.0.1";
      if (!loopback || given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.writeHead(403, { "content-type": "application/json" }).end(JSON.stringify({ error: "forbidden" }));
        return;
      }
      // A forwarded command (a large import) takes as long as it takes here; the CLI waits for it.
      req.setTimeout(0);
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const body = requestSchema.safeParse(safeJson(Buffer.concat(chunks).toString("utf8")));
      if (!body.success) {
        res.writeHead(400, { "content-type": "application/json" }).end(JSON.stringify({ error: "bad request" }));
        return;
      }
      let stdout = "";
      let stderr = "";
      let code = 0;
      const ctx: CliContext = {
        io: {
          out: (t) => {
            stdout += `${t}\n`;
          },
          err: (t) => {
            stderr += `${t}\n`;
          },
          isTTY: false,
        },
        cwd: body.data.cwd,
        withServices: (fn) => fn(svc),
        setExitCode: (c) => {
          code = c;
        },
      };
      try {
        code = await run(body.data.argv, ctx);
      } catch (e) {
        code = exitCodeFor(e, ctx.io);
      }
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(JSON.stringify({ stdout, stderr, code } satisfies ControlResult));
    },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/**
 * What became of a forwarded command. `mayHaveRun` when the service got it but its answer was lost
 * (a server error, a broken connection): running it again could run it twice. Otherwise (connection
 * refused, a 4xx) it certainly did not run there.
 */
export type ForwardOutcome =
  | { answered: true; result: ControlResult }
  | { answered: false; mayHaveRun: boolean; reason: string };

/**
 * Sends a CLI command to the running service and waits for its answer however long the command
 * takes (a large import runs for minutes): no deadline, as when the command runs here; a service
 * that dies closes the connection, and that is reported.
 */
export function forward(service: ServiceFile, argv: string[]): Promise<ForwardOutcome> {
  const body = JSON.stringify({ argv, cwd: process.cwd() });
  return new Promise((resolve) => {
    const fail = (mayHaveRun: boolean, reason: string) => resolve({ answered: false, mayHaveRun, reason });
    const req = request(
      {
        host: "127.0.0.1",
        port: service.port,
        path: CONTROL_PATH,
        method: "POST",
        headers: {
          "content-type": "application/json",
          "content-length": Buffer.byteLength(body),
          "x-tierkeeper-token": service.token,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("error", (e) => fail(true, `the connection broke before the answer (${e.message})`));
        res.on("close", () => {
          const status = res.statusCode ?? 0;
          if (!res.complete) return fail(true, "the connection closed before the answer");
          if (status !== 200) return fail(status >= 500, `it answered HTTP ${status}`);
          const result = controlResultSchema.safeParse(safeJson(Buffer.concat(chunks).toString("utf8")));
          if (!result.success) return fail(true, "its answer was not a command result");
          resolve({ answered: true, result: result.data });
        });
      },
    );
    req.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "ECONNREFUSED") fail(false, `nothing listens on port ${service.port}`);
      else fail(true, `the connection broke (${e.message})`);
    });
    req.end(body);
  });
}
