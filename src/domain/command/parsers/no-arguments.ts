// `manage`, `forecast`, `next-update`, `requests` and `setup`: subcommands that take no words.
import type { Args } from "../args.ts";
import { fail, shorten } from "../errors.ts";
import { topicOf } from "../help.ts";
import type { Command } from "../types.ts";

export function noArguments(kind: "manage" | "tier" | "forecast" | "next-update" | "requests" | "settings" | "setup") {
  return (args: Args): Command => {
    const extra = args.tokens[0];
    if (extra !== undefined) {
      fail(topicOf(kind) ?? kind, `\`${kind}\` takes nothing after it (I got "${shorten(args.rest())}").`);
    }
    return { kind } as Command;
  };
}
