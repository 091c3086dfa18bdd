// `approve <id> [confirm <count>]` and `reject <id> [reason]`.
import { isKeyword, type Token } from "../../lexer.ts";
import { type Args, sliceBetween } from "../args.ts";
import { fail, shorten } from "../errors.ts";
import type { Command } from "../types.ts";
import { readCount } from "../words.ts";

const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;

function readRequestId(token: Token | undefined, verb: "approve" | "reject"): string {
  if (token === undefined) fail("requests", `Say which request, e.g. \`${verb} R7K2\` (see \`requests\`).`);
  if (!REQUEST_ID.test(token.value)) {
    fail("requests", `"${shorten(token.value)}" isn't a request id; ids look like R7K2 (see \`requests\`).`);
  }
  return token.value;
}

export function parseApprove(args: Args): Command {
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

export function parseReject(args: Args): Command {
  const [idToken, ...rest] = args.tokens;
  const id = readRequestId(idToken, "reject");
  const [only] = rest;
  if (only === undefined) return { kind: "reject", id, reason: null };
  const reason = rest.length === 1 && only.quoted ? only.value.trim() : sliceBetween(args.text, only);
  return { kind: "reject", id, reason: reason === "" ? null : reason };
}
