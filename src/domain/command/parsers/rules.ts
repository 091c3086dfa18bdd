// `rules`, `rules add|change <name> when <filter> then <status>`, `rules enable|disable|remove|test <name>`.
import { parseFilter } from "../../filter.ts";
import { isKeyword, type Token } from "../../lexer.ts";
import type { Args } from "../args.ts";
import { fail, shorten } from "../errors.ts";
import type { Command } from "../types.ts";
import { readName, readStatus } from "../words.ts";

export function parseRules(args: Args): Command {
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
  if (!filter.ok) fail("rules", filter.error, filter.wording);
  let action = tokens.slice(thenIndex + 1);
  if (isKeyword(action[0], "set")) action = action.slice(1);
  const status = readStatus(action);
  if (status === null || action.length !== status.used) {
    fail("rules", `After \`then\` say \`marketing\` or \`non-marketing\`, e.g. \`${example}\`.`);
  }
  return { kind: "rules-add", name, filter: filter.filter, to: status.status, change };
}
