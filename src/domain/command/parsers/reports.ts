// `usage [since <date> | from <date> to <date>]` and `history [<email>] [since <date>]`.
import { parseDate, parseRange } from "../../dates.ts";
import { isKeyword, type Token } from "../../lexer.ts";
import { type Args, sliceBetween } from "../args.ts";
import { fail, shorten } from "../errors.ts";
import type { Command } from "../types.ts";
import { readEmail } from "../words.ts";

export function parseUsage(args: Args): Command {
  const range = parseRange(args.rest(), args.ctx);
  if (!range.ok) fail("usage", range.error);
  return { kind: "usage", from: range.from, to: range.to };
}

export function parseHistory(args: Args): Command {
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
