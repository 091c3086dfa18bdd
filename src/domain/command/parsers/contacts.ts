// `status`, `can-market`, `set` and `delete`: commands that name contacts by email.
import type { Args } from "../args.ts";
import { fail } from "../errors.ts";
import type { Command } from "../types.ts";
import { readEmails, readOneEmail, readStatus } from "../words.ts";

export function parseStatus(args: Args): Command {
  return { kind: "status", email: readOneEmail(args.tokens, "status", "status ana@example.com") };
}

export function parseCanMarket(args: Args): Command {
  return { kind: "can-market", email: readOneEmail(args.tokens, "can-market", "can-market ana@example.com") };
}

export function parseSet(args: Args): Command {
  const status = readStatus(args.tokens);
  if (status === null) {
    fail("set", "Say `marketing` or `non-marketing` after `set`, e.g. `set non-marketing ana@example.com`.");
  }
  const emails = readEmails(args.tokens.slice(status.used), "set", `set ${status.status} ana@example.com`);
  return { kind: "set", to: status.status, emails };
}

export function parseDelete(args: Args): Command {
  return { kind: "delete", emails: readEmails(args.tokens, "delete", "delete ana@example.com") };
}
