// `help [<subcommand>]`.
import type { Args } from "../args.ts";
import { fail, shorten } from "../errors.ts";
import { topicOf } from "../help.ts";
import { suggestion } from "../subcommands.ts";
import type { Command } from "../types.ts";
import { canonicalSubcommand } from "../words.ts";

export function parseHelp(args: Args): Command {
  if (args.tokens.length === 0) return { kind: "help", topic: null };
  const words = args.tokens.map((token) => canonicalSubcommand(token.value));
  const joined = words.slice(0, 2).join("-");
  const topic = topicOf(joined) ?? topicOf(words[0] ?? "");
  if (topic === undefined) {
    fail(null, `There's no subcommand "${shorten(args.rest())}"${suggestion(words[0] ?? "")}`);
  }
  return { kind: "help", topic: topic === "help" ? null : topic };
}
