// `settings webhook add <url> [events…]`, `settings webhook list`, `… remove <id>`, `… test <id>`.
import { isKeyword, type Token } from "../../lexer.ts";
import { fail, shorten } from "../errors.ts";
import type { Command } from "../types.ts";

const USAGE =
  "Use `settings webhook add <https-url> [events…]`, `settings webhook list`, `settings webhook test <id>` or `settings webhook remove <id>`.";

export function parseWebhook(tokens: Token[]): Command {
  const [action, ...rest] = tokens;
  if (action === undefined || isKeyword(action, "list", "show", "ls")) {
    if (rest.length > 0) fail("settings", "`settings webhook list` takes nothing after it.");
    return { kind: "settings-webhook", op: "list", url: null, events: [], id: null };
  }
  if (isKeyword(action, "add", "create", "new")) {
    const [url, ...events] = rest;
    if (url === undefined)
      fail("settings", "Say where to send it, e.g. `settings webhook add https://hooks.example.com/tk`.");
    // Event names are checked by the service against the feed's types; here only their shape.
    const names = events.map((e) => e.value.replace(/,$/, "").toLowerCase());
    const odd = names.find((e) => !/^[a-z_.]{1,40}$/.test(e));
    if (odd !== undefined) fail("settings", `"${shorten(odd)}" is not an event name, e.g. \`contact.status_changed\`.`);
    return { kind: "settings-webhook", op: "add", url: url.value, events: names, id: null };
  }
  if (isKeyword(action, "remove", "delete", "test")) {
    const [id, ...extra] = rest;
    const op = isKeyword(action, "test") ? "test" : "remove";
    if (id === undefined || extra.length > 0 || !/^\d{1,12}$/.test(id.value)) {
      fail(
        "settings",
        `Say which webhook by its number, e.g. \`settings webhook ${op} 3\` (\`settings webhook list\` shows them).`,
      );
    }
    return { kind: "settings-webhook", op, url: null, events: [], id: Number(id.value) };
  }
  fail("settings", USAGE);
}
