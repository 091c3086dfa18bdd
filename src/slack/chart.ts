// The usage chart: vega-lite → vega → SVG → PNG, all in-process (no browser, no network). The three
// libraries are large: they load with the first chart drawn, not when the service starts.
import { existsSync } from "node:fs";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { DateTime } from "luxon";
import type { TopLevelSpec } from "vega-lite";
import { isTranslated } from "../commands/i18n/answers.ts";
import { INTL_LOCALE, type Locale, numberFormat } from "../commands/i18n/format.ts";
import type { MessageKey } from "../commands/i18n/locales/en/index.ts";
import { type MessageArg, message } from "../commands/i18n/messages.ts";
import { plain } from "../commands/rich.ts";
import { groupDays, MAX_USAGE_POINTS } from "../domain/usage-window.ts";
import type { UsageSeries } from "../services/usage.ts";

// resvg draws no text without a font; these are common on Linux, macOS and in Debian-based images.
const FONT_CANDIDATES = [
  "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
  "/usr/share/fonts/dejavu/DejaVuSans.ttf",
  "/usr/share/fonts/TTF/DejaVuSans.ttf",
  "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
  "/Library/Fonts/Arial.ttf",
  "/System/Library/Fonts/Supplemental/Arial.ttf",
];

const FONT_FILES = FONT_CANDIDATES.filter((f) => existsSync(f));

/** resvg's fonts: DejaVu Sans (or the first candidate found) draws å ä ö and ą ć ę ł ń ś ź ż. */
export const CHART_FONTS = {
  fontFiles: FONT_FILES,
  loadSystemFonts: FONT_FILES.length === 0,
  defaultFontFamily: "DejaVu Sans",
  sansSerifFamily: "DejaVu Sans",
};

/** What the chart draws: the points of a usage answer (`bucketDays` days per point, 1 if absent). */
export type ChartSeries = Pick<UsageSeries, "points" | "updateDates" | "timeZone" | "from" | "to"> & {
  bucketDays?: number;
};

/** Most update-date rules drawn: 3 years of monthly update dates, with room to spare. */
const MAX_UPDATE_RULES = 60;

/**
 * The points drawn: at most MAX_USAGE_POINTS whatever the caller passes (the usage service
 * already groups longer periods), so one chart's rendering time stays bounded.
 */
export function chartPoints(series: ChartSeries): { points: UsageSeries["points"]; bucketDays: number } {
  const points = series.points;
  const first = points[0];
  const last = points.at(-1);
  if (points.length <= MAX_USAGE_POINTS || first === undefined || last === undefined) {
    return { points, bucketDays: series.bucketDays ?? 1 };
  }
  const span = Math.round(DateTime.fromISO(last.day).diff(DateTime.fromISO(first.day), "days").days) + 1;
  const bucketDays = Math.max(2, Math.ceil(span / MAX_USAGE_POINTS));
  return { points: groupDays(points, first.day, bucketDays), bucketDays };
}

/** The vega-lite spec: daily marketing count (line), tier limit (step line), update dates (rules). */
export function usageChartSpec(series: ChartSeries, locale: Locale = "en"): TopLevelSpec {
  const drawn = chartPoints(series);
  const w = chartWords(locale, series, drawn.bucketDays);
  const points = drawn.points.flatMap((p) => [
    { day: p.day, value: p.marketingCount, series: w.marketing },
    { day: p.day, value: p.tierLimit, series: w.limit },
  ]);
  const updates = series.updateDates
    .slice(0, MAX_UPDATE_RULES)
    .map((iso) => ({ day: iso.slice(0, 10), label: "update" }));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: 720,
    height: 320,
    background: "white",
    padding: 12,
    config: {
      font: "DejaVu Sans",
      axis: { labelFontSize: 11, titleFontSize: 12 },
      // Room for the longest series name ("Marknadsföringskontakter") without an ellipsis.
      legend: { labelLimit: 320 },
      ...(w.locale ? { locale: w.locale } : {}),
    },
    title: { text: w.title, subtitle: w.subtitle, fontSize: 14 },
    layer: [
      {
        data: { values: updates },
        mark: { type: "rule", strokeDash: [2, 2], color: "#2ca02c", strokeWidth: 1.5 },
        encoding: { x: { field: "day", type: "temporal", timeUnit: "utcyearmonthdate" } },
      },
      {
        data: { values: points },
        mark: { type: "line", point: drawn.points.length <= 40, interpolate: "step-after" },
        encoding: {
          x: {
            field: "day",
            type: "temporal",
            timeUnit: "utcyearmonthdate",
            title: w.day,
            axis: { format: w.dayFormat },
          },
          y: { field: "value", type: "quantitative", title: w.contacts, scale: { zero: true } },
          color: {
            field: "series",
            type: "nominal",
            title: null,
            scale: { domain: [w.marketing, w.limit], range: ["#1f77b4", "#d62728"] },
          },
          strokeDash: {
            field: "series",
            type: "nominal",
            scale: {
              domain: [w.marketing, w.limit],
              range: [
                [1, 0],
                [6, 3],
              ],
            },
          },
        },
      },
    ],
  } as TopLevelSpec;
}

export async function usageChartSvg(series: ChartSeries, locale: Locale = "en"): Promise<string> {
  const [vega, { compile }] = await Promise.all([import("vega"), import("vega-lite")]);
  // Each step gives the event loop back, so Slack acks and the scheduler wait one step at most.
  const vgSpec = compile(usageChartSpec(series, locale)).spec;
  await yieldToEventLoop();
  const runtime = vega.parse(vgSpec);
  await yieldToEventLoop();
  const view = new vega.View(runtime, { renderer: "none" });
  await yieldToEventLoop();
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * The chart as PNG bytes (about 2,000 × 850 pixels whatever the period). The SVG is built on the event loop
 * (tens of milliseconds for MAX_USAGE_POINTS points); rasterizing runs on libuv's thread pool.
 */
export async function renderUsageChart(series: ChartSeries, locale: Locale = "en"): Promise<Buffer> {
  const svg = await usageChartSvg(series, locale);
  const { renderAsync } = await import("@resvg/resvg-js");
  const image = await renderAsync(svg, {
    background: "white",
    fitTo: { mode: "zoom", value: 2 },
    font: CHART_FONTS,
  });
  return Buffer.from(image.asPng());
}

interface ChartWords {
  title: string;
  subtitle: string;
  day: string;
  contacts: string;
  marketing: string;
  limit: string;
  /** The day axis's d3 time format. */
  dayFormat: string;
  /** Vega's number and time locale (thousands, decimal, month names); none in English. */
  locale?: { number: NumberLocale; time: TimeLocale };
}

/** The chart's words in `locale`: English as it always read, the others from the catalogs. */
function chartWords(locale: Locale, series: ChartSeries, bucketDays: number): ChartWords {
  if (!isTranslated(locale)) {
    const grouped = bucketDays > 1 ? ` Each point is the peak of ${bucketDays} days.` : "";
    return {
      title: `Marketing contacts against the tier, ${series.from} to ${series.to}`,
      subtitle: `Dotted green lines: update dates (pending contacts become non-marketing).${grouped}`,
      day: `Day (${series.timeZone})`,
      contacts: "Contacts",
      marketing: "Marketing contacts",
      limit: "Tier limit",
      dayFormat: "%d %b",
    };
  }
  const say = (key: MessageKey, args?: Record<string, MessageArg>) => plain(message(locale, key, args));
  const { from, to } = chartDays(locale, series);
  const subtitle = say("chart.subtitle");
  return {
    title: say("chart.title", { from, to }),
    subtitle: bucketDays > 1 ? `${subtitle} ${say("chart.grouped", { days: bucketDays })}` : subtitle,
    day: say("chart.day", { zone: series.timeZone }),
    contacts: say("chart.contacts"),
    marketing: say("chart.marketing"),
    limit: say("chart.limit"),
    dayFormat: "%-d %b",
    locale: vegaLocale(locale),
  };
}

/** The chart's first and last day as the language writes a date: "1 maja 2026". */
export function chartDays(locale: Locale, series: Pick<ChartSeries, "from" | "to">): { from: string; to: string } {
  const day = (iso: string) =>
    DateTime.fromISO(iso, { zone: "utc" }).setLocale(INTL_LOCALE[locale]).toLocaleString(DateTime.DATE_FULL);
  return { from: day(series.from), to: day(series.to) };
}

interface NumberLocale {
  decimal: string;
  thousands: string;
  grouping: number[];
  currency: [string, string];
}

interface TimeLocale {
  dateTime: string;
  date: string;
  time: string;
  periods: [string, string];
  days: string[];
  shortDays: string[];
  months: string[];
  shortMonths: string[];
}

const vegaLocales = new Map<Locale, { number: NumberLocale; time: TimeLocale }>();

/**
 * Vega's locale for a language, from Intl: its thousands and decimal separators, and its month and
 * weekday names as they read beside a day number ("15 maja", not "maj").
 */
export function vegaLocale(locale: Locale): { number: NumberLocale; time: TimeLocale } {
  const known = vegaLocales.get(locale);
  if (known) return known;
  const tag = INTL_LOCALE[locale];
  const parts = numberFormat(tag).formatToParts(12345.5);
  const part = (type: string, fallback: string) => parts.find((p) => p.type === type)?.value ?? fallback;
  const nameOf = (options: Intl.DateTimeFormatOptions, date: Date, type: "month" | "weekday") =>
    new Intl.DateTimeFormat(tag, { ...options, timeZone: "UTC" }).formatToParts(date).find((p) => p.type === type)
      ?.value ?? "";
  const months = Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(2026, m, 15)));
  // 2026-05-17 is a Sunday: d3 counts weekdays from Sunday.
  const week = Array.from({ length: 7 }, (_, d) => new Date(Date.UTC(2026, 4, 17 + d)));
  const made = {
    number: { decimal: part("decimal", "."), thousands: part("group", ","), grouping: [3], currency: ["", ""] },
    time: {
      dateTime: "%a %-d %b %Y %H:%M:%S",
      date: "%Y-%m-%d",
      time: "%H:%M:%S",
      periods: ["AM", "PM"],
      days: week.map((d) => nameOf({ weekday: "long" }, d, "weekday")),
      shortDays: week.map((d) => nameOf({ weekday: "short" }, d, "weekday")),
      months: months.map((d) => nameOf({ day: "numeric", month: "long" }, d, "month")),
      shortMonths: months.map((d) => nameOf({ day: "numeric", month: "short" }, d, "month")),
    },
  } satisfies { number: NumberLocale; time: TimeLocale };
  vegaLocales.set(locale, made);
  return made;
}
