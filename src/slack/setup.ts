// The setup modal: plan, tier (that plan's ladder, with prices), term, contract start, billing
// time zone, alert and approvals channels, billing contacts and reminder days, in one form that
// saves in one transaction. Choosing another plan redraws the tier select (dispatch_action).
import type { ConversationsSelect, InputBlock, InputBlockElement, KnownBlock, ModalView } from "@slack/types";
import { z } from "zod";
import { isTranslated } from "../commands/i18n/answers.ts";
import type { Locale } from "../commands/i18n/format.ts";
import type { MessageKey } from "../commands/i18n/locales/en/index.ts";
import type { MessageArg } from "../commands/i18n/messages.ts";
import { code } from "../commands/rich.ts";
import { money, n } from "../domain/format.ts";
import { monthlyPriceCents, type Pricing, smallestTierHolding } from "../domain/pricing.ts";
import type { SetupAnswers, SetupField } from "../domain/setup.ts";
import { PLANS, type Plan, TERMS } from "../domain/types.ts";
import type { Actor, Services } from "../services/context.ts";
import { MAX_BILLING_CONTACTS, type SetupState, setupState } from "../services/setup.ts";
import { wizardWords } from "./manage-local.ts";
import { context, section, truncate } from "./render/blocks.ts";

export const SETUP_VIEW = "setup";
/** The plan select: choosing a plan redraws the tier select with that plan's ladder. */
export const SETUP_PLAN_ACTION = "setup_plan";
/** The action id of every other field. */
const VALUE = "value";

/** Slack takes at most 100 options in a select. */
const MAX_OPTIONS = 100;
const REMINDER_DAYS = Array.from({ length: 28 }, (_, i) => i + 1);

/** The input block of each field; the tier's names its plan, so a new plan gets a fresh tier select. */
export function setupBlockId(field: SetupField, plan: Plan): string {
  return field === "tier" ? `tier_${plan}` : field.replace(/-/g, "_");
}

/** What the modal carries: where it was opened from (a slash command answers there). */
export const setupMetadata = z.object({ responseUrl: z.string().max(500).nullable().default(null) });
export type SetupMetadata = z.infer<typeof setupMetadata>;

export function readSetupMetadata(text: string | undefined): SetupMetadata {
  try {
    return setupMetadata.parse(JSON.parse(text || "{}"));
  } catch {
    return setupMetadata.parse({});
  }
}

const plain = (text: string, max = 75) => ({ type: "plain_text" as const, text: truncate(text, max), emoji: true });
const option = (text: string, value: string, description?: string) => ({
  text: plain(text),
  value,
  ...(description ? { description: plain(description) } : {}),
});

const TERM_TEXT: Record<string, [string, string]> = {
  annual: ["Annual", "Update dates on the 1st of every month"],
  monthly: ["Monthly", "Update dates on the contract start day each month"],
};

const isChannelId = (c: string | null): c is string => c !== null && /^[CG][A-Z0-9]{2,}$/.test(c);

/**
 * The modal's words: English as written here, or the catalogs' `setupModal.*` in the user's
 * language (mrkdwn for sections, plain text for the rest).
 */
function setupWords(locale: Locale | string | undefined) {
  const w = isTranslated(locale) ? wizardWords(locale) : null;
  return {
    w,
    text: (key: MessageKey, english: string, args?: Record<string, MessageArg>) => (w ? w.text(key, args) : english),
    md: (key: MessageKey, english: string, args?: Record<string, MessageArg>) => (w ? w.md(key, args) : english),
  };
}

/** The tiers the select offers: from the smallest that holds today's count, up to Slack's 100 options. */
export function tierOptions(
  pricing: Pricing,
  plan: Plan,
  marketingCount: number,
  current: number | null,
  locale?: Locale | string,
) {
  const { w } = setupWords(locale);
  const ladder = pricing[plan];
  const limits: number[] = [];
  for (
    let limit = smallestTierHolding(ladder, marketingCount);
    limit <= ladder.maxLimit && limits.length < MAX_OPTIONS;
    limit += ladder.step
  ) {
    limits.push(limit);
  }
  if (current !== null && current >= (limits[0] ?? 0) && !limits.includes(current)) {
    limits.splice(MAX_OPTIONS - 1, limits.length, current);
  }
  return limits.map((limit) =>
    option(
      w
        ? w.text("setupModal.tierOption", { limit, monthly: w.f.money(monthlyPriceCents(ladder, limit)) })
        : `${n(limit)} contacts — ${money(monthlyPriceCents(ladder, limit))}/month`,
      String(limit),
    ),
  );
}

function input(
  field: SetupField,
  plan: Plan,
  label: string,
  element: InputBlockElement,
  opts: { hint?: string; optional?: boolean } = {},
): InputBlock {
  return {
    type: "input",
    block_id: setupBlockId(field, plan),
    label: plain(label, 2000),
    ...(opts.optional ? { optional: true } : {}),
    ...(opts.hint ? { hint: plain(opts.hint, 2000) } : {}),
    element,
  };
}

/**
 * The modal, prefilled with the account as it is; `plan` redraws it for another plan than the
 * account's (the tier select then starts at that plan's smallest tier holding today's count).
 */
export function setupModal(
  state: SetupState,
  pricing: Pricing,
  metadata: SetupMetadata,
  plan?: Plan,
  locale?: Locale | string,
): ModalView {
  const { account } = state;
  const currentPlan = account.plan as Plan;
  const chosen = plan ?? currentPlan;
  const count = account.marketingCount;
  const { w, text, md } = setupWords(locale);
  const tiers = tierOptions(pricing, chosen, count, chosen === currentPlan ? account.tierLimit : null, locale);
  const initialTier =
    tiers.find((o) => chosen === currentPlan && o.value === String(account.tierLimit)) ?? tiers[0] ?? null;
  const planOption = (p: Plan) => option(p[0]?.toUpperCase() + p.slice(1), p);
  const termOption = (t: string) =>
    w && (t === "annual" || t === "monthly")
      ? option(
          w.text(t === "annual" ? "setupModal.termAnnual" : "setupModal.termMonthly"),
          t,
          w.text(t === "annual" ? "setupModal.termAnnualHint" : "setupModal.termMonthlyHint"),
        )
      : option(TERM_TEXT[t]?.[0] ?? t, t, TERM_TEXT[t]?.[1]);
  const dayOption = (d: number) =>
    option(text("setupModal.reminderDay", d === 1 ? "1 day before" : `${d} days before`, { days: d }), String(d));
  const channelSelect = (current: string | null): ConversationsSelect => ({
    type: "conversations_select",
    action_id: VALUE,
    placeholder: plain(text("setupModal.channelChoose", "Choose a channel"), 150),
    filter: { include: ["public", "private"], exclude_bot_users: true, exclude_external_shared_channels: true },
    ...(isChannelId(current) ? { initial_conversation: current } : {}),
  });
  const billing = state.billingContacts.filter((u) => /^[UW][A-Z0-9]+$/.test(u)).slice(0, MAX_BILLING_CONTACTS);
  const reminders = account.reminderDays.filter((d) => REMINDER_DAYS.includes(d));
  const blocks: KnownBlock[] = [
    section(
      state.configured
        ? md(
            "setupModal.introSettings",
            `These are tierkeeper's settings. You have *${n(count)}* marketing contacts today. Saving changes them all at once.`,
            { count },
          )
        : md(
            "setupModal.introNew",
            `Tell tierkeeper what you bought and where to talk to you. You have *${n(count)}* marketing contacts today. You can change all of this later from App Home or with \`/contacts settings\`.`,
            { count, command: code("/contacts settings") },
          ),
    ),
    {
      type: "input",
      block_id: setupBlockId("plan", chosen),
      dispatch_action: true,
      label: plain(text("setupModal.plan", "Plan"), 2000),
      element: {
        type: "static_select",
        action_id: SETUP_PLAN_ACTION,
        options: PLANS.map(planOption),
        initial_option: planOption(chosen),
      },
    },
    input(
      "tier",
      chosen,
      text("setupModal.tier", "Contact tier: the marketing contacts you pay for"),
      {
        type: "static_select",
        action_id: VALUE,
        placeholder: plain(text("setupModal.tierChoose", "Choose a tier"), 150),
        options: tiers,
        ...(initialTier ? { initial_option: initialTier } : {}),
      },
      {
        hint: text(
          "setupModal.tierHint",
          `Tiers that hold your ${n(count)} marketing contacts, with their monthly price.`,
          { count },
        ),
      },
    ),
    input("term", chosen, text("setupModal.term", "Billing term"), {
      type: "radio_buttons",
      action_id: VALUE,
      options: TERMS.map(termOption),
      initial_option: termOption(account.term),
    }),
    input(
      "start",
      chosen,
      text("setupModal.start", "Contract start (purchase date)"),
      { type: "datepicker", action_id: VALUE, initial_date: account.contractStart },
      {
        hint: text(
          "setupModal.startHint",
          "Monthly terms renew on this day of the month; annual terms on this date each year.",
        ),
      },
    ),
    input(
      "timezone",
      chosen,
      text("setupModal.timezone", "Billing time zone"),
      { type: "plain_text_input", action_id: VALUE, initial_value: account.timeZone, max_length: 100 },
      {
        hint: text(
          "setupModal.timezoneHint",
          "An IANA name such as America/New_York or Europe/Berlin: update dates fall at noon there.",
          { example1: "America/New_York", example2: "Europe/Berlin" },
        ),
      },
    ),
    input(
      "alert-channel",
      chosen,
      text("setupModal.alertChannel", "Channel for tier alerts"),
      channelSelect(account.alertChannel),
      {
        hint: text(
          "setupModal.alertChannelHint",
          "Alerts at 75 %, 90 % and 98 % of the tier, upgrades and reminders. For a private channel, invite @tierkeeper first.",
          w ? { first: w.f.pct(75), second: w.f.pct(90), third: w.f.pct(98), bot: "@tierkeeper" } : {},
        ),
      },
    ),
    input(
      "approvals-channel",
      chosen,
      text("setupModal.approvalsChannel", "Channel for approvals"),
      channelSelect(account.approvalsChannel),
      {
        hint: text(
          "setupModal.approvalsChannelHint",
          "Bulk changes and anything that would upgrade the tier wait here for an admin.",
        ),
      },
    ),
    input(
      "billing-contacts",
      chosen,
      text("setupModal.billing", "Billing contacts"),
      {
        type: "multi_users_select",
        action_id: VALUE,
        placeholder: plain(text("setupModal.billingChoose", "Choose people"), 150),
        max_selected_items: MAX_BILLING_CONTACTS,
        ...(billing.length ? { initial_users: billing } : {}),
      },
      { optional: true, hint: text("setupModal.billingHint", "They get every tier alert by DM.") },
    ),
    input(
      "reminders",
      chosen,
      text("setupModal.reminders", "Reminders before each update date"),
      {
        type: "multi_static_select",
        action_id: VALUE,
        placeholder: plain(text("setupModal.remindersNone", "None"), 150),
        options: REMINDER_DAYS.map(dayOption),
        ...(reminders.length ? { initial_options: reminders.map(dayOption) } : {}),
      },
      { optional: true },
    ),
    context(
      state.configured
        ? md("setupModal.noteSettings", "Saving applies every field together, or nothing if one is refused.")
        : md(
            "setupModal.noteNew",
            "Saving applies every field together. tierkeeper then posts a short note to the approvals channel saying what it will do and when.",
          ),
    ),
  ];
  return {
    type: "modal" as const,
    callback_id: SETUP_VIEW,
    title: plain(
      text("setupModal.title", state.configured ? "tierkeeper settings" : "Set up tierkeeper", {
        configured: state.configured ? "yes" : "no",
      }),
      24,
    ),
    submit: plain(text("setupModal.save", "Save"), 24),
    close: plain(text("setupModal.cancel", "Cancel"), 24),
    private_metadata: JSON.stringify(metadata),
    blocks,
  };
}

/** A modal that only says something (no submit): for someone who may not set tierkeeper up. */
export function noticeModal(title: string, text: string, close = "Close") {
  return {
    type: "modal" as const,
    title: plain(title, 24),
    close: plain(close, 24),
    blocks: [section(text)],
  };
}

// The view state Slack sends, element by element (only the fields we read).
const selected = z.object({ selected_option: z.object({ value: z.string().max(100) }).nullish() });
const dateValue = z.object({ selected_date: z.string().max(20).nullish() });
const textValue = z.object({ value: z.string().max(500).nullish() });
const conversation = z.object({ selected_conversation: z.string().max(50).nullish() });
const usersValue = z.object({ selected_users: z.array(z.string().max(50)).max(100).nullish() });
const optionsValue = z.object({
  selected_options: z
    .array(z.object({ value: z.string().max(10) }))
    .max(100)
    .nullish(),
});

export const viewStateValues = z.record(z.string(), z.record(z.string(), z.unknown()));
export type ViewStateValues = z.infer<typeof viewStateValues>;

/** The plan the plan select shows, if it is one. */
export function selectedPlan(values: ViewStateValues): Plan | null {
  const value = selected.safeParse(values.plan?.[SETUP_PLAN_ACTION]).data?.selected_option?.value;
  return (PLANS as readonly string[]).includes(value ?? "") ? (value as Plan) : null;
}

/** The submitted modal as setup answers (text per field), for `readSetupAnswers`. */
export function answersFromView(values: ViewStateValues): SetupAnswers {
  const plan = selectedPlan(values);
  const at = (field: SetupField) => values[setupBlockId(field, plan ?? "professional")]?.[VALUE];
  const tier = plan ? selected.safeParse(at("tier")).data?.selected_option?.value : undefined;
  const days = optionsValue.safeParse(at("reminders")).data?.selected_options ?? [];
  return {
    plan: selected.safeParse(values.plan?.[SETUP_PLAN_ACTION]).data?.selected_option?.value ?? undefined,
    tier: tier ?? undefined,
    term: selected.safeParse(at("term")).data?.selected_option?.value ?? undefined,
    start: dateValue.safeParse(at("start")).data?.selected_date ?? undefined,
    timezone: textValue.safeParse(at("timezone")).data?.value ?? undefined,
    "alert-channel": conversation.safeParse(at("alert-channel")).data?.selected_conversation ?? undefined,
    "approvals-channel": conversation.safeParse(at("approvals-channel")).data?.selected_conversation ?? undefined,
    "billing-contacts": usersValue.safeParse(at("billing-contacts")).data?.selected_users ?? [],
    reminders: days.length ? days.map((d) => `${d.value}d`).join(",") : "off",
  };
}

/** The view `/contacts setup` and App Home's button open: the setup modal for an admin, a notice for anyone else. */
export async function setupViewFor(svc: Services, actor: Actor, metadata: SetupMetadata, locale?: Locale | string) {
  const state = await setupState(svc, actor);
  if (!state.isAdmin) {
    const { text, md } = setupWords(locale);
    return noticeModal(
      text("setupModal.title", "tierkeeper settings", { configured: "yes" }),
      md(
        "setupModal.noAccess",
        "Only admins can set tierkeeper up or change its settings. Ask an admin of this workspace; `/contacts settings` shows the settings to anyone.",
        { command: code("/contacts settings") },
      ),
      text("setupModal.close", "Close"),
    );
  }
  return setupModal(state, svc.pricing, metadata, undefined, locale);
}
