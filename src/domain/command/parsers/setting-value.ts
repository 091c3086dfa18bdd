// One setting's value, read the same way from `settings <key> <value>`, the setup form and the
// CLI's flags.
import { IANAZone } from "luxon";
import type { DateLocale } from "../../dates/locales.ts";
import { type DateContext, parseCalendarDate } from "../../dates.ts";
import { normalizeQuotes } from "../../lexer.ts";
import { PLANS, type Plan, TERMS, type Term } from "../../types.ts";
import { type Wording, wording } from "../../wording.ts";
import { CommandError, fail, shorten } from "../errors.ts";
import { MAX_COMMAND_LENGTH } from "../limits.ts";
import type { SettingChange, SettingKey } from "../types.ts";
import { lookup, readCount } from "../words.ts";

/**
 * One setting's value as typed in a form or a CLI flag, read exactly as `settings <key> <value>`
 * reads it: `{ ok: false, error }` with the same one-sentence message when it can't be read.
 */
export function readSettingValue(
  key: SettingKey,
  text: string,
  ctx: DateContext,
): { ok: true; setting: SettingChange } | { ok: false; error: string; wording?: Wording } {
  const trimmed = normalizeQuotes(text.length > MAX_COMMAND_LENGTH ? text.slice(0, MAX_COMMAND_LENGTH) : text).trim();
  const words = trimmed.split(/\s+/).filter((word) => word !== "");
  if (words.length === 0) {
    return {
      ok: false,
      error: `Give a value for \`${key}\`: ${settingHint(key)}.`,
      wording: wording("refusal.setting.giveValue", hintArgs(key)),
    };
  }
  try {
    return { ok: true, setting: readSetting(key, words, trimmed, ctx) };
  } catch (error) {
    if (error instanceof CommandError) {
      return { ok: false, error: error.message, ...(error.wording ? { wording: error.wording } : {}) };
    }
    return {
      ok: false,
      error: `I couldn't read that value for \`${key}\`.`,
      wording: wording("refusal.setting.unreadable", { key: { code: key } }),
    };
  }
}

/** What settingHint says, as a wording's arguments: the setting, its example and the values it takes. */
export function hintArgs(key: string): { key: { code: string }; example: { code: string }; values: string } {
  const hint = settingHint(key);
  const example = /^`([^`]+)`/.exec(hint)?.[1] ?? `settings ${key}`;
  const values: Record<string, string> = {
    plan: "plan",
    term: "term",
    "self-approval": "selfApproval",
    "spike-percent": "spikePercent",
    language: "language",
  };
  return { key: { code: key }, example: { code: example }, values: lookup(values, key) ?? "none" };
}

export function settingHint(key: string): string {
  switch (key) {
    case "plan":
      return "`settings plan professional` (starter, professional or enterprise)";
    case "term":
      return "`settings term annual` (monthly or annual)";
    case "start":
      return "`settings start 2026-04-15`";
    case "timezone":
      return "`settings timezone America/New_York`";
    case "tier":
      return "`settings tier 10,000`";
    case "alert-channel":
    case "approvals-channel":
      return `\`settings ${key} #billing-alerts\``;
    case "direct-limit":
      return "`settings direct-limit 10`";
    case "self-approval":
      return "`settings self-approval on` (on or off)";
    case "spike-percent":
      return "`settings spike-percent 10` (1 to 100)";
    case "spike-min":
      return "`settings spike-min 500`";
    case "language":
      return "`settings language sv` (en, sv, nl or pl)";
    default:
      return "`settings reminders 3d,1d`";
  }
}

export function readSetting(key: string, words: string[], valueText: string, ctx: DateContext): SettingChange {
  const single = (): string => {
    if (words.length !== 1 || words[0] === undefined) {
      fail(
        "settings",
        `\`${key}\` takes one value, e.g. ${settingHint(key)}; I got "${shorten(words.join(" "))}". To change several settings, name each one: \`settings plan enterprise tier 400,000\`.`,
        wording("refusal.setting.oneValue", {
          ...hintArgs(key),
          got: shorten(words.join(" ")),
          command: { code: "settings plan enterprise tier 400,000" },
        }),
      );
    }
    return words[0];
  };
  switch (key) {
    case "plan": {
      const plan = single().toLowerCase();
      if (!(PLANS as readonly string[]).includes(plan)) {
        fail(
          "settings",
          `"${shorten(plan)}" isn't a plan; plans are ${PLANS.join(", ")}.`,
          wording("refusal.setting.notPlan", { value: shorten(plan), plans: PLANS.join(", ") }),
        );
      }
      return { key: "plan", value: plan as Plan };
    }
    case "term": {
      const word = single().toLowerCase();
      const term = ["yearly", "annually", "year"].includes(word) ? "annual" : word === "month" ? "monthly" : word;
      if (!(TERMS as readonly string[]).includes(term)) {
        fail(
          "settings",
          `"${shorten(word)}" isn't a billing term; use monthly or annual.`,
          wording("refusal.setting.notTerm", { value: shorten(word) }),
        );
      }
      return { key: "term", value: term as Term };
    }
    case "start": {
      const date = parseCalendarDate(valueText, ctx);
      if (!date.ok) fail("settings", date.error);
      return { key: "start", value: date.date };
    }
    case "timezone": {
      const zone = single();
      if (!/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(zone) || !IANAZone.isValidZone(zone)) {
        fail(
          "settings",
          `"${shorten(zone)}" isn't a time zone I know; use an IANA name such as America/New_York.`,
          wording("refusal.setting.notZone", { value: shorten(zone) }),
        );
      }
      return { key: "timezone", value: canonicalZone(zone) };
    }
    case "spike-percent": {
      const value = readCount(words.join("").replace(/%$/, ""));
      if (value === null || value < 1 || value > 100) {
        fail(
          "settings",
          `"${shorten(valueText)}" isn't a percentage from 1 to 100, e.g. ${settingHint(key)}.`,
          wording("refusal.setting.notPercent", { value: shorten(valueText), example: hintArgs(key).example }),
        );
      }
      return { key: "spike-percent", value };
    }
    case "spike-min":
    case "tier":
    case "direct-limit": {
      const text = words.join("");
      const count = readCount(text);
      if (count === null || count < 1) {
        fail(
          "settings",
          `"${shorten(valueText)}" isn't a positive whole number, e.g. ${settingHint(key)}.`,
          wording("refusal.setting.notNumber", { value: shorten(valueText), example: hintArgs(key).example }),
        );
      }
      if (key === "spike-min") return { key: "spike-min", value: count };
      return key === "tier" ? { key: "tier", value: count } : { key: "direct-limit", value: count };
    }
    case "alert-channel":
      return { key: "alert-channel", value: { channel: readChannel(words, key) } };
    case "approvals-channel":
      return { key: "approvals-channel", value: { channel: readChannel(words, key) } };
    case "language": {
      const word = single().toLowerCase();
      const language = LANGUAGE_WORDS[word];
      if (language === undefined) {
        fail(
          "settings",
          `"${shorten(word)}" isn't a language tierkeeper speaks; use en, sv, nl or pl.`,
          wording("refusal.setting.notLanguage", { value: shorten(word) }),
        );
      }
      return { key: "language", value: language };
    }
    case "self-approval": {
      const word = single().toLowerCase();
      if (["on", "true", "yes", "enable", "enabled"].includes(word)) return { key: "self-approval", value: true };
      if (["off", "false", "no", "disable", "disabled"].includes(word)) return { key: "self-approval", value: false };
      return fail(
        "settings",
        `\`self-approval\` is \`on\` or \`off\`, not "${shorten(word)}".`,
        wording("refusal.setting.selfApproval", {
          key: { code: "self-approval" },
          on: { code: "on" },
          off: { code: "off" },
          value: shorten(word),
        }),
      );
    }
    default:
      return { key: "reminders", value: readReminders(words.join(" ")) };
  }
}

/** Language codes, and the languages' own names and English names. */
const LANGUAGE_WORDS: Record<string, DateLocale | undefined> = {
  en: "en",
  english: "en",
  sv: "sv",
  swedish: "sv",
  svenska: "sv",
  nl: "nl",
  dutch: "nl",
  nederlands: "nl",
  pl: "pl",
  polish: "pl",
  polski: "pl",
};

function canonicalZone(zone: string): string {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return zone;
  }
}

function readReminders(text: string): number[] {
  const trimmed = text.trim().toLowerCase();
  if (["off", "none", "never"].includes(trimmed)) return [];
  const days: number[] = [];
  for (const part of trimmed.split(",")) {
    // Trimmed first: two `\s*` side by side would backtrack quadratically over a run of spaces.
    const match = /^(\d{1,3})\s*(?:d|days?)?$/.exec(part.trim());
    const value = match?.[1] === undefined ? Number.NaN : Number(match[1]);
    if (!Number.isInteger(value)) {
      fail(
        "settings",
        `"${shorten(part.trim())}" isn't a number of days; write reminders like \`3d,1d\`.`,
        wording("refusal.setting.notDays", { value: shorten(part.trim()), example: { code: "3d,1d" } }),
      );
    }
    if (value < 1 || value > 28) {
      fail(
        "settings",
        `Reminders are 1 to 28 days before the update date; ${value} is outside that.`,
        wording("refusal.setting.daysRange", { value }),
      );
    }
    days.push(value);
  }
  return [...new Set(days)].sort((a, b) => b - a);
}

/** A channel mention, `<#C123>`, or with the label Slack adds, `<#C123|general>`. */
const CHANNEL_MENTION = /^<#([CGD][A-Z0-9]{2,})(?:\|[^<>]*)?>$/;
const CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;
const CHANNEL_NAME = /^#[a-z0-9][a-z0-9._-]{0,79}$/;

function readChannel(words: string[], key: string): string {
  const example = `settings ${key} #billing-alerts`;
  if (words.length !== 1 || words[0] === undefined) {
    fail(
      "settings",
      `Give one channel, e.g. \`${example}\`.`,
      wording("refusal.setting.oneChannel", { example: { code: example } }),
    );
  }
  const word = words[0];
  const mention = CHANNEL_MENTION.exec(word);
  if (mention?.[1] !== undefined) return mention[1];
  if (CHANNEL_ID.test(word)) return word;
  if (CHANNEL_NAME.test(word.toLowerCase())) return word.toLowerCase();
  fail(
    "settings",
    `"${shorten(word)}" isn't a channel; give #name or its id (like C0123ABCD), e.g. \`${example}\`.`,
    wording("refusal.setting.notChannel", { value: shorten(word), example: { code: example } }),
  );
}
