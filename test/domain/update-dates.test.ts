import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import type { BillingTerms } from "../../src/domain/types.ts";
import {
  calendarDateIn,
  canonicalTimeZone,
  currentTermBounds,
  isNoonLocal,
  isValidTimeZone,
  nextRenewalInstant,
  nextUpdateInstant,
  previousUpdateInstant,
  updateInstantAtOrAfter,
  updateInstantsBetween,
} from "../../src/domain/update-dates.ts";

const NY = "America/New_York";
const iso = (d: Date | null) => d?.toISOString() ?? null;
const at = (s: string) => new Date(s);

const monthly = (contractStart: string, timeZone = NY): BillingTerms => ({
  term: "monthly",
  contractStart,
  timeZone,
});
const annual = (contractStart: string, timeZone = NY): BillingTerms => ({
  term: "annual",
  contractStart,
  timeZone,
});

describe("update instants (R5)", () => {
  it("R7: on an annual term a contact set non-marketing on 15 May changes on 1 June at 12:00 New York", () => {
    const terms = annual("2023-09-14");
    const setOn = at("2025-05-15T14:30:00Z");
    expect(previousUpdateInstant(terms, setOn)?.toISOString()).toBe("2025-05-01T16:00:00.000Z");
    expect(iso(nextUpdateInstant(terms, setOn))).toBe("2025-06-01T16:00:00.000Z");
  });

  it("a monthly term renews on the start day of month (bought 15 April → 15 May, 15 June)", () => {
    const terms = monthly("2025-04-15");
    expect(updateInstantsBetween(terms, at("2025-04-15T00:00:00Z"), at("2025-06-30T00:00:00Z")).map(iso)).toEqual([
      "2025-05-15T16:00:00.000Z",
      "2025-06-15T16:00:00.000Z",
    ]);
  });

  it("a start on the 31st clamps through a leap February, then March and April", () => {
    const terms = monthly("2024-01-31");
    const dates = updateInstantsBetween(terms, at("2024-01-01T00:00:00Z"), at("2024-05-01T00:00:00Z"));
    expect(dates.map((d) => calendarDateIn(d, NY))).toEqual(["2024-02-29", "2024-03-31", "2024-04-30"]);
  });

  it("a start on the 31st clamps to 28 February in a non-leap year and takes the day from the start again", () => {
    const terms = monthly("2023-01-31");
    const dates = updateInstantsBetween(terms, at("2023-01-01T00:00:00Z"), at("2023-06-01T00:00:00Z"));
    expect(dates.map((d) => calendarDateIn(d, NY))).toEqual(["2023-02-28", "2023-03-31", "2023-04-30", "2023-05-31"]);
  });

  it("noon in New York is 17:00Z under EST in winter and 16:00Z under EDT in summer", () => {
    const terms = annual("2024-06-10");
    expect(iso(nextUpdateInstant(terms, at("2025-01-10T00:00:00Z")))).toBe("2025-02-01T17:00:00.000Z");
    expect(iso(nextUpdateInstant(terms, at("2025-06-10T00:00:00Z")))).toBe("2025-07-01T16:00:00.000Z");
  });

  it("the first update after the March DST switch is at noon EDT", () => {
    // 2025-03-09 is the US switch day; a monthly term starting on the 9th lands on it.
    const terms = monthly("2025-02-09");
    expect(iso(nextUpdateInstant(terms, at("2025-03-01T00:00:00Z")))).toBe("2025-03-09T16:00:00.000Z");
  });

  it("Europe/Berlin: noon is 11:00Z in winter and 10:00Z in summer", () => {
    const terms = annual("2024-01-01", "Europe/Berlin");
    expect(iso(nextUpdateInstant(terms, at("2025-01-15T00:00:00Z")))).toBe("2025-02-01T11:00:00.000Z");
    expect(iso(nextUpdateInstant(terms, at("2025-06-15T00:00:00Z")))).toBe("2025-07-01T10:00:00.000Z");
  });

  it("Australia/Sydney: noon is 01:00Z in (southern) summer and 02:00Z in winter, on the local date", () => {
    const terms = annual("2024-01-01", "Australia/Sydney");
    // 31 Dec 2024 13:30Z is already 1 Jan 00:30 in Sydney, so the next update is 1 Jan at noon local.
    expect(iso(nextUpdateInstant(terms, at("2024-12-31T13:30:00Z")))).toBe("2025-01-01T01:00:00.000Z");
    expect(iso(nextUpdateInstant(terms, at("2025-06-15T00:00:00Z")))).toBe("2025-07-01T02:00:00.000Z");
  });

  it("the update instant is strictly after now: at exactly noon it is the next one", () => {
    const terms = annual("2024-01-01");
    expect(iso(nextUpdateInstant(terms, at("2025-05-01T16:00:00Z")))).toBe("2025-06-01T16:00:00.000Z");
    expect(iso(nextUpdateInstant(terms, at("2025-05-01T15:59:59.999Z")))).toBe("2025-05-01T16:00:00.000Z");
  });

  it("before the contract start, the first update is one month after the start (monthly)", () => {
    expect(iso(nextUpdateInstant(monthly("2025-04-15"), at("2020-01-01T00:00:00Z")))).toBe("2025-05-15T16:00:00.000Z");
  });

  it("before the contract start, the first update is the 1st of the month after the start (annual)", () => {
    expect(iso(nextUpdateInstant(annual("2025-04-01"), at("2025-04-01T18:00:00Z")))).toBe("2025-05-01T16:00:00.000Z");
    expect(iso(nextUpdateInstant(annual("2025-04-15"), at("2020-01-01T00:00:00Z")))).toBe("2025-05-01T16:00:00.000Z");
  });

  it("there is no previous update instant before the first one", () => {
    const terms = monthly("2025-04-15");
    expect(previousUpdateInstant(terms, at("2025-05-15T15:59:59Z"))).toBeNull();
    expect(iso(previousUpdateInstant(terms, at("2025-05-15T16:00:00Z")))).toBe("2025-05-15T16:00:00.000Z");
  });

  it("catching up lists every missed instant once, excluding the start and including the end", () => {
    const terms = annual("2024-01-01");
    const missed = updateInstantsBetween(terms, at("2025-03-01T17:00:00Z"), at("2025-06-01T16:00:00Z"));
    expect(missed.map(iso)).toEqual([
      "2025-04-01T16:00:00.000Z",
      "2025-05-01T16:00:00.000Z",
      "2025-06-01T16:00:00.000Z",
    ]);
    expect(updateInstantsBetween(terms, at("2025-06-01T16:00:00Z"), at("2025-03-01T00:00:00Z"))).toEqual([]);
  });

  it("a flag set exactly at an update instant takes effect at that instant (R6)", () => {
    const terms = annual("2024-01-01");
    expect(iso(updateInstantAtOrAfter(terms, at("2025-05-01T16:00:00Z")))).toBe("2025-05-01T16:00:00.000Z");
    expect(iso(updateInstantAtOrAfter(terms, at("2025-05-01T16:00:00.001Z")))).toBe("2025-06-01T16:00:00.000Z");
  });

  it("rejects a contract start that is not a calendar date and an unknown zone", () => {
    expect(() => nextUpdateInstant(monthly("2025-02-30"), new Date(0))).toThrow(RangeError);
    expect(() => nextUpdateInstant(monthly("15/04/2025"), new Date(0))).toThrow(RangeError);
    expect(() => nextUpdateInstant(monthly("2025-04-15", "Mars/Olympus"), new Date(0))).toThrow(RangeError);
  });
});

describe("renewals and terms (R10)", () => {
  it("a monthly term renews on the monthly renewal date", () => {
    const terms = monthly("2024-01-31");
    expect(iso(nextRenewalInstant(terms, at("2024-02-10T00:00:00Z")))).toBe("2024-02-29T17:00:00.000Z");
    expect(currentTermBounds(terms, at("2024-03-05T00:00:00Z"))).toEqual({
      start: at("2024-02-29T17:00:00.000Z"),
      end: at("2024-03-31T16:00:00.000Z"),
    });
  });

  it("an annual term renews on the contract anniversary at noon", () => {
    const terms = annual("2023-09-14");
    expect(iso(nextRenewalInstant(terms, at("2025-05-15T00:00:00Z")))).toBe("2025-09-14T16:00:00.000Z");
    expect(currentTermBounds(terms, at("2025-05-15T00:00:00Z"))).toEqual({
      start: at("2024-09-14T16:00:00.000Z"),
      end: at("2025-09-14T16:00:00.000Z"),
    });
  });

  it("a 29 February contract start renews on 28 February in non-leap years", () => {
    const terms = annual("2024-02-29");
    expect(iso(nextRenewalInstant(terms, at("2024-03-01T00:00:00Z")))).toBe("2025-02-28T17:00:00.000Z");
    expect(iso(nextRenewalInstant(terms, at("2027-03-01T00:00:00Z")))).toBe("2028-02-29T17:00:00.000Z");
  });

  it("before the contract start the current term is the first term", () => {
    expect(currentTermBounds(monthly("2025-04-15"), at("2025-04-15T10:00:00Z"))).toEqual({
      start: at("2025-04-15T16:00:00.000Z"),
      end: at("2025-05-15T16:00:00.000Z"),
    });
  });

  it("a renewal instant starts the new term", () => {
    const bounds = currentTermBounds(annual("2023-09-14"), at("2024-09-14T16:00:00Z"));
    expect(iso(bounds.start)).toBe("2024-09-14T16:00:00.000Z");
  });
});

describe("time zone helpers", () => {
  it("knows IANA zones and gives their canonical spelling", () => {
    expect(isValidTimeZone("America/New_York")).toBe(true);
    expect(isValidTimeZone("Australia/Sydney")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
    expect(canonicalTimeZone("america/new_york")).toBe("America/New_York");
    expect(canonicalTimeZone("Nowhere")).toBeNull();
  });

  it("gives the local calendar date and recognises local noon", () => {
    expect(calendarDateIn(at("2025-01-01T03:00:00Z"), NY)).toBe("2024-12-31");
    expect(isNoonLocal(at("2025-01-15T17:00:00Z"), NY)).toBe(true);
    expect(isNoonLocal(at("2025-07-15T17:00:00Z"), NY)).toBe(false);
  });
});

const ZONES = [
  "America/New_York",
  "Europe/Berlin",
  "Australia/Sydney",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "America/St_Johns",
  "Pacific/Chatham",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
  "America/Santiago",
  "UTC",
];

const termsArb = fc.record({
  term: fc.constantFrom("monthly" as const, "annual" as const),
  contractStart: fc
    .date({
      min: new Date("2000-01-01T00:00:00Z"),
      max: new Date("2035-12-31T00:00:00Z"),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10)),
  timeZone: fc.constantFrom(...ZONES),
});
const instantArb = fc.date({
  min: new Date("1999-01-01T00:00:00Z"),
  max: new Date("2045-01-01T00:00:00Z"),
  noInvalidDate: true,
});

describe("update instant properties (R5)", () => {
  it("the next update instant is strictly after now, at noon local, with no update instant in between", () => {
    fc.assert(
      fc.property(termsArb, instantArb, (terms, now) => {
        const next = nextUpdateInstant(terms, now);
        expect(next.getTime()).toBeGreaterThan(now.getTime());
        expect(isNoonLocal(next, terms.timeZone)).toBe(true);
        expect(updateInstantsBetween(terms, now, next)).toEqual([next]);
      }),
      { numRuns: 500 },
    );
  });

  it("an update falls on the 1st (annual) or the start day clamped to the month (monthly), never before the start", () => {
    fc.assert(
      fc.property(termsArb, instantArb, (terms, now) => {
        const next = DateTime.fromJSDate(nextUpdateInstant(terms, now), { zone: terms.timeZone });
        const start = DateTime.fromISO(terms.contractStart, { zone: terms.timeZone });
        expect(String(next.toISODate()) > terms.contractStart).toBe(true);
        const expectedDay = terms.term === "annual" ? 1 : Math.min(start.day, next.daysInMonth ?? 31);
        expect(next.day).toBe(expectedDay);
      }),
      { numRuns: 500 },
    );
  });

  it("the previous update instant is at or before now and the next one after it is after now", () => {
    fc.assert(
      fc.property(termsArb, instantArb, (terms, now) => {
        const previous = previousUpdateInstant(terms, now);
        const next = nextUpdateInstant(terms, now);
        if (previous === null) {
          expect(updateInstantsBetween(terms, new Date("1990-01-01T00:00:00Z"), now)).toEqual([]);
        } else {
          expect(previous.getTime()).toBeLessThanOrEqual(now.getTime());
          expect(nextUpdateInstant(terms, previous)).toEqual(next);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("the current term contains now (after the start) and is bounded by consecutive renewals", () => {
    fc.assert(
      fc.property(termsArb, instantArb, (terms, now) => {
        const { start, end } = currentTermBounds(terms, now);
        expect(end.getTime()).toBeGreaterThan(start.getTime());
        expect(isNoonLocal(start, terms.timeZone) && isNoonLocal(end, terms.timeZone)).toBe(true);
        expect(nextRenewalInstant(terms, start)).toEqual(end);
        if (now.getTime() >= start.getTime()) {
          expect(now.getTime()).toBeLessThan(end.getTime());
          expect(nextRenewalInstant(terms, now)).toEqual(end);
        }
      }),
      { numRuns: 300 },
    );
  });
});
