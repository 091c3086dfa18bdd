import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { type ExtractTablesWithRelations, type SQL, sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { lockDataDir } from "./data-dir-lock.ts";
import { isMultiHost, primaryFinder, urlForHost, urlHosts } from "./primary.ts";
import { PrivateNodeFS, privateDirectory, restrictTree } from "./private-files.ts";
import { resilientSql } from "./resilient.ts";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything queries can run on: the database or a transaction. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  driver: "pglite" | "postgres";
  close(): Promise<void>;
}

/** Seconds a new Postgres connection may take (TCP and startup) before it counts as failed. */
const CONNECT_TIMEOUT_SECONDS = 3;

/**
 * Seconds before a pool connection tries again after failing to connect: 50 ms doubling to 1 s.
 * postgres-js's default grows to 20 s and counts failures for the whole pool, so after an outage
 * of a few seconds a pool would wait up to 20 s more before trying the server that is back.
 */
const reconnectBackoff = (retries: number) => Math.min(0.05 * 2 ** retries, 1);

/**
 * postgres-js options for `url`: with several hosts (`postgres://h1:5432,h2:5433/db`), each new
 * connection goes to whichever host is the writable primary then (src/db/primary.ts).
 */
function serverOptions(url: string): postgres.Options<Record<string, never>> {
  const base = {
    connect_timeout: CONNECT_TIMEOUT_SECONDS,
    backoff: reconnectBackoff,
    // No array-type lookup on each new connection: postgres-js 3.4.9 runs it without awaiting it, so a
    // connection lost meanwhile (a restart) is an unhandled rejection. drizzle reads arrays itself.
    fetch_types: false,
  };
  if (!isMultiHost(url)) return base;
  const finder = primaryFinder(url, { connectTimeoutSeconds: CONNECT_TIMEOUT_SECONDS });
  // postgres-js takes a socket factory (`socket`), which its types leave out.
  const socket = { socket: () => finder.socket() } as postgres.Options<Record<string, never>>;
  return { ...base, ...socket };
}

/**
 * The URL postgres-js is given: with several hosts, the first alone (the socket factory picks the
 * host; postgres-js's own host rotation would swallow connection errors) and without
 * target_session_attrs (the factory asks each host itself).
 */
function driverUrl(url: string): string {
  if (!isMultiHost(url)) return url;
  const [first] = urlHosts(url);
  return first ? urlForHost(url, first) : url;
}

export const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), "../../drizzle");

// Any constant shared by every tierkeeper process: two processes starting together migrate one at a time.
const MIGRATION_LOCK = 7_340_311;

/** `postgres://…` → postgres-js; `file:<dir>` → embedded PGlite in that directory; `memory:` → in-memory PGlite. */
export async function openDatabase(url: string, opts: { migrate?: boolean; max?: number } = {}): Promise<Database> {
  const migrate = opts.migrate ?? true;
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    if (migrate) await migrateServer(url);
    // A server restart or failover is survived in place: see src/db/resilient.ts.
    const client = resilientSql(() =>
      postgres(driverUrl(url), {
        ...serverOptions(url),
        max: opts.max ?? 10,
        onnotice: () => {},
        connection: { application_name: "tierkeeper" },
      }),
    );
    const db = drizzlePostgres(client.sql, { schema, casing: "snake_case" }) as unknown as Db;
    return { db, driver: "postgres", close: () => client.end({ timeout: 5 }) };
  }
  if (url === "memory:") {
    const client = new PGlite();
    const db = drizzlePglite(client, { schema, casing: "snake_case" }) as unknown as Db;
    if (migrate) await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER });
    return { db, driver: "pglite", close: () => client.close() };
  }
  if (!url.startsWith("file:")) throw new Error(`DATABASE_URL must be postgres://… or file:<dir>, not ${url}`);
  return openEmbedded(resolve(url.slice("file:".length)), migrate);
}

/**
 * The embedded database in `dataDir`: this process holds its lock until `close` (another opener gets
 * DatabaseInUse), and its directories are 0700 and files 0600, older databases' included.
 */
async function openEmbedded(dataDir: string, migrate: boolean): Promise<Database> {
  // A parent made here is private too (it holds the lock and service files); an existing one is the user's.
  mkdirSync(dirname(dataDir), { recursive: true, mode: 0o700 });
  const lock = await lockDataDir(dataDir);
  let client: PGlite | undefined;
  try {
    privateDirectory(dataDir);
    restrictTree(dataDir);
    client = new PGlite({ fs: new PrivateNodeFS(dataDir) });
    await client.waitReady;
    const db = drizzlePglite(client, { schema, casing: "snake_case" }) as unknown as Db;
    if (migrate) await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER });
    restrictTree(dataDir);
    const opened = client;
    return {
      db,
      driver: "pglite",
      close: async () => {
        try {
          await opened.close();
        } finally {
          lock.release();
        }
      },
    };
  } catch (e) {
    await client?.close().catch(() => {});
    lock.release();
    throw e;
  }
}

async function migrateServer(url: string): Promise<void> {
  const client = postgres(driverUrl(url), { ...serverOptions(url), max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
    try {
      await migratePostgres(drizzlePostgres(client), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await client`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    }
  } finally {
    await client.end({ timeout: 5 });
  }
}

/**
 * Applies the migrations not yet applied to an already open database and names its driver: what
 * `tierkeeper migrate` does inside a running service, which holds the embedded database. A Postgres
 * database got them when it was opened (openDatabase, under the advisory lock).
 */
export async function applyMigrations(db: Db): Promise<Database["driver"]> {
  const client = (db as unknown as { $client: unknown }).$client;
  if (!(client instanceof PGlite)) return "postgres";
  await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER });
  return "pglite";
}

/** Rows of a raw statement, whichever driver ran it (postgres-js returns an array, PGlite `{ rows }`). */
export async function rowsOf<T>(ex: Executor, query: SQL): Promise<T[]> {
  const result = (await ex.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

/** An instant as a SQL parameter that both drivers bind the same way (postgres-js cannot bind a raw Date in `sql`). */
export function timestamptz(d: Date | null): SQL {
  return d === null ? sql`null::timestamptz` : sql`${d.toISOString()}::timestamptz`;
}

/** Bytes handed to one PGlite `COPY … FROM '/dev/blob'` (PGlite takes a whole blob per statement). */
const PGLITE_COPY_CHUNK_BYTES = 1024 * 1024;

/**
 * Streams rows in COPY text format, UTF-8 encoded (tab-separated, `\N` for null, one row per line; see
 * `copyField`) into `table (columns)` with `COPY … FROM STDIN`, whichever driver `db` runs on. Runs
 * outside any transaction. `table` and `columns` are identifiers the caller built, never user input.
 * Memory stays flat: postgres-js streams with backpressure, PGlite gets one bounded blob at a time.
 */
export async function copyInto(
  db: Db,
  table: string,
  columns: string[],
  source: AsyncIterable<Uint8Array>,
): Promise<void> {
  const target = `${table} (${columns.join(", ")})`;
  const client = (db as unknown as { $client: unknown }).$client;
  if (client instanceof PGlite) {
    let parts: Uint8Array[] = [];
    let size = 0;
    const send = async () => {
      if (size === 0) return;
      const blob = new Blob(parts);
      parts = [];
      size = 0;
      await client.query(`COPY ${target} FROM '/dev/blob'`, [], { blob });
    };
    for await (const bytes of source) {
      parts.push(bytes);
      size += bytes.length;
      if (size >= PGLITE_COPY_CHUNK_BYTES) await send();
    }
    await send();
    return;
  }
  const pg = client as postgres.Sql;
  const writable = await pg.unsafe(`COPY ${target} FROM STDIN`).writable();
  await pipeline(Readable.from(source, { objectMode: false }), writable);
}

const COPY_SPECIAL = /[\\\t\n\r]/;

/** One value in COPY text format: `\N` for null, and backslash, tab and line breaks escaped. */
export function copyField(value: string | null): string {
  if (value === null) return "\\N";
  if (!COPY_SPECIAL.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}
