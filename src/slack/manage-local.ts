// The manage wizard's frame (the modal every step is drawn in) and its steps' words in the languages
// besides English (English keeps its wording in manage.ts): the catalogs' messages, with numbers,
// money and dates in the locale and the update date in the user's zone. What the user typed (a
// filter, a list's name) goes into messages as an argument, never into a pattern.
import type { KnownBlock, ModalView } from "@slack/types";
import { type AnswerLocale, speak } from "../commands/i18n/answers.ts";
import type { MessageKey } from "../commands/i18n/locales/en/index.ts";
import type { MessageArg } from "../commands/i18n/messages.ts";
import { localSelector } from "../commands/i18n/selectors.ts";
import { code, plain as plainOf } from "../commands/rich.ts";
import { usagePercent } from "../domain/thresholds.ts";
import type { Account } from "../services/accounts.ts";
import type { ManagePreview } from "../services/bulk/index.ts";
import { type Selector, selectorWords } from "../services/selectors.ts";
import { context, divider, header, LIMITS, section, truncate } from "./render/blocks.ts";
import { toMrkdwn } from "./render/mrkdwn.ts";

export const MANAGE_STEPS = {
  intro: "manage_intro",
  unengaged: "manage_unengaged",
  select: "manage_select",
  review: "manage_review",
} as const;

export const plain = (text: string, max = 24) => ({
  type: "plain_text" as const,
  text: truncate(text, max),
  emoji: true,
});

/** The wizard's words in a language besides English: mrkdwn for sections, plain text for the rest. */
export function wizardWords(locale: AnswerLocale) {
  const { f, say, updateWhen } = speak(locale);
  return {
    f,
    say,
    updateWhen,
    md: (key: MessageKey, args?: Record<string, MessageArg>): string => toMrkdwn(say(key, args)),
    text: (key: MessageKey, args?: Record<string, MessageArg>): string => plainOf(say(key, args)),
  };
}

/** A step of the wizard: its state in private_metadata, whole. */
export function modal(
  callbackId: string,
  title: string,
  submit: string,
  blocks: KnownBlock[],
  state: object,
  close = "Cancel",
): ModalView {
  return {
    type: "modal" as const,
    callback_id: callbackId,
    title: plain(title),
    submit: plain(submit),
    close: plain(close),
    // Never cut: a cut state would not parse, and the submit would request something else (checked by fitsMetadata).
    private_metadata: JSON.stringify(state),
    blocks: blocks.slice(0, LIMITS.blocksPerView),
  };
}

/** Step 1 in the language: what marketing contacts are. */
export function localIntroView(locale: AnswerLocale, account: Account, next: Date, userZone: string, state: object) {
  const w = wizardWords(locale);
  return modal(
    MANAGE_STEPS.intro,
    w.text("wizard.title", { step: 1 }),
    w.text("wizard.next"),
    [
      header(w.text("wizard.intro.header")),
      section(w.md("wizard.intro.what")),
      section(w.md("wizard.intro.when", { when: w.updateWhen(next, account.timeZone, userZone) })),
      section(
        w.md("wizard.intro.standing", {
          count: account.marketingCount,
          limit: account.tierLimit,
          usage: w.f.pct(usagePercent(account.marketingCount, account.tierLimit)),
        }),
      ),
      context(w.md("wizard.intro.next")),
    ],
    state,
    w.text("modal.cancel"),
  );
}

/** What the review counts, in the language: the grammar's own words (a filter, a list's name) as arguments. */
export function localSelectorText(locale: AnswerLocale, selector: Selector | undefined, fallback: string): string {
  return selector ? plainOf(localSelector(locale, selectorWords(selector))) : fallback;
}

export function localReviewView(
  locale: AnswerLocale,
  p: ManagePreview,
  userZone: string,
  state: object,
  selector: Selector | undefined,
) {
  const w = wizardWords(locale);
  const saving =
    p.monthlySavingCents > 0
      ? w.say("wizard.review.savingValue", {
          saving: w.f.money(p.monthlySavingCents),
          lowest: p.lowestTierAfter,
          command: code(`/contacts tier downgrade ${p.lowestTierAfter}`),
        })
      : w.say("wizard.review.noSaving", { count: p.marketingAfter, limit: p.tierLimit });
  const selectorText = localSelectorText(locale, selector, p.selectorText);
  return modal(
    MANAGE_STEPS.review,
    w.text("wizard.title", { step: 4 }),
    w.text("wizard.request"),
    [
      header(w.text("wizard.review.header")),
      section(w.md("wizard.review.match", { count: p.count, selector: [selectorText] })),
      section(
        [
          w.md("wizard.review.now", { count: p.marketingNow, limit: p.tierLimit }),
          w.md("wizard.review.becoming", {
            when: w.updateWhen(p.effectiveAt, p.subsidiaryZone, userZone),
            count: p.count,
            after: p.marketingAfter,
          }),
          w.md("wizard.review.usage", { usage: w.f.pct(p.usageAfter), limit: p.tierLimit }),
          w.md("wizard.review.saving", { saving }),
        ].join("\n"),
      ),
      divider(),
      context(w.md("wizard.review.note")),
    ],
    state,
    w.text("modal.cancel"),
  );
}
