import { and, count, eq, inArray, isNull, sql } from "drizzle-orm";
import { rowsOf } from "../db/client.ts";
import { bulkRequests, contactStatus, contacts } from "../db/schema.ts";
import { monthlyPriceCents, smallestTierHolding } from "../domain/pricing.ts";
import { usagePercent } from "../domain/thresholds.ts";
import type { BillingTerms, Plan, Term } from "../domain/types.ts";
import { type AuditSummary, auditHistory, countAuditEvents } from "./audit.ts";
import { requireContacts } from "./contacts.ts";
import type { Actor, Services } from "./context.ts";
import { nextRenewalAt, nextUpdateAt } from "./instants.ts";

export interface TierReport {
  plan: string;
  marketingCount: number;
  tierLimit: number;
  usagePercent: number;
  totalCount: number;
  nonMarketingCount: number;
  pendingCount: number;
  nextUpdateAt: Date;
  marketingCountAfterUpdate: number;
  usageAfterUpdatePercent: number;
  monthlyPriceCents: number;
  lowestTierAfterUpdate: number;
  nextRenewalAt: Date;
  downgradeTo: number | null;
  timeZone: string;
  term: string;
}

interface TierRow {
  plan: Plan;
  term: Term;
  contract_start: string;
  time_zone: string;
  tier_limit: number;
  marketing_count: number;
  pending_count: number;
  total_count: number;
  downgrade_to: number | null;
}

/** `tier`: one narrow read of the account's maintained counters, never a scan of contacts. */
export async function tierReport(svc: Services, actor: Actor): Promise<TierReport> {
  const [row] = await rowsOf<TierRow>(
    svc.db,
    sql`select plan, term, contract_start::text as contract_start, time_zone, tier_limit, marketing_count,
          pending_count, total_count, downgrade_to
        from accounts where id = ${actor.accountId}`,
  );
  if (!row) throw new Error(`account ${actor.accountId} does not exist`);
  const account = {
    plan: row.plan,
    term: row.term,
    timeZone: row.time_zone,
    tierLimit: row.tier_limit,
    marketingCount: row.marketing_count,
    pendingCount: row.pending_count,
    totalCount: row.total_count,
    downgradeTo: row.downgrade_to,
  };
  const now = svc.clock.now();
  const terms: BillingTerms = { term: row.term, contractStart: row.contract_start, timeZone: row.time_zone };
  const ladder = svc.pricing[row.plan];
  // Every pending flag was set before now, so all of them are taken at the next instant (R6).
  const after = account.marketingCount - account.pendingCount;
  return {
    plan: account.plan,
    marketingCount: account.marketingCount,
    tierLimit: account.tierLimit,
    usagePercent: usagePercent(account.marketingCount, account.tierLimit),
    totalCount: account.totalCount,
    nonMarketingCount: account.totalCount - account.marketingCount,
    pendingCount: account.pendingCount,
    nextUpdateAt: nextUpdateAt(terms, now),
    marketingCountAfterUpdate: after,
    usageAfterUpdatePercent: usagePercent(after, account.tierLimit),
    monthlyPriceCents: monthlyPriceCents(ladder, account.tierLimit),
    lowestTierAfterUpdate: Math.min(account.tierLimit, smallestTierHolding(ladder, after)),
    nextRenewalAt: nextRenewalAt(terms, now),
    downgradeTo: account.downgradeTo,
    timeZone: account.timeZone,
    term: account.term,
  };
}

export async function nextUpdate(svc: Services, actor: Actor) {
  const r = await tierReport(svc, actor);
  return {
    nextUpdateAt: r.nextUpdateAt,
    pendingCount: r.pendingCount,
    marketingCount: r.marketingCount,
    marketingCountAfterUpdate: r.marketingCountAfterUpdate,
    usageAfterUpdatePercent: r.usageAfterUpdatePercent,
    tierLimit: r.tierLimit,
    timeZone: r.timeZone,
  };
}

/** Most events `history` shows; it says how many more there are and how to narrow. */
const HISTORY_PAGE = 50;
/** Events counted for "showing 50 of N"; beyond it the answer says "more than". */
export const HISTORY_COUNT_CAP = 10_000;

export interface HistoryPage {
  email: string | null;
  /** The newest HISTORY_PAGE events, newest first. */
  events: AuditSummary[];
  /** All matching events, counted up to HISTORY_COUNT_CAP + 1. */
  total: number;
}

export async function history(
  svc: Services,
  actor: Actor,
  opts: { email: string | null; since: Date | null },
): Promise<HistoryPage> {
  let contactId: number | null = null;
  if (opts.email) {
    const [c] = await requireContacts(svc.db, actor.accountId, [opts.email]);
    contactId = c?.id ?? null;
  }
  const query = { accountId: actor.accountId, contactId, since: opts.since };
  const events = await auditHistory(svc.db, { ...query, limit: HISTORY_PAGE });
  const total =
    events.length < HISTORY_PAGE
      ? events.length
      : await countAuditEvents(svc.db, { ...query, upTo: HISTORY_COUNT_CAP });
  return { email: opts.email, events, total };
}

/** How many requests `requests` would list (open and approved ones; listRequests has expired the old ones). */
export async function countRequests(
  svc: Services,
  actor: Actor,
  statuses: string[] = ["open", "approved"],
): Promise<number> {
  const [row] = await svc.db
    .select({ n: count() })
    .from(bulkRequests)
    .where(and(eq(bulkRequests.accountId, actor.accountId), inArray(bulkRequests.status, statuses)));
  return row?.n ?? 0;
}

/** Counts for the manage wizard and App Home. Unengaged = bounced or unsubscribed marketing contacts (R17). */
export async function unengagedCounts(svc: Services, actor: Actor) {
  const rows = await svc.db
    .select({ bounced: contacts.bounced, unsubscribed: contacts.unsubscribed, n: count() })
    .from(contacts)
    .innerJoin(contactStatus, eq(contactStatus.contactId, contacts.id))
    .where(
      and(
        eq(contacts.accountId, actor.accountId),
        eq(contactStatus.marketing, true),
        isNull(contactStatus.pendingSince),
      ),
    )
    .groupBy(contacts.bounced, contacts.unsubscribed);
  let bounced = 0;
  let unsubscribed = 0;
  let either = 0;
  for (const r of rows) {
    if (r.bounced) bounced += r.n;
    if (r.unsubscribed) unsubscribed += r.n;
    if (r.bounced || r.unsubscribed) either += r.n;
  }
  return { bounced, unsubscribed, either };
}
