// `settings`, `settings <key> <value> [<key> <value>…]`, `settings api-key …` and `settings defaults …`.
import { API_SCOPES, parseScopes } from "../../api-scopes.ts";
import { isKeyword, type Token } from "../../lexer.ts";
import { CREATION_SOURCES } from "../../types.ts";
import { wording } from "../../wording.ts";
import { type Args, sliceBetween } from "../args.ts";
import { fail, shorten } from "../errors.ts";
import type { Command, SettingChange } from "../types.ts";
import { canonicalSubcommand, lookup, readStatus } from "../words.ts";
import { hintArgs, readSetting, settingHint } from "./setting-value.ts";
import { parseWebhook } from "./webhooks.ts";

const SETTING_ALIASES: Record<string, string> = {
  plan: "plan",
  term: "term",
  start: "start",
  "contract-start": "start",
  "start-date": "start",
  timezone: "timezone",
  "time-zone": "timezone",
  tz: "timezone",
  tier: "tier",
  "alert-channel": "alert-channel",
  "alerts-channel": "alert-channel",
  "approvals-channel": "approvals-channel",
  "approval-channel": "approvals-channel",
  "direct-limit": "direct-limit",
  "self-approval": "self-approval",
  "self-approve": "self-approval",
  reminders: "reminders",
  reminder: "reminders",
  "spike-percent": "spike-percent",
  "spike-min": "spike-min",
  language: "language",
  lang: "language",
  "api-key": "api-key",
  "api-keys": "api-key",
  apikey: "api-key",
  webhook: "webhook",
  webhooks: "webhook",
  defaults: "defaults",
  default: "defaults",
};

const SETTING_KEYS =
  "`plan`, `term`, `start`, `timezone`, `tier`, `alert-channel`, `approvals-channel`, `direct-limit`, `self-approval`, `reminders`, `spike-percent`, `spike-min`, `language`, `defaults`, `api-key`, `webhook`";

/** The setting an unquoted word names (aliases included), or undefined. */
function settingKeyOf(token: Token | undefined): string | undefined {
  if (token === undefined || token.quoted) return undefined;
  return lookup(SETTING_ALIASES, canonicalSubcommand(token.value));
}

/**
 * `settings` alone shows them; `settings <key> <value> [<key> <value>…]` changes one or several,
 * together (each key once). A value runs up to the next word that names a setting, so values of
 * several words (`start 15 March 2026`, `reminders 3d, 1d`) need no quotes; one pass over the words.
 */
export function parseSettings(args: Args): Command {
  const tokens = args.tokens;
  const [keyToken, ...valueTokens] = tokens;
  if (keyToken === undefined) return { kind: "settings" };
  const first = settingKeyOf(keyToken);
  if (first === undefined) {
    fail("settings", `"${shorten(keyToken.value)}" isn't a setting; settings are ${SETTING_KEYS}.`);
  }
  if (first === "api-key") return parseApiKey(valueTokens);
  if (first === "webhook") return parseWebhook(valueTokens);
  if (first === "defaults") return parseDefaults(valueTokens);
  const settings: SettingChange[] = [];
  const seen = new Set<string>();
  let i = 0;
  while (i < tokens.length) {
    const key = settingKeyOf(tokens[i]) as string;
    if (key === "api-key" || key === "defaults" || key === "webhook") {
      fail("settings", `\`settings ${key}\` goes on its own, not with other settings.`);
    }
    if (seen.has(key)) {
      fail(
        "settings",
        `\`${key}\` is given twice; give each setting once.`,
        wording("refusal.setting.twice", { key: { code: key } }),
      );
    }
    seen.add(key);
    let next = i + 1;
    while (next < tokens.length && settingKeyOf(tokens[next]) === undefined) next++;
    const values = tokens.slice(i + 1, next);
    if (values.length === 0) {
      fail(
        "settings",
        `Give a value for \`${key}\`: ${settingHint(key)}.`,
        wording("refusal.setting.giveValue", hintArgs(key)),
      );
    }
    const valueText = sliceBetween(args.text, values[0], tokens[next]);
    settings.push(
      readSetting(
        key,
        values.map((token) => token.value),
        valueText,
        args.ctx,
      ),
    );
    i = next;
  }
  return { kind: "settings-set", settings };
}

function parseApiKey(tokens: Token[]): Command {
  const [action, ...rest] = tokens;
  if (isKeyword(action, "create", "new")) {
    if (rest.length === 0) return { kind: "settings-api-key", op: "create", keyId: null, scopes: null };
    const scopes = parseScopes(rest.map((t) => t.value));
    if (!scopes.ok) {
      fail(
        "settings",
        `${shorten(scopes.unknown.join(", "))} ${scopes.unknown.length === 1 ? "is not a scope" : "are not scopes"}. A key's scopes: ${API_SCOPES.map((s) => `\`${s}\``).join(", ")}, or \`all\`; e.g. \`settings api-key create contacts:read changes:read\`.`,
        wording("refusal.apiKey.notScope", {
          unknown: shorten(scopes.unknown.join(", ")),
          count: scopes.unknown.length,
          // Our own words, each as code (backticks are not escaped in mrkdwn).
          scopes: API_SCOPES.map((s) => `\`${s}\``).join(", "),
          all: { code: "all" },
          command: { code: "settings api-key create contacts:read changes:read" },
        }),
      );
    }
    return { kind: "settings-api-key", op: "create", keyId: null, scopes: scopes.scopes };
  }
  if (isKeyword(action, "revoke", "delete", "remove")) {
    const [keyId, ...extra] = rest;
    if (keyId === undefined || extra.length > 0) {
      fail("settings", "Say which key to revoke, e.g. `settings api-key revoke k_123`.");
    }
    return { kind: "settings-api-key", op: "revoke", keyId: keyId.value, scopes: null };
  }
  if (action === undefined || isKeyword(action, "list", "show", "ls")) {
    if (rest.length > 0) fail("settings", "`settings api-key list` takes nothing after it.");
    return { kind: "settings-api-key", op: "list", keyId: null, scopes: null };
  }
  fail(
    "settings",
    "Use `settings api-key create [scopes]`, `settings api-key list` or `settings api-key revoke <id>`.",
  );
}

/** Sources whose default can be set (R15), and whether they take a form, chatflow or app id. */
const CONFIGURABLE_SOURCES: Record<string, "optional" | "required" | "none"> = {
  form: "optional",
  "external-form": "optional",
  chatflow: "optional",
  integration: "required",
  api: "none",
};

function parseDefaults(tokens: Token[]): Command {
  if (tokens.length === 0) return { kind: "settings-defaults", source: null, sourceId: null, value: null };
  const example = "`settings defaults form:contact-us marketing`";
  const [sourceToken, ...rest] = tokens;
  if (sourceToken === undefined) fail("settings", `Give a source and a status, e.g. ${example}.`);
  const colon = sourceToken.value.indexOf(":");
  const source = (colon < 0 ? sourceToken.value : sourceToken.value.slice(0, colon)).toLowerCase();
  const sourceId = colon < 0 ? null : sourceToken.value.slice(colon + 1).trim();
  const idRule = lookup(CONFIGURABLE_SOURCES, source);
  if (idRule === undefined) {
    const fixed = (CREATION_SOURCES as readonly string[]).includes(source);
    const configurable = "form, external-form, chatflow, integration:<app> and api";
    if (source === "import") {
      fail("settings", "Imports choose per import: `import marketing` sets all as marketing.");
    }
    fail(
      "settings",
      fixed
        ? `Contacts from \`${source}\` are always non-marketing; you can set defaults for ${configurable}.`
        : `"${shorten(source)}" isn't a source; you can set defaults for ${configurable}.`,
    );
  }
  if (sourceId === "" || (idRule === "required" && sourceId === null)) {
    fail(
      "settings",
      `Say which ${source === "integration" ? "app" : source}, e.g. \`settings defaults ${source}:${source === "integration" ? "salesforce" : "contact-us"} marketing\`.`,
    );
  }
  if (idRule === "none" && sourceId !== null) {
    fail(
      "settings",
      `\`${source}\` has one default for the whole account; write \`settings defaults ${source} marketing\`.`,
    );
  }
  const status = readStatus(rest);
  if (status === null || rest.length !== status.used) {
    fail("settings", `Say \`marketing\` or \`non-marketing\` after the source, e.g. ${example}.`);
  }
  return {
    kind: "settings-defaults",
    source,
    sourceId: sourceId === null ? null : source === "integration" ? sourceId.toLowerCase() : sourceId,
    value: status.status,
  };
}
