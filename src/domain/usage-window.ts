// The period a `usage` question may cover, and its daily points cut to what a chart and a message
// can hold. Pure: `now` and the subsidiary zone come in. One command's work stays bounded
// whatever dates it names (`usage from 1000-01-01 to 9999-12-31` once rendered a 564 MB chart).

import { DateTime } from "luxon";

/** How far back `usage` goes. */
const MAX_USAGE_YEARS = 3;
/** Most points on the chart and in the figures; longer periods are grouped into runs of days. */
export const MAX_USAGE_POINTS = 400;
/** The period without dates: the last 30 days. */
const DEFAULT_USAGE_DAYS = 30;

export type UsageWindow =
  | {
      ok: true;
      /** First and last calendar day (YYYY-MM-DD, subsidiary zone); `to` is today at the latest. */
      from: string;
      to: string;
      /** Days grouped into one point so the period has at most MAX_USAGE_POINTS of them. */
      bucketDays: number;
    }
  | { ok: false; error: string };

/** The calendar days of a usage question: days after today are dropped, more than 3 years back refused. */
export function usageWindow(range: { from: Date | null; to: Date | null }, now: Date, zone: string): UsageWindow {
  const today = DateTime.fromJSDate(now, { zone }).startOf("day");
  const earliest = today.minus({ years: MAX_USAGE_YEARS });
  const asked = range.to === null ? today : DateTime.fromJSDate(range.to, { zone }).startOf("day");
  const to = asked > today ? today : asked;
  const from =
    range.from === null
      ? to.minus({ days: DEFAULT_USAGE_DAYS })
      : DateTime.fromJSDate(range.from, { zone }).startOf("day");
  const earliestDay = earliest.toISODate() ?? "";
  if (!from.isValid || !to.isValid) return { ok: false, error: "I couldn't place that period in the calendar." };
  if (from > today) {
    return { ok: false, error: "That period starts after today; usage is recorded up to today." };
  }
  if (from < earliest) {
    return {
      ok: false,
      error: `Usage goes back at most ${MAX_USAGE_YEARS} years, to ${earliestDay}; start there or later, e.g. \`usage since ${earliestDay}\`.`,
    };
  }
  const days = Math.round(to.diff(from, "days").days) + 1;
  return {
    ok: true,
    from: from.toISODate() ?? "",
    to: to.toISODate() ?? "",
    bucketDays: Math.max(1, Math.ceil(days / MAX_USAGE_POINTS)),
  };
}

export interface DailyCount {
  /** Calendar day, YYYY-MM-DD. */
  day: string;
  marketingCount: number;
  tierLimit: number;
}

/**
 * Daily counts grouped into runs of `bucketDays` calendar days from `from`, each run given by its
 * first day with the highest count and tier of its days (the peak is what a tier is about).
 * Points must be in day order; one pass.
 */
export function groupDays<P extends DailyCount>(points: P[], from: string, bucketDays: number): DailyCount[] {
  if (bucketDays <= 1) return points.map(({ day, marketingCount, tierLimit }) => ({ day, marketingCount, tierLimit }));
  const start = DateTime.fromISO(from, { zone: "utc" });
  const out: DailyCount[] = [];
  let bucket = -1;
  for (const p of points) {
    const index = bucketIndex(p.day, start, bucketDays);
    const last = out.at(-1);
    if (index === bucket && last !== undefined) {
      last.marketingCount = Math.max(last.marketingCount, p.marketingCount);
      last.tierLimit = Math.max(last.tierLimit, p.tierLimit);
      continue;
    }
    bucket = index;
    out.push({
      day: start.plus({ days: index * bucketDays }).toISODate() ?? p.day,
      marketingCount: p.marketingCount,
      tierLimit: p.tierLimit,
    });
  }
  return out;
}

function bucketIndex(day: string, start: DateTime, bucketDays: number): number {
  return Math.floor(Math.round(DateTime.fromISO(day, { zone: "utc" }).diff(start, "days").days) / bucketDays);
}

/** The first day of the run of `bucketDays` days from `from` that `day` falls in. */
export function groupStartOf(day: string, from: string, bucketDays: number): string {
  if (bucketDays <= 1) return day;
  const start = DateTime.fromISO(from, { zone: "utc" });
  return start.plus({ days: bucketIndex(day, start, bucketDays) * bucketDays }).toISODate() ?? day;
}

/** The last day of the run that starts on `day`, never after `to`. */
export function groupEndOf(day: string, to: string, bucketDays: number): string {
  const end =
    DateTime.fromISO(day, { zone: "utc" })
      .plus({ days: bucketDays - 1 })
      .toISODate() ?? day;
  return end > to ? to : end;
}
