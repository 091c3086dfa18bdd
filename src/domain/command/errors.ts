// How a parser gives up: a one-sentence error and the help topic to show with it.
import type { Wording } from "../wording.ts";

export class CommandError extends Error {
  constructor(
    readonly topic: string | null,
    message: string,
    /** The same sentence as data, for the languages besides English (src/domain/wording.ts). */
    readonly wording?: Wording,
  ) {
    super(message);
  }
}

/** Stops parsing with a one-sentence error and the usage of `topic` (full usage if null). */
export function fail(topic: string | null, message: string, wording?: Wording): never {
  throw new CommandError(topic, message, wording);
}

/** User text quoted in an error, cut so the sentence stays readable. */
export function shorten(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}
