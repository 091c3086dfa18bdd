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
    const setStatus = (email: string, set: { marketing?: boolean; pendingSince?: Date | null }) =>
      database.db.execute(
        sql`update contact_status s set marketing = coalesce(${set.marketing ?? null}::boolean, s.marketing),
              pending_since = ${set.pendingSince === undefined ? sql`s.pending_since` : sql`${set.pendingSince?.toISOString() ?? null}::timestamptz`}
            from contacts c where c.id = s.contact_id and c.email = ${email}`,
      );
    // Every new contact gets its status row (non-marketing) in the same statement.
    await database.db.insert(contacts).values([
      { accountId: id, email: "a@x.com" },
      { accountId: id, email: "b@x.com" },
      { accountId: id, email: "c@x.com" },
    ]);
    expect(await counts(id)).toEqual({ m: 0, p: 0, t: 3 });
    await setStatus("a@x.com", { marketing: true });
    await setStatus("b@x.com", { marketing: true });
    expect(await counts(id)).toEqual({ m: 2, p: 0, t: 3 });
    await setStatus("a@x.com", { pendingSince: new Date() });
    expect(await counts(id)).toEqual({ m: 2, p: 1, t: 3 });
    // An upsert that changes fields only leaves the counts alone; a new contact adds to the total.
    await database.db
      .insert(contacts)
      .values([
        { accountId: id, email: "c@x.com", firstName: "C" },
        { accountId: id, email: "d@x.com" },
      ])
      .onConflictDoUpdate({
        target: [contacts.accountId, contacts.email],
        set: { firstName: sql`excluded.first_name` },
      });
    expect(await counts(id)).toEqual({ m: 2, p: 1, t: 4 });
    await setStatus("c@x.com", { marketing: true });
    await setStatus("d@x.com", { marketing: true });
    expect(await counts(id)).toEqual({ m: 4, p: 1, t: 4 });
    // Deleting a contact deletes its status (cascade), and the counts follow.
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
