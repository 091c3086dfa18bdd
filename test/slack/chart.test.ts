import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { chartPoints, renderUsageChart, usageChartSpec, usageChartSvg } from "../../src/slack/chart.ts";

const series = {
  points: Array.from({ length: 20 }, (_, i) => ({
    day: `2026-05-${String(i + 1).padStart(2, "0")}`,
    marketingCount: 1800 + i * 15,
    tierLimit: 2000,
  })),
  updateDates: ["2026-05-01T16:00:00.000Z"],
  timeZone: "America/New_York",
  from: "2026-05-01",
  to: "2026-05-20",
};

describe("usage chart", () => {
  it("renders a PNG server-side", async () => {
    const png = await renderUsageChart(series);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.length).toBeGreaterThan(10_000);
  });

  it("draws the tier line, the count line, its labels and the update dates", async () => {
    const svg = await usageChartSvg(series);
    expect(svg).toContain("Marketing contacts");
    expect(svg).toContain("Tier limit");
    expect(svg).toContain("2,000");
    expect(svg).toContain("#2ca02c");
  });
});

describe("usage chart size", () => {
  const start = DateTime.fromISO("2023-01-01", { zone: "utc" });
  const long = {
    points: Array.from({ length: 1_100 }, (_, i) => ({
      day: start.plus({ days: i }).toISODate() ?? "",
      marketingCount: 1_000 + (i % 9) * 10,
      tierLimit: 2_000,
    })),
    updateDates: Array.from({ length: 5_000 }, (_, i) => start.plus({ months: i }).toISO() ?? ""),
    timeZone: "America/New_York",
    from: "2023-01-01",
    to: start.plus({ days: 1_099 }).toISODate() ?? "",
  };

  it("draws at most 400 points, each the peak of its days, and at most 60 update dates, whatever it is given", () => {
    const drawn = chartPoints(long);
    expect(drawn.points.length).toBeLessThanOrEqual(400);
    expect(drawn.bucketDays).toBe(3);
    expect(Math.max(...drawn.points.map((p) => p.marketingCount))).toBe(1_080);
    const spec = usageChartSpec(long) as unknown as { layer: { data: { values: unknown[] } }[] };
    expect(spec.layer[1]?.data.values.length).toBeLessThanOrEqual(800);
    expect(spec.layer[0]?.data.values.length).toBe(60);
  });

  it("renders a bounded PNG for a 3-year chart", async () => {
    const png = await renderUsageChart(long);
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    expect(width).toBeLessThanOrEqual(2_400);
    expect(height).toBeLessThanOrEqual(1_000);
    expect(png.length).toBeLessThan(1_000_000);
  });
});
