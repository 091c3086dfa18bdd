import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { parseCalendarDate, parseDate, parseRange } from "../../src/domain/dates.ts";

// Monday 9 March 2026, 15:30 UTC: 11:30 in New York (EDT since the day before), 08:30 in Los
// Angeles (PDT since the day before), and already Tuesday 10 March, 04:30 in Auckland (NZDT).
const now = new Date("2026-03-09T15:30:00Z");
const LA = { now, timeZone: "America/Los_Angeles" };
const NY = { now, timeZone: "America/New_York" };
const AKL = { now, timeZone: "Pacific/Auckland" };

/** The result as local wall-clock time in the zone, to compare readably. */
function local(result: ReturnType<typeof parseDate>, timeZone: string): string {
  if (!result.ok) throw new Error(result.error);
  return DateTime.fromJSDate(result.date, { zone: timeZone }).toFormat("yyyy-MM-dd HH:mm:ss.SSS ZZ");
}

describe("parseDate", () => {
  it("reads 'yesterday' as the start of the user's local yesterday", () => {
    expect(local(parseDate("yesterday", LA), LA.timeZone)).toBe("2026-03-08 00:00:00.000 -08:00");
    expect(local(parseDate("yesterday", AKL), AKL.timeZone)).toBe("2026-03-09 00:00:00.000 +13:00");
  });

  it("gives different days for users in Auckland and Los Angeles at the same instant", () => {
    const la = parseDate("yesterday", LA);
    const akl = parseDate("yesterday", AKL);
    expect(la.ok && akl.ok).toBe(true);
    if (!la.ok || !akl.ok) return;
    expect(DateTime.fromJSDate(la.date, { zone: LA.timeZone }).toISODate()).toBe("2026-03-08");
    expect(DateTime.fromJSDate(akl.date, { zone: AKL.timeZone }).toISODate()).toBe("2026-03-09");
    expect(la.date.toISOString()).toBe("2026-03-08T08:00:00.000Z");
    expect(akl.date.toISOString()).toBe("2026-03-08T11:00:00.000Z");
  });

  it("spans a daylight-saving change: the start and end of a 23-hour day have different offsets", () => {
    // 8 March 2026 is the day US clocks spring forward.
    expect(local(parseDate("yesterday", LA, "start"), LA.timeZone)).toBe("2026-03-08 00:00:00.000 -08:00");
    expect(local(parseDate("yesterday", LA, "end"), LA.timeZone)).toBe("2026-03-08 23:59:59.999 -07:00");
    const start = parseDate("2026-03-08", NY, "start");
    const end = parseDate("2026-03-08", NY, "end");
    if (!start.ok || !end.ok) throw new Error("expected dates");
    expect(end.date.getTime() - start.date.getTime()).toBe(23 * 3_600_000 - 1);
  });

  it("places a date on the other side of a DST change at local midnight, not at today's offset", () => {
    // Today New York is on EDT (-04:00); 1 March was still EST (-05:00).
    expect(local(parseDate("1 March", NY), NY.timeZone)).toBe("2026-03-01 00:00:00.000 -05:00");
    expect(parseDate("1 March", NY)).toEqual({ ok: true, date: new Date("2026-03-01T05:00:00Z") });
  });

  it("reads 'last monday' as the Monday before today in the user's zone", () => {
    expect(local(parseDate("last monday", LA), LA.timeZone)).toBe("2026-03-02 00:00:00.000 -08:00");
    // In Auckland it is already Tuesday, so last Monday is the day before.
    expect(local(parseDate("last monday", AKL), AKL.timeZone)).toBe("2026-03-09 00:00:00.000 +13:00");
  });

  it("reads ISO dates as a whole local day", () => {
    expect(local(parseDate("2026-03-01", LA), LA.timeZone)).toBe("2026-03-01 00:00:00.000 -08:00");
    expect(local(parseDate("2026-03-01", LA, "end"), LA.timeZone)).toBe("2026-03-01 23:59:59.999 -08:00");
  });

  it("keeps an explicit time, in the user's zone and with the offset of that day", () => {
    expect(local(parseDate("at 9am next friday", LA), LA.timeZone)).toBe("2026-03-20 09:00:00.000 -07:00");
    expect(local(parseDate("tomorrow noon", NY), NY.timeZone)).toBe("2026-03-10 12:00:00.000 -04:00");
    expect(local(parseDate("tomorrow noon", AKL), AKL.timeZone)).toBe("2026-03-11 12:00:00.000 +13:00");
    // The edge only applies to whole days.
    expect(local(parseDate("tomorrow noon", NY, "end"), NY.timeZone)).toBe("2026-03-10 12:00:00.000 -04:00");
  });

  it("reads durations from now, keeping the local time of day across a DST change", () => {
    // 08:30 PDT today; six months ago Los Angeles was on PDT too, Auckland on NZST.
    expect(local(parseDate("6 months ago", LA), LA.timeZone)).toBe("2025-09-09 08:30:00.000 -07:00");
    expect(local(parseDate("6 months ago", AKL), AKL.timeZone)).toBe("2025-09-10 04:30:00.000 +12:00");
    expect(local(parseDate("in 3 days", LA), LA.timeZone)).toBe("2026-03-12 08:30:00.000 -07:00");
    // 10 days ago was before the change: same 08:30 on the clock, one hour more elapsed.
    expect(local(parseDate("10 days ago", LA), LA.timeZone)).toBe("2026-02-27 08:30:00.000 -08:00");
  });

  it("reads hour durations as exact elapsed time", () => {
    expect(parseDate("in 3 hours", LA)).toEqual({ ok: true, date: new Date("2026-03-09T18:30:00Z") });
  });

  it("respects an explicit offset in the text", () => {
    expect(parseDate("2026-03-01T10:00:00Z", LA)).toEqual({
      ok: true,
      date: new Date("2026-03-01T10:00:00Z"),
    });
  });

  it("prefers a past or a future reading of dates without a year when asked", () => {
    // "1 April" is nearest this year; in the past it is last year's.
    expect(local(parseDate("1 April", LA), LA.timeZone)).toBe("2026-04-01 00:00:00.000 -07:00");
    expect(local(parseDate("1 April", LA, "start", "past"), LA.timeZone)).toBe("2025-04-01 00:00:00.000 -07:00");
    expect(local(parseDate("1 December", LA, "start", "future"), LA.timeZone)).toBe("2026-12-01 00:00:00.000 -08:00");
    // A bare weekday moves by a week, a bare time by a day.
    expect(local(parseDate("friday", LA, "start", "future"), LA.timeZone)).toBe("2026-03-13 00:00:00.000 -07:00");
    expect(local(parseDate("7am", LA, "start", "future"), LA.timeZone)).toBe("2026-03-10 07:00:00.000 -07:00");
    expect(local(parseDate("9am", LA, "start", "past"), LA.timeZone)).toBe("2026-03-08 09:00:00.000 -07:00");
    // Today counts as past while it has begun, and as future until it is over.
    expect(local(parseDate("monday", LA, "start", "past"), LA.timeZone)).toBe("2026-03-09 00:00:00.000 -07:00");
    expect(local(parseDate("monday", LA, "start", "future"), LA.timeZone)).toBe("2026-03-09 00:00:00.000 -07:00");
  });

  it("does not depend on the machine's own time zone", () => {
    // chrono works in the process zone internally; the result must not.
    const result = parseDate("1 March", { now, timeZone: "Australia/Lord_Howe" });
    expect(result).toEqual({ ok: true, date: new Date("2026-02-28T13:00:00Z") });
  });

  it("explains what it could not read", () => {
    expect(parseDate("blorp", LA)).toEqual({
      ok: false,
      error: `I couldn't read "blorp" as a date. Try "yesterday", "last monday", "1 March" or "2026-03-01".`,
    });
  });

  it("rejects text around a date, impossible dates, ranges and empty text", () => {
    for (const text of ["yesterday blorp", "blorp yesterday", "31 February", "2026-02-30"]) {
      const result = parseDate(text, LA);
      expect(result.ok, text).toBe(false);
      if (!result.ok) expect(result.error).toContain("couldn't read");
    }
    const range = parseDate("1 March to yesterday", LA);
    expect(range.ok).toBe(false);
    if (!range.ok) expect(range.error).toContain("range");
    const empty = parseDate("  ", LA);
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error).toMatch(/^Give a date/);
  });

  it("rejects an unknown time zone instead of guessing", () => {
    const result = parseDate("yesterday", { now, timeZone: "Mars/Olympus_Mons" });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain("Mars/Olympus_Mons");
  });

  it("never throws, whatever the text", () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 80 }),
        fc.constantFrom("start", "end") as fc.Arbitrary<"start" | "end">,
        (text, edge) => {
          const result = parseDate(text, LA, edge);
          expect(typeof result.ok).toBe("boolean");
          if (result.ok) expect(Number.isNaN(result.date.getTime())).toBe(false);
        },
      ),
    );
  });
});

describe("parseCalendarDate", () => {
  it("keeps an ISO date as it is", () => {
    expect(parseCalendarDate("2025-04-15", NY)).toEqual({ ok: true, date: "2025-04-15" });
  });

  it("reads natural language as a calendar day in the zone", () => {
    expect(parseCalendarDate("15 April 2025", NY)).toEqual({ ok: true, date: "2025-04-15" });
    expect(parseCalendarDate("yesterday", LA)).toEqual({ ok: true, date: "2026-03-08" });
    expect(parseCalendarDate("yesterday", AKL)).toEqual({ ok: true, date: "2026-03-09" });
  });

  it("rejects days that do not exist and unreadable text", () => {
    const impossible = parseCalendarDate("2026-02-30", NY);
    expect(impossible.ok).toBe(false);
    if (!impossible.ok) expect(impossible.error).toContain("not a real calendar date");
    expect(parseCalendarDate("soon-ish", NY).ok).toBe(false);
  });
});

describe("parseRange", () => {
  it("is unbounded when empty", () => {
    expect(parseRange("", LA)).toEqual({ ok: true, from: null, to: null });
  });

  it("reads 'since <date>' from the start of that local day", () => {
    expect(parseRange("since last monday", LA)).toEqual({
      ok: true,
      from: new Date("2026-03-02T08:00:00Z"),
      to: null,
    });
  });

  it("reads 'from <date> to <date>' from the start of the first day to the end of the last", () => {
    expect(parseRange("from 1 March to yesterday", LA)).toEqual({
      ok: true,
      from: new Date("2026-03-01T08:00:00Z"),
      to: new Date("2026-03-09T06:59:59.999Z"),
    });
  });

  it("reads dates without a year in a range as past ones", () => {
    const result = parseRange("since 1 December", LA);
    expect(result).toEqual({ ok: true, from: new Date("2025-12-01T08:00:00Z"), to: null });
  });

  it("also reads 'until <date>'", () => {
    expect(parseRange("until yesterday", LA)).toEqual({
      ok: true,
      from: null,
      to: new Date("2026-03-09T06:59:59.999Z"),
    });
  });

  it("refuses an end before the start", () => {
    const result = parseRange("from yesterday to 1 March", LA);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain("must come after its start");
  });

  it("refuses text that is not a period, and bad dates inside one", () => {
    const notAPeriod = parseRange("last week-ish", LA);
    expect(notAPeriod.ok).toBe(false);
    if (!notAPeriod.ok) expect(notAPeriod.error).toContain("since <date>");
    const badDate = parseRange("from blorp to yesterday", LA);
    expect(badDate.ok).toBe(false);
    if (!badDate.ok) expect(badDate.error).toContain(`"blorp"`);
  });
});
