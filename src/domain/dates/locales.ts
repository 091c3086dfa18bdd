// The languages dates are read in besides English, each a chrono-node reader with the words that
// may surround a date in it. Command keywords stay English; only the date phrases are localised.

import type * as chrono from "chrono-node";
import { alternatives, WORD_END, wordPattern } from "./kit.ts";
import { dutch } from "./nl.ts";
import { polish } from "./pl.ts";
import { swedish } from "./sv.ts";

/** The language a user writes dates in. English is always understood as well. */
export type DateLocale = "en" | "sv" | "nl" | "pl";

export const DATE_LOCALES: readonly DateLocale[] = ["en", "sv", "nl", "pl"];

export function isDateLocale(value: unknown): value is DateLocale {
  return typeof value === "string" && (DATE_LOCALES as readonly string[]).includes(value);
}

export interface DateReader {
  chrono: Pick<chrono.Chrono, "parse">;
  /** The text left around the date may be only these words ("on monday", "op 1 maart"). */
  filler: RegExp;
  /**
   * Words that make a weekday read by chrono's own parsers not bare ("last monday"): a bare one
   * moves by a week to meet a past or future preference, a modified one stays.
   */
  weekdayModifier: RegExp;
}

/** Separators and the given words, in any number: one fixed word per round, so linear time. */
function filler(words: string[]): RegExp {
  return new RegExp(`^[\\s,.]*(?:(?:${alternatives(words)})${WORD_END}[\\s,.]*)*$`, "iu");
}

const NEVER = /(?!)/;

export const LOCAL_READERS: Readonly<Record<Exclude<DateLocale, "en">, DateReader>> = {
  sv: {
    chrono: swedish,
    filler: filler(["på", "den"]),
    weekdayModifier: wordPattern("(?:förra|senaste|nästa|kommande)"),
  },
  nl: {
    chrono: dutch,
    filler: filler(["op", "de"]),
    weekdayModifier: wordPattern("(?:vorige|volgende|deze)"),
  },
  // The Polish parsers make a modified weekday's day certain, so no words are needed here.
  pl: { chrono: polish, filler: filler(["w", "we", "dnia"]), weekdayModifier: NEVER },
};
