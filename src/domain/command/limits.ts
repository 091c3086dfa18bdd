// How much one command may ask: the caps that keep every parser's work bounded.

/** Most emails one command may name; more belong in a list or an import (the text cap allows ~500 short ones). */
export const MAX_EMAILS = 400;
/** Longest list or rule name. */
export const MAX_NAME_LENGTH = 100;
/**
 * Longest command text. Slack documents no limit for slash-command text, so we take 4,000
 * characters (its recommended message length): enough for a filter or a few hundred emails,
 * and it bounds the work one command can ask of the parser.
 */
export const MAX_COMMAND_LENGTH = 4_000;
/** An email address is at most 254 characters; with `<mailto:…>` around it and punctuation, 600 is plenty. */
export const MAX_EMAIL_WORD = 600;
