// The status split (drizzle/0008) moves existing data: every contact's status, pending flag and
// the counters come through, and the counters keep following changes afterwards.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS_FOLDER } from "../../src/db/client.ts";
import { adminUrl, driver } from "../helpers/db.ts";

/** The migrations folder as it was before the status split: every entry up to `tag`. */
function foldersUpTo(tag: string): string {
  const dir = mkdtempSync(join(tmpdir(), "tk-migrations-"));
  cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalPath = join(dir, "meta", "_journal.json");
  const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
  const upTo = journal.entries.findIndex((e) => e.tag === tag);
  journal.entries = journal.entries.slice(0, upTo + 1);
  writeFileSync(journalPath, JSON.stringify(journal));
  return dir;
}

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

type Exec = (q: ReturnType<typeof sql>) => Promise<Record<string, unknown>[]>;

async function database(): Promise<{ exec: Exec; migrateTo: (folder: string) => Promise<void> }> {
  if (driver === "pglite") {
    const client = new PGlite();
    const db = drizzlePglite(client);
    cleanups.push(() => client.close());
    return {
      exec: async (q) => (await db.execute(q)).rows as Record<string, unknown>[],
      migrateTo: (folder) => migratePglite(db, { migrationsFolder: folder }),
    };
  }
  const name = `tk_split_${process.pid}_${Date.now()}`;
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  const client = postgres(u.toString(), { max: 1, onnotice: () => {} });
  const db = drizzlePostgres(client);
  cleanups.push(async () => {
    await client.end();
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });
  return {
    exec: async (q) => (await db.execute(q)) as unknown as Record<string, unknown>[],
    migrateTo: (folder) => migratePostgres(db, { migrationsFolder: folder }),
  };
}

describe("moving the marketing status out of the contacts row", () => {
  it("keeps every contact's status and the counters, and the counters follow changes afterwards", async () => {
    const { exec, migrateTo } = await database();
    const before = foldersUpTo("0007_guard");
    try {
      await migrateTo(before);
      await exec(sql`insert into accounts (team_id, contract_start, tier_limit) values ('T1', '2026-01-15', 7000)`);
      // 3,000 contacts in the old layout: 2,000 marketing, 500 of them pending.
      await exec(sql`insert into contacts (account_id, email, marketing, pending_since)
        select 1, 'c' || i || '@x.io', i <= 2000, case when i <= 500 then timestamptz '2026-05-01T00:00:00Z' end
        from generate_series(1, 3000) i`);
      const old = await exec(sql`select marketing_count, pending_count, total_count from accounts where id = 1`);
      expect(old[0]).toEqual({ marketing_count: 2000, pending_count: 500, total_count: 3000 });
    } finally {
      rmSync(before, { recursive: true, force: true });
    }
    await migrateTo(MIGRATIONS_FOLDER);
    const moved = await exec(sql`select count(*)::int as n,
        count(*) filter (where s.marketing)::int as m, count(*) filter (where s.pending_since is not null)::int as p
      from contacts c join contact_status s on s.contact_id = c.id`);
    expect(moved[0]).toEqual({ n: 3000, m: 2000, p: 500 });
    const columns = await exec(
      sql`select column_name from information_schema.columns where table_name = 'contacts' and column_name in ('marketing', 'pending_since')`,
    );
    expect(columns).toEqual([]);
    const kept = await exec(sql`select marketing_count, pending_count, total_count from accounts where id = 1`);
    expect(kept[0]).toEqual({ marketing_count: 2000, pending_count: 500, total_count: 3000 });
    // The counters now follow contact_status: a rollover, a new contact, a deletion.
    await exec(sql`update contact_status set marketing = false, pending_since = null where pending_since is not null`);
    await exec(sql`insert into contacts (account_id, email) values (1, 'new@x.io')`);
    await exec(sql`delete from contacts where email = 'c2000@x.io'`);
    const after = await exec(sql`select marketing_count, pending_count, total_count from accounts where id = 1`);
    expect(after[0]).toEqual({ marketing_count: 1499, pending_count: 0, total_count: 3000 });
    const options = await exec(sql`select reloptions from pg_class where relname = 'contact_status'`);
    expect(String(options[0]?.reloptions)).toContain("fillfactor=50");
  }, 120_000); // migrates a fresh PGlite from scratch twice: slow on a loaded machine
});
