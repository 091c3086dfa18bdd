// Dutch: chrono-node's own `nl` parsers, with parsers for what they miss put first (a result of
// ours wins over one of chrono's of the same length): "eergisteren", "overmorgen",
// "afgelopen maandag", "komende/aanstaande vrijdag", "maandag jl." and "vrijdag a.s.".
// Linear-time patterns, as in pl.ts.

import * as chrono from "chrono-node";
import { alternatives, dayFromToday, type WeekdayModifier, weekdayFromToday, wordPattern } from "./kit.ts";

const CASUAL_DAYS: Record<string, number> = { eergisteren: -2, overmorgen: 2 };

const WEEKDAYS: Record<string, number> = {
  zondag: 0,
  maandag: 1,
  dinsdag: 2,
  woensdag: 3,
  donderdag: 4,
  vrijdag: 5,
  zaterdag: 6,
};
const BEFORE: Record<string, Exclude<WeekdayModifier, null>> = {
  afgelopen: "last",
  jongstleden: "last",
  komende: "coming",
  aanstaande: "coming",
};
/** After the weekday: "maandag jl." (jongstleden), "vrijdag a.s." (aanstaande). */
const AFTER: Record<string, Exclude<WeekdayModifier, null>> = {
  "jl.": "last",
  jl: "last",
  jongstleden: "last",
  "a.s.": "coming",
  "a.s": "coming",
  aanstaande: "coming",
};

const keys = (dictionary: Record<string, unknown>): string => alternatives(Object.keys(dictionary));
const lower = (text: string | undefined): string => (text ?? "").toLowerCase();

class CasualDayParser implements chrono.Parser {
  private readonly regex = wordPattern(`(${keys(CASUAL_DAYS)})`);
  pattern(): RegExp {
    return this.regex;
  }
  extract(context: chrono.ParsingContext, match: RegExpMatchArray): chrono.ParsingComponents | null {
    const days = CASUAL_DAYS[lower(match[1])];
    return days === undefined ? null : dayFromToday(context, days);
  }
}

class WeekdayParser implements chrono.Parser {
  private readonly regex = wordPattern(
    `(?:(${keys(BEFORE)})\\s+(${keys(WEEKDAYS)})|(${keys(WEEKDAYS)})\\s+(${keys(AFTER)}))`,
  );
  pattern(): RegExp {
    return this.regex;
  }
  extract(context: chrono.ParsingContext, match: RegExpMatchArray): chrono.ParsingComponents | null {
    const weekday = WEEKDAYS[lower(match[2] ?? match[3])];
    const modifier = match[1] === undefined ? AFTER[lower(match[4])] : BEFORE[lower(match[1])];
    if (weekday === undefined || modifier === undefined) return null;
    return weekdayFromToday(context, weekday, modifier);
  }
}

/** Ours, put before chrono's own Dutch parsers. */
export const dutchParsers: readonly chrono.Parser[] = [new CasualDayParser(), new WeekdayParser()];

function createDutch(): chrono.Chrono {
  const configuration = chrono.nl.createCasualConfiguration();
  configuration.parsers.unshift(...dutchParsers);
  return new chrono.Chrono(configuration);
}

export const dutch = createDutch();
