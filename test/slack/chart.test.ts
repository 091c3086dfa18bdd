import { describe, expect, it } from "vitest";
import { renderUsageChart, usageChartSvg } from "../../src/slack/chart.ts";

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
