// The usage chart: vega-lite → vega → SVG → PNG, all in-process (no browser, no network).
import { existsSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
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

/** The vega-lite spec: daily marketing count (line), tier limit (step line), update dates (rules). */
export function usageChartSpec(series: UsageSeries): TopLevelSpec {
  const points = series.points.flatMap((p) => [
    { day: p.day, value: p.marketingCount, series: "Marketing contacts" },
    { day: p.day, value: p.tierLimit, series: "Tier limit" },
  ]);
  const updates = series.updateDates.map((iso) => ({ day: iso.slice(0, 10), label: "update" }));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: 720,
    height: 320,
    background: "white",
    padding: 12,
    config: { font: "DejaVu Sans", axis: { labelFontSize: 11, titleFontSize: 12 } },
    title: {
      text: `Marketing contacts against the tier, ${series.from} to ${series.to}`,
      subtitle: "Dotted green lines: update dates (pending contacts become non-marketing)",
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
        mark: { type: "line", point: series.points.length <= 40, interpolate: "step-after" },
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

export async function usageChartSvg(series: UsageSeries): Promise<string> {
  const vgSpec = compile(usageChartSpec(series)).spec;
  const view = new vega.View(vega.parse(vgSpec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** The chart as PNG bytes. */
export async function renderUsageChart(series: UsageSeries): Promise<Buffer> {
  const svg = await usageChartSvg(series);
  const resvg = new Resvg(svg, {
    background: "white",
    fitTo: { mode: "zoom", value: 2 },
    font: {
      fontFiles: FONT_FILES,
      loadSystemFonts: FONT_FILES.length === 0,
      defaultFontFamily: "DejaVu Sans",
      sansSerifFamily: "DejaVu Sans",
    },
  });
  return Buffer.from(resvg.render().asPng());
}
