// The changes feed under concurrent writers: transactions on their own connections write audit
// events, then commit or roll back in an order unlike the one they started in, while a poller
// reads page after page. Once all have ended, the poller has read every committed event exactly
// once, in (transaction, audit id, position) order, and none of a rolled-back one. Postgres only:
// PGlite has one connection, so no transaction is ever open while another commits.
import { sql } from "drizzle-orm";
import fc from "fast-check";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../src/db/client.ts";
import { type ChangeEvent, readChanges } from "../../src/services/changes/index.ts";
import { driver } from "../helpers/db.ts";
import { makeAccount, type TestEnv, testEnv } from "../helpers/services.ts";

let env: TestEnv;
let writers: postgres.Sql;
beforeAll(async () => {
  env = await testEnv("2026-05-15T14:00:00Z");
  if (driver !== "postgres") return;
  const [row] = await rowsOf<{ db: string }>(env.svc.db, sql`select current_database() as db`);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${row?.db}`;
  writers = postgres(url.toString(), { max: 6, onnotice: () => {} });
});
afterAll(async () => {
  await writers?.end({ timeout: 5 });
  await env?.close();
});

/** A transaction: audit rows of 1–4 contacts written at different steps, then a commit or a rollback. */
const transaction = fc.record({
  writes: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
  commit: fc.oneof({ weight: 3, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  /** When its steps happen, against the other transactions' (its own stay in order). */
  times: fc.uniqueArray(fc.integer({ min: 0, max: 10_000 }), { minLength: 4, maxLength: 4 }),
});

type Step = { tx: number; time: number; write: number | null };

describe.skipIf(driver !== "postgres")("the changes feed with transactions committing out of order", () => {
  it("a poller reading between every step reads each committed event once, in order, and no rolled-back one", async () => {
    let contactSeq = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(transaction, { minLength: 2, maxLength: 5 }),
        fc.integer({ min: 1, max: 5 }),
        async (txs, limit) => {
          const { accountId } = await makeAccount(env);
          const steps: Step[] = txs.flatMap((t, tx) => {
            const times = [...t.times].sort((a, b) => a - b);
            return [
              ...t.writes.map((n, i) => ({ tx, time: times[i]!, write: n })),
              { tx, time: times[3]!, write: null },
            ];
          });
          steps.sort((a, b) => a.time - b.time || a.tx - b.tx);

          const open = new Map<number, postgres.ReservedSql>();
          const written = new Map<number, { key: [bigint, bigint, number] }[]>();
          const committed: { key: [bigint, bigint, number]; id: string }[] = [];
          const read: ChangeEvent[] = [];
          let after: string | null = null;
          const poll = async () => {
            const page = await readChanges(env.svc, accountId, { after, limit });
            read.push(...page.events);
            after = page.next;
            return page;
          };
          try {
            for (const step of steps) {
              let conn = open.get(step.tx);
              if (!conn) {
                conn = await writers.reserve();
                await conn.unsafe("begin");
                open.set(step.tx, conn);
              }
              if (step.write !== null) {
                const ids = Array.from({ length: step.write }, () => ++contactSeq);
                const [row] = await conn.unsafe(
                  `insert into audit_events (account_id, at, actor, kind, summary, count, contact_ids)
                   values ($1, now(), 'system', 'status.made-marketing', '', $2, $3::bigint[])
                   returning id::text as id, txid::text as txid`,
                  [accountId, ids.length, `{${ids.join(",")}}`],
                );
                const rows = written.get(step.tx) ?? [];
                for (let pos = 1; pos <= ids.length; pos++) {
                  rows.push({ key: [BigInt(row!.txid), BigInt(row!.id), pos] });
                }
                written.set(step.tx, rows);
              } else {
                await conn.unsafe(txs[step.tx]!.commit ? "commit" : "rollback");
                conn.release();
                open.delete(step.tx);
                if (txs[step.tx]!.commit) {
                  for (const w of written.get(step.tx) ?? []) committed.push({ ...w, id: `${w.key[1]}-${w.key[2]}` });
                }
              }
              await poll();
            }
          } finally {
            for (const conn of open.values()) {
              await conn.unsafe("rollback");
              conn.release();
            }
          }
          // Every writer has ended; a transaction elsewhere on the server may still hold the feed back a
          // moment: read until a read that started above every committed transaction says there is no more.
          const newest = committed.reduce((m, c) => (c.key[0] > m ? c.key[0] : m), 0n);
          for (const until = Date.now() + 10_000; Date.now() < until; ) {
            const [x] = await rowsOf<{ xmin: string }>(
              env.svc.db,
              sql`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`,
            );
            if (!(await poll()).hasMore && BigInt(x!.xmin) > newest) break;
            await new Promise((r) => setTimeout(r, 20));
          }
          committed.sort((a, b) => cmp(a.key, b.key));
          expect(read.map((e) => e.id)).toEqual(committed.map((c) => c.id));
        },
      ),
      { numRuns: 40 },
    );
  }, 60_000);
});

function cmp(a: [bigint, bigint, number], b: [bigint, bigint, number]): number {
  for (let i = 0; i < 3; i++) {
    if (a[i]! < b[i]!) return -1;
    if (a[i]! > b[i]!) return 1;
  }
  return 0;
}
