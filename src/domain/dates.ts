// Natural-language dates for the slash command, resolved in the user's IANA time zone.
// chrono-node parses the words; luxon does the zone math, because chrono only knows fixed
// UTC offsets and would put "1 March" at the wrong hour across a daylight-saving change.
// A user's own language (dates/locales.ts: Swedish, Dutch, Polish) is read first, then English.

import * as chrono from "chrono-node";
import { DateTime } from "luxon";
import { type DateLocale, type DateReader, LOCAL_READERS } from "./dates/locales.ts";
import { isValidTimeZone } from "./update-dates.ts";

export { DATE_LOCALES, type DateLocale, isDateLocale } from "./dates/locales.ts";

export interface DateContext {
  now: Date;
  /** IANA zone of the user (or of the subsidiary, for settings), e.g. `America/New_York`. */
  timeZone: string;
  /** The language the user writes dates in (default English); English is read as well. */
  locale?: DateLocale;
}

/** Which instant of a whole day a date-only expression ("yesterday", "1 March") stands for. */
export type DayEdge = "start" | "end";

/**
 * How to read a date that names no year or week ("1 March", "friday", "9am"):
 * "past" takes the latest such date not after now, "future" the earliest not before now;
 * without a preference chrono's nearest reading stands.
 */
export type DatePreference = "past" | "future";

export type DateResult = { ok: true; date: Date } | { ok: false; error: string };
export type CalendarDateResult = { ok: true; date: string } | { ok: false; error: string };
export type RangeResult = { ok: true; from: Date | null; to: Date | null } | { ok: false; error: string };

const EXAMPLES = `Try "yesterday", "last monday", "1 March" or "2026-03-01".`;

/**
 * Longest date phrase handed to chrono-node. Real ones are short ("at 9am next friday",
 * "2026-03-01T09:00:00-05:00"); chrono's time grows faster than the text, so longer is refused.
 */
export const MAX_DATE_LENGTH = 60;

/** Words that may surround a date without changing it ("on monday", "at 9am"). */
const FILLER = /^[\s,.]*(?:(?:on|at|the)\b[\s,.]*)*$/i;

const BARE_WEEKDAY_MODIFIER = /\b(?:last|next|this|past|coming|previous)\b/i;

const ENGLISH: DateReader = { chrono: chrono.casual, filler: FILLER, weekdayModifier: BARE_WEEKDAY_MODIFIER };

/** The readers to try, the user's language first. */
function readersFor(locale: DateLocale | undefined): DateReader[] {
  const local = locale === undefined || locale === "en" ? undefined : LOCAL_READERS[locale];
  return local === undefined ? [ENGLISH] : [local, ENGLISH];
}

function quoteForError(text: string): string {
  const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
  return `"${shown}"`;
}

function unreadable(text: string): { ok: false; error: string } {
  return { ok: false, error: `I couldn't read ${quoteForError(text)} as a date. ${EXAMPLES}` };
}

function tooLong(text: string): { ok: false; error: string } {
  return {
    ok: false,
    error: `${quoteForError(text)} is ${text.length.toLocaleString("en-US")} characters long; a date takes at most ${MAX_DATE_LENGTH}. ${EXAMPLES}`,
  };
}

/**
 * Reads one date or date-time. Date-only expressions ("yesterday", "1 March", "2026-03-01",
 * "last monday") stand for the start or the end of that local day, per `edge` (default start);
 * expressions with a time ("at 9am next friday", "tomorrow noon") keep it, in the zone;
 * durations ("6 months ago", "in 3 days") keep the current local time of day.
 */
export function parseDate(
  text: string,
  ctx: DateContext,
  edge: DayEdge = "start",
  prefer?: DatePreference,
): DateResult {
  try {
    return parseDateUnsafe(text, ctx, edge, prefer);
  } catch {
    return unreadable(text);
  }
}

function parseDateUnsafe(text: string, ctx: DateContext, edge: DayEdge, prefer?: DatePreference): DateResult {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, error: `Give a date. ${EXAMPLES}` };
  if (trimmed.length > MAX_DATE_LENGTH) return tooLong(trimmed);
  if (!isValidTimeZone(ctx.timeZone)) {
    return { ok: false, error: `"${ctx.timeZone}" is not a time zone I know, so I can't place dates in it.` };
  }
  const now = DateTime.fromJSDate(ctx.now, { zone: ctx.timeZone });
  if (!now.isValid) return { ok: false, error: "The current time is not a valid date." };

  // The first reading wins; failing that, the first reader's complaint (a range, an impossible day).
  let failure: DateResult | null = null;
  for (const reader of readersFor(ctx.locale)) {
    let result: DateResult | null = null;
    try {
      result = readWith(reader, trimmed, ctx, now, edge, prefer);
    } catch {
      // A reader that throws has not read the text; the next one may.
    }
    if (result?.ok) return result;
    failure ??= result;
  }
  return failure ?? unreadable(trimmed);
}

/** The date one reader makes of the text, or null if it does not read the text as one date. */
function readWith(
  reader: DateReader,
  trimmed: string,
  ctx: DateContext,
  now: DateTime,
  edge: DayEdge,
  prefer: DatePreference | undefined,
): DateResult | null {
  const results = reader.chrono.parse(trimmed, { instant: ctx.now, timezone: now.offset });
  const first = results[0];
  if (results.length !== 1 || first === undefined) return null;
  const rest = trimmed.slice(0, first.index) + trimmed.slice(first.index + first.text.length);
  if (!reader.filler.test(rest)) return null;
  if (first.end !== undefined && first.end !== null) {
    return { ok: false, error: `${quoteForError(trimmed)} is a range; give a single date.` };
  }

  const start = first.start;
  const tags = start.tags();
  const get = (component: chrono.Component, fallback: number): number => start.get(component) ?? fallback;
  const wallClock = (): DateTime =>
    DateTime.fromObject(
      {
        year: get("year", now.year),
        month: get("month", now.month),
        day: get("day", now.day),
        hour: get("hour", 0),
        minute: get("minute", 0),
        second: get("second", 0),
        millisecond: get("millisecond", 0),
      },
      { zone: ctx.timeZone },
    );

  let result: DateTime;
  if (start.isCertain("timezoneOffset")) {
    // An explicit zone ("9am EST", ISO with Z) or an exact duration ("in 3 hours", "now").
    result = DateTime.fromJSDate(start.date(), { zone: ctx.timeZone });
  } else if (tags.has("result/relativeDate")) {
    // "6 months ago", "in 3 days": calendar arithmetic from now, same local time of day.
    result = wallClock();
  } else if (start.isCertain("hour")) {
    result = adjustToPreference(wallClock(), start, trimmed, now, prefer, false, reader.weekdayModifier);
  } else {
    const day = adjustToPreference(
      wallClock().startOf("day"),
      start,
      trimmed,
      now,
      prefer,
      true,
      reader.weekdayModifier,
    );
    result = edge === "end" ? day.endOf("day") : day.startOf("day");
  }

  if (!result.isValid || result.year < 1000 || result.year > 9999) return unreadable(trimmed);
  return { ok: true, date: result.toJSDate() };
}

/**
 * chrono reads "1 March" and "friday" as the nearest such day and "9am" as today; a preference
 * moves them by a year, a week or a day so that "since 1 March" is not in the future and
 * "at 9am" is not in the past.
 */
function adjustToPreference(
  value: DateTime,
  start: chrono.ParsedComponents,
  text: string,
  now: DateTime,
  prefer: DatePreference | undefined,
  dateOnly: boolean,
  weekdayModifier: RegExp,
): DateTime {
  if (prefer === undefined) return value;
  const yearless = start.isCertain("month") && !start.isCertain("year");
  const bareWeekday =
    start.isCertain("weekday") && !start.isCertain("day") && !start.isCertain("month") && !weekdayModifier.test(text);
  const timeOnly =
    !dateOnly &&
    !start.isCertain("day") &&
    !start.isCertain("month") &&
    !start.isCertain("year") &&
    !start.isCertain("weekday");
  const step = yearless ? { years: 1 } : bareWeekday ? { weeks: 1 } : timeOnly ? { days: 1 } : null;
  if (step === null) return value;
  // A date-only value counts as past while its day has begun, as future until its day is over.
  const earliest = dateOnly ? value.startOf("day") : value;
  const latest = dateOnly ? value.endOf("day") : value;
  if (prefer === "past" && earliest > now) return value.minus(step);
  if (prefer === "future" && latest < now) return value.plus(step);
  return value;
}

/** Reads a calendar date (for settings such as the contract start) as `YYYY-MM-DD` in the zone. */
export function parseCalendarDate(text: string, ctx: DateContext): CalendarDateResult {
  const trimmed = text.trim();
  if (/^\d{4}-\d{1,2}-\d{1,2}$/.test(trimmed)) {
    const [year, month, day] = trimmed.split("-").map(Number);
    const date = DateTime.fromObject({ year, month, day }, { zone: "UTC" });
    if (!date.isValid) return { ok: false, error: `${quoteForError(trimmed)} is not a real calendar date.` };
    return { ok: true, date: date.toISODate() ?? trimmed };
  }
  const parsed = parseDate(trimmed, ctx, "start");
  if (!parsed.ok) return parsed;
  const date = DateTime.fromJSDate(parsed.date, { zone: ctx.timeZone }).toISODate();
  if (date === null) return unreadable(trimmed);
  return { ok: true, date };
}

const SINCE_WORDS = new Set(["since", "after", "from"]);
const UNTIL_WORDS = new Set(["until", "till", "to", "before"]);
const FROM_WORDS = new Set(["from", "between"]);
const RANGE_SEPARATORS = new Set(["to", "until", "till", "and", "-"]);

/**
 * Reads a period for `usage`: "since <date>", "from <date> to <date>" (also "until <date>").
 * Empty text is no limit. A start is the start of its day, an end the end of its day, and
 * dates without a year are read as past ones. Read word by word, in one pass: a pattern such as
 * `from\s+(.+?)\s+to\s+(.+)` backtracks quadratically over a run of spaces.
 */
export function parseRange(text: string, ctx: DateContext): RangeResult {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: true, from: null, to: null };
  const usage = `Give a period as "since <date>" or "from <date> to <date>", e.g. "from 1 March to yesterday".`;
  if (trimmed.length > 2 * MAX_DATE_LENGTH + 20) {
    return {
      ok: false,
      error: `That period is ${trimmed.length.toLocaleString("en-US")} characters long; each of its dates takes at most ${MAX_DATE_LENGTH}. ${usage}`,
    };
  }
  const words = trimmed.split(/\s+/);
  const head = (words[0] ?? "").toLowerCase();

  if (FROM_WORDS.has(head)) {
    // The first separator with a date on each side, as in "from 1 March to yesterday".
    const at = words.findIndex(
      (word, index) => index >= 2 && index < words.length - 1 && RANGE_SEPARATORS.has(word.toLowerCase()),
    );
    if (at > 0) {
      const fromText = words.slice(1, at).join(" ");
      const toText = words.slice(at + 1).join(" ");
      const from = parseDate(fromText, ctx, "start", "past");
      if (!from.ok) return from;
      const to = parseDate(toText, ctx, "end", "past");
      if (!to.ok) return to;
      if (to.date.getTime() <= from.date.getTime()) {
        return {
          ok: false,
          error: `The end of the period ("${toText}") must come after its start ("${fromText}").`,
        };
      }
      return { ok: true, from: from.date, to: to.date };
    }
  }

  if (SINCE_WORDS.has(head) && words.length > 1) {
    const from = parseDate(words.slice(1).join(" "), ctx, "start", "past");
    return from.ok ? { ok: true, from: from.date, to: null } : from;
  }

  if (UNTIL_WORDS.has(head) && words.length > 1) {
    const to = parseDate(words.slice(1).join(" "), ctx, "end", "past");
    return to.ok ? { ok: true, from: null, to: to.date } : to;
  }

  return { ok: false, error: `I couldn't read ${quoteForError(trimmed)} as a period. ${usage}` };
}
