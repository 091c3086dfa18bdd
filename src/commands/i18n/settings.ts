// The answers of `settings`, `settings <key> <value>…`, `settings api-key …`, `settings defaults …`
// and `settings webhook …` in the languages besides English (English keeps the handlers' own
// wording). Setting names and the values people type (`plan`, `on`, `3d`, `monthly`) stay as they
// are: they are the grammar. URLs, plans, sources and names go in as arguments.
import { API_SCOPES, type ApiScope } from "../../domain/api-scopes.ts";
import type { DateLocale } from "../../domain/dates/locales.ts";
import { storedWebhookFailure, webhookFailureFromText } from "../../domain/reasons.ts";
import type { ApiKey } from "../../services/api-keys.ts";
import type { SettingsChangeResult, SettingsReport, ShownSettingKey } from "../../services/settings.ts";
import type { SourceDefaultRow } from "../../services/source-defaults.ts";
import type { WebhookSummary } from "../../services/webhooks/index.ts";
import { facts, header, list, note, type Part, paragraph } from "../answer.ts";
import { channel, code, em, emoji, join, md, type Rich, strong, who } from "../rich.ts";
import { type AnswerLocale, speak } from "./answers.ts";
import type { MessageKey } from "./locales/en/index.ts";
import { webhookFailureWords } from "./reasons.ts";

type ApiKeyRow = Omit<ApiKey, "keyHash">;

const channelOf = (c: string): Rich => [c.startsWith("#") ? c : channel(c)];

/** A setting's value as `settings` shows it: numbers in the locale, channels as links, typed values as they are. */
export function localValue(locale: AnswerLocale, key: string, value: unknown): Rich {
  const { f, label } = speak(locale);
  if (value === null || value === undefined) return [label("settings.notSet")];
  if (Array.isArray(value) && value.every((d) => typeof d === "number"))
    return [value.length ? shortened(value.map((d) => `${d}d`).join(",")) : "off"];
  if (typeof value === "boolean") return [value ? "on" : "off"];
  if (typeof value === "number") return [f.n(value)];
  // A value of a shape this version does not write (another version's, a hand edit): as stored, cut short.
  if (typeof value === "object") return [shortened(JSON.stringify(value))];
  const text = String(value);
  if (key.endsWith("-channel") && /^[CG][A-Z0-9]+$/.test(text)) return [channel(text)];
  return [shortened(text)];
}

/** At most 60 characters, cut between characters (never inside an emoji's pair). */
function shortened(text: string): string {
  if (text.length <= 60) return text;
  const chars = Array.from(text.slice(0, 240));
  return chars.length > 60 ? `${chars.slice(0, 59).join("")}…` : text;
}

/** `settings`: every setting, and who changed it last. */
export function settingsParts(
  locale: AnswerLocale,
  r: SettingsReport,
  tz: string,
  languageNames: Record<DateLocale, string>,
): Part[] {
  const { f, say, label } = speak(locale);
  const s = r.settings;
  const billing: Rich = r.billingContacts.length
    ? r.billingContacts.length > 20
      ? say("list.more", {
          items: join(
            r.billingContacts.slice(0, 20).map((u) => who(u)),
            ", ",
          ),
          count: r.billingContacts.length - 20,
        })
      : join(
          r.billingContacts.map((u) => who(u)),
          ", ",
        )
    : [label("settings.none")];
  const rows: [string, Rich, ShownSettingKey[]][] = [
    ["plan", [s.plan], ["plan"]],
    ["tier", say("settings.tierValue", { limit: s.tier, monthly: f.money(s.monthlyPriceCents) }), ["tier"]],
    ["term", [s.term], ["term"]],
    ["start", [s.start], ["start"]],
    ["timezone", [s.timezone], ["timezone"]],
    [
      "alert-channel",
      s["alert-channel"] ? channelOf(s["alert-channel"]) : [label("settings.notSet")],
      ["alert-channel"],
    ],
    [
      "approvals-channel",
      s["approvals-channel"] ? channelOf(s["approvals-channel"]) : [label("settings.notSet")],
      ["approvals-channel"],
    ],
    ["billing-contacts", billing, ["billing-contacts"]],
    ["reminders", [s.reminders.length ? s.reminders.map((d) => `${d}d`).join(",") : "off"], ["reminders"]],
    ["direct-limit", [f.n(s["direct-limit"])], ["direct-limit"]],
    ["self-approval", [s["self-approval"] ? "on" : "off"], ["self-approval"]],
    [
      "spike-percent / spike-min",
      say("settings.spike", { percent: f.pct(s["spike-percent"]), min: s["spike-min"] }),
      ["spike-percent", "spike-min"],
    ],
    ["language", [languageNames[s.language as DateLocale] ?? s.language], ["language"]],
  ];
  const changedBy = (keys: ShownSettingKey[]): Rich => {
    const mark = keys
      .map((k) => r.lastChanged[k])
      .filter((m) => m !== undefined)
      .sort((a, b) => b.at.getTime() - a.at.getTime())[0];
    if (!mark) return [label("settings.default")];
    const by: Rich =
      mark.actor === "system"
        ? [label("settings.bySystem")]
        : mark.actor === "cli"
          ? [label("settings.byCli")]
          : who(mark.actor);
    return say("settings.changedBy", { who: by, when: f.instant(mark.at.toISOString(), tz) });
  };
  return [
    header(label("settings.header")),
    facts(rows.map(([k, v, keys]) => [k, md`${v} — ${em(changedBy(keys))}`])),
    ...(r.configuredAt
      ? []
      : [note(say("settings.notSetUp", { slack: code("/contacts setup"), cli: code("tierkeeper setup") }))]),
    note(
      say("settings.howToChange", {
        example: code("settings plan enterprise tier 400,000 term monthly"),
        setup: code("/contacts setup"),
      }),
    ),
  ];
}

/** What a settings change did: each changed setting, and the tier with its price. */
export function localSettingsChangeLines(locale: AnswerLocale, r: SettingsChangeResult): Rich[] {
  const { f, say } = speak(locale);
  const lines: Rich[] = [];
  const t = r.tier;
  for (const ch of r.changed) {
    if (ch.key === "tier" || ch.key === "plan") continue;
    lines.push(
      say("settings.changed", {
        key: code(ch.key),
        after: localValue(locale, ch.key, ch.after),
        before: localValue(locale, ch.key, ch.before),
      }),
    );
  }
  const was =
    t.previousPlan === t.plan
      ? say("settings.was", { limit: t.previousLimit, monthly: f.money(t.previousMonthlyPriceCents) })
      : say("settings.wasPlan", {
          limit: t.previousLimit,
          plan: [t.previousPlan],
          monthly: f.money(t.previousMonthlyPriceCents),
        });
  if (t.how === "fitted") {
    lines.unshift(
      say("settings.tierFitted", {
        plan: [t.plan],
        limit: t.limit,
        count: t.marketingCount,
        monthly: f.money(t.monthlyPriceCents),
        was,
        command: code(`settings plan ${t.plan} tier <limit>`),
      }),
    );
  } else if (t.how === "given") {
    lines.unshift(
      say("settings.tierGiven", { limit: t.limit, plan: [t.plan], monthly: f.money(t.monthlyPriceCents), was }),
    );
  }
  if (lines.length === 0) lines.push(say("settings.nothingChanged"));
  return lines;
}

const SCOPE_KEY: Record<ApiScope, MessageKey> = {
  "contacts:read": "apiKey.scope.contactsRead",
  "contacts:write": "apiKey.scope.contactsWrite",
  "status:write": "apiKey.scope.statusWrite",
  "changes:read": "apiKey.scope.changesRead",
};

/** `settings api-key create`: the new key, once. */
export function apiKeyCreatedParts(
  locale: AnswerLocale,
  k: { id: string; apiKey: string; scopes: readonly ApiScope[] },
): Part[] {
  const { say, label } = speak(locale);
  return [
    paragraph([emoji("key"), " ", ...say("apiKey.new", { id: strong(k.id) })]),
    paragraph([code(k.apiKey)]),
    paragraph(
      say("apiKey.may", {
        scopes: join(
          API_SCOPES.filter((s) => k.scopes.includes(s)).map((s) => md`${code(s)} (${label(SCOPE_KEY[s])})`),
          "; ",
        ),
      }),
    ),
    note(
      say("apiKey.copy", {
        header: code("Authorization: Bearer <key>"),
        command: code(`settings api-key revoke ${k.id}`),
      }),
    ),
  ];
}

/** `settings api-key list` with keys; `shown` are the newest, `total` all of them. */
export function apiKeyListParts(locale: AnswerLocale, keys: ApiKeyRow[], shown: ApiKeyRow[], tz: string): Part[] {
  const { f, say, label } = speak(locale);
  const at = (d: Date) => f.instant(d.toISOString(), tz);
  const active = keys.filter((k) => k.revokedAt === null).length;
  return [
    header(label("apiKey.header")),
    paragraph(say("apiKey.count", { active, revoked: keys.length - active })),
    list(
      shown.map((k) =>
        say("apiKey.line", {
          id: [k.id],
          scopes: k.scopes.join(", "),
          state: k.revokedAt
            ? say("apiKey.revokedBy", { when: at(k.revokedAt), who: who(k.revokedBy ?? "?") })
            : label("apiKey.active"),
          made: at(k.createdAt),
          by: who(k.createdBy),
          used: k.lastUsedAt ? say("apiKey.lastUsed", { when: at(k.lastUsedAt) }) : label("apiKey.neverUsed"),
        }),
      ),
    ),
    ...(keys.length > shown.length ? [note(say("apiKey.showing", { shown: shown.length, total: keys.length }))] : []),
    note(say("apiKey.shownOnce", { command: code("settings api-key revoke <id>") })),
  ];
}

const NOTE_KEY: Record<string, MessageKey> = {
  form: "defaults.note.form",
  "external-form": "defaults.note.externalForm",
  import: "defaults.note.import",
  integration: "defaults.note.integration",
};

/** `settings defaults`: the creation-source defaults of the account. */
export function defaultsParts(locale: AnswerLocale, rows: SourceDefaultRow[], shownRows: SourceDefaultRow[]): Part[] {
  const { say, label } = speak(locale);
  const noteOf = (r: SourceDefaultRow): Rich => {
    if (!r.note) return [];
    const kind = r.source.split(":")[0] ?? r.source;
    const key = r.from === "override" ? undefined : NOTE_KEY[kind];
    if (key === "defaults.note.import") return say(key, { command: code("import marketing") });
    if (key === "defaults.note.integration")
      return say(key, { command: code("settings defaults integration:<app> marketing") });
    return key ? say(key) : say("defaults.note.always");
  };
  return [
    header(label("defaults.header")),
    list(
      shownRows.map((r) =>
        say("defaults.line", { source: [r.source], status: r.status, from: r.from, note: noteOf(r) }),
      ),
    ),
    ...(rows.length > shownRows.length
      ? [
          note(
            say("defaults.showing", {
              shown: shownRows.length,
              total: rows.length,
              command: code("settings defaults <source>[:<id>] marketing|non-marketing"),
            }),
          ),
        ]
      : []),
    note(
      say("defaults.change", {
        form: code("settings defaults form:contact-us marketing"),
        api: code("settings defaults api non-marketing"),
        integration: code("settings defaults integration:salesforce marketing"),
      }),
    ),
  ];
}

/** `settings defaults <source> <status>`: what new contacts from it start as now. */
export function defaultSetText(
  locale: AnswerLocale,
  r: { source: string; before: string | null; after: string },
  promotes: boolean,
): Rich {
  return speak(locale).say("defaults.set", {
    source: [r.source],
    status: r.after,
    before: r.before === null ? "none" : r.before === "marketing" ? "marketing" : "non",
    promotes: promotes ? "yes" : "no",
  });
}

const events = (locale: AnswerLocale, w: WebhookSummary): Rich =>
  w.events.length ? [w.events.join(", ")] : [speak(locale).label("webhook.everyChange")];

/** A webhook's state in the listing. */
function webhookState(locale: AnswerLocale, w: WebhookSummary, tz: string): Rich {
  const { f, say, label } = speak(locale);
  const at = (d: Date) => f.instant(d.toISOString(), tz);
  if (w.disabledAt)
    return say("webhook.off", { when: at(w.disabledAt), since: w.failingSince ? at(w.failingSince) : "?" });
  if (w.failingSince) {
    const failure = storedWebhookFailure(w.lastFailure) ?? (w.lastError ? webhookFailureFromText(w.lastError) : null);
    const error: Rich = failure ? webhookFailureWords(locale, failure) : [w.lastError ?? "?"];
    return say("webhook.failing", { when: at(w.failingSince), attempts: w.attempts, error });
  }
  return [label("webhook.delivering")];
}

export function webhookAddedParts(locale: AnswerLocale, w: WebhookSummary, secret: string): Part[] {
  const { say } = speak(locale);
  return [
    paragraph([
      emoji("satellite_antenna"),
      " ",
      ...say("webhook.added", { id: strong(String(w.id)), events: events(locale, w), url: [w.url] }),
    ]),
    paragraph(say("webhook.secret", { secret: code(secret) })),
    note(say("webhook.copy", { command: code(`settings webhook test ${w.id}`) })),
  ];
}

export function webhookListParts(locale: AnswerLocale, hooks: WebhookSummary[], tz: string): Part[] {
  const { say, label } = speak(locale);
  return [
    header(label("webhook.header")),
    list(
      hooks.map((w) =>
        say("webhook.line", {
          id: strong(String(w.id)),
          url: [w.url],
          events: events(locale, w),
          state: webhookState(locale, w, tz),
        }),
      ),
    ),
    note(say("webhook.help", { test: code("settings webhook test <n>"), remove: code("settings webhook remove <n>") })),
  ];
}
