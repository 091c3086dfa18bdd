// The usage chart: vega-lite → vega → SVG → PNG, all in-process (no browser, no network). The three
// libraries are large: they load with the first chart drawn, not when the service starts.
import { existsSync } from "node:fs";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { DateTime } from "luxon";
import type { TopLevelSpec } from "vega-lite";
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
export function usageChartSpec(series: ChartSeries): TopLevelSpec {
  const drawn = chartPoints(series);
  const points = drawn.points.flatMap((p) => [
    { day: p.day, value: p.marketingCount, series: "Marketing contacts" },
    { day: p.day, value: p.tierLimit, series: "Tier limit" },
  ]);
  const updates = series.updateDates
    .slice(0, MAX_UPDATE_RULES)
    .map((iso) => ({ day: iso.slice(0, 10), label: "update" }));
  const grouped = drawn.bucketDays > 1 ? ` Each point is the peak of ${drawn.bucketDays} days.` : "";
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: 720,
    height: 320,
    background: "white",
    padding: 12,
    config: { font: "DejaVu Sans", axis: { labelFontSize: 11, titleFontSize: 12 } },
    title: {
      text: `Marketing contacts against the tier, ${series.from} to ${series.to}`,
      subtitle: `Dotted green lines: update dates (pending contacts become non-marketing).${grouped}`,
      fontSize: 14,
    },
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
            title: `Day (${series.timeZone})`,
            axis: { format: "%d %b" },
          },
          y: { field: "value", type: "quantitative", title: "Contacts", scale: { zero: true } },
          color: {
            field: "series",
            type: "nominal",
            title: null,
            scale: { domain: ["Marketing contacts", "Tier limit"], range: ["#1f77b4", "#d62728"] },
          },
          strokeDash: {
            field: "series",
            type: "nominal",
            scale: {
              domain: ["Marketing contacts", "Tier limit"],
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

export async function usageChartSvg(series: ChartSeries): Promise<string> {
  const [vega, { compile }] = await Promise.all([import("vega"), import("vega-lite")]);
  // Each step gives the event loop back, so Slack acks and the scheduler wait one step at most.
  const vgSpec = compile(usageChartSpec(series)).spec;
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
export async function renderUsageChart(series: ChartSeries): Promise<Buffer> {
  const svg = await usageChartSvg(series);
  const { renderAsync } = await import("@resvg/resvg-js");
  const image = await renderAsync(svg, {
    background: "white",
    fitTo: { mode: "zoom", value: 2 },
    font: {
      fontFiles: FONT_FILES,
      loadSystemFonts: FONT_FILES.length === 0,
      defaultFontFamily: "DejaVu Sans",
      sansSerifFamily: "DejaVu Sans",
    },
  });
  return Buffer.from(image.asPng());
}
