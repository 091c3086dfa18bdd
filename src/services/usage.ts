import { and, asc, eq, gte, lte, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { accounts, usageSnapshots } from "../db/schema.ts";
import { updateInstantsBetween } from "../domain/update-dates.ts";
import { billingTermsOf, getAccount } from "./accounts.ts";
import type { Actor, Services } from "./context.ts";

export interface UsagePoint {
  /** Calendar day in the subsidiary zone, YYYY-MM-DD. */
  day: string;
  marketingCount: number;
  tierLimit: number;
}

export interface UsageSeries {
  points: UsagePoint[];
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

/** Daily marketing count against the tier for a range (default: the last 30 days), today's live count last. */
export async function usageSeries(
  svc: Services,
  actor: Actor,
  range: { from: Date | null; to: Date | null },
): Promise<UsageSeries> {
  const account = await getAccount(svc.db, actor.accountId);
  const zone = account.timeZone;
  const now = svc.clock.now();
  const toDt = DateTime.fromJSDate(range.to ?? now).setZone(zone);
  const fromDt = range.from ? DateTime.fromJSDate(range.from).setZone(zone) : toDt.minus({ days: 30 });
  const from = fromDt.toISODate() ?? "";
  const to = toDt.toISODate() ?? "";
  const rows = await svc.db
    .select({
      day: usageSnapshots.day,
      marketingCount: usageSnapshots.marketingCount,
      tierLimit: usageSnapshots.tierLimit,
    })
    .from(usageSnapshots)
    .where(and(eq(usageSnapshots.accountId, account.id), gte(usageSnapshots.day, from), lte(usageSnapshots.day, to)))
    .orderBy(asc(usageSnapshots.day));
  const points: UsagePoint[] = rows.map((r) => ({
    day: r.day,
    marketingCount: r.marketingCount,
    tierLimit: r.tierLimit,
  }));
  const today = DateTime.fromJSDate(now).setZone(zone).toISODate() ?? "";
  if (today >= from && today <= to) {
    const live = { day: today, marketingCount: account.marketingCount, tierLimit: account.tierLimit };
    if (points.at(-1)?.day === today) points[points.length - 1] = live;
    else points.push(live);
  }
  const updateDates = updateInstantsBetween(
    billingTermsOf(account),
    fromDt.startOf("day").toJSDate(),
    toDt.endOf("day").toJSDate(),
  ).map((d) => d.toISOString());
  return { points, updateDates, timeZone: zone, from, to };
}
