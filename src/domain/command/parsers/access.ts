// `access grant|revoke @user`, `admins add|remove @user` and `billing-contacts [add|remove @user]`.
import { isKeyword } from "../../lexer.ts";
import type { Args } from "../args.ts";
import { fail } from "../errors.ts";
import type { Command } from "../types.ts";
import { readUser } from "../words.ts";

export function parseAccess(args: Args): Command {
  const [action, ...rest] = args.tokens;
  if (!isKeyword(action, "grant", "revoke")) {
    fail("access", "Say `grant` or `revoke` and the user, e.g. `access revoke @ana`.");
  }
  const op = action?.value.toLowerCase() === "grant" ? "grant" : "revoke";
  return { kind: "access", op, userId: readUser(rest, "access", `access ${op} @ana`) };
}

export function parseAdmins(args: Args): Command {
  const [action, ...rest] = args.tokens;
  if (!isKeyword(action, "add", "remove")) {
    fail("access", "Say `add` or `remove` and the user, e.g. `admins add @ana`.");
  }
  const op = action?.value.toLowerCase() === "add" ? "add" : "remove";
  return { kind: "admins", op, userId: readUser(rest, "access", `admins ${op} @ana`) };
}

export function parseBillingContacts(args: Args): Command {
  const [action, ...rest] = args.tokens;
  if (action === undefined) return { kind: "billing-contacts", op: "list" };
  if (!isKeyword(action, "add", "remove")) {
    fail("access", "Say `add` or `remove` and the user, e.g. `billing-contacts add @ana`, or nothing to list them.");
  }
  const op = action.value.toLowerCase() === "add" ? "add" : "remove";
  return { kind: "billing-contacts", op, userId: readUser(rest, "access", `billing-contacts ${op} @ana`) };
}
