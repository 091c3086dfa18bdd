import { and, eq, max, sql } from "drizzle-orm";
import { rowsOf, timestamptz } from "../db/client.ts";
import { accounts, updateRuns } from "../db/schema.ts";
import { updateInstantsBetween } from "../domain/update-dates.ts";
import { billingTermsOf, getAccount } from "./accounts.ts";
import { queueRolloverSummary } from "./alerts.ts";
import type { Services } from "./context.ts";
import { changeContacts } from "./tier.ts";

export interface RolloverResult {
  accountId: number;
  instant: Date;
  /** False when this instant had already been processed (by another run or replica). */
  ran: boolean;
  changed: number;
  marketingCount: number;
}

/**
 * Processes one update instant u of one account, exactly once (R6): every flag set at or before u
 * turns non-marketing in one statement, with effective time u however late this runs.
 */
export async function rolloverInstant(svc: Services, accountId: number, u: Date): Promise<RolloverResult> {
  const { result, change } = await changeContacts(svc, accountId, "update date", async (tx, _account, now) => {
    const claimed = await tx
      .insert(updateRuns)
      .values({ accountId, instant: u, processedAt: now, changed: 0 })
      .onConflictDoNothing()
      .returning({ instant: updateRuns.instant });
    if (claimed.length === 0) return { ran: false, changed: 0 };
    const [res] = await rowsOf<{ n: number }>(
      tx,
      sql`with upd as (
        update contact_status set marketing = false, pending_since = null
        where account_id = ${accountId} and pending_since is not null and pending_since <= ${timestamptz(u)}
        returning contact_id as id
      ), audit as (
        insert into audit_events (account_id, at, effective_at, actor, kind, summary, count, contact_ids)
        select ${accountId}, ${timestamptz(now)}, ${timestamptz(u)}, 'system', 'status.became-non-marketing',
          'Became non-marketing at the update date', count(*), array_agg(id)
        from upd having count(*) > 0
        returning count
      )
      select coalesce((select count from audit), 0)::int as n`,
    );
    const changed = res?.n ?? 0;
    await tx
      .update(updateRuns)
      .set({ changed })
      .where(and(eq(updateRuns.accountId, accountId), eq(updateRuns.instant, u)));
    // The summary is queued in the same transaction as the run: exactly once with it, even after a crash.
    await queueRolloverSummary(tx, await getAccount(tx, accountId), u, changed, now);
    return { ran: true, changed };
  });
  return { accountId, instant: u, ...result, marketingCount: change.after };
}

/** Every update instant that has passed and not been processed, per account, in order (catch-up after downtime). */
export async function dueUpdateInstants(svc: Services, accountId: number, now: Date): Promise<Date[]> {
  const account = await getAccount(svc.db, accountId);
  const [last] = await svc.db
    .select({ instant: max(updateRuns.instant) })
    .from(updateRuns)
    .where(eq(updateRuns.accountId, accountId));
  const from = last?.instant ?? account.createdAt;
  return updateInstantsBetween(billingTermsOf(account), from, now);
}

export async function processDueRollovers(svc: Services, now = svc.clock.now()): Promise<RolloverResult[]> {
  const all = await svc.db.select({ id: accounts.id }).from(accounts);
  const results: RolloverResult[] = [];
  for (const { id } of all) {
    for (const u of await dueUpdateInstants(svc, id, now)) results.push(await rolloverInstant(svc, id, u));
  }
  return results;
}
