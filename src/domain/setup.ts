// The setup form's answers (Slack modal, `tierkeeper setup` prompts or flags) → settings, read
// exactly as `settings <key> <value>` reads them, with one error per field.
import { z } from "zod";
import { readSettingValue, type SettingChange } from "./command/index.ts";
import type { DateContext } from "./dates.ts";
import { type Wording, wording } from "./wording.ts";

/** The settings setup asks for, in the order it asks. */
export const SETUP_KEYS = [
  "plan",
  "tier",
  "term",
  "start",
  "timezone",
  "alert-channel",
  "approvals-channel",
  "reminders",
] as const;
type SetupKey = (typeof SETUP_KEYS)[number];
/** A field of the setup form: a setting, or the billing contacts (users, not a setting of the account). */
export type SetupField = SetupKey | "billing-contacts";

/** What each field asks, as a sentence for a missing answer. */
export const SETUP_MISSING: Record<SetupField, string> = {
  plan: "Choose a plan: starter, professional or enterprise.",
  tier: "Choose a contact tier.",
  term: "Choose a billing term: monthly or annual.",
  start: "Give the contract start (purchase) date, e.g. 2026-03-15.",
  timezone: "Give the billing time zone, an IANA name such as America/New_York.",
  "alert-channel": "Choose the channel for tier alerts.",
  "approvals-channel": "Choose the channel where admins approve bulk changes.",
  reminders: "Give the reminder days, e.g. 3d,1d, or off.",
  "billing-contacts": "Choose the billing contacts.",
};

/** The catalog key of each missing-answer sentence (src/commands/i18n/locales/en/setup.ts). */
const MISSING_KEY: Record<SetupField, string> = {
  plan: "setupModal.missing.plan",
  tier: "setupModal.missing.tier",
  term: "setupModal.missing.term",
  start: "setupModal.missing.start",
  timezone: "setupModal.missing.timezone",
  "alert-channel": "setupModal.missing.alertChannel",
  "approvals-channel": "setupModal.missing.approvalsChannel",
  reminders: "setupModal.missing.reminders",
  "billing-contacts": "setupModal.missing.billingContacts",
};

const answer = z.string().max(500, { error: "That answer is too long." });

/** The raw answers: text per setting (absent or blank: not answered), user ids or mentions for billing contacts. */
const setupAnswers = z.strictObject({
  plan: answer.optional(),
  tier: answer.optional(),
  term: answer.optional(),
  start: answer.optional(),
  timezone: answer.optional(),
  "alert-channel": answer.optional(),
  "approvals-channel": answer.optional(),
  reminders: answer.optional(),
  "billing-contacts": z.array(z.string().max(100)).max(100).optional(),
});
export type SetupAnswers = z.infer<typeof setupAnswers>;

export interface SetupReading {
  /** No field has an error. */
  ok: boolean;
  /** The settings that could be read (all of the answered ones when `ok`). */
  settings: SettingChange[];
  /** The billing contacts to have, or null to leave them as they are. */
  billingContacts: string[] | null;
  errors: Partial<Record<SetupField, string>>;
  /** The errors that have one as data, for the languages besides English (src/domain/wording.ts). */
  wordings: Partial<Record<SetupField, Wording>>;
}

const USER = /^(?:<@)?([UW][A-Z0-9]{1,20})(?:\|[^<>]{0,80})?>?$/;

/** `U123`, `<@U123>` or `<@U123|ana>` → `U123`; null for anything else. */
export function readUserId(text: string): string | null {
  const m = USER.exec(text.trim());
  return m?.[1] ?? null;
}

/** Billing contacts typed as one text: ids or mentions separated by commas or spaces. */
export function splitUsers(text: string): string[] {
  return text
    .slice(0, 5000)
    .split(/[\s,]+/)
    .filter((word) => word !== "");
}

/**
 * Reads the answers into settings; every field is checked, so all errors come back together.
 * `required` fields must be answered; the others, when blank, are left as they are.
 */
export function readSetupAnswers(raw: unknown, ctx: DateContext, required: readonly SetupField[]): SetupReading {
  const parsed = setupAnswers.safeParse(raw);
  if (!parsed.success) {
    const errors: Partial<Record<SetupField, string>> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "plan") as SetupField;
      errors[field] ??= issue.code === "unrecognized_keys" ? `"${issue.keys[0]}" isn't a setup field.` : issue.message;
    }
    return { ok: false, settings: [], billingContacts: null, errors, wordings: {} };
  }
  const answers = parsed.data;
  const errors: Partial<Record<SetupField, string>> = {};
  const wordings: Partial<Record<SetupField, Wording>> = {};
  const missing = (field: SetupField) => {
    errors[field] = SETUP_MISSING[field];
    wordings[field] = wording(MISSING_KEY[field]);
  };
  const settings: SettingChange[] = [];
  for (const key of SETUP_KEYS) {
    const text = answers[key]?.trim() ?? "";
    if (text === "") {
      if (required.includes(key)) missing(key);
      continue;
    }
    const read = readSettingValue(key, text, ctx);
    if (read.ok) settings.push(read.setting);
    else {
      errors[key] = read.error;
      if (read.wording) wordings[key] = read.wording;
    }
  }
  let billingContacts: string[] | null = null;
  if (answers["billing-contacts"] !== undefined) {
    const ids: string[] = [];
    for (const word of answers["billing-contacts"]) {
      const id = readUserId(word);
      if (id === null && errors["billing-contacts"] === undefined) {
        const shown = word.length > 40 ? `${word.slice(0, 37)}...` : word;
        errors["billing-contacts"] = `"${shown}" isn't a Slack user; give user ids like U0123ABCD or mentions.`;
        wordings["billing-contacts"] = wording("setupModal.notUser", { value: shown });
      } else if (id !== null) {
        ids.push(id);
      }
    }
    billingContacts = [...new Set(ids)];
  } else if (required.includes("billing-contacts")) {
    missing("billing-contacts");
  }
  return { ok: Object.keys(errors).length === 0, settings, billingContacts, errors, wordings };
}
