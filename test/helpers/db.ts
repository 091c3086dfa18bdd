import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { type Database, openDatabase } from "../../src/db/client.ts";

export const driver = (process.env.TK_TEST_DRIVER ?? "pglite") as "pglite" | "postgres";

/** A fresh, migrated database for one test file: in-memory PGlite, or a new database on the test server. */
export async function freshDatabase(): Promise<Database & { url: string }> {
  if (driver === "pglite") {
    const database = await openDatabase("memory:");
    return { ...database, url: "memory:" };
  }
  const url = freshPostgresUrl();
  const name = new URL(url).pathname.slice(1);
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const database = await openDatabase(url);
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      const a = postgres(adminUrl(), { max: 1, onnotice: () => {} });
      await a.unsafe(`drop database if exists "${name}" with (force)`);
      await a.end();
    },
  };
}

export function adminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set; the postgres test project needs it");
  return url;
}

function freshPostgresUrl(): string {
  const u = new URL(adminUrl());
  u.pathname = `/tk_test_${process.pid}_${randomBytes(4).toString("hex")}`;
  return u.toString();
}
