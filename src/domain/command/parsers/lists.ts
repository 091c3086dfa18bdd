// `lists [<part of a name>]`, `list create <name>` and `list add <name> <email>…`.
import { isKeyword } from "../../lexer.ts";
import type { Args } from "../args.ts";
import { fail, shorten } from "../errors.ts";
import type { Command } from "../types.ts";
import { readEmail, readEmails, readName } from "../words.ts";

export function parseLists(args: Args): Command {
  if (args.tokens.length === 0) return { kind: "lists", contains: null };
  const contains = readName(
    args.tokens.map((token) => token.value),
    "lists",
    "list",
    "lists webinar",
  );
  return { kind: "lists", contains };
}

export function parseList(args: Args): Command {
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
