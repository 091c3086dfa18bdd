// `tier`, `tier downgrade <limit>` and `tier downgrade cancel`.
import { isKeyword } from "../../lexer.ts";
import type { Args } from "../args.ts";
import { fail, shorten } from "../errors.ts";
import type { Command } from "../types.ts";
import { readCount } from "../words.ts";

export function parseTier(args: Args): Command {
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
