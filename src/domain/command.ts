// The one grammar of `/contacts`: command text → a typed command. Shared by Slack and the CLI
// (`tierkeeper run "<text>"`), so both accept exactly the same words. Pure: `now` and the
// user's time zone come in with the text.

import { IANAZone } from "luxon";
import { z } from "zod";
import { type DateContext, parseCalendarDate, parseDate, parseRange } from "./dates.ts";
import { FILTER_EXAMPLE, FILTER_FIELDS, type Filter, parseFilter } from "./filter.ts";
import { isKeyword, lex, normalizeQuotes, type Token } from "./lexer.ts";
import { CREATION_SOURCES, type MarketingStatus, PLANS, type Plan, TERMS, type Term } from "./types.ts";

export type Selector =
  | { type: "list"; name: string }
  | { type: "unengaged" }
  | { type: "filter"; filter: Filter }
  | { type: "emails"; emails: string[] };

export type SettingChange =
  | { key: "plan"; value: Plan }
  | { key: "term"; value: Term }
  /** Contract start as a calendar date, `YYYY-MM-DD`. */
  | { key: "start"; value: string }
  /** A valid IANA zone, in its canonical spelling. */
  | { key: "timezone"; value: string }
  | { key: "tier"; value: number }
  /** A channel id (`C123ABC`) or a `#name`. */
  | { key: "alert-channel"; value: { channel: string } }
  | { key: "approvals-channel"; value: { channel: string } }
  | { key: "direct-limit"; value: number }
  | { key: "self-approval"; value: boolean }
  /** Days before each update date, descending, each 1..28; empty turns reminders off. */
  | { key: "reminders"; value: number[] }
  /** Spike alert: growth within an hour above this share of the count… */
  | { key: "spike-percent"; value: number }
  /** …or above this many contacts, whichever is smaller. */
  | { key: "spike-min"; value: number };

export type SettingKey = SettingChange["key"];

export type Command =
  | { kind: "help"; topic: string | null }
  | { kind: "status"; email: string }
  | { kind: "set"; to: MarketingStatus; emails: string[] }
  | { kind: "bulk"; to: MarketingStatus; selector: Selector; at: Date | null }
  | { kind: "delete"; emails: string[] }
  | { kind: "manage" }
  | { kind: "tier" }
  | { kind: "forecast" }
  | { kind: "next-update" }
  /** `contains`: only lists whose name contains it. */
  | { kind: "lists"; contains: string | null }
  | { kind: "requests" }
  | { kind: "settings" }
  | { kind: "usage"; from: Date | null; to: Date | null }
  | { kind: "history"; email: string | null; since: Date | null }
  | { kind: "can-market"; email: string }
  | { kind: "list-create"; name: string }
  | { kind: "list-add"; name: string; emails: string[] }
  | { kind: "rules" }
  /** `rules add …`, or `rules change …` (`change`: a new filter and action for an existing rule). */
  | { kind: "rules-add"; name: string; filter: Filter; to: MarketingStatus; change: boolean }
  | { kind: "rules-toggle"; name: string; op: "enable" | "disable" | "remove" | "test" }
  | { kind: "approve"; id: string; confirmCount: number | null }
  | { kind: "reject"; id: string; reason: string | null }
  /** One or more settings, applied together or not at all (each key once). */
  | { kind: "settings-set"; settings: SettingChange[] }
  /** The setup form (Slack modal) for admins. */
  | { kind: "setup" }
  | { kind: "settings-api-key"; op: "create" | "revoke" | "list"; keyId: string | null }
  | {
      kind: "settings-defaults";
      source: string | null;
      sourceId: string | null;
      value: MarketingStatus | null;
    }
  | { kind: "access"; op: "grant" | "revoke"; userId: string }
  | { kind: "admins"; op: "add" | "remove"; userId: string }
  | { kind: "billing-contacts"; op: "add" | "remove"; userId: string }
  | { kind: "billing-contacts"; op: "list" }
  | { kind: "tier-downgrade"; limit: number }
  | { kind: "tier-downgrade-cancel" }
  | { kind: "import"; fileRef: string | null; list: string | null; marketing: boolean };

export type CommandKind = Command["kind"];

export type CommandResult = { ok: true; command: Command } | { ok: false; error: string; usage: string };

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
/** An email address is at most 254 characters; with `<mailto:…|…>` and punctuation, 600 is plenty. */
const MAX_EMAIL_WORD = 600;

// ---------------------------------------------------------------------------------------------
// Usage text (Slack mrkdwn).

interface HelpTopic {
  topic: string;
  title: string;
  lines: string[];
}

const HELP_TOPICS: HelpTopic[] = [
  {
    topic: "help",
    title: "Help",
    lines: ["`/contacts help [<subcommand>]` — this help, or the help for one subcommand"],
  },
  {
    topic: "status",
    title: "Contact status",
    lines: ["`/contacts status <email>` — marketing status, pending change and when it takes effect, source, lists"],
  },
  {
    topic: "can-market",
    title: "Can we market to them?",
    lines: ["`/contacts can-market <email>` — yes or no, and why"],
  },
  {
    topic: "set",
    title: "Set marketing status",
    lines: [
      "`/contacts set marketing <email>…` — counts toward the tier at once",
      "`/contacts set non-marketing <email>…` — stops counting at the next update date",
      `Up to the direct-change limit at once; more become a bulk request. At most ${MAX_EMAILS.toLocaleString("en-US")} emails per command.`,
    ],
  },
  {
    topic: "bulk",
    title: "Bulk changes (need approval)",
    lines: [
      "`/contacts bulk marketing|non-marketing <selector> [at <date>]`",
      'Selectors: `list:"Spring webinar"`, `unengaged` (bounced or unsubscribed), `where <filter>`, or email addresses.',
      'Examples: `/contacts bulk non-marketing unengaged`, `/contacts bulk non-marketing where last_engaged < "6 months ago" at 9am next friday`',
    ],
  },
  {
    topic: "delete",
    title: "Delete contacts",
    lines: ["`/contacts delete <email>…` — frees capacity at once; never lowers the tier"],
  },
  {
    topic: "manage",
    title: "Manage wizard",
    lines: ["`/contacts manage` — step by step: unengaged contacts, filters or lists, review, request"],
  },
  {
    topic: "tier",
    title: "Tier",
    lines: [
      "`/contacts tier` — marketing count, tier, usage, pending changes and the next update date",
      "`/contacts tier downgrade <limit>` — schedule a downgrade at the next renewal (admins)",
      "`/contacts tier downgrade cancel` — cancel a scheduled downgrade (admins)",
    ],
  },
  {
    topic: "usage",
    title: "Usage over time",
    lines: [
      "`/contacts usage [since <date> | from <date> to <date>]` — chart of the daily marketing count against the tier",
      "Example: `/contacts usage from 1 March to yesterday`",
    ],
  },
  {
    topic: "forecast",
    title: "Forecast",
    lines: ["`/contacts forecast` — when usage will reach each threshold at the recent growth rate"],
  },
  {
    topic: "next-update",
    title: "Next update",
    lines: ["`/contacts next-update` — when pending changes take effect and what will change"],
  },
  {
    topic: "history",
    title: "History",
    lines: [
      "`/contacts history [<email>] [since <date>]` — status, tier and setting changes",
      "Example: `/contacts history ana@example.com since last monday`",
    ],
  },
  {
    topic: "lists",
    title: "Lists",
    lines: [
      "`/contacts lists [<part of a name>]` — static lists, the first 50 by name",
      '`/contacts list create "<name>"` — create a list',
      '`/contacts list add "<name>" <email>…` — add contacts to a list',
    ],
  },
  {
    topic: "rules",
    title: "Automation rules",
    lines: [
      "`/contacts rules` — the rules",
      "`/contacts rules add <name> when <filter> then marketing|non-marketing` — a new rule",
      "`/contacts rules change <name> when <filter> then marketing|non-marketing` — a new filter or action for a rule",
      "`/contacts rules enable|disable|remove|test <name>` — switch, delete or dry-run a rule",
      "A rule that would change more contacts than the direct-change limit, or upgrade the tier, waits for an admin's approval first.",
      `Example: \`/contacts rules add "Stale leads" when lifecycle = lead and last_engaged < "1 year ago" then non-marketing\``,
    ],
  },
  {
    topic: "requests",
    title: "Bulk requests",
    lines: [
      "`/contacts requests` — open bulk requests",
      "`/contacts approve <id> [confirm <count>]` — approve; an upgrade needs the contact count typed to confirm",
      "`/contacts reject <id> [reason]` — reject",
    ],
  },
  {
    topic: "import",
    title: "Import",
    lines: [
      '`/contacts import [list:"<name>"] [marketing]` — import the CSV file shared with the bot; `marketing` sets all as marketing (a bulk request)',
    ],
  },
  {
    topic: "settings",
    title: "Settings (admins)",
    lines: [
      "`/contacts settings` — show the settings, and who changed each last",
      "`/contacts setup` — all of the main settings in one form",
      "Several at once, applied together or not at all: `/contacts settings plan enterprise tier 400,000 term monthly start 2026-03-15`",
      "`/contacts settings plan starter|professional|enterprise` — the tier moves to the smallest of that plan's tiers that holds your marketing contacts, unless you give `tier` too",
      "`/contacts settings term monthly|annual`",
      "`/contacts settings start <date>` — contract start (purchase) date, e.g. `2026-04-15`",
      "`/contacts settings timezone <IANA zone>` — e.g. `America/New_York`",
      "`/contacts settings tier <limit>` — current tier limit, e.g. `10,000` or `10k`",
      "`/contacts settings alert-channel #channel`, `/contacts settings approvals-channel #channel`",
      "`/contacts settings direct-limit <n>` — most contacts changed without approval",
      "`/contacts settings self-approval on|off`",
      "`/contacts settings reminders 3d,1d` — days before each update date (`off` for none)",
      "`/contacts settings spike-percent 10`, `/contacts settings spike-min 500` — spike alert: growth within an hour above that share or that many contacts, whichever is smaller",
      "`/contacts settings defaults [<source>[:<id>] marketing|non-marketing]` — defaults for new contacts, e.g. `form:contact-us marketing`",
      "`/contacts settings api-key create`, `/contacts settings api-key list`, `/contacts settings api-key revoke <id>`",
    ],
  },
  {
    topic: "access",
    title: "Access (admins)",
    lines: [
      "`/contacts access grant|revoke @user` — marketing contacts access",
      "`/contacts admins add|remove @user`",
      "`/contacts billing-contacts [add|remove @user]` — who gets tier alerts by DM",
    ],
  },
  {
    topic: "filters",
    title: "Filters",
    lines: [
      "`field op value`, joined by `and`. Quote values with spaces.",
      `Fields: ${FILTER_FIELDS.map((field) => `\`${field}\``).join(", ")}. Operators: \`=\`, \`!=\`, \`<\`, \`>\`, \`contains\`.`,
      'Dates in words for `created` and `last_engaged` (`< "1 March"`, `> "6 months ago"`, `= yesterday` for a whole day); `bounced`, `unsubscribed` and `marketing` take `true` or `false`.',
      `Example: \`${FILTER_EXAMPLE}\``,
    ],
  },
];

/** Which help topic each subcommand (and alias) belongs to. */
const TOPIC_OF: Record<string, string> = {
  help: "help",
  status: "status",
  "can-market": "can-market",
  set: "set",
  bulk: "bulk",
  delete: "delete",
  manage: "manage",
  tier: "tier",
  "tier-downgrade": "tier",
  usage: "usage",
  forecast: "forecast",
  "next-update": "next-update",
  history: "history",
  lists: "lists",
  list: "lists",
  rules: "rules",
  rule: "rules",
  requests: "requests",
  request: "requests",
  approve: "requests",
  reject: "requests",
  import: "import",
  settings: "settings",
  setting: "settings",
  setup: "settings",
  access: "access",
  admins: "access",
  admin: "access",
  "billing-contacts": "access",
  "billing-contact": "access",
  filters: "filters",
  filter: "filters",
  where: "filters",
  dates: "filters",
};

/** `table[key]` for the table's own keys only: "constructor" or "__proto__" typed as a word is not a key. */
function lookup<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function renderTopic(topic: HelpTopic): string {
  return [`*${topic.title}*`, ...topic.lines].join("\n");
}

export const USAGE: string = [
  "*tierkeeper* keeps your marketing contacts inside the tier you pay for. `/contacts <subcommand>`:",
  ...HELP_TOPICS.filter((topic) => topic.topic !== "help").map(renderTopic),
  "Dates are read in your time zone: `yesterday`, `last monday`, `1 March`, `2026-03-01`, `at 9am next friday`. `/contacts help <subcommand>` for one subcommand.",
].join("\n\n");

function canonicalSubcommand(word: string): string {
  return word.toLowerCase().replace(/_/g, "-");
}

/** The help for one subcommand (aliases and sub-subcommands included); the full usage if unknown. */
export function usageFor(subcommand: string): string {
  const words = normalizeQuotes(subcommand).trim().split(/\s+/).map(canonicalSubcommand);
  const joined = words.slice(0, 2).join("-");
  const key = lookup(TOPIC_OF, joined) !== undefined ? joined : (words[0] ?? "");
  const topicName = lookup(TOPIC_OF, key);
  const topic = HELP_TOPICS.find((candidate) => candidate.topic === topicName);
  if (topic === undefined || topic.topic === "help") return USAGE;
  return renderTopic(topic);
}

// ---------------------------------------------------------------------------------------------
// Parsing helpers.

const emailSchema = z.email();

class CommandError extends Error {
  constructor(
    readonly topic: string | null,
    message: string,
  ) {
    super(message);
  }
}

/** Stops parsing with a one-sentence error and the usage of `topic` (full usage if null). */
function fail(topic: string | null, message: string): never {
  throw new CommandError(topic, message);
}

/**
 * Undoes what Slack does to command text: `&lt;`-style escapes, auto-linked emails and URLs,
 * labels on user and channel mentions; and straightens smart quotes.
 */
export function normalizeCommandText(text: string): string {
  return normalizeQuotes(text)
    .replace(SLACK_MARKUP, (whole, inner: string) => unwrapSlackMarkup(inner) ?? whole)
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();
}

/**
 * One `<…>` of Slack markup. Slack escapes `<` and `>` in what people type, so the inside never
 * holds either: matching up to the nearest one keeps this linear (a pattern like `<http://[^>]+>`
 * rescans the rest of the text from every `<` that is never closed).
 */
const SLACK_MARKUP = /<([^<>]*)>/g;

/** What a `<target|label>` stands for in command text, or null to leave it as typed. */
function unwrapSlackMarkup(inner: string): string | null {
  const bar = inner.indexOf("|");
  const target = bar < 0 ? inner : inner.slice(0, bar);
  if (/^mailto:\S+$/i.test(target)) return target.slice("mailto:".length);
  if (/^(?:https?|ftp):\/\/\S+$/i.test(target)) return bar < 0 ? target : inner.slice(bar + 1);
  if (/^[@#][A-Z0-9]+$/i.test(target)) return `<${target}>`;
  return null;
}

/** `text` without trailing `;` and `.` (a loop: the regex `/[;.]+$/` is quadratic on `;;;…;x`). */
function trimTrailingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && (text.charAt(end - 1) === ";" || text.charAt(end - 1) === ".")) end--;
  return text.slice(0, end);
}

function readEmail(word: string): string | null {
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
function readEmails(tokens: Token[], topic: string, example: string): string[] {
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

function readOneEmail(tokens: Token[], topic: string, example: string): string {
  if (tokens.length === 0) fail(topic, `Give an email address, e.g. \`${example}\`.`);
  if (tokens.length > 1) fail(topic, `\`${topic}\` takes one email address, e.g. \`${example}\`.`);
  const [email] = readEmails(tokens, topic, example);
  if (email === undefined) fail(topic, `Give an email address, e.g. \`${example}\`.`);
  return email;
}

function shorten(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
}

/** `marketing` / `non-marketing` (also `nonmarketing`, `non marketing`) at `tokens[0]`. */
function readStatus(tokens: Token[]): { status: MarketingStatus; used: number } | null {
  const first = tokens[0];
  if (first === undefined || first.quoted) return null;
  const word = first.value.toLowerCase().replace(/_/g, "-");
  if (word === "marketing") return { status: "marketing", used: 1 };
  if (word === "non-marketing" || word === "nonmarketing") return { status: "non-marketing", used: 1 };
  if (word === "non" && isKeyword(tokens[1], "marketing")) return { status: "non-marketing", used: 2 };
  return null;
}

/** A list or rule name: trimmed, inner whitespace collapsed, not empty, not too long. */
function readName(words: string[], topic: string, what: string, example: string): string {
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

const USER_MENTION = /^<@([UW][A-Z0-9]+)>$/;
const USER_ID = /^[UW][A-Z0-9]+$/;

function readUser(tokens: Token[], topic: string, example: string): string {
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

const CHANNEL_MENTION = /^<#([CGD][A-Z0-9]{2,})>$/;
const CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;
const CHANNEL_NAME = /^#[a-z0-9][a-z0-9._-]{0,79}$/;

function readChannel(words: string[], key: string): string {
  const example = `settings ${key} #billing-alerts`;
  if (words.length !== 1 || words[0] === undefined) fail("settings", `Give one channel, e.g. \`${example}\`.`);
  const word = words[0];
  const mention = CHANNEL_MENTION.exec(word);
  if (mention?.[1] !== undefined) return mention[1];
  if (CHANNEL_ID.test(word)) return word;
  if (CHANNEL_NAME.test(word.toLowerCase())) return word.toLowerCase();
  fail("settings", `"${shorten(word)}" isn't a channel; give #name or its id (like C0123ABCD), e.g. \`${example}\`.`);
}

/** The normalized text from the start of `from` to the start of `to` (or the end). */
function sliceBetween(text: string, from: Token | undefined, to?: Token): string {
  if (from === undefined) return "";
  return text.slice(from.start, to === undefined ? text.length : to.start).trim();
}

function noArguments(kind: "manage" | "tier" | "forecast" | "next-update" | "requests" | "settings" | "setup") {
  return (args: Args): Command => {
    const extra = args.tokens[0];
    if (extra !== undefined) {
      fail(lookup(TOPIC_OF, kind) ?? kind, `\`${kind}\` takes nothing after it (I got "${shorten(args.rest())}").`);
    }
    return { kind } as Command;
  };
}

// ---------------------------------------------------------------------------------------------
// Subcommands.

interface Args {
  /** The words after the subcommand. */
  tokens: Token[];
  /** The whole normalized command text, to slice filters and dates from. */
  text: string;
  ctx: DateContext;
  /** The text after the subcommand, as typed (quotes kept). */
  rest(): string;
}

function withTokens(args: Args, tokens: Token[]): Args {
  return { ...args, tokens, rest: () => sliceBetween(args.text, tokens[0]) };
}

function parseHelp(args: Args): Command {
  if (args.tokens.length === 0) return { kind: "help", topic: null };
  const words = args.tokens.map((token) => canonicalSubcommand(token.value));
  const joined = words.slice(0, 2).join("-");
  const topic = lookup(TOPIC_OF, joined) ?? lookup(TOPIC_OF, words[0] ?? "");
  if (topic === undefined) {
    fail(null, `There's no subcommand "${shorten(args.rest())}"${suggestion(words[0] ?? "")}`);
  }
  return { kind: "help", topic: topic === "help" ? null : topic };
}

function parseSet(args: Args): Command {
  const status = readStatus(args.tokens);
  if (status === null) {
    fail("set", "Say `marketing` or `non-marketing` after `set`, e.g. `set non-marketing ana@example.com`.");
  }
  const emails = readEmails(args.tokens.slice(status.used), "set", `set ${status.status} ana@example.com`);
  return { kind: "set", to: status.status, emails };
}

function parseBulk(args: Args): Command {
  const status = readStatus(args.tokens);
  if (status === null) {
    fail("bulk", "Say `marketing` or `non-marketing` after `bulk`, e.g. `bulk non-marketing unengaged`.");
  }
  const rest = args.tokens.slice(status.used);
  const atIndex = rest.findIndex((token) => isKeyword(token, "at"));
  const selectorTokens = atIndex < 0 ? rest : rest.slice(0, atIndex);
  const atToken = atIndex < 0 ? undefined : rest[atIndex];

  let at: Date | null = null;
  if (atToken !== undefined) {
    const dateText = args.text.slice(atToken.end).trim();
    if (dateText === "") fail("bulk", "Say when after `at`, e.g. `at 9am next friday`.");
    const date = parseDate(dateText, args.ctx, "start", "future");
    if (!date.ok) fail("bulk", date.error);
    if (date.date.getTime() <= args.ctx.now.getTime()) {
      fail("bulk", `"${shorten(dateText)}" is not in the future; give a later time, e.g. \`at 9am next friday\`.`);
    }
    at = date.date;
  }

  const selector = readSelector(selectorTokens, args, atToken, status.status);
  return { kind: "bulk", to: status.status, selector, at };
}

function readSelector(tokens: Token[], args: Args, atToken: Token | undefined, to: MarketingStatus): Selector {
  const first = tokens[0];
  if (first === undefined) {
    fail(
      "bulk",
      `Say which contacts: \`list:"Name"\`, \`unengaged\`, \`where <filter>\` or email addresses, e.g. \`bulk ${to} unengaged\`.`,
    );
  }
  const listName = readListReference(tokens);
  if (listName !== null) {
    return { type: "list", name: readName(listName, "bulk", "list", `bulk ${to} list:"Spring webinar"`) };
  }
  if (isKeyword(first, "unengaged")) {
    if (tokens.length > 1) {
      fail(
        "bulk",
        `\`unengaged\` stands alone; to narrow it down use \`where bounced = true\` or \`where unsubscribed = true\`.`,
      );
    }
    return { type: "unengaged" };
  }
  if (isKeyword(first, "where")) {
    const filterText = args.text.slice(first.end, atToken === undefined ? args.text.length : atToken.start);
    const filter = parseFilter(filterText, args.ctx);
    if (!filter.ok) fail("bulk", filter.error);
    return { type: "filter", filter: filter.filter };
  }
  if (!tokens.some((token) => token.value.includes("@"))) {
    fail(
      "bulk",
      `I can't tell which contacts "${shorten(sliceBetween(args.text, first, atToken))}" means; use \`list:"Name"\`, \`unengaged\`, \`where <filter>\` or email addresses.`,
    );
  }
  return { type: "emails", emails: readEmails(tokens, "bulk", `bulk ${to} ana@example.com`) };
}

/** `list:"Name"`, `list:Name`, `list: "Name"` or `list "Name"` → the name's words; else null. */
function readListReference(tokens: Token[]): string[] | null {
  const first = tokens[0];
  if (first === undefined) return null;
  const prefixed = /^list:/i.test(first.raw);
  if (prefixed) {
    const inline = first.value.slice("list:".length);
    return inline === ""
      ? tokens.slice(1).map((token) => token.value)
      : [inline, ...tokens.slice(1).map((t) => t.value)];
  }
  if (isKeyword(first, "list") && tokens.length > 1) return tokens.slice(1).map((token) => token.value);
  return null;
}

function parseDelete(args: Args): Command {
  return { kind: "delete", emails: readEmails(args.tokens, "delete", "delete ana@example.com") };
}

function parseStatus(args: Args): Command {
  return { kind: "status", email: readOneEmail(args.tokens, "status", "status ana@example.com") };
}

function parseCanMarket(args: Args): Command {
  return { kind: "can-market", email: readOneEmail(args.tokens, "can-market", "can-market ana@example.com") };
}

function parseUsage(args: Args): Command {
  const range = parseRange(args.rest(), args.ctx);
  if (!range.ok) fail("usage", range.error);
  return { kind: "usage", from: range.from, to: range.to };
}

function parseHistory(args: Args): Command {
  const [first, ...others] = args.tokens;
  if (first === undefined) return { kind: "history", email: null, since: null };
  let email: string | null = null;
  let sinceToken: Token | undefined = first;
  if (!isKeyword(first, "since")) {
    const found = readEmail(first.value);
    if (found === null) {
      fail(
        "history",
        `"${shorten(first.value)}" isn't an email address; try \`history ana@example.com since last monday\`.`,
      );
    }
    email = found;
    sinceToken = others[0];
    if (sinceToken === undefined) return { kind: "history", email, since: null };
    if (!isKeyword(sinceToken, "since")) {
      fail(
        "history",
        `After the email I expected \`since <date>\`, not "${shorten(sliceBetween(args.text, sinceToken))}".`,
      );
    }
  }
  const dateText = args.text.slice(sinceToken.end).trim();
  if (dateText === "") fail("history", "Say since when, e.g. `history since last monday`.");
  const since = parseDate(dateText, args.ctx, "start", "past");
  if (!since.ok) fail("history", since.error);
  return { kind: "history", email, since: since.date };
}

function parseLists(args: Args): Command {
  if (args.tokens.length === 0) return { kind: "lists", contains: null };
  const contains = readName(
    args.tokens.map((token) => token.value),
    "lists",
    "list",
    "lists webinar",
  );
  return { kind: "lists", contains };
}

function parseList(args: Args): Command {
  const [action, ...rest] = args.tokens;
  if (action === undefined) return { kind: "lists", contains: null };
  if (isKeyword(action, "create", "new")) {
    const name = readName(
      rest.map((token) => token.value),
      "lists",
      "list",
      'list create "Spring webinar"',
    );
    return { kind: "list-create", name };
  }
  if (isKeyword(action, "add")) {
    const [nameToken, ...emailTokens] = rest;
    if (nameToken === undefined)
      fail("lists", 'Say which list and which emails, e.g. `list add "Spring webinar" ana@example.com`.');
    const name = readName([nameToken.value], "lists", "list", 'list add "Spring webinar" ana@example.com');
    const second = emailTokens[0];
    if (!nameToken.quoted && second !== undefined && readEmail(second.value.split(",")[0] ?? "") === null) {
      fail(
        "lists",
        `"${shorten(second.value)}" isn't an email address; if the list name has spaces, quote it: \`list add "${shorten(`${name} ${second.value}`)}" ana@example.com\`.`,
      );
    }
    const emails = readEmails(
      emailTokens,
      "lists",
      `list add ${name.includes(" ") ? `"${name}"` : name} ana@example.com`,
    );
    return { kind: "list-add", name, emails };
  }
  fail("lists", `\`list ${shorten(action.value)}\` isn't something I can do; use \`list create\` or \`list add\`.`);
}

function parseRules(args: Args): Command {
  const [action, ...rest] = args.tokens;
  if (action === undefined || isKeyword(action, "list", "show")) {
    if (rest.length > 0) fail("rules", `\`rules\` takes nothing after it (I got "${shorten(args.rest())}").`);
    return { kind: "rules" };
  }
  if (isKeyword(action, "add", "create", "new")) return parseRulesAdd(args, rest, false);
  if (isKeyword(action, "change", "edit", "update")) return parseRulesAdd(args, rest, true);
  if (isKeyword(action, "enable", "disable", "remove", "delete", "test")) {
    const word = action.value.toLowerCase();
    const op = word === "delete" ? "remove" : (word as "enable" | "disable" | "remove" | "test");
    const name = readName(
      rest.map((token) => token.value),
      "rules",
      "rule",
      `rules ${op} "Stale leads"`,
    );
    return { kind: "rules-toggle", name, op };
  }
  fail(
    "rules",
    `\`rules ${shorten(action.value)}\` isn't something I can do; use \`rules add\`, \`change\`, \`enable\`, \`disable\`, \`remove\` or \`test\`.`,
  );
}

function parseRulesAdd(args: Args, tokens: Token[], change: boolean): Command {
  const example = `rules ${change ? "change" : "add"} "Stale leads" when last_engaged < "1 year ago" then non-marketing`;
  const whenIndex = tokens.findIndex((token) => isKeyword(token, "when", "where", "if"));
  if (whenIndex < 0) fail("rules", `Say when the rule applies, e.g. \`${example}\`.`);
  const whenToken = tokens[whenIndex];
  let thenIndex = -1;
  tokens.forEach((token, index) => {
    if (index > whenIndex && isKeyword(token, "then")) thenIndex = index;
  });
  const thenToken = tokens[thenIndex];
  if (thenIndex < 0 || thenToken === undefined) {
    fail("rules", `Say what the rule does with \`then marketing\` or \`then non-marketing\`, e.g. \`${example}\`.`);
  }
  const name = readName(
    tokens.slice(0, whenIndex).map((token) => token.value),
    "rules",
    "rule",
    example,
  );
  const filter = parseFilter(args.text.slice(whenToken?.end ?? 0, thenToken.start), args.ctx);
  if (!filter.ok) fail("rules", filter.error);
  let action = tokens.slice(thenIndex + 1);
  if (isKeyword(action[0], "set")) action = action.slice(1);
  const status = readStatus(action);
  if (status === null || action.length !== status.used) {
    fail("rules", `After \`then\` say \`marketing\` or \`non-marketing\`, e.g. \`${example}\`.`);
  }
  return { kind: "rules-add", name, filter: filter.filter, to: status.status, change };
}

const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;

function readRequestId(token: Token | undefined, verb: "approve" | "reject"): string {
  if (token === undefined) fail("requests", `Say which request, e.g. \`${verb} R7K2\` (see \`requests\`).`);
  if (!REQUEST_ID.test(token.value)) {
    fail("requests", `"${shorten(token.value)}" isn't a request id; ids look like R7K2 (see \`requests\`).`);
  }
  return token.value;
}

function parseApprove(args: Args): Command {
  const [idToken, ...rest] = args.tokens;
  const id = readRequestId(idToken, "approve");
  if (rest.length === 0) return { kind: "approve", id, confirmCount: null };
  const [keyword, countToken, ...extra] = rest;
  if (!isKeyword(keyword, "confirm") || countToken === undefined || extra.length > 0) {
    fail("requests", `To confirm an upgrade type the contact count: \`approve ${id} confirm 12,345\`.`);
  }
  const count = readCount(countToken.value);
  if (count === null)
    fail(
      "requests",
      `"${shorten(countToken.value)}" isn't a count; type the number of contacts, e.g. \`approve ${id} confirm 12,345\`.`,
    );
  return { kind: "approve", id, confirmCount: count };
}

function parseReject(args: Args): Command {
  const [idToken, ...rest] = args.tokens;
  const id = readRequestId(idToken, "reject");
  const [only] = rest;
  if (only === undefined) return { kind: "reject", id, reason: null };
  const reason = rest.length === 1 && only.quoted ? only.value.trim() : sliceBetween(args.text, only);
  return { kind: "reject", id, reason: reason === "" ? null : reason };
}

function parseTier(args: Args): Command {
  const [action, ...rest] = args.tokens;
  if (action === undefined) return { kind: "tier" };
  if (!isKeyword(action, "downgrade")) {
    fail(
      "tier",
      `\`tier ${shorten(action.value)}\` isn't something I can do; try \`tier\` or \`tier downgrade <limit>\`.`,
    );
  }
  const [value, ...extra] = rest;
  if (value === undefined)
    fail("tier", "Say the tier to go down to, e.g. `tier downgrade 5000`, or `tier downgrade cancel`.");
  if (extra.length > 0) fail("tier", `\`tier downgrade\` takes one limit, e.g. \`tier downgrade 5000\`.`);
  if (isKeyword(value, "cancel")) return { kind: "tier-downgrade-cancel" };
  const limit = readCount(value.value);
  if (limit === null || limit < 1) {
    fail("tier", `"${shorten(value.value)}" isn't a contact limit; give a whole number, e.g. \`tier downgrade 5000\`.`);
  }
  return { kind: "tier-downgrade", limit };
}

function parseAccess(args: Args): Command {
  const [action, ...rest] = args.tokens;
  if (!isKeyword(action, "grant", "revoke")) {
    fail("access", "Say `grant` or `revoke` and the user, e.g. `access revoke @ana`.");
  }
  const op = action?.value.toLowerCase() === "grant" ? "grant" : "revoke";
  return { kind: "access", op, userId: readUser(rest, "access", `access ${op} @ana`) };
}

function parseAdmins(args: Args): Command {
  const [action, ...rest] = args.tokens;
  if (!isKeyword(action, "add", "remove")) {
    fail("access", "Say `add` or `remove` and the user, e.g. `admins add @ana`.");
  }
  const op = action?.value.toLowerCase() === "add" ? "add" : "remove";
  return { kind: "admins", op, userId: readUser(rest, "access", `admins ${op} @ana`) };
}

function parseBillingContacts(args: Args): Command {
  const [action, ...rest] = args.tokens;
  if (action === undefined) return { kind: "billing-contacts", op: "list" };
  if (!isKeyword(action, "add", "remove")) {
    fail("access", "Say `add` or `remove` and the user, e.g. `billing-contacts add @ana`, or nothing to list them.");
  }
  const op = action.value.toLowerCase() === "add" ? "add" : "remove";
  return { kind: "billing-contacts", op, userId: readUser(rest, "access", `billing-contacts ${op} @ana`) };
}

const FILE_REF = /^(?:https?:\/\/\S+|F[A-Z0-9]{6,}|\S+\.csv)$/i;

function parseImport(args: Args): Command {
  let fileRef: string | null = null;
  let list: string | null = null;
  let marketing = false;
  const tokens = args.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined) break;
    const status = readStatus(tokens.slice(i, i + 2));
    if (status !== null) {
      marketing = status.status === "marketing";
      i += status.used - 1;
      continue;
    }
    if (isKeyword(token, "--marketing")) {
      marketing = true;
      continue;
    }
    if (/^list:/i.test(token.raw) || isKeyword(token, "list", "--list")) {
      if (list !== null) fail("import", "Give one list to import into.");
      let name = /^list:/i.test(token.raw) ? token.value.slice("list:".length) : "";
      if (name === "") {
        i++;
        name = tokens[i]?.value ?? "";
      }
      list = readName([name], "import", "list", 'import list:"Spring webinar"');
      continue;
    }
    if (!token.quoted && FILE_REF.test(token.value) && fileRef === null) {
      fileRef = token.value;
      continue;
    }
    fail(
      "import",
      `I don't know what "${shorten(token.value)}" means here; use \`import [list:"Name"] [marketing]\` in the message that shares a CSV file with tierkeeper in a DM.`,
    );
  }
  return { kind: "import", fileRef, list, marketing };
}

const SETTING_ALIASES: Record<string, string> = {
  plan: "plan",
  term: "term",
  start: "start",
  "contract-start": "start",
  "start-date": "start",
  timezone: "timezone",
  "time-zone": "timezone",
  tz: "timezone",
  tier: "tier",
  "alert-channel": "alert-channel",
  "alerts-channel": "alert-channel",
  "approvals-channel": "approvals-channel",
  "approval-channel": "approvals-channel",
  "direct-limit": "direct-limit",
  "self-approval": "self-approval",
  "self-approve": "self-approval",
  reminders: "reminders",
  reminder: "reminders",
  "spike-percent": "spike-percent",
  "spike-min": "spike-min",
  "api-key": "api-key",
  "api-keys": "api-key",
  apikey: "api-key",
  defaults: "defaults",
  default: "defaults",
};

const SETTING_KEYS =
  "`plan`, `term`, `start`, `timezone`, `tier`, `alert-channel`, `approvals-channel`, `direct-limit`, `self-approval`, `reminders`, `spike-percent`, `spike-min`, `defaults`, `api-key`";

/** The setting an unquoted word names (aliases included), or undefined. */
function settingKeyOf(token: Token | undefined): string | undefined {
  if (token === undefined || token.quoted) return undefined;
  return lookup(SETTING_ALIASES, canonicalSubcommand(token.value));
}

/**
 * `settings` alone shows them; `settings <key> <value> [<key> <value>…]` changes one or several,
 * together (each key once). A value runs up to the next word that names a setting, so values of
 * several words (`start 15 March 2026`, `reminders 3d, 1d`) need no quotes; one pass over the words.
 */
function parseSettings(args: Args): Command {
  const tokens = args.tokens;
  const [keyToken, ...valueTokens] = tokens;
  if (keyToken === undefined) return { kind: "settings" };
  const first = settingKeyOf(keyToken);
  if (first === undefined) {
    fail("settings", `"${shorten(keyToken.value)}" isn't a setting; settings are ${SETTING_KEYS}.`);
  }
  if (first === "api-key") return parseApiKey(valueTokens);
  if (first === "defaults") return parseDefaults(valueTokens);
  const settings: SettingChange[] = [];
  const seen = new Set<string>();
  let i = 0;
  while (i < tokens.length) {
    const key = settingKeyOf(tokens[i]) as string;
    if (key === "api-key" || key === "defaults") {
      fail("settings", `\`settings ${key}\` goes on its own, not with other settings.`);
    }
    if (seen.has(key)) fail("settings", `\`${key}\` is given twice; give each setting once.`);
    seen.add(key);
    let next = i + 1;
    while (next < tokens.length && settingKeyOf(tokens[next]) === undefined) next++;
    const values = tokens.slice(i + 1, next);
    if (values.length === 0) fail("settings", `Give a value for \`${key}\`: ${settingHint(key)}.`);
    const valueText = sliceBetween(args.text, values[0], tokens[next]);
    settings.push(
      readSetting(
        key,
        values.map((token) => token.value),
        valueText,
        args.ctx,
      ),
    );
    i = next;
  }
  return { kind: "settings-set", settings };
}

/**
 * One setting's value as typed in a form or a CLI flag, read exactly as `settings <key> <value>`
 * reads it: `{ ok: false, error }` with the same one-sentence message when it can't be read.
 */
export function readSettingValue(
  key: SettingKey,
  text: string,
  ctx: DateContext,
): { ok: true; setting: SettingChange } | { ok: false; error: string } {
  const trimmed = normalizeCommandText(text.length > MAX_COMMAND_LENGTH ? text.slice(0, MAX_COMMAND_LENGTH) : text);
  const words = trimmed.split(/\s+/).filter((word) => word !== "");
  if (words.length === 0) return { ok: false, error: `Give a value for \`${key}\`: ${settingHint(key)}.` };
  try {
    return { ok: true, setting: readSetting(key, words, trimmed, ctx) };
  } catch (error) {
    if (error instanceof CommandError) return { ok: false, error: error.message };
    return { ok: false, error: `I couldn't read that value for \`${key}\`.` };
  }
}

function settingHint(key: string): string {
  switch (key) {
    case "plan":
      return "`settings plan professional` (starter, professional or enterprise)";
    case "term":
      return "`settings term annual` (monthly or annual)";
    case "start":
      return "`settings start 2026-04-15`";
    case "timezone":
      return "`settings timezone America/New_York`";
    case "tier":
      return "`settings tier 10,000`";
    case "alert-channel":
    case "approvals-channel":
      return `\`settings ${key} #billing-alerts\``;
    case "direct-limit":
      return "`settings direct-limit 10`";
    case "self-approval":
      return "`settings self-approval on` (on or off)";
    case "spike-percent":
      return "`settings spike-percent 10` (1 to 100)";
    case "spike-min":
      return "`settings spike-min 500`";
    default:
      return "`settings reminders 3d,1d`";
  }
}

function readSetting(key: string, words: string[], valueText: string, ctx: DateContext): SettingChange {
  const single = (): string => {
    if (words.length !== 1 || words[0] === undefined) {
      fail(
        "settings",
        `\`${key}\` takes one value, e.g. ${settingHint(key)}; I got "${shorten(words.join(" "))}". To change several settings, name each one: \`settings plan enterprise tier 400,000\`.`,
      );
    }
    return words[0];
  };
  switch (key) {
    case "plan": {
      const plan = single().toLowerCase();
      if (!(PLANS as readonly string[]).includes(plan)) {
        fail("settings", `"${shorten(plan)}" isn't a plan; plans are ${PLANS.join(", ")}.`);
      }
      return { key: "plan", value: plan as Plan };
    }
    case "term": {
      const word = single().toLowerCase();
      const term = ["yearly", "annually", "year"].includes(word) ? "annual" : word === "month" ? "monthly" : word;
      if (!(TERMS as readonly string[]).includes(term)) {
        fail("settings", `"${shorten(word)}" isn't a billing term; use monthly or annual.`);
      }
      return { key: "term", value: term as Term };
    }
    case "start": {
      const date = parseCalendarDate(valueText, ctx);
      if (!date.ok) fail("settings", date.error);
      return { key: "start", value: date.date };
    }
    case "timezone": {
      const zone = single();
      if (!/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(zone) || !IANAZone.isValidZone(zone)) {
        fail("settings", `"${shorten(zone)}" isn't a time zone I know; use an IANA name such as America/New_York.`);
      }
      return { key: "timezone", value: canonicalZone(zone) };
    }
    case "spike-percent": {
      const value = readCount(words.join("").replace(/%$/, ""));
      if (value === null || value < 1 || value > 100) {
        fail("settings", `"${shorten(valueText)}" isn't a percentage from 1 to 100, e.g. ${settingHint(key)}.`);
      }
      return { key: "spike-percent", value };
    }
    case "spike-min":
    case "tier":
    case "direct-limit": {
      const text = words.join("");
      const count = readCount(text);
      if (count === null || count < 1) {
        fail("settings", `"${shorten(valueText)}" isn't a positive whole number, e.g. ${settingHint(key)}.`);
      }
      if (key === "spike-min") return { key: "spike-min", value: count };
      return key === "tier" ? { key: "tier", value: count } : { key: "direct-limit", value: count };
    }
    case "alert-channel":
      return { key: "alert-channel", value: { channel: readChannel(words, key) } };
    case "approvals-channel":
      return { key: "approvals-channel", value: { channel: readChannel(words, key) } };
    case "self-approval": {
      const word = single().toLowerCase();
      if (["on", "true", "yes", "enable", "enabled"].includes(word)) return { key: "self-approval", value: true };
      if (["off", "false", "no", "disable", "disabled"].includes(word)) return { key: "self-approval", value: false };
      return fail("settings", `\`self-approval\` is \`on\` or \`off\`, not "${shorten(word)}".`);
    }
    default:
      return { key: "reminders", value: readReminders(words.join(" ")) };
  }
}

function canonicalZone(zone: string): string {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return zone;
  }
}

function readReminders(text: string): number[] {
  const trimmed = text.trim().toLowerCase();
  if (["off", "none", "never"].includes(trimmed)) return [];
  const days: number[] = [];
  for (const part of trimmed.split(",")) {
    // Trimmed first: two `\s*` side by side would backtrack quadratically over a run of spaces.
    const match = /^(\d{1,3})\s*(?:d|days?)?$/.exec(part.trim());
    const value = match?.[1] === undefined ? Number.NaN : Number(match[1]);
    if (!Number.isInteger(value)) {
      fail("settings", `"${shorten(part.trim())}" isn't a number of days; write reminders like \`3d,1d\`.`);
    }
    if (value < 1 || value > 28) {
      fail("settings", `Reminders are 1 to 28 days before the update date; ${value} is outside that.`);
    }
    days.push(value);
  }
  return [...new Set(days)].sort((a, b) => b - a);
}

function parseApiKey(tokens: Token[]): Command {
  const [action, ...rest] = tokens;
  if (isKeyword(action, "create", "new")) {
    if (rest.length > 0) fail("settings", "`settings api-key create` takes nothing after it.");
    return { kind: "settings-api-key", op: "create", keyId: null };
  }
  if (isKeyword(action, "revoke", "delete", "remove")) {
    const [keyId, ...extra] = rest;
    if (keyId === undefined || extra.length > 0) {
      fail("settings", "Say which key to revoke, e.g. `settings api-key revoke k_123`.");
    }
    return { kind: "settings-api-key", op: "revoke", keyId: keyId.value };
  }
  if (action === undefined || isKeyword(action, "list", "show", "ls")) {
    if (rest.length > 0) fail("settings", "`settings api-key list` takes nothing after it.");
    return { kind: "settings-api-key", op: "list", keyId: null };
  }
  fail("settings", "Use `settings api-key create`, `settings api-key list` or `settings api-key revoke <id>`.");
}

/** Sources whose default can be set (R15), and whether they take a form, chatflow or app id. */
const CONFIGURABLE_SOURCES: Record<string, "optional" | "required" | "none"> = {
  form: "optional",
  "external-form": "optional",
  chatflow: "optional",
  integration: "required",
  api: "none",
};

function parseDefaults(tokens: Token[]): Command {
  if (tokens.length === 0) return { kind: "settings-defaults", source: null, sourceId: null, value: null };
  const example = "`settings defaults form:contact-us marketing`";
  const [sourceToken, ...rest] = tokens;
  if (sourceToken === undefined) fail("settings", `Give a source and a status, e.g. ${example}.`);
  const colon = sourceToken.value.indexOf(":");
  const source = (colon < 0 ? sourceToken.value : sourceToken.value.slice(0, colon)).toLowerCase();
  const sourceId = colon < 0 ? null : sourceToken.value.slice(colon + 1).trim();
  const idRule = lookup(CONFIGURABLE_SOURCES, source);
  if (idRule === undefined) {
    const fixed = (CREATION_SOURCES as readonly string[]).includes(source);
    const configurable = "form, external-form, chatflow, integration:<app> and api";
    if (source === "import") {
      fail("settings", "Imports choose per import: `import marketing` sets all as marketing.");
    }
    fail(
      "settings",
      fixed
        ? `Contacts from \`${source}\` are always non-marketing; you can set defaults for ${configurable}.`
        : `"${shorten(source)}" isn't a source; you can set defaults for ${configurable}.`,
    );
  }
  if (sourceId === "" || (idRule === "required" && sourceId === null)) {
    fail(
      "settings",
      `Say which ${source === "integration" ? "app" : source}, e.g. \`settings defaults ${source}:${source === "integration" ? "salesforce" : "contact-us"} marketing\`.`,
    );
  }
  if (idRule === "none" && sourceId !== null) {
    fail(
      "settings",
      `\`${source}\` has one default for the whole account; write \`settings defaults ${source} marketing\`.`,
    );
  }
  const status = readStatus(rest);
  if (status === null || rest.length !== status.used) {
    fail("settings", `Say \`marketing\` or \`non-marketing\` after the source, e.g. ${example}.`);
  }
  return {
    kind: "settings-defaults",
    source,
    sourceId: sourceId === null ? null : source === "integration" ? sourceId.toLowerCase() : sourceId,
    value: status.status,
  };
}

// ---------------------------------------------------------------------------------------------
// Dispatch.

const SUBCOMMANDS: Record<string, (args: Args) => Command> = {
  help: parseHelp,
  status: parseStatus,
  set: parseSet,
  bulk: parseBulk,
  delete: parseDelete,
  manage: noArguments("manage"),
  tier: parseTier,
  forecast: noArguments("forecast"),
  "next-update": noArguments("next-update"),
  usage: parseUsage,
  history: parseHistory,
  "can-market": parseCanMarket,
  lists: parseLists,
  list: parseList,
  rules: parseRules,
  rule: parseRules,
  requests: noArguments("requests"),
  request: noArguments("requests"),
  approve: parseApprove,
  reject: parseReject,
  settings: parseSettings,
  setting: parseSettings,
  setup: noArguments("setup"),
  access: parseAccess,
  admins: parseAdmins,
  admin: parseAdmins,
  "billing-contacts": parseBillingContacts,
  "billing-contact": parseBillingContacts,
  import: parseImport,
};

/** Subcommands that users may also type as two words (`next update`) or run together. */
const JOINED: Record<string, string> = {
  nextupdate: "next-update",
  canmarket: "can-market",
  billingcontacts: "billing-contacts",
};

/** Ends an "unknown subcommand" sentence: a near miss to suggest, or a full stop. */
function suggestion(word: string): string {
  const names = Object.keys(SUBCOMMANDS);
  let best: string | null = null;
  let bestDistance = 3;
  for (const name of names) {
    const distance = editDistance(word.toLowerCase(), name);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return best === null ? "." : `; did you mean \`${best}\`?`;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3 || a.length > 40) return 99;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 99;
}

/**
 * Reads `/contacts` command text (without `/contacts`) into a command. Never throws: anything
 * it can't read comes back as `ok: false` with a one-sentence error and the matching usage.
 */
export function parseCommand(text: string, ctx: DateContext): CommandResult {
  try {
    return { ok: true, command: parseCommandOrThrow(text, ctx) };
  } catch (error) {
    if (error instanceof CommandError) {
      return { ok: false, error: error.message, usage: error.topic === null ? USAGE : usageFor(error.topic) };
    }
    return { ok: false, error: "I couldn't read that command.", usage: USAGE };
  }
}

function parseCommandOrThrow(rawText: string, ctx: DateContext): Command {
  if (typeof rawText !== "string") fail(null, "I couldn't read that command.");
  if (rawText.length > MAX_COMMAND_LENGTH) {
    fail(
      null,
      `That command is ${rawText.length.toLocaleString("en-US")} characters long; commands take at most ${MAX_COMMAND_LENGTH.toLocaleString("en-US")}, so for big changes use a list, a filter or an import.`,
    );
  }
  const text = normalizeCommandText(rawText)
    .replace(/^\/contacts(?=\s|$)/i, "")
    .trim();
  const lexed = lex(text);
  if (!lexed.ok) {
    const word = canonicalSubcommand(text.split(" ")[0] ?? "");
    fail(lookup(TOPIC_OF, word) ?? null, lexed.error);
  }
  const tokens = lexed.tokens;
  const [first, second] = tokens;
  if (first === undefined) return { kind: "help", topic: null };
  if (first.quoted) fail(null, `Start with a subcommand, not "${shorten(first.value)}".`);

  let name = canonicalSubcommand(first.value);
  if (["?", "-h", "--help"].includes(name)) name = "help";
  let used = 1;
  const joined =
    second === undefined || second.quoted ? undefined : lookup(JOINED, name + canonicalSubcommand(second.value));
  if (joined !== undefined) {
    name = joined;
    used = 2;
  } else if (lookup(JOINED, name.replace(/-/g, "")) !== undefined) {
    name = lookup(JOINED, name.replace(/-/g, "")) ?? name;
  }

  const handler = lookup(SUBCOMMANDS, name);
  if (handler === undefined) {
    fail(null, `"${shorten(first.value, 30)}" isn't a subcommand I know${suggestion(first.value)}`);
  }
  const argTokens = tokens.slice(used);
  const args: Args = withTokens({ tokens: argTokens, text, ctx, rest: () => "" }, argTokens);
  return handler(args);
}
