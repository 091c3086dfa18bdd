import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.ts";
import { accounts, contacts } from "../../src/db/schema.ts";
import { freshDatabase } from "../helpers/db.ts";

let database: Database;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(async () => {
  await database?.close();
});

async function counts(accountId: number) {
  const [a] = await database.db
    .select({ m: accounts.marketingCount, p: accounts.pendingCount, t: accounts.totalCount })
    .from(accounts)
    .where(eq(accounts.id, accountId));
  return a;
}

describe("account counters", () => {
  it("follow inserts, updates, upserts and deletes without scanning contacts", async () => {
    const [a] = await database.db
      .insert(accounts)
      .values({ teamId: "T1", contractStart: "2026-01-15", tierLimit: 2000 })
      .returning();
    const id = a!.id;
    await database.db.insert(contacts).values([
      { accountId: id, email: "a@x.com", marketing: true },
      { accountId: id, email: "b@x.com", marketing: true },
      { accountId: id, email: "c@x.com", marketing: false },
    ]);
    expect(await counts(id)).toEqual({ m: 2, p: 0, t: 3 });
    await database.db.update(contacts).set({ pendingSince: new Date() }).where(eq(contacts.email, "a@x.com"));
    expect(await counts(id)).toEqual({ m: 2, p: 1, t: 3 });
    await database.db
      .insert(contacts)
      .values([
        { accountId: id, email: "c@x.com", marketing: true },
        { accountId: id, email: "d@x.com", marketing: true },
      ])
      .onConflictDoUpdate({
        target: [contacts.accountId, contacts.email],
        set: { marketing: sql`excluded.marketing` },
      });
    expect(await counts(id)).toEqual({ m: 4, p: 1, t: 4 });
    await database.db.delete(contacts).where(eq(contacts.email, "a@x.com"));
    expect(await counts(id)).toEqual({ m: 3, p: 0, t: 3 });
  });

  it("refuses an email that is not lower-cased", async () => {
    const [a] = await database.db
      .insert(accounts)
      .values({ teamId: "T2", contractStart: "2026-01-15", tierLimit: 2000 })
      .returning();
    await expect(database.db.insert(contacts).values({ accountId: a!.id, email: "A@x.com" })).rejects.toThrow();
  });
});
