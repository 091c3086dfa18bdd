// Update instants (R5, R6) and renewals (R10): pure calendar math in the subsidiary time zone.
import { DateTime, IANAZone } from "luxon";
import type { BillingTerms } from "./types.ts";

/** Status changes and renewals happen at this local hour (R5). */
const UPDATE_HOUR = 12;

/**
 * The three calendars the rules use. Each has exactly one instant per local calendar month
 * (or year), which is what lets us jump straight to the right index instead of iterating.
 * - `monthly-renewal`: contract start day of month, clamped to the month's last day (R5 monthly, R10).
 * - `first-of-month`: the 1st of every month (R5 annual).
 * - `anniversary`: contract start month and day every year, 29 Feb clamped to 28 Feb (R10 annual).
 */
type Series = "monthly-renewal" | "first-of-month" | "anniversary";

interface Calendar {
  start: DateTime;
  timeZone: string;
}

function calendarOf(terms: BillingTerms): Calendar {
  const start = /^\d{4}-\d{2}-\d{2}$/.test(terms.contractStart)
    ? DateTime.fromISO(terms.contractStart, { zone: "utc" })
    : DateTime.invalid("not YYYY-MM-DD");
  if (!start.isValid) {
    throw new RangeError(`Contract start "${terms.contractStart}" is not a calendar date (YYYY-MM-DD).`);
  }
  if (!isValidTimeZone(terms.timeZone)) {
    throw new RangeError(`"${terms.timeZone}" is not an IANA time zone.`);
  }
  return { start, timeZone: terms.timeZone };
}

/** Noon local on the k-th date of the series; k = 0 is the contract start's own slot. */
function instantAt(cal: Calendar, series: Series, k: number): Date {
  // Always count from the start so the day comes from the contract start, not the last clamped date (R5).
  const day =
    series === "monthly-renewal"
      ? cal.start.plus({ months: k })
      : series === "anniversary"
        ? cal.start.plus({ years: k })
        : cal.start.startOf("month").plus({ months: k });
  return DateTime.fromObject(
    { year: day.year, month: day.month, day: day.day, hour: UPDATE_HOUR },
    { zone: cal.timeZone },
  ).toJSDate();
}

/** Index of the series slot that falls in the same local month (or year) as `t`. */
function sameSlotIndex(cal: Calendar, series: Series, t: Date): number {
  const local = DateTime.fromJSDate(t, { zone: cal.timeZone });
  if (series === "anniversary") return local.year - cal.start.year;
  return (local.year - cal.start.year) * 12 + (local.month - cal.start.month);
}

/** Smallest k >= minK whose instant is after t (strictly, or at-or-after when `inclusive`). */
function firstIndexAfter(cal: Calendar, series: Series, t: Date, minK: number, inclusive: boolean): number {
  const k = Math.max(minK, sameSlotIndex(cal, series, t));
  const candidate = instantAt(cal, series, k).getTime();
  const tooEarly = inclusive ? candidate < t.getTime() : candidate <= t.getTime();
  // Slot k-1 lies in the previous local month/year, so it is before t; slot k+1 in the next, so after.
  return tooEarly ? k + 1 : k;
}

/** Largest k >= minK whose instant is at or before t, or null. */
function lastIndexAtOrBefore(cal: Calendar, series: Series, t: Date, minK: number): number | null {
  let k = sameSlotIndex(cal, series, t);
  if (k < minK) return null;
  if (instantAt(cal, series, k).getTime() > t.getTime()) k -= 1;
  return k < minK ? null : k;
}

function updateSeries(terms: BillingTerms): Series {
  return terms.term === "monthly" ? "monthly-renewal" : "first-of-month";
}

function renewalSeries(terms: BillingTerms): Series {
  return terms.term === "monthly" ? "monthly-renewal" : "anniversary";
}

/**
 * First update instant strictly after `after` (R5). The first one of a contract is one month
 * after the start (monthly) or the 1st of the month after the start (annual).
 */
export function nextUpdateInstant(terms: BillingTerms, after: Date): Date {
  const cal = calendarOf(terms);
  const series = updateSeries(terms);
  return instantAt(cal, series, firstIndexAfter(cal, series, after, 1, false));
}

/**
 * First update instant at or after `t`: when a flag set at `t` takes effect, since a flag set
 * exactly at an update instant is taken by it (R6).
 */
export function updateInstantAtOrAfter(terms: BillingTerms, t: Date): Date {
  const cal = calendarOf(terms);
  const series = updateSeries(terms);
  return instantAt(cal, series, firstIndexAfter(cal, series, t, 1, true));
}

/** Every update instant u with from < u <= to, oldest first, to catch up missed rollovers (R6). */
export function updateInstantsBetween(terms: BillingTerms, fromExclusive: Date, toInclusive: Date): Date[] {
  const cal = calendarOf(terms);
  const series = updateSeries(terms);
  const result: Date[] = [];
  if (toInclusive.getTime() <= fromExclusive.getTime()) return result;
  for (let k = firstIndexAfter(cal, series, fromExclusive, 1, false); ; k += 1) {
    const u = instantAt(cal, series, k);
    if (u.getTime() > toInclusive.getTime()) return result;
    result.push(u);
  }
}

/** Latest update instant at or before `atOrBefore`, or null when none has happened since the contract start. */
export function previousUpdateInstant(terms: BillingTerms, atOrBefore: Date): Date | null {
  const cal = calendarOf(terms);
  const series = updateSeries(terms);
  const k = lastIndexAtOrBefore(cal, series, atOrBefore, 1);
  return k === null ? null : instantAt(cal, series, k);
}

/** Next renewal strictly after `after` (R10): the monthly renewal, or the contract anniversary for annual terms. */
export function nextRenewalInstant(terms: BillingTerms, after: Date): Date {
  const cal = calendarOf(terms);
  const series = renewalSeries(terms);
  return instantAt(cal, series, firstIndexAfter(cal, series, after, 1, false));
}

/**
 * The billing term containing `at`, from one renewal (inclusive) to the next (R9 proration, R10).
 * The first term starts at noon on the contract start date; earlier instants get the first term.
 */
export function currentTermBounds(terms: BillingTerms, at: Date): { start: Date; end: Date } {
  const cal = calendarOf(terms);
  const series = renewalSeries(terms);
  const k = lastIndexAtOrBefore(cal, series, at, 0) ?? 0;
  return { start: instantAt(cal, series, k), end: instantAt(cal, series, k + 1) };
}

/** True when `d` is exactly 12:00:00.000 local time in `timeZone` (R5). */
export function isNoonLocal(d: Date, timeZone: string): boolean {
  const local = DateTime.fromJSDate(d, { zone: timeZone });
  return (
    local.isValid && local.hour === UPDATE_HOUR && local.minute === 0 && local.second === 0 && local.millisecond === 0
  );
}

/** The local calendar date of `d` in `timeZone`, as `YYYY-MM-DD`. */
export function calendarDateIn(d: Date, timeZone: string): string {
  const iso = DateTime.fromJSDate(d, { zone: timeZone }).toISODate();
  if (iso === null) throw new RangeError(`"${timeZone}" is not an IANA time zone.`);
  return iso;
}

/** Zone names found valid (see isValidTimeZone). */
const knownZones = new Set<string>();

/** True for a time zone name the runtime's IANA database knows (case-insensitive, like Intl). */
export function isValidTimeZone(name: string): boolean {
  if (knownZones.has(name)) return true;
  const valid = IANAZone.isValidZone(name);
  // Asked for every date worked out; the check builds an Intl formatter. Only valid names are kept,
  // and only so many (zone names are few, but their spellings in any case are not).
  if (valid && knownZones.size < 2_000) knownZones.add(name);
  return valid;
}

/** The canonical spelling of an IANA zone (`america/new_york` → `America/New_York`), or null if unknown. */
export function canonicalTimeZone(name: string): string | null {
  if (!isValidTimeZone(name)) return null;
  return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
}
