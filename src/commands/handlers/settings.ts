// `settings`, `settings <key> <value>…`, `settings api-key …`, `settings defaults …`, `setup`.
import { SCOPE_MEANING } from "../../domain/api-scopes.ts";
import type { DateLocale } from "../../domain/dates/locales.ts";
import { money, n, when } from "../../domain/format.ts";

import { createApiKey, listApiKeys, revokeApiKey } from "../../services/api-keys.ts";
import {
  changeSettings,
  describeValue,
  type SettingsChangeResult,
  type ShownSettingKey,
  showSettings,
} from "../../services/settings.ts";
import { setSourceDefault, showSourceDefaults } from "../../services/source-defaults.ts";
import { answer, facts, header, list, note, paragraph, refusal, say, secretAnswer } from "../answer.ts";
import type { Handler } from "../handler.ts";
import { isTranslated } from "../i18n/answers.ts";
import { message } from "../i18n/messages.ts";
import {
  apiKeyCreatedParts,
  apiKeyListParts,
  defaultSetText,
  defaultsParts,
  localSettingsChangeLines,
  settingsParts,
} from "../i18n/settings.ts";
import { channel, code, em, emoji, join, md, type Rich, strong, who } from "../rich.ts";

/** Most rows a listing shows (API keys, creation-source defaults); the answer says how many more. */
const PAGE = 50;

/** How `settings` names the language notices are in. */
const LANGUAGE_NAMES: Record<DateLocale, string> = {
  en: "en (English)",
  sv: "sv (svenska)",
  nl: "nl (Nederlands)",
  pl: "pl (polski)",
};

const channelOf = (c: string): Rich => [c.startsWith("#") ? c : channel(c)];

export const settings: Handler<"settings"> = async (svc, inv) => {
  const r = await showSettings(svc, inv.actor);
  const s = r.settings;
  const data = {
    settings: s,
    billingContacts: r.billingContacts,
    lastChanged: Object.fromEntries(
      Object.entries(r.lastChanged).map(([k, m]) => [k, { actor: m.actor, at: m.at.toISOString() }]),
    ),
    configuredAt: r.configuredAt?.toISOString() ?? null,
  };
  if (isTranslated(inv.locale)) return answer(settingsParts(inv.locale, r, inv.timeZone, LANGUAGE_NAMES), data);
  const rows: [string, Rich, ShownSettingKey[]][] = [
    ["plan", [s.plan], ["plan"]],
    ["tier", [`${n(s.tier)} contacts (${money(s.monthlyPriceCents)}/month)`], ["tier"]],
    ["term", [s.term], ["term"]],
    ["start", [s.start], ["start"]],
    ["timezone", [s.timezone], ["timezone"]],
    ["alert-channel", s["alert-channel"] ? channelOf(s["alert-channel"]) : ["not set"], ["alert-channel"]],
    [
      "approvals-channel",
      s["approvals-channel"] ? channelOf(s["approvals-channel"]) : ["not set"],
      ["approvals-channel"],
    ],
    [
      "billing-contacts",
      r.billingContacts.length
        ? join(
            r.billingContacts.slice(0, 20).map((u) => who(u)),
            ", ",
          ).concat(r.billingContacts.length > 20 ? [` and ${n(r.billingContacts.length - 20)} more`] : [])
        : ["none"],
      ["billing-contacts"],
    ],
    ["reminders", [s.reminders.length ? s.reminders.map((d) => `${d}d`).join(",") : "off"], ["reminders"]],
    ["direct-limit", [n(s["direct-limit"])], ["direct-limit"]],
    ["self-approval", [s["self-approval"] ? "on" : "off"], ["self-approval"]],
    [
      "spike-percent / spike-min",
      [`${s["spike-percent"]} % or ${n(s["spike-min"])} contacts within an hour, whichever is smaller`],
      ["spike-percent", "spike-min"],
    ],
    ["language", [LANGUAGE_NAMES[s.language as DateLocale] ?? s.language], ["language"]],
  ];
  const changedBy = (keys: ShownSettingKey[]): Rich => {
    const mark = keys
      .map((k) => r.lastChanged[k])
      .filter((m) => m !== undefined)
      .sort((a, b) => b.at.getTime() - a.at.getTime())[0];
    if (!mark) return ["default"];
    const by: Rich =
      mark.actor === "system"
        ? ["tierkeeper (automatic upgrade or renewal)"]
        : mark.actor === "cli"
          ? ["the command line"]
          : who(mark.actor);
    return md`changed by ${by}, ${when(mark.at, inv.timeZone)}`;
  };
  const notSetUp = r.configuredAt
    ? null
    : md`tierkeeper isn't set up yet: ${code("/contacts setup")} (or ${code("tierkeeper setup")} in a terminal) asks for all of this in one go.`;
  return answer(
    [
      header("Settings"),
      facts(rows.map(([k, v, keys]) => [k, md`${v} — ${em(changedBy(keys))}`])),
      ...(notSetUp ? [note(notSetUp)] : []),
      note(
        md`Admins change one or several at once, e.g. ${code("settings plan enterprise tier 400,000 term monthly")}, or all in a form with ${code("/contacts setup")}.`,
      ),
    ],
    data,
  );
};

/** What a settings change did, in plain words: each changed setting, and the tier with its price. */
export function settingsChangeLines(r: SettingsChangeResult): Rich[] {
  const lines: Rich[] = [];
  const t = r.tier;
  for (const ch of r.changed) {
    if (ch.key === "tier" || ch.key === "plan") continue;
    lines.push(
      md`${code(ch.key)} is now ${describeValue(ch.key, ch.after)} (was ${describeValue(ch.key, ch.before)}).`,
    );
  }
  const was =
    t.previousPlan === t.plan
      ? `${n(t.previousLimit)} contacts, ${money(t.previousMonthlyPriceCents)}/month`
      : `${n(t.previousLimit)} contacts on the ${t.previousPlan} plan, ${money(t.previousMonthlyPriceCents)}/month`;
  if (t.how === "fitted") {
    lines.unshift(
      md`The plan is now ${t.plan}, and the tier ${n(t.limit)} contacts: the smallest ${t.plan} tier that holds your ${n(t.marketingCount)} marketing contacts, ${money(t.monthlyPriceCents)}/month (was ${was}). To choose another, give it too: ${code(`settings plan ${t.plan} tier <limit>`)}.`,
    );
  } else if (t.how === "given") {
    lines.unshift(
      md`The tier is now ${n(t.limit)} contacts on the ${t.plan} plan, ${money(t.monthlyPriceCents)}/month (was ${was}).`,
    );
  }
  if (lines.length === 0) lines.push(md`Nothing changed: every setting you gave already had that value.`);
  return lines;
}

export const settingsSet: Handler<"settings-set"> = async (svc, inv, c) => {
  const r = await changeSettings(svc, inv.actor, c.settings);
  const lines = isTranslated(inv.locale) ? localSettingsChangeLines(inv.locale, r) : settingsChangeLines(r);
  return answer(
    lines.map((l) => paragraph(l)),
    {
      settings: r.settings,
      changed: r.changed.map((ch) => ch.key),
      tier: {
        plan: r.tier.plan,
        limit: r.tier.limit,
        how: r.tier.how,
        monthlyPriceCents: r.tier.monthlyPriceCents,
        marketingCount: r.tier.marketingCount,
      },
    },
  );
};

export const setup: Handler<"setup"> = async (_svc, inv) => ({
  ...refusal(
    isTranslated(inv.locale)
      ? message(inv.locale, "settings.setupInSlack", { slack: code("/contacts setup"), cli: code("tierkeeper setup") })
      : md`The setup form opens in Slack: type ${code("/contacts setup")} there. In a terminal, run ${code("tierkeeper setup")}.`,
  ),
  slackOnly: "setup",
});

export const apiKey: Handler<"settings-api-key"> = async (svc, inv, c) => {
  const tz = inv.timeZone;
  if (c.op === "create") {
    const k = await createApiKey(svc, inv.actor, c.scopes ?? undefined);
    const secret = { keyId: k.id, apiKey: k.apiKey, scopes: k.scopes };
    if (isTranslated(inv.locale)) return secretAnswer(apiKeyCreatedParts(inv.locale, k), secret);
    return secretAnswer(
      [
        paragraph(md`${emoji("key")} New API key ${strong(k.id)}:`),
        paragraph([code(k.apiKey)]),
        paragraph(
          md`It may: ${join(
            k.scopes.map((s) => md`${code(s)} (${SCOPE_MEANING[s]})`),
            "; ",
          )}.`,
        ),
        note(
          md`Copy it now: it is not shown again. Send it as ${code("Authorization: Bearer <key>")} to the API (/api/v1, reference at /api/v1/reference). Revoke it with ${code(`settings api-key revoke ${k.id}`)}.`,
        ),
      ],
      secret,
    );
  }
  if (c.op === "list") {
    const keys = await listApiKeys(svc, inv.actor);
    const data = {
      shown: 0,
      total: keys.length,
      keys: [] as unknown[],
    };
    if (keys.length === 0) {
      if (isTranslated(inv.locale))
        return say(message(inv.locale, "apiKey.none", { command: code("settings api-key create") }), data);
      return say(md`There are no intake API keys. Make one with ${code("settings api-key create")}.`, data);
    }
    const active = keys.filter((k) => k.revokedAt === null);
    // The newest keys, in the order they were made.
    const shown = keys.slice(-PAGE);
    const listed = {
      shown: shown.length,
      total: keys.length,
      keys: shown.map((k) => ({
        id: k.id,
        createdBy: k.createdBy,
        createdAt: k.createdAt.toISOString(),
        lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
        revokedAt: k.revokedAt?.toISOString() ?? null,
        revokedBy: k.revokedBy,
        scopes: k.scopes,
      })),
    };
    if (isTranslated(inv.locale)) return answer(apiKeyListParts(inv.locale, keys, shown, tz), listed);
    return answer(
      [
        header("API keys"),
        paragraph(`API keys (${n(active.length)} active, ${n(keys.length - active.length)} revoked):`),
        list(
          shown.map(
            (k) =>
              md`${k.id} (${k.scopes.join(", ")}): ${k.revokedAt ? md`revoked ${when(k.revokedAt, tz)} by ${who(k.revokedBy ?? "?")}` : "active"}; made ${when(k.createdAt, tz)} by ${who(k.createdBy)}; ${k.lastUsedAt ? `last used ${when(k.lastUsedAt, tz)}` : "never used"}`,
          ),
        ),
        ...(keys.length > shown.length
          ? [note(`Showing the latest ${n(shown.length)} of ${n(keys.length)} keys.`)]
          : []),
        note(md`Keys are shown once, when made. Revoke one with ${code("settings api-key revoke <id>")}.`),
      ],
      listed,
    );
  }
  const revoked = await revokeApiKey(svc, inv.actor, c.keyId ?? "");
  if (isTranslated(inv.locale))
    return say(message(inv.locale, "apiKey.revoked", { id: [revoked.id] }), { keyId: revoked.id, revoked: true });
  return say(`API key ${revoked.id} is revoked; requests with it now get 401.`, { keyId: revoked.id, revoked: true });
};

export const defaults: Handler<"settings-defaults"> = async (svc, inv, c) => {
  if (c.source !== null && c.value !== null) {
    const r = await setSourceDefault(svc, inv.actor, { source: c.source, sourceId: c.sourceId, value: c.value });
    const promotes = r.after === "marketing" && (c.source === "form" || c.source === "external-form");
    if (isTranslated(inv.locale))
      return say(defaultSetText(inv.locale, r, promotes), { source: r.source, before: r.before, status: r.after });
    return say(
      `New contacts from ${r.source} now start ${r.after}${r.before ? ` (was ${r.before})` : ""}.${
        r.after === "marketing" && (c.source === "form" || c.source === "external-form")
          ? " An existing non-marketing contact who submits it becomes marketing."
          : ""
      }`,
      { source: r.source, before: r.before, status: r.after },
    );
  }
  const rows = await showSourceDefaults(svc, inv.actor);
  const shownRows = rows.slice(0, PAGE);
  const listed = { defaults: shownRows, shown: shownRows.length, total: rows.length };
  if (isTranslated(inv.locale)) return answer(defaultsParts(inv.locale, rows, shownRows), listed);
  return answer(
    [
      header("Creation-source defaults"),
      list(
        shownRows.map(
          (r) =>
            `${r.source}: ${r.status}${r.from === "account" ? " (set for this account)" : r.from === "override" ? " (override)" : ""}${r.note ? ` — ${r.note}` : ""}`,
        ),
      ),
      ...(rows.length > shownRows.length
        ? [
            note(
              md`Showing ${n(shownRows.length)} of ${n(rows.length)} defaults; set or check one with ${code("settings defaults <source>[:<id>] marketing|non-marketing")}.`,
            ),
          ]
        : []),
      note(
        md`Change one with ${code("settings defaults form:contact-us marketing")}, ${code("settings defaults api non-marketing")} or ${code("settings defaults integration:salesforce marketing")} (admins).`,
      ),
    ],
    listed,
  );
};
