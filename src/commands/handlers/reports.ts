// `tier`, `next-update`, `history`, `usage`, `forecast`: what the account looks like.
import { DateTime } from "luxon";
import { day, money, n, pct, shortList, updateWhen, when } from "../../domain/format.ts";
import { usagePercent } from "../../domain/thresholds.ts";
import { groupEndOf, groupStartOf, MAX_USAGE_POINTS } from "../../domain/usage-window.ts";
import { forecastUsage } from "../../services/forecast.ts";
import { HISTORY_COUNT_CAP, history as historyOf, nextUpdate, tierReport } from "../../services/reports.ts";
import { usageSeries } from "../../services/usage.ts";
import { answer, facts, header, list, note, type Part, paragraph, say } from "../answer.ts";
import type { Handler } from "../handler.ts";
import { isTranslated, tierParts } from "../i18n/answers.ts";
import { eventSummary } from "../i18n/events.ts";
import { forecastParts, historyParts, nextUpdateText, usageParts } from "../i18n/reports.ts";
import { thresholdLabel } from "../notices.ts";
import { code, md, who } from "../rich.ts";

/** Longest line of a listing; the rest of it is cut with "…". */
const MAX_LINE = 500;

export const tier: Handler<"tier"> = async (svc, inv) => {
  const r = await tierReport(svc, inv.actor);
  const data = {
    marketingCount: r.marketingCount,
    tierLimit: r.tierLimit,
    usagePercent: r.usagePercent,
    totalCount: r.totalCount,
    nonMarketingCount: r.nonMarketingCount,
    pendingCount: r.pendingCount,
    nextUpdateAt: r.nextUpdateAt.toISOString(),
    marketingCountAfterUpdate: r.marketingCountAfterUpdate,
    usageAfterUpdatePercent: r.usageAfterUpdatePercent,
    plan: r.plan,
    monthlyPriceCents: r.monthlyPriceCents,
    downgradeTo: r.downgradeTo,
  };
  if (isTranslated(inv.locale)) return answer(tierParts(inv.locale, r, inv.timeZone, usageBar(r.usagePercent)), data);
  const nextWhen = updateWhen(r.nextUpdateAt, r.timeZone, inv.timeZone);
  return answer(
    [
      header("Contact tier"),
      paragraph(
        `Marketing contacts: ${n(r.marketingCount)} of ${n(r.tierLimit)} (${pct(r.usagePercent)}) on the ${r.plan} plan, ${money(r.monthlyPriceCents)}/month.`,
      ),
      paragraph([code(usageBar(r.usagePercent))]),
      facts([
        ["All contacts", `${n(r.totalCount)}, of which ${n(r.nonMarketingCount)} non-marketing`],
        ["Pending non-marketing", n(r.pendingCount)],
        ["Next update", nextWhen],
        ["After the update", `${n(r.marketingCountAfterUpdate)} (${pct(r.usageAfterUpdatePercent)})`],
        ["Lowest tier that fits after it", n(r.lowestTierAfterUpdate)],
      ]),
      ...(r.downgradeTo
        ? [
            note(
              `Downgrade to ${n(r.downgradeTo)} scheduled for the renewal on ${when(r.nextRenewalAt, inv.timeZone)}.`,
            ),
          ]
        : []),
    ],
    data,
  );
};

export const nextUpdateHandler: Handler<"next-update"> = async (svc, inv) => {
  const r = await nextUpdate(svc, inv.actor);
  const data = {
    nextUpdateAt: r.nextUpdateAt.toISOString(),
    pendingCount: r.pendingCount,
    marketingCountAfterUpdate: r.marketingCountAfterUpdate,
  };
  if (isTranslated(inv.locale)) return say(nextUpdateText(inv.locale, r, inv.timeZone), data);
  return say(
    `The next update is ${updateWhen(r.nextUpdateAt, r.timeZone, inv.timeZone)}: ${n(r.pendingCount)} contacts become non-marketing, leaving ${n(r.marketingCountAfterUpdate)} of ${n(r.tierLimit)} (${pct(r.usageAfterUpdatePercent)}).`,
    data,
  );
};

/** An audit summary as recorded, for English readers (App Home imports it from here too). */
export { eventSummary };

export const history: Handler<"history"> = async (svc, inv, c) => {
  const tz = inv.timeZone;
  const r = await historyOf(svc, inv.actor, { email: c.email, since: c.since });
  const data = {
    shown: r.events.length,
    total: r.total,
    events: r.events.map((e) => ({
      at: e.at.toISOString(),
      effectiveAt: e.effectiveAt?.toISOString() ?? null,
      actor: e.actor,
      kind: e.kind,
      summary: e.summary,
      count: e.count,
    })),
  };
  if (isTranslated(inv.locale))
    return answer(historyParts(inv.locale, r, c, tz, { maxLine: MAX_LINE, countCap: HISTORY_COUNT_CAP }), data);
  const lines = r.events.map(
    (e) =>
      md`${when(e.at, tz)} — ${eventSummary(e.kind, e.summary.slice(0, MAX_LINE))}${e.count > 1 ? ` (${n(e.count)} contacts)` : ""}${e.actor !== "system" ? md` by ${who(e.actor)}` : ""}${e.effectiveAt && e.effectiveAt.getTime() !== e.at.getTime() ? `; effective ${when(e.effectiveAt, tz)}` : ""}`,
  );
  const title = `History${c.email ? ` of ${c.email}` : ""}${c.since ? ` since ${when(c.since, tz)}` : ""}`;
  const total = r.total > HISTORY_COUNT_CAP ? `more than ${n(HISTORY_COUNT_CAP)}` : n(r.total);
  const narrow = c.since
    ? "narrow with a later `since <date>`"
    : c.email
      ? "narrow with `since <date>`"
      : "narrow with an email or `since <date>`, e.g. `history ana@example.com since last monday`";
  return answer(
    [
      header(title),
      ...(lines.length ? [list(lines)] : [paragraph(`${title}: nothing recorded.`)]),
      ...(r.total > r.events.length
        ? [note(`Showing the latest ${n(r.events.length)} of ${total} events; ${narrow}.`)]
        : []),
    ],
    data,
  );
};

/** `usage [since <date> | from <date> to <date>]`: the figures; Slack adds the chart. */
export const usage: Handler<"usage"> = async (svc, inv, c) => {
  const s = await usageSeries(svc, inv.actor, { from: c.from, to: c.to });
  const last = s.latest;
  const peak = s.peak ?? { day: s.to, marketingCount: 0, tierLimit: 0 };
  const updates = s.updateDates.map(
    (iso) => DateTime.fromISO(iso, { zone: s.timeZone }).toISODate() ?? iso.slice(0, 10),
  );
  const updateGroups = new Set(updates.map((d) => groupStartOf(d, s.from, s.bucketDays)));
  const grouped = s.bucketDays > 1;
  const data = {
    from: s.from,
    to: s.to,
    timeZone: s.timeZone,
    bucketDays: s.bucketDays,
    daysRecorded: s.daysRecorded,
    points: s.points,
    updateDates: s.updateDates,
  };
  if (isTranslated(inv.locale)) return answer(usageParts(inv.locale, s, updates, updateGroups, MAX_USAGE_POINTS), data);
  const lines = s.points.map(
    (p) =>
      `${grouped ? `${p.day} to ${groupEndOf(p.day, s.to, s.bucketDays)}: peak` : `${p.day}:`} ${n(p.marketingCount)} of ${n(p.tierLimit)} (${pct(usagePercent(p.marketingCount, p.tierLimit))})${updateGroups.has(p.day) ? " — update date" : ""}`,
  );
  const updatesText = updates.length ? shortList(updates, 12) : "none in this range";
  const groupNote = grouped
    ? `That is more than ${n(MAX_USAGE_POINTS)} days, so each point is the peak of ${s.bucketDays} days.`
    : null;
  const parts: Part[] = [header(`Usage ${s.from} to ${s.to}`)];
  if (last) {
    parts.push(
      paragraph(
        `Marketing contacts ${s.from} to ${s.to} (${s.timeZone}): now ${n(last.marketingCount)} of ${n(last.tierLimit)} (${pct(usagePercent(last.marketingCount, last.tierLimit))}); peak ${n(peak.marketingCount)} on ${peak.day}; ${n(s.daysRecorded)} ${s.daysRecorded === 1 ? "day" : "days"} recorded; update dates: ${updatesText}.`,
      ),
      list(lines),
      note("The chart (PNG) arrives in your DM with tierkeeper."),
    );
  } else {
    parts.push(
      paragraph(`No usage recorded from ${s.from} to ${s.to}.`),
      note("Snapshots are taken daily by the scheduler; come back tomorrow."),
    );
  }
  if (groupNote) parts.push(note(groupNote));
  return answer(parts, data);
};

/** `forecast`: when usage reaches each threshold at the recent daily growth. */
export const forecast: Handler<"forecast"> = async (svc, inv) => {
  const f = await forecastUsage(svc, inv.actor.accountId);
  const data = {
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
  };
  if (isTranslated(inv.locale)) return answer(forecastParts(inv.locale, f), data);
  const rate =
    f.perDay === null
      ? `Not enough history yet for a trend (${f.points} daily point${f.points === 1 ? "" : "s"}; 3 needed).`
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
  return answer(
    [
      header("Usage forecast"),
      paragraph(
        `Now: ${n(f.marketingCount)} of ${n(f.tierLimit)} marketing contacts (${pct(usagePercent(f.marketingCount, f.tierLimit))}).`,
      ),
      paragraph(rate),
      list(lines),
    ],
    data,
  );
};

function usageBar(percent: number): string {
  const filled = Math.min(20, Math.round(percent / 5));
  return `${"█".repeat(filled)}${"░".repeat(20 - filled)}`;
}
