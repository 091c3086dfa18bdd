// Readers of the words of a command: emails, names, counts, users, a marketing status. Each
// reads what it is given or stops the parse with a sentence that says what was expected.
import { z } from "zod";
import { isKeyword, type Token } from "../lexer.ts";
import type { MarketingStatus } from "../types.ts";
import { fail, shorten } from "./errors.ts";
import { MAX_EMAIL_WORD, MAX_EMAILS, MAX_NAME_LENGTH } from "./limits.ts";

const emailSchema = z.email();

/** `table[key]` for the table's own keys only: "constructor" or "__proto__" typed as a word is not a key. */
export function lookup<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

export function canonicalSubcommand(word: string): string {
  return word.toLowerCase().replace(/_/g, "-");
}

/** `text` without trailing `;` and `.` (a loop: the regex `/[;.]+$/` is quadratic on `;;;…;x`). */
function trimTrailingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charAt(end - 1) === ";" || text.charAt(end - 1) === ".")) end--;
  return text.slice(0, end);
}

export function readEmail(word: string): string | null {
  if (word.length > MAX_EMAIL_WORD) return null;
  const email = trimTrailingPunctuation(
    word
      .trim()
      .replace(/^<(?:mailto:)?(.*)>$/i, "$1")
      .replace(/^mailto:/i, ""),
  ).toLowerCase();
  return emailSchema.safeParse(email).success ? email : null;
}

/** Emails separated by spaces or commas; lower-cased, de-duplicated, in the order given. */
export function readEmails(tokens: Token[], topic: string, example: string): string[] {
  const words = tokens.flatMap((token) => token.value.split(",")).filter((word) => word.trim() !== "");
  if (words.length === 0) fail(topic, `Give at least one email address, e.g. \`${example}\`.`);
  const emails: string[] = [];
  const invalid: string[] = [];
  for (const word of words) {
    const email = readEmail(word);
    if (email === null) invalid.push(word);
    else emails.push(email);
  }
  const first = invalid[0];
  if (first !== undefined) {
    const more = invalid.length > 1 ? ` (and ${invalid.length - 1} more)` : "";
    fail(topic, `"${shorten(first)}"${more} isn't a valid email address.`);
  }
  const unique = [...new Set(emails)];
  if (unique.length > MAX_EMAILS) {
    fail(
      topic,
      `That's ${unique.length.toLocaleString("en-US")} emails; one command takes at most ${MAX_EMAILS.toLocaleString("en-US")}, so use a list, a filter or an import.`,
    );
  }
  return unique;
}

export function readOneEmail(tokens: Token[], topic: string, example: string): string {
  if (tokens.length === 0) fail(topic, `Give an email address, e.g. \`${example}\`.`);
  if (tokens.length > 1) fail(topic, `\`${topic}\` takes one email address, e.g. \`${example}\`.`);
  const [email] = readEmails(tokens, topic, example);
  if (email === undefined) fail(topic, `Give an email address, e.g. \`${example}\`.`);
  return email;
}

/** `marketing` / `non-marketing` (also `nonmarketing`, `non marketing`) at `tokens[0]`. */
export function readStatus(tokens: Token[]): { status: MarketingStatus; used: number } | null {
  const first = tokens[0];
  if (first === undefined || first.quoted) return null;
  const word = first.value.toLowerCase().replace(/_/g, "-");
  if (word === "marketing") return { status: "marketing", used: 1 };
  if (word === "non-marketing" || word === "nonmarketing") return { status: "non-marketing", used: 1 };
  if (word === "non" && isKeyword(tokens[1], "marketing")) return { status: "non-marketing", used: 2 };
  return null;
}

/** A list or rule name: trimmed, inner whitespace collapsed, not empty, not too long. */
export function readName(words: string[], topic: string, what: string, example: string): string {
  const name = words.join(" ").trim().replace(/\s+/g, " ");
  if (name === "") fail(topic, `Give the ${what} name, e.g. \`${example}\`.`);
  if (name.length > MAX_NAME_LENGTH) {
    fail(topic, `That ${what} name is ${name.length} characters long; keep it to ${MAX_NAME_LENGTH}.`);
  }
  return name;
}

/** `10000`, `10,000`, `10k`, `1.5k`, `2m` → a whole number, or null. */
export function readCount(text: string): number | null {
  const word = text.trim().toLowerCase();
  let value: number;
  const suffixed = /^(\d+(?:\.\d+)?)([km])$/.exec(word);
  if (/^\d{1,3}(?:,\d{3})+$/.test(word) || /^\d+$/.test(word)) {
    value = Number(word.replace(/,/g, ""));
  } else if (suffixed?.[1] !== undefined) {
    value = Math.round(Number(suffixed[1]) * (suffixed[2] === "k" ? 1_000 : 1_000_000) * 1e6) / 1e6;
  } else {
    return null;
  }
  return Number.isSafeInteger(value) ? value : null;
}

/** A user mention, `<@U123>`, or with the label Slack adds, `<@U123|ana>`. */
const USER_MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^<>]*)?>$/;
const USER_ID = /^[UW][A-Z0-9]+$/;

export function readUser(tokens: Token[], topic: string, example: string): string {
  const [token, ...extra] = tokens;
  if (token === undefined) fail(topic, `Say which user, e.g. \`${example}\`.`);
  if (extra.length > 0) fail(topic, `One user at a time, e.g. \`${example}\`.`);
  const word = token.value;
  const mention = USER_MENTION.exec(word);
  if (mention?.[1] !== undefined) return mention[1];
  if (USER_ID.test(word)) return word;
  if (word.startsWith("@")) {
    fail(
      topic,
      `I can't tell who "${shorten(word)}" is: pick them from Slack's @-mention list so the mention is linked, or give their user id (like U0123ABCD).`,
    );
  }
  fail(topic, `"${shorten(word)}" isn't a Slack user; mention them (@name) or give their user id (like U0123ABCD).`);
}
