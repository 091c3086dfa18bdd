import { and, asc, eq, gte, lt } from "drizzle-orm";
import { DateTime } from "luxon";
import { accounts, usageSnapshots } from "../db/schema.ts";
import { daysUntil, fitGrowth, thresholdCount } from "../domain/forecast.ts";
import { THRESHOLD_LEVELS, type ThresholdLevel } from "../domain/thresholds.ts";
import { getAccount } from "./accounts.ts";
import { periodKey } from "./alerts.ts";
import type { Services } from "./context.ts";
import { type Notice, notice } from "./notices.ts";
import { alertRecipients, claimKeys, queueMessage } from "./outbox.ts";

/** Growth is measured over the daily snapshots of the last four weeks, today's live count included. */
export const FORECAST_WINDOW_DAYS = 28;
/** Fewer points than this is not a trend. */
export const MIN_FORECAST_POINTS = 3;
/** A threshold forecast within this many days raises an alert (like a forecasted budget alert). */
export const FORECAST_ALERT_DAYS = 7;

export interface ThresholdForecast {
  level: ThresholdLevel;
  /** 75, 90, 98, or 100 for exceeding the tier. */
  percent: number;
  /** The marketing count at which it is reached. */
  count: number;
  reached: boolean;
  /** Local calendar day (subsidiary zone) it is reached at the current rate, or null: already reached, or not at this rate. */
  date: string | null;
  inDays: number | null;
}

export interface UsageForecast {
  accountId: number;
  marketingCount: number;
  tierLimit: number;
  /** Least-squares growth in marketing contacts per day, or null without enough history. */
  perDay: number | null;
  /** Daily points the fit used. */
  points: number;
  today: string;
  timeZone: string;
  thresholds: ThresholdForecast[];
}

/** When usage will reach 75, 90, 98 % and exceed the tier at the recent daily growth. */
export async function forecastUsage(svc: Services, accountId: number, now = svc.clock.now()): Promise<UsageForecast> {
  const account = await getAccount(svc.db, accountId);
  const todayDt = DateTime.fromJSDate(now).setZone(account.timeZone).startOf("day");
  const today = todayDt.toISODate() ?? "";
  const from = todayDt.minus({ days: FORECAST_WINDOW_DAYS }).toISODate() ?? "";
  const rows = await svc.db
    .select({ day: usageSnapshots.day, count: usageSnapshots.marketingCount })
    .from(usageSnapshots)
    .where(and(eq(usageSnapshots.accountId, accountId), gte(usageSnapshots.day, from), lt(usageSnapshots.day, today)))
    .orderBy(asc(usageSnapshots.day));
  const points = [...rows, { day: today, count: account.marketingCount }].map((r) => ({
    x: DateTime.fromISO(r.day, { zone: "utc" }).diff(DateTime.fromISO(from, { zone: "utc" }), "days").days,
    count: r.count,
  }));
  const fit = points.length >= MIN_FORECAST_POINTS ? fitGrowth(points) : null;
  const perDay = fit ? fit.perDay : null;
  const thresholds = THRESHOLD_LEVELS.map((level): ThresholdForecast => {
    const percent = level === "exceeded" ? 100 : level;
    const count = thresholdCount(percent, account.tierLimit);
    const reached = account.marketingCount >= count;
    const inDays = reached || perDay === null ? null : daysUntil(account.marketingCount, count, perDay);
    return {
      level,
      percent,
      count,
      reached,
      inDays,
      date: inDays === null ? null : (todayDt.plus({ days: inDays }).toISODate() ?? null),
    };
  });
  return {
    accountId,
    marketingCount: account.marketingCount,
    tierLimit: account.tierLimit,
    perDay,
    points: points.length,
    today,
    timeZone: account.timeZone,
    thresholds,
  };
}

/**
 * Forecast alert: a threshold not reached yet but forecast within 7 days, once per threshold,
 * tier limit and update period. Thresholds forecast together give one alert.
 */
export async function processForecastAlerts(
  svc: Services,
  now = svc.clock.now(),
): Promise<{ accountId: number; notice: Notice }[]> {
  const all = await svc.db.select({ id: accounts.id }).from(accounts);
  const out: { accountId: number; notice: Notice }[] = [];
  for (const { id } of all) {
    const f = await forecastUsage(svc, id, now);
    const soon = f.thresholds.filter((t) => !t.reached && t.inDays !== null && t.inDays <= FORECAST_ALERT_DAYS);
    if (soon.length === 0 || f.perDay === null) continue;
    const account = await getAccount(svc.db, id);
    const period = periodKey(account, now);
    const keyOf = (t: ThresholdForecast) => `forecast:${id}:${period}:${f.tierLimit}:${t.level}`;
    const said = await svc.db.transaction(async (tx) => {
      const claimed = await claimKeys(tx, soon.map(keyOf), now);
      const fresh = soon.filter((t) => claimed.has(keyOf(t)));
      const first = fresh[0];
      if (!first) return null;
      const forecast = notice("forecast", {
        perDay: f.perDay ?? 0,
        thresholds: fresh.map((t) => ({
          level: t.level,
          count: t.count,
          date: t.date ?? f.today,
          inDays: t.inDays ?? 0,
        })),
        marketingCount: f.marketingCount,
        tierLimit: f.tierLimit,
        timeZone: f.timeZone,
      });
      await queueMessage(tx, account, now, { key: keyOf(first), notice: forecast }, await alertRecipients(tx, account));
      return forecast;
    });
    if (said) out.push({ accountId: id, notice: said });
  }
  return out;
}
