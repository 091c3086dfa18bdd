// Building blocks for the date parsers of the other languages, on chrono-node's Parser API.
// Calendar arithmetic is done on the wall-clock date of chrono's reference (the instant shifted by
// the user's offset, read in UTC), so the machine's own time zone never enters it.

import * as chrono from "chrono-node";

/** A word starts here: not after a letter or digit. JS's `\b` only knows ASCII letters ("ś", "ö"). */
export const WORD_START = "(?<![\\p{L}\\p{N}])";
/** A word ends here: not before a letter or digit. */
export const WORD_END = "(?![\\p{L}\\p{N}])";

/** Which occurrence of a weekday a modifier picks, as in chrono ("last", "next", "this"). */
export type WeekdayModifier = "last" | "next" | "this" | "coming" | null;

type Duration = NonNullable<Parameters<typeof chrono.ParsingComponents.createRelativeFromReference>[1]>;
export type DurationUnit = "minute" | "hour" | "day" | "week" | "month" | "year";

interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const DAY_MS = 86_400_000;

/** Alternatives for a regex, longest first; `shape` may loosen each word (e.g. optional diacritics). */
export function alternatives(words: Iterable<string>, shape: (word: string) => string = escapeRegex): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map(shape)
    .join("|");
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A whole-word pattern, case-insensitive and Unicode-aware. */
export function wordPattern(inner: string): RegExp {
  return new RegExp(`${WORD_START}${inner}${WORD_END}`, "iu");
}

/** The reference's wall-clock time, as a UTC timestamp whose UTC fields are the local ones. */
function wallClockMs(reference: chrono.ReferenceWithTimezone): number {
  return reference.instant.getTime() + reference.getTimezoneOffset() * 60_000;
}

function today(reference: chrono.ReferenceWithTimezone): CalendarDay {
  const wall = new Date(wallClockMs(reference));
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate() };
}

function shiftDays(day: CalendarDay, days: number): CalendarDay {
  const shifted = new Date(Date.UTC(day.year, day.month - 1, day.day) + days * DAY_MS);
  return { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: shifted.getUTCDate() };
}

/** A whole day, `days` days from the user's today ("wczoraj", "eergisteren"). */
export function dayFromToday(context: chrono.ParsingContext, days: number): chrono.ParsingComponents {
  return context.createParsingComponents({ ...shiftDays(today(context.reference), days) });
}

/** The current instant ("teraz"), like chrono's "now". */
export function now(context: chrono.ParsingContext): chrono.ParsingComponents {
  const wall = new Date(wallClockMs(context.reference));
  return context
    .createParsingComponents({
      year: wall.getUTCFullYear(),
      month: wall.getUTCMonth() + 1,
      day: wall.getUTCDate(),
      hour: wall.getUTCHours(),
      minute: wall.getUTCMinutes(),
      second: wall.getUTCSeconds(),
      millisecond: wall.getUTCMilliseconds(),
      timezoneOffset: context.reference.getTimezoneOffset(),
    })
    .addTag("casualReference/now");
}

/**
 * Days from today to the weekday (0 = Sunday) the modifier picks, as chrono counts them: "last" is
 * the latest before today, "this" the first from today on, "coming" the first after today, "next"
 * that weekday in next week (weeks from Monday), none the nearest one.
 */
export function daysToWeekday(todayWeekday: number, weekday: number, modifier: WeekdayModifier): number {
  const forward = (weekday - todayWeekday + 7) % 7;
  const backward = forward - 7;
  switch (modifier) {
    case "last":
      return backward;
    case "this":
      return forward;
    case "coming":
      return forward === 0 ? 7 : forward;
    case "next":
      return 7 - ((todayWeekday + 6) % 7) + ((weekday + 6) % 7);
    default:
      return forward < -backward ? forward : backward;
  }
}

/**
 * A weekday. With a modifier the day is certain; a bare weekday only implies it, as chrono's own
 * weekday parsers do, so that a past or future preference may move it by a week.
 */
export function weekdayFromToday(
  context: chrono.ParsingContext,
  weekday: number,
  modifier: WeekdayModifier,
): chrono.ParsingComponents {
  const start = today(context.reference);
  const todayWeekday = new Date(Date.UTC(start.year, start.month - 1, start.day)).getUTCDay();
  const target = shiftDays(start, daysToWeekday(todayWeekday, weekday, modifier));
  const components = context.createParsingComponents({ weekday });
  for (const [key, value] of Object.entries(target) as [keyof CalendarDay, number][]) {
    if (modifier === null) components.imply(key, value);
    else components.assign(key, value);
  }
  return components;
}

/** A duration from now, as chrono reads "3 days ago": calendar units keep the local time of day. */
export function relativeToNow(
  context: chrono.ParsingContext,
  unit: DurationUnit,
  amount: number,
): chrono.ParsingComponents {
  const duration: Duration = { [unit]: amount };
  return chrono.ParsingComponents.createRelativeFromReference(context.reference, duration);
}

/** A day of a month; without a year, the year that puts it nearest to today, as chrono does. */
export function dayOfMonth(
  context: chrono.ParsingContext,
  day: number,
  month: number,
  year: number | null,
): chrono.ParsingComponents | null {
  if (day < 1 || day > 31 || month < 1 || month > 12) return null;
  const components = context.createParsingComponents({ day, month });
  if (year !== null) return components.assign("year", year);
  const wall = wallClockMs(context.reference);
  const thisYear = new Date(wall).getUTCFullYear();
  const timeOfDay = wall % DAY_MS;
  let nearest = thisYear;
  for (const candidate of [thisYear - 1, thisYear + 1]) {
    const distance = (y: number) => Math.abs(Date.UTC(y, month - 1, day) + timeOfDay - wall);
    if (distance(candidate) < distance(nearest)) nearest = candidate;
  }
  return components.imply("year", nearest);
}

/** Of overlapping results, the longest (the first of equally long ones, so a parser listed first wins). */
export const keepLongest: chrono.Refiner = {
  refine(_context, results) {
    const kept: chrono.ParsingResult[] = [];
    for (const result of results) {
      const last = kept[kept.length - 1];
      if (last === undefined || result.index >= last.index + last.text.length) kept.push(result);
      else if (result.text.length > last.text.length) kept[kept.length - 1] = result;
    }
    return kept;
  },
};
