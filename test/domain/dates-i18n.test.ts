// Dates in the user's language: Swedish and Dutch through chrono-node's own parsers (with ours for
// what they miss), Polish through ours alone, English always as well. Each phrase is resolved in the
// user's zone; the fixed `now` is two days after Central European clocks went forward (29 March 2026).
import * as chrono from "chrono-node";
import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { dutchParsers } from "../../src/domain/dates/nl.ts";
import { foldPolish, polish } from "../../src/domain/dates/pl.ts";
import { swedishParsers } from "../../src/domain/dates/sv.ts";
import {
  type DateContext,
  type DateLocale,
  MAX_DATE_LENGTH,
  parseCalendarDate,
  parseDate,
  parseRange,
} from "../../src/domain/dates.ts";

// Tuesday 31 March 2026, 10:00 UTC: 12:00 CEST (+02:00) in all three zones. Sunday 29 March had 23
// hours (02:00 CET became 03:00 CEST), so its midnight and every day before it are at +01:00.
const NOW = new Date("2026-03-31T10:00:00Z");
// Sunday 15 March 2026, 11:00 UTC: 12:00 CET, for months and years (31 March minus a month overflows).
const MID_MARCH = new Date("2026-03-15T11:00:00Z");

const ZONES = { sv: "Europe/Stockholm", nl: "Europe/Amsterdam", pl: "Europe/Warsaw" } as const;
type Locale = keyof typeof ZONES;

const ctx = (locale: Locale, now = NOW): DateContext => ({ now, timeZone: ZONES[locale], locale });

/** A phrase, the instant it stands for, and the `now` it is read at when not NOW. */
type Row = [phrase: string, iso: string, now?: Date];

// Local midnights: 31 Mar–2 Apr are at +02:00 (22:00Z the day before), 29 Mar and earlier at +01:00.
const MON_30 = "2026-03-29T22:00:00.000Z";
const SUN_29 = "2026-03-28T23:00:00.000Z";
const SAT_28 = "2026-03-27T23:00:00.000Z";
const FRI_27 = "2026-03-26T23:00:00.000Z";
const TUE_31 = "2026-03-30T22:00:00.000Z";
const WED_1 = "2026-03-31T22:00:00.000Z";
const THU_2 = "2026-04-01T22:00:00.000Z";
const MAR_1 = "2026-02-28T23:00:00.000Z";
const JAN_15_2027 = "2027-01-14T23:00:00.000Z";
// Durations keep the local time of day, 12:00: at +01:00 before the change, at +02:00 after it.
const DAYS_AGO_3 = "2026-03-28T11:00:00.000Z";
const DAYS_AGO_7 = "2026-03-24T11:00:00.000Z";
const IN_3_DAYS = "2026-04-03T10:00:00.000Z";
const IN_2_WEEKS = "2026-04-14T10:00:00.000Z";
const HOURS_AGO_2 = "2026-03-31T08:00:00.000Z";
const NOW_ISO = "2026-03-31T10:00:00.000Z";
// From MID_MARCH (12:00 CET): six months back and one ahead are in summer time.
const MONTHS_AGO_6 = "2025-09-15T10:00:00.000Z";
const IN_A_MONTH = "2026-04-15T10:00:00.000Z";
const A_YEAR_AGO = "2025-03-15T11:00:00.000Z";

const SWEDISH: Row[] = [
  ["idag", TUE_31],
  ["i dag", TUE_31],
  ["igår", MON_30],
  ["i går", MON_30],
  ["i förrgår", SUN_29],
  ["imorgon", WED_1],
  ["i morgon", WED_1],
  ["övermorgon", THU_2],
  ["förra måndagen", MON_30],
  ["förra måndag", MON_30],
  ["i måndags", MON_30],
  ["i söndags", SUN_29],
  ["i lördags", SAT_28],
  ["senaste fredag", FRI_27],
  ["förra fredagen", FRI_27],
  ["nästa fredag", "2026-04-09T22:00:00.000Z"],
  ["kommande onsdagen", WED_1],
  ["på kommande onsdag", WED_1],
  ["på onsdag", WED_1],
  ["1 mars", MAR_1],
  ["den 1 mars", MAR_1],
  ["15 januari 2027", JAN_15_2027],
  ["1/3", MAR_1],
  ["för 3 dagar sedan", DAYS_AGO_3],
  ["7 dagar sedan", DAYS_AGO_7],
  ["för en vecka sedan", DAYS_AGO_7],
  ["förra veckan", DAYS_AGO_7],
  ["om 3 dagar", IN_3_DAYS],
  ["om två veckor", IN_2_WEEKS],
  ["för 2 timmar sedan", HOURS_AGO_2],
  ["nu", NOW_ISO],
  ["för 6 månader sedan", MONTHS_AGO_6, MID_MARCH],
  ["om en månad", IN_A_MONTH, MID_MARCH],
  ["nästa månad", IN_A_MONTH, MID_MARCH],
  ["förra året", A_YEAR_AGO, MID_MARCH],
];

const DUTCH: Row[] = [
  ["vandaag", TUE_31],
  ["gisteren", MON_30],
  ["eergisteren", SUN_29],
  ["morgen", WED_1],
  ["overmorgen", THU_2],
  ["vorige maandag", MON_30],
  ["afgelopen maandag", MON_30],
  ["maandag jl.", MON_30],
  ["vorige zondag", SUN_29],
  ["afgelopen zaterdag", SAT_28],
  ["volgende vrijdag", "2026-04-09T22:00:00.000Z"],
  ["komende woensdag", WED_1],
  ["aanstaande vrijdag", "2026-04-02T22:00:00.000Z"],
  ["vrijdag a.s.", "2026-04-02T22:00:00.000Z"],
  ["op woensdag", WED_1],
  ["1 maart", MAR_1],
  ["op 1 maart", MAR_1],
  ["15 januari 2027", JAN_15_2027],
  ["1/3", MAR_1],
  ["morgen om 9 uur", "2026-04-01T07:00:00.000Z"],
  ["3 dagen geleden", DAYS_AGO_3],
  ["7 dagen geleden", DAYS_AGO_7],
  ["een week geleden", DAYS_AGO_7],
  ["vorige week", DAYS_AGO_7],
  ["over 3 dagen", IN_3_DAYS],
  ["over twee weken", IN_2_WEEKS],
  ["2 uur geleden", HOURS_AGO_2],
  ["nu", NOW_ISO],
  ["6 maanden geleden", MONTHS_AGO_6, MID_MARCH],
  ["over een maand", IN_A_MONTH, MID_MARCH],
  ["vorig jaar", A_YEAR_AGO, MID_MARCH],
];

const POLISH: Row[] = [
  ["dzisiaj", TUE_31],
  ["dziś", TUE_31],
  ["wczoraj", MON_30],
  ["Wczoraj", MON_30],
  ["przedwczoraj", SUN_29],
  ["jutro", WED_1],
  ["pojutrze", THU_2],
  ["teraz", NOW_ISO],
  ["w zeszły poniedziałek", MON_30],
  ["w ostatnią niedzielę", SUN_29],
  ["w zeszłą środę", "2026-03-24T23:00:00.000Z"],
  ["w ostatni piątek", FRI_27],
  ["w zeszłą sobotę", SAT_28],
  ["w przyszły wtorek", "2026-04-06T22:00:00.000Z"],
  ["w tę sobotę", "2026-04-03T22:00:00.000Z"],
  ["w ten piątek", "2026-04-02T22:00:00.000Z"],
  ["ŚRODA", WED_1],
  ["1 marca", MAR_1],
  ["dnia 1 marca", MAR_1],
  ["15 stycznia 2027", JAN_15_2027],
  ["15 stycznia 2027 r.", JAN_15_2027],
  ["1 października 2025", "2025-09-30T22:00:00.000Z"],
  ["1.03.2026", MAR_1],
  ["3 dni temu", DAYS_AGO_3],
  ["7 dni temu", DAYS_AGO_7],
  ["dzień temu", "2026-03-30T10:00:00.000Z"],
  ["tydzień temu", DAYS_AGO_7],
  ["2 tygodnie temu", "2026-03-17T11:00:00.000Z"],
  ["5 tygodni temu", "2026-02-24T11:00:00.000Z"],
  ["za 3 dni", IN_3_DAYS],
  ["za tydzień", "2026-04-07T10:00:00.000Z"],
  ["za dwa tygodnie", IN_2_WEEKS],
  ["2 godziny temu", HOURS_AGO_2],
  ["miesiąc temu", "2026-02-15T11:00:00.000Z", MID_MARCH],
  ["3 miesiące temu", "2025-12-15T11:00:00.000Z", MID_MARCH],
  ["6 miesięcy temu", MONTHS_AGO_6, MID_MARCH],
  ["za miesiąc", IN_A_MONTH, MID_MARCH],
  ["rok temu", A_YEAR_AGO, MID_MARCH],
  ["2 lata temu", "2024-03-15T11:00:00.000Z", MID_MARCH],
  ["5 lat temu", "2021-03-15T11:00:00.000Z", MID_MARCH],
];

function iso(result: ReturnType<typeof parseDate>): string {
  if (!result.ok) throw new Error(result.error);
  return result.date.toISOString();
}

const TABLES: [Locale, Row[]][] = [
  ["sv", SWEDISH],
  ["nl", DUTCH],
  ["pl", POLISH],
];

describe.each(TABLES)("parseDate in %s", (locale, rows) => {
  it("has at least 25 phrases", () => {
    expect(rows.length).toBeGreaterThanOrEqual(25);
  });

  it.each(rows)("reads %j as %s", (phrase, expected, now) => {
    expect(iso(parseDate(phrase, ctx(locale, now)))).toBe(expected);
  });

  it("still reads English, and gives the English error for text in no language", () => {
    expect(iso(parseDate("yesterday", ctx(locale)))).toBe(MON_30);
    expect(iso(parseDate("2026-03-01", ctx(locale)))).toBe(MAR_1);
    expect(iso(parseDate("last monday", ctx(locale)))).toBe(MON_30);
    expect(iso(parseDate("in 3 days", ctx(locale)))).toBe(IN_3_DAYS);
    expect(parseDate("blorp", ctx(locale))).toEqual({
      ok: false,
      error: `I couldn't read "blorp" as a date. Try "yesterday", "last monday", "1 March" or "2026-03-01".`,
    });
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        const result = parseDate(text, ctx(locale));
        if (result.ok) expect(Number.isNaN(result.date.getTime())).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe("Polish", () => {
  it.each(POLISH)("reads %j without its diacritics too", (phrase, expected, now) => {
    expect(iso(parseDate(foldPolish(phrase), ctx("pl", now)))).toBe(expected);
  });

  // Tuesday 31 March: the latest of each weekday before today, and each weekday of next week.
  const WEEKDAYS: [noun: string, feminine: boolean, last: string, next: string][] = [
    ["poniedziałek", false, "2026-03-30", "2026-04-06"],
    ["wtorek", false, "2026-03-24", "2026-04-07"],
    ["środę", true, "2026-03-25", "2026-04-08"],
    ["środa", true, "2026-03-25", "2026-04-08"],
    ["czwartek", false, "2026-03-26", "2026-04-09"],
    ["piątek", false, "2026-03-27", "2026-04-10"],
    ["sobotę", true, "2026-03-28", "2026-04-11"],
    ["sobota", true, "2026-03-28", "2026-04-11"],
    ["niedzielę", true, "2026-03-29", "2026-04-12"],
    ["niedziela", true, "2026-03-29", "2026-04-12"],
  ];

  it.each(WEEKDAYS)("reads every modifier with %j", (noun, feminine, last, next) => {
    const day = (phrase: string): string => {
      const result = parseDate(phrase, ctx("pl"));
      if (!result.ok) throw new Error(result.error);
      const local = DateTime.fromJSDate(result.date, { zone: ZONES.pl });
      expect(local.toFormat("HH:mm:ss.SSS"), phrase).toBe("00:00:00.000");
      return local.toISODate() ?? "";
    };
    const [zeszly, ostatni, przyszly] = feminine
      ? ["zeszłą", "ostatnią", "przyszłą"]
      : ["zeszły", "ostatni", "przyszły"];
    for (const phrase of [`w ${zeszly} ${noun}`, `w ${ostatni} ${noun}`, `${zeszly} ${noun}`, `w poprzedni ${noun}`]) {
      expect(day(phrase), phrase).toBe(last);
      expect(day(foldPolish(phrase)), foldPolish(phrase)).toBe(last);
    }
    for (const phrase of [`w ${przyszly} ${noun}`, `we ${przyszly} ${noun}`, `w następny ${noun}`]) {
      expect(day(phrase), phrase).toBe(next);
      expect(day(foldPolish(phrase)), foldPolish(phrase)).toBe(next);
    }
  });

  it("refuses counts without 'za' or 'temu', impossible days, and other languages' words", () => {
    for (const text of ["3 dni", "za 3 dni temu", "31 lutego", "32 marca", "gisteren", "igår"]) {
      const result = parseDate(text, ctx("pl"));
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.error, text).toContain("couldn't read");
    }
  });
});

describe("across the daylight-saving change of 29 March 2026", () => {
  it("puts last Monday at local midnight in each language", () => {
    expect(iso(parseDate("förra måndagen", ctx("sv")))).toBe(MON_30);
    expect(iso(parseDate("vorige maandag", ctx("nl")))).toBe(MON_30);
    expect(iso(parseDate("w zeszły poniedziałek", ctx("pl")))).toBe(MON_30);
    // The 23-hour Sunday starts at +01:00 and ends at +02:00.
    const start = parseDate("przedwczoraj", ctx("pl"), "start");
    const end = parseDate("przedwczoraj", ctx("pl"), "end");
    expect(iso(start)).toBe("2026-03-28T23:00:00.000Z");
    expect(iso(end)).toBe("2026-03-29T21:59:59.999Z");
  });

  it("keeps the local time of day for '7 days ago' in every language, as English does", () => {
    const english = iso(parseDate("7 days ago", { now: NOW, timeZone: ZONES.pl }));
    expect(english).toBe(DAYS_AGO_7);
    expect(iso(parseDate("7 dni temu", ctx("pl")))).toBe(english);
    expect(iso(parseDate("7 dagar sedan", ctx("sv")))).toBe(english);
    expect(iso(parseDate("7 dagen geleden", ctx("nl")))).toBe(english);
    expect(DateTime.fromISO(english, { zone: ZONES.pl }).toFormat("HH:mm ZZ")).toBe("12:00 +01:00");
  });
});

describe("the other entry points", () => {
  it("parseRange reads localised dates between English keywords, as past ones", () => {
    expect(parseRange("since w zeszły poniedziałek", ctx("pl"))).toEqual({
      ok: true,
      from: new Date(MON_30),
      to: null,
    });
    expect(parseRange("from 1 maart to gisteren", ctx("nl"))).toEqual({
      ok: true,
      from: new Date(MAR_1),
      to: new Date("2026-03-30T21:59:59.999Z"),
    });
    // Without a year, 1 April is tomorrow; in a period it is last year's.
    expect(parseRange("since 1 kwietnia", ctx("pl"))).toEqual({
      ok: true,
      from: new Date("2025-03-31T22:00:00.000Z"),
      to: null,
    });
    // A bare weekday moves back a week to be past; a modified one stays.
    expect(parseRange("since vrijdag", ctx("nl"))).toEqual({ ok: true, from: new Date(FRI_27), to: null });
    expect(parseRange("since senaste fredag", ctx("sv"))).toEqual({ ok: true, from: new Date(FRI_27), to: null });
    expect(parseRange("until igår", ctx("sv"))).toEqual({
      ok: true,
      from: null,
      to: new Date("2026-03-30T21:59:59.999Z"),
    });
  });

  it("parseCalendarDate reads localised dates as calendar days", () => {
    expect(parseCalendarDate("15 stycznia 2027", ctx("pl"))).toEqual({ ok: true, date: "2027-01-15" });
    expect(parseCalendarDate("gisteren", ctx("nl"))).toEqual({ ok: true, date: "2026-03-30" });
    expect(parseCalendarDate("i förrgår", ctx("sv"))).toEqual({ ok: true, date: "2026-03-29" });
  });

  it("keeps English errors: ranges, unknown words of another language, an unknown locale", () => {
    const range = parseDate("1 - 3 mars", ctx("sv"));
    expect(range).toEqual({ ok: false, error: `"1 - 3 mars" is a range; give a single date.` });
    expect(parseDate("wczoraj", ctx("sv"))).toEqual({
      ok: false,
      error: `I couldn't read "wczoraj" as a date. Try "yesterday", "last monday", "1 March" or "2026-03-01".`,
    });
    // Without a locale (or with English) nothing but English is read.
    expect(parseDate("wczoraj", { now: NOW, timeZone: ZONES.pl }).ok).toBe(false);
    expect(parseDate("gisteren", { now: NOW, timeZone: ZONES.nl, locale: "en" }).ok).toBe(false);
    const unknown = { now: NOW, timeZone: ZONES.pl, locale: "de" as DateLocale };
    expect(iso(parseDate("yesterday", unknown))).toBe(MON_30);
  });
});

describe("parsing time", () => {
  // As in parse-time.test.ts: a linear parse takes milliseconds, a super-linear one seconds.
  const BOUND_MS = 100;
  function fastestMs(run: () => unknown): number {
    let best = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt < 5 && best >= BOUND_MS; attempt++) {
      const start = performance.now();
      run();
      best = Math.min(best, performance.now() - start);
    }
    return best;
  }

  const PIECES: Record<Locale, string[]> = {
    sv: ["i ", "i i ", "för ", "om 3 ", "3 dagar ", "förra ", "förra måndagen ", "i måndags", "sedan ", "igår ", " "],
    nl: ["afgelopen ", "maandag ", "maandag jl", "a.s.", "eergisteren ", "komende ", "1 ", " "],
    pl: [
      "w ",
      "w zeszły ",
      "za ",
      "za 3 ",
      "3 ",
      "1.",
      "1/",
      "temu ",
      "dni temu ",
      "1 marca ",
      "wczoraj ",
      "2027 r",
      "ś",
      " ",
    ],
  };
  const repeat = (piece: string, length: number): string =>
    piece.repeat(Math.ceil(length / piece.length)).slice(0, length);

  it.each(TABLES.map(([locale]) => locale))(
    "refuses long %s text before parsing, and reads text up to the limit in milliseconds",
    (locale) => {
      for (const piece of PIECES[locale]) {
        const long = repeat(piece, 5_000);
        expect(fastestMs(() => parseDate(long, ctx(locale)))).toBeLessThan(BOUND_MS);
        const result = parseDate(`x${long}x`, ctx(locale));
        expect(!result.ok && result.error).toMatch(/a date takes at most 60\./);
        const atLimit = repeat(piece, MAX_DATE_LENGTH);
        expect(fastestMs(() => parseDate(atLimit, ctx(locale)))).toBeLessThan(BOUND_MS);
      }
    },
  );

  it("our own parsers read 20,000 characters of repeated words in milliseconds", () => {
    const only = (parsers: readonly chrono.Parser[]) => new chrono.Chrono({ parsers: [...parsers], refiners: [] });
    const readers: [Locale, Pick<chrono.Chrono, "parse">][] = [
      ["sv", only(swedishParsers)],
      ["nl", only(dutchParsers)],
      ["pl", polish],
    ];
    const reference = { instant: NOW, timezone: 120 };
    for (const [locale, reader] of readers) {
      reader.parse("warm-up wczoraj i går maandag jl.", reference);
      for (const piece of PIECES[locale]) {
        const text = repeat(piece, 20_000);
        expect(
          fastestMs(() => reader.parse(text, reference)),
          `${locale} ${JSON.stringify(piece)}`,
        ).toBeLessThan(BOUND_MS);
      }
    }
  });
});
