// What a subcommand's parser is given: the words after the subcommand and the text they came from.
import type { DateContext } from "../dates.ts";
import type { Token } from "../lexer.ts";
import type { Command } from "./types.ts";

export interface Args {
  /** The words after the subcommand. */
  tokens: Token[];
  /** The whole normalized command text, to slice filters and dates from. */
  text: string;
  ctx: DateContext;
  /** The text after the subcommand, as typed (quotes kept). */
  rest(): string;
}

export function withTokens(args: Args, tokens: Token[]): Args {
  return { ...args, tokens, rest: () => sliceBetween(args.text, tokens[0]) };
}

/** The normalized text from the start of `from` to the start of `to` (or the end). */
export function sliceBetween(text: string, from: Token | undefined, to?: Token): string {
  if (from === undefined) return "";
  return text.slice(from.start, to === undefined ? text.length : to.start).trim();
}

/** Reads the words after one subcommand into its command. */
export type Parser = (args: Args) => Command;
