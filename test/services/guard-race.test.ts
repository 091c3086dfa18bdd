// A rule run counts the contacts it would change, then changes them. Contacts that come to match in
// between (a `list add` commits on another connection; it does not lock the account) must not slip
// past the direct-change limit or into an upgrade: the change counts and locks again in the same
// statement, and pauses the rule into a request when the count grew. Postgres only: PGlite has one
// connection, so nothing can commit in between.
import { sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "../../src/commands/run.ts";
import { rowsOf } from "../../src/db/client.ts";
import { runRules } from "../../src/services/rules/index.ts";
import { driver } from "../helpers/db.ts";
import { makeAccount, recount, seedContacts, type TestEnv, testEnv } from "../helpers/services.ts";

let env: TestEnv;
let url: string;
beforeAll(async () => {
  env = await testEnv("2026-05-15T14:00:00Z");
});
afterAll(async () => {
  await env?.close();
});

describe.skipIf(driver !== "postgres")("a rule run whose matches grow while it runs", () => {
  it("a rule that counted 5 contacts does not change 505 when a list add commits in between: it pauses into a request", async () => {
    const { accountId, member, admin } = await makeAccount(env, { tierLimit: 7000, directLimit: 10 });
    await seedContacts(env, accountId, 5, { prefix: "in" });
    await seedContacts(env, accountId, 500, { prefix: "out" });
    const run = (a: typeof admin, t: string) => runCommand(env.svc, { actor: a, timeZone: "UTC", text: t });
    await run(member, "list create VIP");
    await run(member, `list add VIP ${Array.from({ length: 5 }, (_, i) => `in0000${i + 1}@test.io`).join(" ")}`);
    const added = await run(admin, "rules add vip when list = VIP then marketing");
    expect(added.request).toBeUndefined();
    // The database name of this env: read it from the server.
    const [row] = await rowsOf<{ db: string }>(env.svc.db, sql`select current_database() as db`);
    const u = new URL(process.env.TEST_DATABASE_URL!);
    u.pathname = `/${row?.db}`;
    url = u.toString();
    const other = postgres(url, { max: 1, onnotice: () => {} });
    const dialect = new PgDialect();
    let fired = false;
    const realTx = env.svc.db.transaction.bind(env.svc.db);
    // biome-ignore lint/suspicious/noExplicitAny: test hook
    (env.svc.db as any).transaction = (cb: any, cfg?: any) =>
      // biome-ignore lint/suspicious/noExplicitAny: test hook
      realTx(async (tx: any) => {
        const exec = tx.execute.bind(tx);
        // biome-ignore lint/suspicious/noExplicitAny: test hook
        tx.execute = async (q: any) => {
          const r = await exec(q);
          const qq = dialect.sqlToQuery(q);
          const text = qq.sql;
          if (
            !fired &&
            /count\(\*\) filter \(where not/.test(text) &&
            /list_members/.test(text) &&
            qq.params.includes(accountId)
          ) {
            fired = true;
            // A member's `list add` of 500 contacts commits now, on another connection.
            await other.unsafe(
              `insert into list_members (list_id, contact_id)
               select l.id, c.id from lists l, contacts c
               where l.account_id = ${accountId} and l.name = 'VIP' and c.account_id = ${accountId} and c.email like 'out%'`,
            );
          }
          return r;
        };
        return cb(tx);
      }, cfg);
    const out = (await runRules(env.svc)).filter((r) => r.accountId === accountId);
    await other.end();
    // biome-ignore lint/suspicious/noExplicitAny: test hook
    (env.svc.db as any).transaction = realTx;
    expect(fired).toBe(true);
    expect((await recount(env, accountId)).m).toBe(0);
    expect(out[0]?.requests).toHaveLength(1);
    expect(out[0]?.requests[0]).toMatchObject({ count: 505, action: "marketing", status: "open" });
  });
  it("the same race into an upgrade pauses too, and the run goes on", async () => {
    const { accountId, member, admin } = await makeAccount(env, { tierLimit: 2000, directLimit: 10 });
    await seedContacts(env, accountId, 5, { prefix: "in" });
    await seedContacts(env, accountId, 1900, { prefix: "mk", marketing: true });
    await seedContacts(env, accountId, 500, { prefix: "out" });
    const run = (a: typeof admin, t: string) => runCommand(env.svc, { actor: a, timeZone: "UTC", text: t });
    await run(member, "list create VIP");
    await run(member, `list add VIP ${Array.from({ length: 5 }, (_, i) => `in0000${i + 1}@test.io`).join(" ")}`);
    const added = await run(admin, "rules add vip when list = VIP then marketing");
    expect(added.request).toBeUndefined();
    // The database name of this env: read it from the server.
    const [row] = await rowsOf<{ db: string }>(env.svc.db, sql`select current_database() as db`);
    const u = new URL(process.env.TEST_DATABASE_URL!);
    u.pathname = `/${row?.db}`;
    url = u.toString();
    const other = postgres(url, { max: 1, onnotice: () => {} });
    const dialect = new PgDialect();
    let fired = false;
    const realTx = env.svc.db.transaction.bind(env.svc.db);
    // biome-ignore lint/suspicious/noExplicitAny: test hook
    (env.svc.db as any).transaction = (cb: any, cfg?: any) =>
      // biome-ignore lint/suspicious/noExplicitAny: test hook
      realTx(async (tx: any) => {
        const exec = tx.execute.bind(tx);
        // biome-ignore lint/suspicious/noExplicitAny: test hook
        tx.execute = async (q: any) => {
          const r = await exec(q);
          const qq = dialect.sqlToQuery(q);
          const text = qq.sql;
          if (
            !fired &&
            /count\(\*\) filter \(where not/.test(text) &&
            /list_members/.test(text) &&
            qq.params.includes(accountId)
          ) {
            fired = true;
            // A member's `list add` of 500 contacts commits now, on another connection.
            await other.unsafe(
              `insert into list_members (list_id, contact_id)
               select l.id, c.id from lists l, contacts c
               where l.account_id = ${accountId} and l.name = 'VIP' and c.account_id = ${accountId} and c.email like 'out%'`,
            );
          }
          return r;
        };
        return cb(tx);
      }, cfg);
    const out = (await runRules(env.svc)).filter((r) => r.accountId === accountId);
    await other.end();
    // biome-ignore lint/suspicious/noExplicitAny: test hook
    (env.svc.db as any).transaction = realTx;
    expect(fired).toBe(true);
    expect((await recount(env, accountId)).m).toBe(1900);
    expect(out[0]?.requests).toHaveLength(1);
  });
});
