// The answers of `next-update`, `history`, `usage` and `forecast` in the languages besides English
// (English keeps the handlers' own wording; `tier` is in answers.ts): numbers, percentages and
// dates in the locale. What the audit log recorded is worded from each event's facts (events.ts).
import { DateTime } from "luxon";
import { usagePercent } from "../../domain/thresholds.ts";
import { groupEndOf } from "../../domain/usage-window.ts";
import type { UsageForecast } from "../../services/forecast.ts";
import type { HistoryPage } from "../../services/reports.ts";
import type { UsageSeries } from "../../services/usage.ts";
import { header, list, note, type Part, paragraph } from "../answer.ts";
import { code, md, plain, type Rich, who } from "../rich.ts";
import { type AnswerLocale, speak } from "./answers.ts";
import { localEventSummary } from "./events.ts";
import { INTL_LOCALE } from "./format.ts";

/** A calendar day (ISO date) as the language writes it briefly: "15 maj 2026", "15 mei 2026". */
const shortDay = (locale: AnswerLocale, iso: string): string =>
  DateTime.fromISO(iso.slice(0, 10)).setLocale(INTL_LOCALE[locale]).toLocaleString(DateTime.DATE_MED);

export function nextUpdateText(
  locale: AnswerLocale,
  r: {
    nextUpdateAt: Date;
    pendingCount: number;
    marketingCountAfterUpdate: number;
    usageAfterUpdatePercent: number;
    tierLimit: number;
    timeZone: string;
  },
  userZone: string,
): Rich {
  const { f, say, updateWhen } = speak(locale);
  return say("report.nextUpdate", {
    when: updateWhen(r.nextUpdateAt, r.timeZone, userZone),
    count: r.pendingCount,
    after: r.marketingCountAfterUpdate,
    limit: r.tierLimit,
    usage: f.pct(r.usageAfterUpdatePercent),
  });
}

/** `history [<email>] [since <date>]`: the newest events, each worded from its facts (else its summary as recorded). */
export function historyParts(
  locale: AnswerLocale,
  r: HistoryPage,
  c: { email: string | null; since: Date | null },
  tz: string,
  opts: { maxLine: number; countCap: number },
): Part[] {
  const { f, say } = speak(locale);
  const at = (d: Date) => f.instant(d.toISOString(), tz);
  const lines = r.events.map((e) => [
    ...md`${at(e.at)} — ${localEventSummary(locale, e, tz, opts.maxLine)}`,
    ...(e.count > 1 ? say("report.historyContacts", { count: e.count }) : []),
    ...(e.actor !== "system" ? say("report.historyBy", { who: who(e.actor) }) : []),
    ...(e.effectiveAt && e.effectiveAt.getTime() !== e.at.getTime()
      ? say("report.historyEffective", { when: at(e.effectiveAt) })
      : []),
  ]);
  const email = c.email ? [c.email] : null;
  const since = c.since ? at(c.since) : null;
  const title = plain(
    email && since
      ? say("report.historyOfSince", { email, since })
      : email
        ? say("report.historyOf", { email })
        : since
          ? say("report.historySince", { since })
          : say("report.history"),
  );
  const total = r.total > opts.countCap ? say("report.historyMoreThan", { count: opts.countCap }) : f.n(r.total);
  const sinceCode = code("since <date>");
  const narrow = c.since
    ? say("report.narrowLater", { since: sinceCode })
    : c.email
      ? say("report.narrowSince", { since: sinceCode })
      : say("report.narrowAll", { since: sinceCode, example: code("history ana@example.com since last monday") });
  return [
    header(title),
    ...(lines.length ? [list(lines)] : [paragraph(say("report.historyNothing", { title }))]),
    ...(r.total > r.events.length
      ? [note(say("report.historyShowing", { shown: r.events.length, total, narrow }))]
      : []),
  ];
}

/** `usage`: the figures (Slack adds the chart). */
export function usageParts(
  locale: AnswerLocale,
  s: UsageSeries,
  updates: string[],
  updateGroups: Set<string>,
  maxPoints: number,
): Part[] {
  const { f, say, label, shortList } = speak(locale);
  const day = (iso: string) => shortDay(locale, iso);
  const from = day(s.from);
  const to = day(s.to);
  const grouped = s.bucketDays > 1;
  const parts: Part[] = [header(plain(say("report.usageHeader", { from, to })))];
  const last = s.latest;
  if (last) {
    const peak = s.peak ?? { day: s.to, marketingCount: 0, tierLimit: 0 };
    const update = (d: string) => (updateGroups.has(d) ? label("report.usageUpdate") : "");
    const lines = s.points.map((p) => {
      const args = {
        count: p.marketingCount,
        limit: p.tierLimit,
        usage: f.pct(usagePercent(p.marketingCount, p.tierLimit)),
        update: update(p.day),
      };
      return grouped
        ? say("report.usagePeak", { ...args, from: day(p.day), to: day(groupEndOf(p.day, s.to, s.bucketDays)) })
        : say("report.usagePoint", { ...args, day: day(p.day) });
    });
    parts.push(
      paragraph(
        say("report.usage", {
          from,
          to,
          zone: [s.timeZone],
          count: last.marketingCount,
          limit: last.tierLimit,
          usage: f.pct(usagePercent(last.marketingCount, last.tierLimit)),
          peak: peak.marketingCount,
          peakDay: day(peak.day),
          days: s.daysRecorded,
          updates: updates.length ? shortList(updates.map(day), 12) : label("report.usageNoUpdates"),
        }),
      ),
      list(lines),
      note(say("report.usageChart")),
    );
  } else {
    parts.push(paragraph(say("report.usageNone", { from, to })), note(say("report.usageSnapshots")));
  }
  if (grouped) parts.push(note(say("report.usageGrouped", { max: maxPoints, days: s.bucketDays })));
  return parts;
}

/** `forecast`: when usage reaches each threshold at the recent daily growth. */
export function forecastParts(locale: AnswerLocale, fc: UsageForecast): Part[] {
  const { f, say, label } = speak(locale);
  const rate =
    fc.perDay === null
      ? say("report.forecastNoTrend", { points: fc.points })
      : say("report.forecastRate", {
          rate: `${fc.perDay >= 0 ? "+" : ""}${f.n(Math.round(fc.perDay * 10) / 10)}`,
          points: fc.points,
        });
  const lines = fc.thresholds.map((t) => {
    const threshold =
      t.level === "exceeded"
        ? say("threshold.exceeding", { count: t.count })
        : say("threshold.level", { level: f.pct(t.level), count: t.count });
    const what: Rich = t.reached
      ? [label("report.forecastReached")]
      : fc.perDay === null
        ? [label("report.forecastNoTrendYet")]
        : t.date
          ? say("report.forecastOn", { day: f.day(t.date, fc.timeZone), days: t.inDays ?? 0 })
          : [label("report.forecastNever")];
    return say("report.forecastLine", { threshold, what });
  });
  return [
    header(label("report.forecastHeader")),
    paragraph(
      say("report.forecastNow", {
        count: fc.marketingCount,
        limit: fc.tierLimit,
        usage: f.pct(usagePercent(fc.marketingCount, fc.tierLimit)),
      }),
    ),
    paragraph(rate),
    list(lines),
  ];
}
