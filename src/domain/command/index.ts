// The one grammar of `/contacts`: command text → a typed command. Shared by Slack and the CLI
// (`tierkeeper run "<text>"`), so both accept exactly the same words. Pure: `now` and the
// user's time zone come in with the text. The text is plain, as the user typed it: Slack's
// escapes are undone before it gets here (src/slack/command-text.ts).
import type { DateContext } from "../dates.ts";
import { lex, normalizeQuotes } from "../lexer.ts";
import { type Args, type Parser, withTokens } from "./args.ts";
import { CommandError, fail, shorten } from "./errors.ts";
import { helpTopicFor, topicOf, USAGE, usageFor } from "./help.ts";
import { MAX_COMMAND_LENGTH } from "./limits.ts";
import { parseAccess, parseAdmins, parseBillingContacts } from "./parsers/access.ts";
import { parseBulk } from "./parsers/bulk.ts";
import { parseCanMarket, parseDelete, parseSet, parseStatus } from "./parsers/contacts.ts";
import { parseHelp } from "./parsers/help.ts";
import { parseImport } from "./parsers/import.ts";
import { parseList, parseLists } from "./parsers/lists.ts";
import { noArguments } from "./parsers/no-arguments.ts";
import { parseHistory, parseUsage } from "./parsers/reports.ts";
import { parseApprove, parseReject } from "./parsers/requests.ts";
import { parseRules } from "./parsers/rules.ts";
import { parseSettings } from "./parsers/settings.ts";
import { parseTier } from "./parsers/tier.ts";
import { type Subcommand, suggestion } from "./subcommands.ts";
import type { Command, CommandResult } from "./types.ts";
import { canonicalSubcommand, lookup } from "./words.ts";

export { MAX_COMMAND_LENGTH } from "./limits.ts";
export { readSettingValue } from "./parsers/setting-value.ts";
export type { Command, CommandKind, CommandResult, SettingChange, SettingKey } from "./types.ts";
export { helpTopicFor, USAGE, usageFor };

/** The parser of each subcommand word; the compiler checks it against SUBCOMMAND_NAMES. */
const SUBCOMMANDS: Record<Subcommand, Parser> = {
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

/**
 * Reads `/contacts` command text (without `/contacts`) into a command. Never throws: anything
 * it can't read comes back as `ok: false` with a one-sentence error and the matching usage.
 */
export function parseCommand(text: string, ctx: DateContext): CommandResult {
  try {
    return { ok: true, command: parseCommandOrThrow(text, ctx) };
  } catch (error) {
    if (error instanceof CommandError) {
      const usage = error.topic === null ? USAGE : usageFor(error.topic);
      return {
        ok: false,
        error: error.message,
        usage,
        topic: error.topic,
        ...(error.wording ? { wording: error.wording } : {}),
      };
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
  const text = normalizeQuotes(rawText)
    .trim()
    .replace(/^\/contacts(?=\s|$)/i, "")
    .trim();
  const lexed = lex(text);
  if (!lexed.ok) {
    const word = canonicalSubcommand(text.split(" ")[0] ?? "");
    fail(topicOf(word) ?? null, lexed.error);
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

  const handler = lookup<Parser>(SUBCOMMANDS, name);
  if (handler === undefined) {
    fail(null, `"${shorten(first.value, 30)}" isn't a subcommand I know${suggestion(first.value)}`);
  }
  const argTokens = tokens.slice(used);
  const args: Args = withTokens({ tokens: argTokens, text, ctx, rest: () => "" }, argTokens);
  return handler(args);
}
