import { and, asc, eq, gte, lte, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { accounts, usageSnapshots } from "../db/schema.ts";
import { updateInstantsBetween } from "../domain/update-dates.ts";
import { groupDays, usageWindow } from "../domain/usage-window.ts";
import { billingTermsOf, getAccount } from "./accounts.ts";
import { type Actor, Refusal, type Services } from "./context.ts";

interface UsagePoint {
  /** Calendar day in the subsidiary zone, YYYY-MM-DD (the first day of its run when days are grouped). */
  day: string;
  marketingCount: number;
  tierLimit: number;
}

export interface UsageSeries {
  /** At most MAX_USAGE_POINTS points: one per day, or per run of `bucketDays` days (their peak). */
  points: UsagePoint[];
  /** Days per point; 1 unless the period is longer than MAX_USAGE_POINTS days. */
  bucketDays: number;
  /** Days with a recorded count (today's live count included). */
  daysRecorded: number;
  /** The last recorded day (today's live count when the period reaches today), and the highest. */
  latest: UsagePoint | null;
  peak: UsagePoint | null;
  /** Update instants inside the range (ISO), to mark on the chart. */
  updateDates: string[];
  timeZone: string;
  from: string;
  to: string;
}

/**
 * Records today's count for every account (the last write of a day wins, so the snapshot
 * is the day's closing count). Idempotent: one row per account and day.
 */
export async function takeSnapshots(svc: Services, now = svc.clock.now()): Promise<number> {
  const all = await svc.db.select().from(accounts);
  for (const a of all) {
    const day = DateTime.fromJSDate(now).setZone(a.timeZone).toISODate() ?? "";
    await svc.db
      .insert(usageSnapshots)
      .values({
        accountId: a.id,
        day,
        marketingCount: a.marketingCount,
        pendingCount: a.pendingCount,
        totalCount: a.totalCount,
        tierLimit: a.tierLimit,
        takenAt: now,
      })
      .onConflictDoUpdate({
        target: [usageSnapshots.accountId, usageSnapshots.day],
        set: {
          marketingCount: sql`excluded.marketing_count`,
          pendingCount: sql`excluded.pending_count`,
          totalCount: sql`excluded.total_count`,
          tierLimit: sql`excluded.tier_limit`,
          takenAt: sql`excluded.taken_at`,
        },
      });
  }
  return all.length;
}

/**
 * Daily marketing count against the tier for a range (default: the last 30 days), today's live
 * count last. At most 3 years back, and at most MAX_USAGE_POINTS points: a longer period is
 * refused, a period of more days is grouped.
 */
export async function usageSeries(
  svc: Services,
  actor: Actor,
  range: { from: Date | null; to: Date | null },
): Promise<UsageSeries> {
  const account = await getAccount(svc.db, actor.accountId);
  const zone = account.timeZone;
  const now = svc.clock.now();
  const window = usageWindow(range, now, zone);
  if (!window.ok) throw new Refusal(window.error, "invalid");
  const { from, to, bucketDays } = window;
  const rows = await svc.db
    .select({
      day: usageSnapshots.day,
      marketingCount: usageSnapshots.marketingCount,
      tierLimit: usageSnapshots.tierLimit,
    })
    .from(usageSnapshots)
    .where(and(eq(usageSnapshots.accountId, account.id), gte(usageSnapshots.day, from), lte(usageSnapshots.day, to)))
    .orderBy(asc(usageSnapshots.day));
  const daily: UsagePoint[] = rows.map((r) => ({
    day: r.day,
    marketingCount: r.marketingCount,
    tierLimit: r.tierLimit,
  }));
  const today = DateTime.fromJSDate(now).setZone(zone).toISODate() ?? "";
  if (today >= from && today <= to) {
    const live = { day: today, marketingCount: account.marketingCount, tierLimit: account.tierLimit };
    if (daily.at(-1)?.day === today) daily[daily.length - 1] = live;
    else daily.push(live);
  }
  let peak: UsagePoint | null = null;
  for (const p of daily) if (peak === null || p.marketingCount > peak.marketingCount) peak = p;
  const updateDates = updateInstantsBetween(
    billingTermsOf(account),
    DateTime.fromISO(from, { zone }).startOf("day").toJSDate(),
    DateTime.fromISO(to, { zone }).endOf("day").toJSDate(),
  ).map((d) => d.toISOString());
  return {
    points: groupDays(daily, from, bucketDays),
    bucketDays,
    daysRecorded: daily.length,
    latest: daily.at(-1) ?? null,
    peak,
    updateDates,
    timeZone: zone,
    from,
    to,
  };
}
