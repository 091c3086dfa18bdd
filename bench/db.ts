// The bench's own database handle: the drizzle database the services use (built exactly as
// src/db/client.ts `openDatabase` builds it), plus what only the bench needs: the raw driver for a
// `COPY` baseline, the URL a child process (`tierkeeper import`) can open, and, for PGlite,
// closing and reopening the data directory so that child can have it to itself.
import { createReadStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import postgres from "postgres";
import { type Database, MIGRATIONS_FOLDER, openDatabase } from "../src/db/client.ts";
import * as schema from "../src/db/schema.ts";

export interface BenchDatabase {
  kind: "pglite" | "postgres";
  /** DATABASE_URL for a child process. */
  url: string;
  /** The open database (replaced by `reopen`). */
  database: Database;
  /** `COPY` a CSV file (with a header line) into a table, on this database. */
  copyCsv(table: string, file: string): Promise<void>;
  /** `COPY (query) TO STDOUT` as CSV, read to the end and dropped: the bytes it produced. */
  copyOut(query: string): Promise<number>;
  /** Closes the database so another process can open it (PGlite: one process per data directory). */
  suspend(): Promise<void>;
  reopen(): Promise<void>;
  /** Closes and deletes the database. */
  drop(): Promise<void>;
}

export async function openBenchDatabase(kind: "pglite" | "postgres", serverUrl?: string): Promise<BenchDatabase> {
  return kind === "pglite" ? openPglite() : openPostgres(serverUrl ?? "");
}

async function openPglite(): Promise<BenchDatabase> {
  const dir = mkdtempSync(join(tmpdir(), "tk-bench-"));
  const dataDir = join(dir, "db");
  let client: PGlite;
  const open = async (): Promise<Database> => {
    // As openDatabase does for `file:<dir>`, keeping the PGlite instance for COPY.
    client = new PGlite(dataDir);
    const db = drizzlePglite(client, { schema, casing: "snake_case" }) as unknown as Database["db"];
    await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER });
    const c = client;
    return { db, receiveDb: db, driver: "pglite", close: () => c.close() };
  };
  const handle: BenchDatabase = {
    kind: "pglite",
    url: `file:${dataDir}`,
    database: await open(),
    async copyCsv(table, file) {
      const buffer = readFileSync(file);
      await client.query(`COPY ${table} FROM '/dev/blob' WITH (FORMAT csv, HEADER true)`, [], {
        blob: new Blob([buffer]),
      });
    },
    async copyOut(query) {
      const r = await client.query(`COPY (${query}) TO '/dev/blob' WITH (FORMAT csv)`);
      return r.blob?.size ?? 0;
    },
    suspend: () => handle.database.close(),
    async reopen() {
      handle.database = await open();
    },
    async drop() {
      await handle.database.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return handle;
}

async function openPostgres(serverUrl: string): Promise<BenchDatabase> {
  const u = new URL(serverUrl);
  const name = `tk_bench_${process.pid}_${Date.now()}`;
  const admin = postgres(u.toString(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  u.pathname = `/${name}`;
  const url = u.toString();
  const raw = postgres(url, { max: 1, onnotice: () => {} });
  const handle: BenchDatabase = {
    kind: "postgres",
    url,
    database: await openDatabase(url),
    async copyCsv(table, file) {
      const writable = await raw.unsafe(`copy ${table} from stdin with (format csv, header true)`).writable();
      await pipeline(createReadStream(file), writable);
    },
    async copyOut(query) {
      let bytes = 0;
      const readable = await raw.unsafe(`copy (${query}) to stdout with (format csv)`).readable();
      for await (const chunk of readable) bytes += (chunk as Buffer).length;
      return bytes;
    },
    // A server takes any number of clients: nothing to give up.
    suspend: async () => {},
    reopen: async () => {},
    async drop() {
      await handle.database.close().catch(() => {});
      await raw.end({ timeout: 5 });
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
  return handle;
}
