// `bulk marketing|non-marketing <selector> [at <date>]`.
import { parseDate } from "../../dates.ts";
import { parseFilter } from "../../filter.ts";
import { isKeyword, type Token } from "../../lexer.ts";
import type { MarketingStatus } from "../../types.ts";
import { type Args, sliceBetween } from "../args.ts";
import { fail, shorten } from "../errors.ts";
import type { Command, Selector } from "../types.ts";
import { readEmails, readName, readStatus } from "../words.ts";

export function parseBulk(args: Args): Command {
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
    if (!filter.ok) fail("bulk", filter.error, filter.wording);
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
