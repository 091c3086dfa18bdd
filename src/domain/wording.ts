// A sentence for the user as data: a message key of the catalogs (src/commands/i18n/locales/*/refusals.ts)
// and its arguments, so the presentation words it in the user's language. The English sentence is
// kept beside it, word for word, for English and for anything without a wording.

/**
 * An argument: a number (formatted in the language), plain text (as typed), a command (code), a
 * Slack user, numbers joined with ", " (each formatted; "…" where a long list is cut), or another
 * sentence (worded in the same language; `text`, the English, when it has no wording).
 */
export type WordingArg =
  | string
  | number
  | { code: string }
  | { user: string }
  | { numbers: readonly (number | "…")[] }
  | { sentence: string; wording?: Wording };

export interface Wording {
  key: string;
  args?: Readonly<Record<string, WordingArg>>;
}

/** A wording of `key` with `args`. */
export const wording = (key: string, args?: Record<string, WordingArg>): Wording => (args ? { key, args } : { key });
