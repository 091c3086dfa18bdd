// Swedish: chrono-node's own `sv` parsers, with parsers for what they miss or get wrong put first
// (a result of ours wins over one of chrono's of the same length): "övermorgon" (chrono reads it as
// today), "i dag"/"i går"/"i morgon" written apart, "förra måndagen", "i måndags", "kommande
// onsdag" (chrono: next week's), "för 3 dagar sedan", "om 2 veckor", "förra veckan".
// Linear-time patterns, as in pl.ts.

import * as chrono from "chrono-node";
import {
  alternatives,
  type DurationUnit,
  dayFromToday,
  relativeToNow,
  type WeekdayModifier,
  weekdayFromToday,
  wordPattern,
} from "./kit.ts";

const CASUAL_DAYS: Record<string, number> = { dag: 0, går: -1, morgon: 1, morn: 1, övermorgon: 2, förrgår: -2 };
/** The words that need an "i" in front to be a day: "i dag", "idag"; not "övermorgon". */
const NEEDS_I = new Set(["dag", "går", "morgon", "morn"]);

const WEEKDAY_STEMS: Record<string, number> = { sön: 0, mån: 1, tis: 2, ons: 3, tors: 4, fre: 5, lör: 6 };
const MODIFIERS: Record<string, Exclude<WeekdayModifier, null>> = {
  förra: "last",
  senaste: "last",
  nästa: "next",
  kommande: "coming",
};

const UNITS: Record<string, DurationUnit> = {
  minut: "minute",
  minuter: "minute",
  timme: "hour",
  timmar: "hour",
  dag: "day",
  dagar: "day",
  vecka: "week",
  veckor: "week",
  månad: "month",
  månader: "month",
  år: "year",
};
/** "förra veckan", "nästa månad", "förra året". */
const DEFINITE_UNITS: Record<string, DurationUnit> = {
  veckan: "week",
  vecka: "week",
  månaden: "month",
  månad: "month",
  året: "year",
  år: "year",
};
const NUMBER_WORDS: Record<string, number> = {
  en: 1,
  ett: 1,
  två: 2,
  tre: 3,
  fyra: 4,
  fem: 5,
  sex: 6,
  sju: 7,
  åtta: 8,
  nio: 9,
  tio: 10,
  elva: 11,
  tolv: 12,
};

const keys = (dictionary: Record<string, unknown>): string => alternatives(Object.keys(dictionary));
const lower = (text: string | undefined): string => (text ?? "").toLowerCase();

class CasualDayParser implements chrono.Parser {
  private readonly regex = wordPattern(`(i\\s*)?(${keys(CASUAL_DAYS)})`);
  pattern(): RegExp {
    return this.regex;
  }
  extract(context: chrono.ParsingContext, match: RegExpMatchArray): chrono.ParsingComponents | null {
    const word = lower(match[2]);
    const days = CASUAL_DAYS[word];
    if (days === undefined || (NEEDS_I.has(word) && match[1] === undefined)) return null;
    return dayFromToday(context, days);
  }
}

/**
 * "förra måndag(en)", "nästa fredag(en)", "kommande onsdag(en)" (the first one after today; chrono
 * reads "kommande" as "nästa"), and "i måndags" (the latest Monday before today).
 */
class WeekdayParser implements chrono.Parser {
  private readonly regex = wordPattern(
    `(?:(?:på\\s+)?(${keys(MODIFIERS)})\\s+(${keys(WEEKDAY_STEMS)})dag(?:en)?|i\\s+(${keys(WEEKDAY_STEMS)})dags)`,
  );
  pattern(): RegExp {
    return this.regex;
  }
  extract(context: chrono.ParsingContext, match: RegExpMatchArray): chrono.ParsingComponents | null {
    const weekday = WEEKDAY_STEMS[lower(match[2] ?? match[3])];
    const modifier = match[3] === undefined ? MODIFIERS[lower(match[1])] : "last";
    if (weekday === undefined || modifier === undefined) return null;
    return weekdayFromToday(context, weekday, modifier);
  }
}

/** "för 3 dagar sedan", "3 dagar sedan", "om 2 veckor", "om en månad". */
class RelativeParser implements chrono.Parser {
  private readonly regex = wordPattern(
    `(?:(för|om)\\s+)?(\\d{1,4}|${keys(NUMBER_WORDS)})\\s+(${keys(UNITS)})(?:\\s+(sedan|sen))?`,
  );
  pattern(): RegExp {
    return this.regex;
  }
  extract(context: chrono.ParsingContext, match: RegExpMatchArray): chrono.ParsingComponents | null {
    const [, before, count, unitText, ago] = match;
    const unit = UNITS[lower(unitText)];
    const n = /^\d+$/.test(count ?? "") ? Number(count) : NUMBER_WORDS[lower(count)];
    if (unit === undefined || n === undefined) return null;
    // "om" looks ahead and takes no "sedan"; "för" and a bare count need one ("för 3 dagar" is a span).
    const ahead = lower(before) === "om";
    if (ahead !== (ago === undefined)) return null;
    return relativeToNow(context, unit, ahead ? n : -n);
  }
}

/** "förra veckan", "nästa månad", "förra året": a week, month or year from now, as English "last week". */
class LastNextUnitParser implements chrono.Parser {
  private readonly regex = wordPattern(`(förra|nästa|kommande)\\s+(${keys(DEFINITE_UNITS)})`);
  pattern(): RegExp {
    return this.regex;
  }
  extract(context: chrono.ParsingContext, match: RegExpMatchArray): chrono.ParsingComponents | null {
    const unit = DEFINITE_UNITS[lower(match[2])];
    if (unit === undefined) return null;
    return relativeToNow(context, unit, lower(match[1]) === "förra" ? -1 : 1);
  }
}

/** Ours, put before chrono's own Swedish parsers. */
export const swedishParsers: readonly chrono.Parser[] = [
  new CasualDayParser(),
  new WeekdayParser(),
  new RelativeParser(),
  new LastNextUnitParser(),
];

function createSwedish(): chrono.Chrono {
  const configuration = chrono.sv.createCasualConfiguration();
  configuration.parsers.unshift(...swedishParsers);
  return new chrono.Chrono(configuration);
}

export const swedish = createSwedish();
