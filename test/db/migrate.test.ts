import { sql } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { openDatabase, rowsOf } from "../../src/db/client.ts";
import { adminUrl, driver } from "../helpers/db.ts";

describe("migrations at start", () => {
  it.runIf(driver === "postgres")(
    "three processes starting together on one empty database migrate it once, without racing",
    async () => {
      const u = new URL(adminUrl());
      const name = `tk_migrate_${process.pid}_${Date.now()}`;
      const admin = postgres(u.toString(), { max: 1, onnotice: () => {} });
      await admin.unsafe(`create database "${name}"`);
      u.pathname = `/${name}`;
      try {
        const opened = await Promise.all([1, 2, 3].map(() => openDatabase(u.toString())));
        const [first] = opened;
        const applied = await rowsOf<{ n: number }>(
          first!.db,
          sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
        );
        const journal = (await import("../../drizzle/meta/_journal.json", { with: { type: "json" } })).default;
        expect(applied[0]?.n).toBe(journal.entries.length);
        const triggers = await rowsOf<{ n: number }>(
          first!.db,
          sql`select count(*)::int as n from pg_trigger where tgname like 'tk_status_count_%' or tgname = 'tk_contacts_status_ins'`,
        );
        expect(triggers[0]?.n).toBe(4);
        await Promise.all(opened.map((d) => d.close()));
      } finally {
        await admin.unsafe(`drop database if exists "${name}" with (force)`);
        await admin.end();
      }
    },
  );

  it("opening an already migrated database applies nothing twice", async () => {
    const { freshDatabase } = await import("../helpers/db.ts");
    const database = await freshDatabase();
    try {
      const before = await rowsOf<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
      );
      expect(before[0]?.n).toBeGreaterThan(0);
      if (driver === "postgres") {
        const again = await openDatabase(database.url);
        const after = await rowsOf<{ n: number }>(
          again.db,
          sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
        );
        expect(after[0]?.n).toBe(before[0]?.n);
        await again.close();
      }
    } finally {
      await database.close();
    }
  });
});
