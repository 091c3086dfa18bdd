// Polish date phrases, which chrono-node does not ship: a chrono.Chrono with parsers of its own.
// Every word is matched with or without its diacritics ("środę" or "srode", "zeszły" or "zeszly")
// and looked up after folding them away; folding maps one letter to one, so positions stay put.
// The patterns are alternations of fixed words joined by single runs of spaces: no quantifier
// nests inside another, so each runs in linear time (and chrono only ever sees a short phrase).

import * as chrono from "chrono-node";
import {
  alternatives,
  type DurationUnit,
  dayFromToday,
  dayOfMonth,
  keepLongest,
  now,
  relativeToNow,
  type WeekdayModifier,
  weekdayFromToday,
  wordPattern,
} from "./kit.ts";

const DIACRITICS: Record<string, string> = { ą: "a", ć: "c", ę: "e", ł: "l", ń: "n", ó: "o", ś: "s", ź: "z", ż: "z" };
const LOOSE: Record<string, string> = {
  a: "[aą]",
  c: "[cć]",
  e: "[eę]",
  l: "[lł]",
  n: "[nń]",
  o: "[oó]",
  s: "[sś]",
  z: "[zźż]",
};

/** Lower case without Polish diacritics: "Środę" → "srode". */
export function foldPolish(text: string): string {
  return text.toLowerCase().replace(/[ąćęłńóśźż]/g, (letter) => DIACRITICS[letter] ?? letter);
}

/** A pattern for a folded word that also matches it with its diacritics: "sroda" → "[sś]r[oó]d[aą]". */
function loose(word: string): string {
  return [...word].map((letter) => LOOSE[letter] ?? letter).join("");
}

const words = (dictionary: Record<string, unknown>): string => alternatives(Object.keys(dictionary), loose);

/** Lookup in a dictionary of folded words. */
function lookup<T>(dictionary: Record<string, T>, text: string | undefined): T | undefined {
  return text === undefined ? undefined : dictionary[foldPolish(text)];
}

const CASUAL_DAYS: Record<string, number> = {
  dzisiaj: 0,
  dzis: 0,
  wczoraj: -1,
  przedwczoraj: -2,
  jutro: 1,
  pojutrze: 2,
};

/** Weekdays (0 = Sunday) in the nominative and the accusative that follows "w". */
const WEEKDAYS: Record<string, number> = {
  niedziela: 0,
  niedziele: 0,
  poniedzialek: 1,
  wtorek: 2,
  sroda: 3,
  srode: 3,
  czwartek: 4,
  piatek: 5,
  sobota: 6,
  sobote: 6,
};

/** "w zeszły poniedziałek", "w zeszłą środę", "w przyszły wtorek", "w tę sobotę", in each gender and case. */
const WEEKDAY_MODIFIERS: Record<string, Exclude<WeekdayModifier, null>> = {
  zeszly: "last",
  zeszla: "last",
  ostatni: "last",
  ostatnia: "last",
  poprzedni: "last",
  poprzednia: "last",
  przyszly: "next",
  przyszla: "next",
  nastepny: "next",
  nastepna: "next",
  ten: "this",
  te: "this",
  ta: "this",
};

/** Months in the genitive, as in "1 marca". */
const MONTHS: Record<string, number> = {
  stycznia: 1,
  lutego: 2,
  marca: 3,
  kwietnia: 4,
  maja: 5,
  czerwca: 6,
  lipca: 7,
  sierpnia: 8,
  wrzesnia: 9,
  pazdziernika: 10,
  listopada: 11,
  grudnia: 12,
};

/** Units in every number form: "1 dzień", "2 tygodnie", "5 tygodni", "za tydzień". */
const UNITS: Record<string, DurationUnit> = {
  minuta: "minute",
  minute: "minute",
  minuty: "minute",
  minut: "minute",
  godzina: "hour",
  godzine: "hour",
  godziny: "hour",
  godzin: "hour",
  dzien: "day",
  dnia: "day",
  dni: "day",
  tydzien: "week",
  tygodnia: "week",
  tygodnie: "week",
  tygodni: "week",
  miesiac: "month",
  miesiaca: "month",
  miesiace: "month",
  miesiecy: "month",
  rok: "year",
  roku: "year",
  lata: "year",
  lat: "year",
};

const NUMBER_WORDS: Record<string, number> = {
  jeden: 1,
  jedna: 1,
  jedno: 1,
  dwa: 2,
  dwie: 2,
  trzy: 3,
  cztery: 4,
  piec: 5,
  szesc: 6,
  siedem: 7,
  osiem: 8,
  dziewiec: 9,
  dziesiec: 10,
  jedenascie: 11,
  dwanascie: 12,
};

function amount(text: string | undefined): number | null {
  if (text === undefined) return 1;
  if (/^\d+$/.test(text)) return Number(text);
  return lookup(NUMBER_WORDS, text) ?? null;
}

/** "1 marca", "15 stycznia 2027", "15 stycznia 2027 r." */
const MONTH_NAME = wordPattern(`(\\d{1,2})\\.?\\s*(${words(MONTHS)})(?:\\s+(\\d{4})(?:\\s*r(?:oku|\\.)?)?)?`);
/** "1.03.2026", "1/3/2026", "1.03", "15/1" (day first). */
const NUMERIC = wordPattern(`(\\d{1,2})([./])(\\d{1,2})(?:\\2(\\d{4})(?:\\s*r(?:oku|\\.)?)?)?`);

class CasualDayParser implements chrono.Parser {
  private readonly regex = wordPattern(`(${words(CASUAL_DAYS)}|teraz)`);
  pattern(): RegExp {
    return this.regex;
  }
  extract(context: chrono.ParsingContext, match: RegExpMatchArray): chrono.ParsingComponents | null {
    if (foldPolish(match[1] ?? "") === "teraz") return now(context);
    const days = lookup(CASUAL_DAYS, match[1]);
    return days === undefined ? null : dayFromToday(context, days);
  }
}

class WeekdayParser implements chrono.Parser {
  private readonly regex = wordPattern(`(?:we?\\s+)?(?:(${words(WEEKDAY_MODIFIERS)})\\s+)?(${words(WEEKDAYS)})`);
  pattern(): RegExp {
    return this.regex;
  }
  extract(context: chrono.ParsingContext, match: RegExpMatchArray): chrono.ParsingComponents | null {
    const weekday = lookup(WEEKDAYS, match[2]);
    if (weekday === undefined) return null;
    const modifier = match[1] === undefined ? null : (lookup(WEEKDAY_MODIFIERS, match[1]) ?? null);
    return weekdayFromToday(context, weekday, modifier);
  }
}

/** "3 dni temu", "tydzień temu", "za 2 tygodnie", "za miesiąc". */
class RelativeParser implements chrono.Parser {
  private readonly regex = wordPattern(
    `(?:(za)\\s+)?(?:(\\d{1,4}|${words(NUMBER_WORDS)})\\s+)?(${words(UNITS)})(?:\\s+(temu))?`,
  );
  pattern(): RegExp {
    return this.regex;
  }
  extract(context: chrono.ParsingContext, match: RegExpMatchArray): chrono.ParsingComponents | null {
    const [, ahead, count, unitText, ago] = match;
    if ((ahead === undefined) === (ago === undefined)) return null;
    const unit = lookup(UNITS, unitText);
    const n = amount(count);
    if (unit === undefined || n === null) return null;
    return relativeToNow(context, unit, ago === undefined ? n : -n);
  }
}

class MonthNameParser implements chrono.Parser {
  pattern(): RegExp {
    return MONTH_NAME;
  }
  extract(context: chrono.ParsingContext, match: RegExpMatchArray): chrono.ParsingComponents | null {
    const month = lookup(MONTHS, match[2]);
    if (month === undefined) return null;
    return dayOfMonth(context, Number(match[1]), month, match[3] === undefined ? null : Number(match[3]));
  }
}

class NumericDateParser implements chrono.Parser {
  pattern(): RegExp {
    return NUMERIC;
  }
  extract(context: chrono.ParsingContext, match: RegExpMatchArray): chrono.ParsingComponents | null {
    return dayOfMonth(context, Number(match[1]), Number(match[3]), match[4] === undefined ? null : Number(match[4]));
  }
}

/** Reads Polish date phrases; anything else (English, ISO dates) is left to the English reader. */
export const polish = new chrono.Chrono({
  parsers: [
    new CasualDayParser(),
    new WeekdayParser(),
    new RelativeParser(),
    new MonthNameParser(),
    new NumericDateParser(),
  ],
  refiners: [keepLongest],
});
