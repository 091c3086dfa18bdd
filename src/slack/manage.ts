// The manage wizard (R17): four modal steps that end in a bulk non-marketing request (R14).

import { createHash } from "node:crypto";
import type { KnownBlock } from "@slack/types";
import { z } from "zod";
import { isTranslated } from "../commands/i18n/answers.ts";
import { code } from "../commands/rich.ts";
import type { DateLocale } from "../domain/dates.ts";
import { FILTER_EXAMPLE, type Filter, parseFilter } from "../domain/filter.ts";
import { money, n, pct, updateWhen } from "../domain/format.ts";
import { usagePercent } from "../domain/thresholds.ts";
import { nextUpdateInstant } from "../domain/update-dates.ts";
import { billingTermsOf, getAccount } from "../services/accounts.ts";
import type { ManagePreview } from "../services/bulk/index.ts";
import type { Actor, Services } from "../services/context.ts";
import { allLists } from "../services/lists.ts";
import { unengagedCounts } from "../services/reports.ts";
import { describeSelector, type Selector } from "../services/selectors.ts";
import {
  localIntroView,
  localReviewView,
  localSelectorText,
  MANAGE_STEPS,
  modal,
  plain,
  wizardWords,
} from "./manage-local.ts";
import { context, divider, header, section, truncate } from "./render/blocks.ts";
import { escapeMrkdwn } from "./render/mrkdwn.ts";

export { localSelectorText, MANAGE_STEPS, wizardWords };

/** Slack keeps at most this many characters of a view's private_metadata. */
const METADATA_MAX = 3000;
/** The longest filter the wizard takes (a longer one goes through `/contacts bulk … where …`). */
export const WIZARD_FILTER_MAX = 1000;

/** What the wizard carries from step to step in private_metadata (3,000 characters at most). */
export const wizardState = z.object({
  bounced: z.boolean().default(true),
  unsubscribed: z.boolean().default(true),
  list: z.string().max(200).nullable().default(null),
  filter: z.string().max(WIZARD_FILTER_MAX).nullable().default(null),
  /** The slash command's response_url, to answer where the wizard was opened. */
  responseUrl: z.string().max(500).nullable().default(null),
  /** The selector the review step showed (its description's sha256): the submit must request exactly it. */
  reviewed: z.string().max(64).nullable().default(null),
});
export type WizardState = z.infer<typeof wizardState>;

/** The state of an earlier step, or the defaults when there is none yet (the first step). */
export function readState(metadata: string | undefined): WizardState {
  return readStateStrictly(metadata || "{}") ?? wizardState.parse({});
}

/** The state as the previous step wrote it, or null when it can't be read (never silently the defaults). */
export function readStateStrictly(metadata: string | undefined): WizardState | null {
  try {
    const parsed = wizardState.safeParse(JSON.parse(metadata ?? ""));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Whether the state fits in a view's private_metadata whole (it is never cut). */
export function fitsMetadata(state: WizardState): boolean {
  return JSON.stringify(state).length <= METADATA_MAX;
}

/** A fingerprint of the selector a review step showed, kept in the state to compare at submit. */
export function selectorFingerprint(selector: Selector): string {
  return createHash("sha256").update(describeSelector(selector)).digest("hex");
}

/** Step 1: what marketing contacts are (R1, R3, R9). */
export async function introView(
  svc: Services,
  actor: Actor,
  userZone: string,
  state: WizardState,
  locale: DateLocale = "en",
) {
  const account = await getAccount(svc.db, actor.accountId);
  const next = nextUpdateInstant(billingTermsOf(account), svc.clock.now());
  if (isTranslated(locale)) return localIntroView(locale, account, next, userZone, state);
  return modal(
    MANAGE_STEPS.intro,
    "Manage contacts · 1/4",
    "Next",
    [
      header("What are marketing contacts?"),
      section(
        "Only *marketing contacts* count toward your contact tier, and only they can get marketing email or be in ad audiences. *Non-marketing* contacts still get sales 1:1 email, chats, registration, ticket and transactional email and surveys.",
      ),
      section(
        `Setting a contact non-marketing takes effect at the *next update date*, ${updateWhen(next, account.timeZone, userZone)}: until then it stays marketing and keeps counting.`,
      ),
      section(
        `You have *${n(account.marketingCount)}* marketing contacts of a *${n(account.tierLimit)}* tier (${pct(usagePercent(account.marketingCount, account.tierLimit))}). The tier never goes down by itself; a smaller count lets you choose a lower tier at renewal.`,
      ),
      context("Next: unengaged contacts you may not need to market to."),
    ],
    state,
  );
}

/** Step 2: unengaged contacts (bounced, unsubscribed), pre-selected, with counts. */
export async function unengagedView(svc: Services, actor: Actor, state: WizardState, locale: DateLocale = "en") {
  const counts = await unengagedCounts(svc, actor);
  const w = isTranslated(locale) ? wizardWords(locale) : null;
  const options = [
    {
      value: "bounced",
      text: w ? w.text("wizard.unengaged.bounced", { count: counts.bounced }) : `Bounced (${n(counts.bounced)})`,
      on: state.bounced,
      count: counts.bounced,
    },
    {
      value: "unsubscribed",
      text: w
        ? w.text("wizard.unengaged.unsubscribed", { count: counts.unsubscribed })
        : `Unsubscribed from all email (${n(counts.unsubscribed)})`,
      on: state.unsubscribed,
      count: counts.unsubscribed,
    },
  ];
  const toOption = (o: (typeof options)[number]) => ({ text: plain(o.text, 75), value: o.value });
  const initial = options.filter((o) => o.on).map(toOption);
  const blocks: KnownBlock[] = [
    header(w ? w.text("wizard.unengaged.header") : "Unengaged contacts"),
    section(
      w
        ? w.md("wizard.unengaged.summary", { count: counts.either })
        : `*${n(counts.either)}* marketing contacts have bounced or unsubscribed from all email: they cannot receive marketing email anyway, but they count toward your tier.`,
    ),
    {
      type: "input",
      block_id: "unengaged",
      optional: true,
      label: plain(w ? w.text("wizard.unengaged.label") : "Set these non-marketing", 2000),
      element: {
        type: "checkboxes",
        action_id: "choice",
        options: options.map(toOption),
        ...(initial.length ? { initial_options: initial } : {}),
      },
    },
    context(w ? w.md("wizard.unengaged.next") : "Next: or choose a list or a filter instead."),
  ];
  if (w)
    return modal(
      MANAGE_STEPS.unengaged,
      w.text("wizard.title", { step: 2 }),
      w.text("wizard.next"),
      blocks,
      state,
      w.text("modal.cancel"),
    );
  return modal(MANAGE_STEPS.unengaged, "Manage contacts · 2/4", "Next", blocks, state);
}

/** Step 3: a list or a filter, instead of the unengaged contacts. */
export async function selectView(svc: Services, actor: Actor, state: WizardState, locale: DateLocale = "en") {
  const rows = await allLists(svc, actor);
  const lists = rows.slice(0, 100);
  const w = isTranslated(locale) ? wizardWords(locale) : null;
  const blocks: KnownBlock[] = [
    header(w ? w.text("wizard.select.header") : "Or a list or a filter"),
    section(
      w
        ? w.md("wizard.select.explain")
        : "Leave both empty to use the unengaged contacts of step 2. A list or a filter *replaces* them; with both, contacts must be in the list *and* match the filter.",
    ),
  ];
  if (lists.length > 0) {
    const option = (name: string, size: number) => ({
      text: plain(w ? w.text("wizard.select.listOption", { name: [name], size }) : `${name} (${n(size)})`, 75),
      value: truncate(name, 150),
    });
    const initial = lists.find((l) => l.name === state.list);
    blocks.push({
      type: "input",
      block_id: "list",
      optional: true,
      label: plain(w ? w.text("wizard.select.list") : "List", 2000),
      element: {
        type: "static_select",
        action_id: "choice",
        placeholder: plain(w ? w.text("wizard.select.choose") : "Choose a list", 150),
        options: lists.map((l) => option(l.name, l.size)),
        ...(initial ? { initial_option: option(initial.name, initial.size) } : {}),
      },
    });
    if (rows.length > lists.length)
      blocks.push(
        context(
          w
            ? w.md("wizard.select.moreLists", { count: rows.length - lists.length, example: code('list = "Name"') })
            : `…and ${n(rows.length - lists.length)} more lists: use a filter such as \`list = "Name"\`.`,
        ),
      );
  }
  blocks.push({
    type: "input",
    block_id: "filter",
    optional: true,
    label: plain(w ? w.text("wizard.select.filter") : "Filter", 2000),
    hint: plain(
      w ? w.text("wizard.select.hint", { fields: FILTER_FIELDS }) : `Fields: ${FILTER_FIELDS}. Dates in words.`,
      2000,
    ),
    element: {
      type: "plain_text_input",
      action_id: "text",
      placeholder: plain(FILTER_EXAMPLE, 150),
      ...(state.filter ? { initial_value: state.filter } : {}),
    },
  });
  if (w)
    return modal(
      MANAGE_STEPS.select,
      w.text("wizard.title", { step: 3 }),
      w.text("wizard.toReview"),
      blocks,
      state,
      w.text("modal.cancel"),
    );
  return modal(MANAGE_STEPS.select, "Manage contacts · 3/4", "Review", blocks, state);
}

/** The fields a filter takes, as the grammar names them (the same in every language). */
const FILTER_FIELDS = "email, domain, source, lifecycle, created, last_engaged, bounced, unsubscribed, list";

export type WizardSelection = { ok: true; selector: Selector } | { ok: false; block: string; error: string };

/** The wizard's choices as one selector; the list and filter replace the unengaged contacts. */
export function selectionOf(state: WizardState, now: Date, timeZone: string, locale?: DateLocale): WizardSelection {
  let filter: Filter | null = null;
  if (state.filter) {
    const parsed = parseFilter(state.filter, { now, timeZone, locale });
    if (!parsed.ok) return { ok: false, block: "filter", error: parsed.error };
    filter = parsed.filter;
  }
  if (state.list && filter) {
    return {
      ok: true,
      selector: {
        type: "filter",
        filter: {
          conditions: [{ field: "list", op: "=", value: state.list }, ...filter.conditions],
          text: `list = "${state.list}" and ${filter.text}`,
        },
      },
    };
  }
  if (state.list) return { ok: true, selector: { type: "list", name: state.list } };
  if (filter) return { ok: true, selector: { type: "filter", filter } };
  if (state.bounced && state.unsubscribed) return { ok: true, selector: { type: "unengaged" } };
  const flag = state.bounced ? "bounced" : state.unsubscribed ? "unsubscribed" : null;
  if (!flag)
    return {
      ok: false,
      block: "filter",
      error: isTranslated(locale)
        ? wizardWords(locale).text("wizard.select.noChoice")
        : "Choose unengaged contacts in step 2, a list or a filter.",
    };
  return {
    ok: true,
    selector: {
      type: "filter",
      filter: { conditions: [{ field: flag, op: "=", value: true }], text: `${flag} = true` },
    },
  };
}

/** Step 4: the review; submitting makes the bulk request. */
export function reviewView(
  p: ManagePreview,
  userZone: string,
  state: WizardState,
  locale: DateLocale = "en",
  selector?: Selector,
) {
  if (isTranslated(locale)) return localReviewView(locale, p, userZone, state, selector);
  const saving =
    p.monthlySavingCents > 0
      ? `*${money(p.monthlySavingCents)}/month* less if you lower the tier to ${n(p.lowestTierAfter)} at renewal (\`/contacts tier downgrade ${p.lowestTierAfter}\`); the tier never goes down by itself.`
      : `No saving yet: ${n(p.marketingAfter)} contacts still need the ${n(p.tierLimit)} tier.`;
  return modal(
    MANAGE_STEPS.review,
    "Manage contacts · 4/4",
    "Request approval",
    [
      header("Review"),
      section(`*${n(p.count)}* marketing contacts match: ${escapeMrkdwn(p.selectorText)}.`),
      section(
        [
          `*Marketing now:* ${n(p.marketingNow)} of ${n(p.tierLimit)}`,
          `*Becoming non-marketing* at the next update date, ${updateWhen(p.effectiveAt, p.subsidiaryZone, userZone)}: ${n(p.count)} (with the ones already pending, the count drops to ${n(p.marketingAfter)})`,
          `*Usage after:* ${pct(p.usageAfter)} of ${n(p.tierLimit)}`,
          `*Saving:* ${saving}`,
        ].join("\n"),
      ),
      divider(),
      context(
        "Submitting makes a bulk request that an admin approves in the approvals channel. Until the update date they stay marketing.",
      ),
    ],
    state,
  );
}

/** The first step, for views.open, in the user's language. */
export async function openingView(
  svc: Services,
  actor: Actor,
  userZone: string,
  responseUrl: string | null,
  locale: DateLocale = "en",
) {
  return introView(svc, actor, userZone, wizardState.parse({ responseUrl }), locale);
}
