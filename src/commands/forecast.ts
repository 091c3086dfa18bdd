import { usagePercent } from "../domain/thresholds.ts";
import { forecastUsage, thresholdLabel } from "../services/forecast.ts";
import { context, header, section } from "../slack/blocks.ts";
import { day, n, pct } from "./format.ts";
import { answer, extraHandlers, type Handler } from "./run.ts";

/** `/contacts forecast`: when usage reaches each threshold at the recent daily growth. */
export const forecastHandler: Handler = async (svc, inv) => {
  const f = await forecastUsage(svc, inv.actor.accountId);
  const rate =
    f.perDay === null
      ? `Not enough history yet for a trend (${f.points} daily point${f.points === 1 ? "" : "s"}; ${3} needed).`
      : `Recent growth: ${f.perDay >= 0 ? "+" : ""}${n(Math.round(f.perDay * 10) / 10)} marketing contacts a day (least squares over ${f.points} days).`;
  const lines = f.thresholds.map((t) => {
    const what = t.reached
      ? "already reached"
      : f.perDay === null
        ? "no trend yet"
        : t.date
          ? `${day(t.date, f.timeZone)} (in ${t.inDays} day${t.inDays === 1 ? "" : "s"})`
          : "not at the current rate";
    return `• ${thresholdLabel(t)}: ${what}`;
  });
  const now = `Now: ${n(f.marketingCount)} of ${n(f.tierLimit)} marketing contacts (${pct(usagePercent(f.marketingCount, f.tierLimit))}).`;
  const text = [now, rate, ...lines].join("\n");
  return answer(text, [header("Usage forecast"), section(now), section(lines.join("\n")), context(rate)], {
    marketingCount: f.marketingCount,
    tierLimit: f.tierLimit,
    growthPerDay: f.perDay,
    points: f.points,
    today: f.today,
    thresholds: f.thresholds.map((t) => ({
      level: t.level,
      percent: t.percent,
      count: t.count,
      reached: t.reached,
      date: t.date,
      inDays: t.inDays,
    })),
  });
};

extraHandlers.set("forecast", forecastHandler);
