// The usage chart in the asker's language: title, subtitle, axis titles and legend translated, the
// day axis with the language's month names, the count axis with its thousands separator, and
// the font draws every letter of Swedish and Polish (å ä ö ą ć ę ł ń ś ź ż).
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { CHART_FONTS, renderUsageChart, usageChartSpec, usageChartSvg } from "../../src/slack/chart.ts";

const march = {
  points: Array.from({ length: 20 }, (_, i) => ({
    day: `2026-03-${String(i + 1).padStart(2, "0")}`,
    marketingCount: 1_800 + i * 15,
    tierLimit: 2_000,
  })),
  updateDates: ["2026-03-15T16:00:00.000Z"],
  timeZone: "Europe/Warsaw",
  from: "2026-03-01",
  to: "2026-03-20",
};

/** The text the SVG draws. */
const textsOf = (svg: string): string[] => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? "");

interface Spec {
  title: { text: string; subtitle: string };
  config: { locale?: { number: { thousands: string }; time: { shortMonths: string[]; months: string[] } } };
  layer: { encoding: { x: { title?: string }; y?: { title: string }; color?: { scale: { domain: string[] } } } }[];
}

const NBSP = "\u00a0";

const CASES = {
  sv: {
    title: "Marknadsföringskontakter mot paketet, 1 mars 2026 till 20 mars 2026",
    subtitle: "Prickade gröna linjer",
    legend: ["Marknadsföringskontakter", "Paketets gräns"],
    y: "Kontakter",
    x: "Dag (Europe/Warsaw)",
    tick: "15 mars",
    thousands: `2${NBSP}000`,
  },
  nl: {
    title: "Marketingcontacten tegenover het pakket, 1 maart 2026 tot 20 maart 2026",
    subtitle: "Groene stippellijnen",
    legend: ["Marketingcontacten", "Pakketlimiet"],
    y: "Contacten",
    x: "Dag (Europe/Warsaw)",
    tick: "15 mrt",
    thousands: "2.000",
  },
  pl: {
    title: "Kontakty marketingowe na tle pakietu, od 1 marca 2026 do 20 marca 2026",
    subtitle: "Zielone linie kropkowane: daty aktualizacji (oczekujące kontakty stają się niemarketingowe).",
    legend: ["Kontakty marketingowe", "Limit pakietu"],
    y: "Kontakty",
    x: "Dzień (Europe/Warsaw)",
    tick: "15 mar",
    thousands: `2${NBSP}000`,
  },
} as const;

describe("the usage chart in the asker's language", () => {
  it.each(["sv", "nl", "pl"] as const)("%s: the spec's words and locale", (locale) => {
    const want = CASES[locale];
    const spec = usageChartSpec(march, locale) as unknown as Spec;
    expect(spec.title.text).toBe(want.title);
    expect(spec.title.subtitle).toContain(want.subtitle);
    const line = spec.layer[1]?.encoding;
    expect(line?.x.title).toBe(want.x);
    expect(line?.y?.title).toBe(want.y);
    expect(line?.color?.scale.domain).toEqual(want.legend);
    expect(spec.config.locale?.time.shortMonths[2]).toBe(want.tick.split(" ")[1]);
  });

  it.each(["sv", "nl", "pl"] as const)("%s: the drawn SVG, with its month names and thousands", async (locale) => {
    const want = CASES[locale];
    const texts = textsOf(await usageChartSvg(march, locale));
    expect(texts).toContain(want.title);
    expect(texts).toContain(want.y);
    expect(texts).toContain(want.x);
    // The legend's names whole, not cut with an ellipsis.
    for (const name of want.legend) expect(texts).toContain(name);
    expect(texts).toContain(want.tick);
    expect(texts).toContain(want.thousands);
    expect(texts.join(" ")).not.toMatch(/Marketing contacts|Tier limit|Contacts|Day \(|Mar\b/);
  });

  it("Polish month names in the title's genitive, a grouped chart's note with Polish plurals", () => {
    const start = DateTime.fromISO("2025-01-01", { zone: "utc" });
    const long = {
      points: Array.from({ length: 1_000 }, (_, i) => ({
        day: start.plus({ days: i }).toISODate() ?? "",
        marketingCount: 1_000,
        tierLimit: 2_000,
      })),
      updateDates: [],
      timeZone: "Europe/Warsaw",
      from: "2025-01-01",
      to: start.plus({ days: 999 }).toISODate() ?? "",
    };
    const spec = usageChartSpec(long, "pl") as unknown as Spec;
    expect(spec.title.text).toBe("Kontakty marketingowe na tle pakietu, od 1 stycznia 2025 do 27 września 2027");
    expect(spec.title.subtitle).toContain("Każdy punkt to maksimum z 3 dni.");
  });

  it("English is drawn as before, also right after a Polish chart", async () => {
    await usageChartSvg(march, "pl");
    const texts = textsOf(await usageChartSvg(march));
    expect(texts).toContain("Marketing contacts against the tier, 2026-03-01 to 2026-03-20");
    expect(texts).toContain("2,000");
    expect(texts).toContain("15 Mar");
    expect(texts).toContain("Tier limit");
    expect((usageChartSpec(march) as unknown as Spec).config.locale).toBeUndefined();
  });
});

describe("the chart's font", () => {
  /** The letter drawn alone: its RGBA pixels. */
  async function drawn(letter: string): Promise<Buffer> {
    const { renderAsync } = await import("@resvg/resvg-js");
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><text x="8" y="30" font-family="DejaVu Sans" font-size="28">${letter}</text></svg>`;
    const image = await renderAsync(svg, { background: "white", font: CHART_FONTS });
    return Buffer.from(image.pixels);
  }
  const ink = (pixels: Buffer) => pixels.filter((v, i) => i % 4 === 0 && v < 128).length;

  it("draws every Swedish and Polish letter, each its own glyph (no blank, no box)", async () => {
    const letters = [..."åäöąćęłńśźżÅÄÖĄĆĘŁŃŚŹŻ"];
    const images = await Promise.all(letters.map(drawn));
    for (const [i, image] of images.entries()) expect(ink(image), letters[i]).toBeGreaterThan(10);
    const distinct = new Set(images.map((image) => image.toString("base64")));
    expect(distinct.size).toBe(letters.length);
    // And each differs from its letter without the mark: the mark is drawn.
    const bare = await Promise.all([..."aaoacelnszz"].map(drawn));
    for (const [i, image] of bare.entries()) expect(image.equals(images[i] as Buffer), letters[i]).toBe(false);
  });

  it("renders a Polish chart to a PNG", async () => {
    const png = await renderUsageChart(march, "pl");
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBeGreaterThan(1_000);
    expect(png.length).toBeGreaterThan(10_000);
  });
});
