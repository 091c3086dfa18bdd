import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
// Each driver is imported when a database of its kind is opened: a Postgres process never loads
// PGlite (its wasm is large), and an embedded one never loads postgres-js.
import type { PGlite } from "@electric-sql/pglite";
import { type ExtractTablesWithRelations, type SQL, sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type postgres from "postgres";
import { lockDataDir } from "./data-dir-lock.ts";
import { copyTemplate, TEMPLATE_DIR, templateKey } from "./embedded-template.ts";
import * as schema from "./schema.ts";

type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything queries can run on: the database or a transaction. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  /**
   * Connections of their own for the writes a Slack ack waits for (a Postgres server: two, so an
   * ack never queues behind work holding every connection of `db`); the embedded database: `db`.
   */
  receiveDb: Db;
  driver: "pglite" | "postgres";
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = resolve(dirname(fileURLToPath(import.meta.url)), "../../drizzle");

// Any constant shared by every tierkeeper process: two processes starting together migrate one at a time.
const MIGRATION_LOCK = 7_340_311;

/**
 * `postgres://…` → postgres-js; `file:<dir>` → embedded PGlite in that directory; `memory:` → in-memory
 * PGlite. A new `file:` database starts from `template` (default: the build's; null: none) when it can.
 */
export async function openDatabase(
  url: string,
  opts: { migrate?: boolean; max?: number; template?: string | null } = {},
): Promise<Database> {
  const migrate = opts.migrate ?? true;
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
    const { postgres, drizzlePostgres, resilientSql, serverOptions, driverUrl } = await postgresDriver();
    // A server restart or failover is survived in place: see src/db/resilient.ts.
    const pool = (max: number) =>
      resilientSql(() =>
        postgres(driverUrl(url), {
          ...serverOptions(url),
          max,
          onnotice: () => {},
          connection: { application_name: "tierkeeper" },
        }),
      );
    const client = pool(opts.max ?? 10);
    try {
      // Most opens find every migration applied: one query says so, without the lock and its connection.
      if (migrate && !(await hasEveryMigration((q) => client.sql.unsafe(q)))) await migrateServer(url);
    } catch (e) {
      await client.end({ timeout: 5 });
      throw e;
    }
    // Opened lazily by postgres-js: no connection until the first Slack request is written down.
    const receiver = pool(2);
    const asDb = (c: typeof client) => drizzlePostgres(c.sql, { schema, casing: "snake_case" }) as unknown as Db;
    return {
      db: asDb(client),
      receiveDb: asDb(receiver),
      driver: "postgres",
      close: async () => {
        await Promise.all([client.end({ timeout: 5 }), receiver.end({ timeout: 5 })]);
      },
    };
  }
  if (url === "memory:") {
    const { PGlite, drizzlePglite, migratePglite } = await pgliteDriver();
    const client = new PGlite();
    const db = drizzlePglite(client, { schema, casing: "snake_case" }) as unknown as Db;
    if (migrate) await migratePglite(drizzlePglite(client), { migrationsFolder: MIGRATIONS_FOLDER });
    return { db, receiveDb: db, driver: "pglite", close: () => client.close() };
  }
  if (!url.startsWith("file:")) throw new Error(`DATABASE_URL must be postgres://… or file:<dir>, not ${url}`);
  return openEmbedded(
    resolve(url.slice("file:".length)),
    migrate,
    opts.template === undefined ? TEMPLATE_DIR : opts.template,
  );
}

/**
 * The embedded database in `dataDir`: this process holds its lock until `close` (another opener gets
 * DatabaseInUse), and its directories are 0700 and files 0600, older databases' included.
 */
async function openEmbedded(dataDir: string, migrate: boolean, template: string | null): Promise<Database> {
  // A parent made here is private too (it holds the lock and service files); an existing one is the user's.
  mkdirSync(dirname(dataDir), { recursive: true, mode: 0o700 });
  const lock = await lockDataDir(dataDir);
  let client: PGlite | undefined;
  try {
    const [{ PGlite, drizzlePglite, migratePglite }, { PrivateNodeFS, privateDirectory, restrictTree }] =
      await Promise.all([pgliteDriver(), import("./private-files.ts")]);
    // A migrated template only stands in for a database that is to be migrated.
    if (migrate && template) copyTemplate(dataDir, templateKey(newestMigration()), template);
    privateDirectory(dataDir);
    restrictTree(dataDir);
    const opened = new PGlite({ fs: new PrivateNodeFS(dataDir) });
    client = opened;
    await opened.waitReady;
    const db = drizzlePglite(opened, { schema, casing: "snake_case" }) as unknown as Db;
    if (migrate && !(await hasEveryMigration(async (q) => (await opened.query(q)).rows))) {
      await migratePglite(drizzlePglite(opened), { migrationsFolder: MIGRATIONS_FOLDER });
    }
    restrictTree(dataDir);
    return {
      db,
      receiveDb: db,
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

async function postgresDriver() {
  const [
    { default: postgres },
    { drizzle: drizzlePostgres },
    { migrate: migratePostgres },
    { resilientSql },
    { serverOptions, driverUrl },
  ] = await Promise.all([
    import("postgres"),
    import("drizzle-orm/postgres-js"),
    import("drizzle-orm/postgres-js/migrator"),
    import("./resilient.ts"),
    import("./server-options.ts"),
  ]);
  return { postgres, drizzlePostgres, migratePostgres, resilientSql, serverOptions, driverUrl };
}

async function pgliteDriver() {
  const [{ PGlite }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
    import("drizzle-orm/pglite/migrator"),
  ]);
  return { PGlite, drizzlePglite, migratePglite };
}

/** The PGlite instance under `db`, or null for postgres-js (a function, where PGlite's client is an object). */
function pgliteClientOf(db: Db): PGlite | null {
  const client = (db as unknown as { $client: unknown }).$client;
  return typeof client === "object" && client !== null && "waitReady" in client ? (client as PGlite) : null;
}

/**
 * Whether the database has every migration of drizzle/. Drizzle's migrator applies the migrations
 * newer (by their journal's `when`) than the newest it recorded in `drizzle.__drizzle_migrations`,
 * so when none is newer it has nothing to do.
 */
async function hasEveryMigration(query: (sql: string) => Promise<unknown[]>): Promise<boolean> {
  const newest = newestMigration();
  try {
    const [last] = (await query(
      "select created_at from drizzle.__drizzle_migrations order by created_at desc limit 1",
    )) as { created_at: string | number }[];
    return last !== undefined && Number(last.created_at) >= newest;
  } catch (e) {
    // A new database: no schema (3F000) or no table (42P01) yet.
    if (["3F000", "42P01"].includes((e as { code?: string }).code ?? "")) return false;
    throw e;
  }
}

/** The newest migration of drizzle/: its journal's `when`, which drizzle records as `created_at`. */
export function newestMigration(): number {
  const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as {
    entries: { when: number }[];
  };
  return Math.max(...journal.entries.map((e) => e.when));
}

async function migrateServer(url: string): Promise<void> {
  const { postgres, drizzlePostgres, migratePostgres, serverOptions, driverUrl } = await postgresDriver();
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
  const client = pgliteClientOf(db);
  if (!client) return "postgres";
  const { drizzlePglite, migratePglite } = await pgliteDriver();
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
  const client = pgliteClientOf(db);
  if (client) {
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
  const pg = (db as unknown as { $client: postgres.Sql }).$client;
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
