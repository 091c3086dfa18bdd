// The manage wizard's and the upgrade confirmation's words in every language within Slack's modal
// limits: every message of the wizard's catalog part at its place's limit (a title 24 characters,
// an option 75) with the longest numbers and every plural form, and the views themselves, drawn
// with extreme numbers, over nothing and cut nowhere. Hostile text typed into a filter stays inert.

import type { KnownBlock } from "@slack/types";
import IntlMessageFormat from "intl-messageformat";
import { describe, expect, it } from "vitest";
import type { Locale } from "../../src/commands/i18n/format.ts";
import { wizard } from "../../src/commands/i18n/locales/en/wizard.ts";
import { CATALOGS, message } from "../../src/commands/i18n/messages.ts";
import { plain } from "../../src/commands/rich.ts";
import type { BulkRequestView } from "../../src/services/bulk/index.ts";
import type { ManagePreview } from "../../src/services/bulk/preview.ts";
import type { UpgradeRecord } from "../../src/services/context.ts";
import { describeSelector } from "../../src/services/selectors.ts";
import { confirmUpgradeView } from "../../src/slack/confirm.ts";
import { readState, reviewView, selectionOf } from "../../src/slack/manage.ts";
import { LIMITS } from "../../src/slack/render/blocks.ts";
import { MODAL_LIMITS, modalProblems, viewTexts } from "../helpers/modal-limits.ts";
import { mrkdwnOf, unsafeMarkup } from "../helpers/slack-markup.ts";

type WizardKey = keyof typeof wizard;

/** Where each message goes, and so its limit: a new message without a place fails here. */
const PLACE: Record<WizardKey, number> = {
  "modal.cancel": MODAL_LIMITS.close,
  "wizard.title": MODAL_LIMITS.title,
  "wizard.next": MODAL_LIMITS.submit,
  "wizard.toReview": MODAL_LIMITS.submit,
  "wizard.request": MODAL_LIMITS.submit,
  "wizard.intro.header": LIMITS.headerText,
  "wizard.intro.what": LIMITS.sectionText,
  "wizard.intro.when": LIMITS.sectionText,
  "wizard.intro.standing": LIMITS.sectionText,
  "wizard.intro.next": LIMITS.contextText,
  "wizard.unengaged.header": LIMITS.headerText,
  "wizard.unengaged.summary": LIMITS.sectionText,
  "wizard.unengaged.label": MODAL_LIMITS.label,
  "wizard.unengaged.bounced": MODAL_LIMITS.optionText,
  "wizard.unengaged.unsubscribed": MODAL_LIMITS.optionText,
  "wizard.unengaged.next": LIMITS.contextText,
  "wizard.select.header": LIMITS.headerText,
  "wizard.select.explain": LIMITS.sectionText,
  "wizard.select.list": MODAL_LIMITS.label,
  // A list's name is the user's (cut to fit by design); the words around it must leave it room.
  "wizard.select.listOption": MODAL_LIMITS.optionText,
  "wizard.select.choose": MODAL_LIMITS.placeholder,
  "wizard.select.moreLists": LIMITS.contextText,
  "wizard.select.filter": MODAL_LIMITS.label,
  "wizard.select.hint": MODAL_LIMITS.hint,
  "wizard.select.noChoice": LIMITS.sectionText,
  "wizard.select.tooLong": LIMITS.sectionText,
  "wizard.select.noRoom": LIMITS.sectionText,
  "wizard.select.noMatch": LIMITS.sectionText,
  "wizard.review.header": LIMITS.headerText,
  "wizard.review.match": LIMITS.sectionText,
  "wizard.review.now": LIMITS.sectionText,
  "wizard.review.becoming": LIMITS.sectionText,
  "wizard.review.usage": LIMITS.sectionText,
  "wizard.review.saving": LIMITS.sectionText,
  "wizard.review.savingValue": LIMITS.sectionText,
  "wizard.review.noSaving": LIMITS.sectionText,
  "wizard.review.note": LIMITS.contextText,
  "wizard.done.mismatch": LIMITS.sectionText,
  "wizard.done.nothing": LIMITS.sectionText,
  "wizard.done.direct": LIMITS.sectionText,
  "wizard.done.posted": LIMITS.sectionText,
  "wizard.done.waiting": LIMITS.sectionText,
  "wizard.done.setChannel": LIMITS.sectionText,
  "confirm.title": MODAL_LIMITS.title,
  "confirm.submit": MODAL_LIMITS.submit,
  "confirm.body": LIMITS.sectionText,
  "confirm.label": MODAL_LIMITS.label,
  "confirm.note": LIMITS.contextText,
  "confirm.wrong": LIMITS.sectionText,
};

const LOCALES = Object.keys(CATALOGS) as Locale[];
const KEYS = Object.keys(wizard) as WizardKey[];

// intl-messageformat's AST: arguments that take a number (`{x, number}`, plurals) and those that take text.
const NUMBER = 2;
const PLURAL = 6;
const ARGUMENT = 1;

function argumentsOf(pattern: string): { numbers: Set<string>; texts: Set<string> } {
  const numbers = new Set<string>();
  const texts = new Set<string>();
  type El = { type: number; value?: string; options?: Record<string, { value: El[] }>; children?: El[] };
  const walk = (els: El[]) => {
    for (const el of els) {
      if ((el.type === NUMBER || el.type === PLURAL) && el.value) numbers.add(el.value);
      if (el.type === ARGUMENT && el.value) texts.add(el.value);
      for (const o of Object.values(el.options ?? {})) walk(o.value);
      if (el.children) walk(el.children);
    }
  };
  walk(new IntlMessageFormat(pattern, "en").getAst() as unknown as El[]);
  return { numbers, texts };
}

/** The message's longest plain text: every number from one to millions (each plural form), short text arguments. */
function longest(locale: Locale, key: WizardKey): string {
  const { numbers, texts } = argumentsOf(wizard[key]);
  let out = "";
  // A title's step is 1 to 4; any other number may be from one to millions.
  for (const x of key === "wizard.title" ? [1, 2, 3, 4] : [1, 2, 5, 22, 1.5, 12_345_678]) {
    const args: Record<string, number | string> = {};
    for (const name of numbers) args[name] = x;
    // Only the user's list name goes into a place with a small limit; it is cut to fit by design.
    for (const name of texts) args[name] = "x";
    const text = plain(message(locale, key, args));
    if (text.length > out.length) out = text;
  }
  return out;
}

describe("the wizard's and the confirmation's words fit Slack's modal limits", () => {
  it.each(LOCALES)(
    "%s: every message at its place's limit, with every plural form and the longest numbers",
    (locale) => {
      const over: string[] = [];
      for (const key of KEYS) {
        const text = longest(locale, key);
        const max = key === "wizard.select.listOption" ? PLACE[key] - 40 : PLACE[key];
        if (text.length > max) over.push(`${key} (${text.length} > ${max}): ${text}`);
      }
      expect(over).toEqual([]);
    },
  );

  it("the short places really are short in the longest language: the checks above can fail", () => {
    expect(longest("pl", "wizard.request").length).toBeGreaterThan(20);
    expect(longest("nl", "confirm.title")).toBe("Pakketupgrade bevestigen");
    expect(longest("nl", "confirm.title").length).toBe(MODAL_LIMITS.title);
    expect(longest("sv", "wizard.title")).toBe("Hantera kontakter · 1/4");
    expect(longest("pl", "wizard.unengaged.unsubscribed")).toBe(
      "Wypisane ze wszystkich e-maili (12\u00a0345\u00a0678)",
    );
  });
});

const now = new Date("2026-05-15T14:00:00Z");
const asRecord = (view: object) => view as Record<string, unknown>;
const hostile = 'email contains "<!channel> *x* <@U123|boss> &amp;"';

/** A review with numbers in the millions, zones whose names are long, and a filter typed to make markup. */
function preview(selectorText: string): ManagePreview {
  return {
    selectorText,
    count: 1_234_567,
    marketingNow: 9_876_543,
    marketingAfter: 8_641_976,
    tierLimit: 10_000_000,
    usageAfter: 86.4,
    effectiveAt: new Date("2026-06-01T04:00:00Z"),
    subsidiaryZone: "America/Argentina/ComodRivadavia",
    lowestTierAfter: 9_000_000,
    monthlySavingCents: 1_234_567_89,
  };
}

const request = { id: "R7K2Q9X4M1", count: 1_234_567 } as BulkRequestView;
const upgrade: UpgradeRecord = {
  oldLimit: 9_000_000,
  newLimit: 10_000_000,
  oldMonthlyCents: 98_765_432,
  newMonthlyCents: 123_456_789,
  chargeCents: 45_678_901,
  chargeDue: "2026-05-16",
};

const ENGLISH =
  /Marketing now|Usage after|Saving:|Request approval|Manage contacts|Cancel|Approve and upgrade|Type the number/;

describe("the review step and the confirmation modal in every language", () => {
  const state = readState("{}");
  const selected = selectionOf({ ...state, filter: hostile }, now, "UTC");
  if (!selected.ok) throw new Error(selected.error);

  it.each(LOCALES)("%s: within Slack's limits, cut nowhere, and a typed filter stays inert", (locale) => {
    const view = reviewView(
      preview(describeSelector(selected.selector)),
      "Pacific/Chatham",
      state,
      locale,
      selected.selector,
    );
    expect(modalProblems(asRecord(view))).toEqual([]);
    for (const text of mrkdwnOf(view.blocks as KnownBlock[])) expect(unsafeMarkup(text), text).toBeNull();
    const texts = viewTexts(asRecord(view)).join("\n");
    expect(texts).toContain("&lt;!channel&gt;");
    if (locale !== "en") expect(texts).not.toMatch(ENGLISH);

    const confirm = confirmUpgradeView(request, upgrade, null, { locale, zone: "America/New_York" });
    expect(modalProblems(confirm)).toEqual([]);
    if (locale !== "en") expect(viewTexts(confirm).join("\n")).not.toMatch(ENGLISH);
  });

  it("Swedish: the words, the numbers and the money as Swedes write them", () => {
    const view = reviewView(preview("unengaged"), "Europe/Stockholm", state, "sv", { type: "unengaged" });
    expect(view.title.text).toBe("Hantera kontakter · 4/4");
    expect(view.submit?.text).toBe("Begär godkännande");
    expect(view.close?.text).toBe("Avbryt");
    const texts = viewTexts(asRecord(view)).join("\n");
    expect(texts).toContain(
      "*1\u00a0234\u00a0567* marknadsföringskontakter matchar: inte engagerade kontakter (studsade eller avregistrerade).",
    );
    expect(texts).toContain("*Marknadsföringskontakter nu:* 9\u00a0876\u00a0543 av 10\u00a0000\u00a0000");
    expect(texts).toContain("*Användning efteråt:* 86,4\u00a0% av 10\u00a0000\u00a0000");
    expect(texts).toMatch(
      /\*1\u00a0234\u00a0567,89\u00a0US\$\/månad\* mindre om du sänker paketet till 9\u00a0000\u00a0000/,
    );
    expect(texts).toContain("`/contacts tier downgrade 9000000`");
  });

  it("Polish and Dutch confirmation: the charge's day in the account's zone, money and plurals in the language", () => {
    const pl = confirmUpgradeView({ ...request, count: 3 }, upgrade, null, { locale: "pl", zone: "Europe/Warsaw" });
    expect(pl.title.text).toBe("Potwierdź zmianę pakietu");
    expect(pl.submit.text).toBe("Zatwierdź i podwyższ");
    const body = viewTexts(pl).join("\n");
    expect(body).toContain("Zatwierdzenie *R7K2Q9X4M1* oznacza *3* kontakty jako marketingowe");
    expect(body).toContain("z *9\u00a0000\u00a0000* do *10\u00a0000\u00a0000* kontaktów");
    expect(body).toMatch(/jest płatna sob\., 16 maja 2026\./);
    expect(JSON.parse(pl.private_metadata)).toMatchObject({ requestId: "R7K2Q9X4M1", count: 3, locale: "pl" });
    const nl = viewTexts(confirmUpgradeView(request, upgrade, null, { locale: "nl", zone: "Europe/Amsterdam" })).join();
    expect(nl).toContain("worden *1.234.567* contacten marketing");
    expect(nl).toContain("US$\u00a0456.789,01");
    expect(nl).toContain("verschuldigd op za 16 mei 2026");
    // English is as it always was, without a language in its metadata.
    const en = confirmUpgradeView(request, upgrade, null);
    expect(en.title.text).toBe("Confirm tier upgrade");
    expect(JSON.parse(en.private_metadata).locale).toBeUndefined();
  });

  it("nothing chosen is refused in the user's language", () => {
    const none = { ...state, bounced: false, unsubscribed: false };
    expect(selectionOf(none, now, "UTC", "nl")).toMatchObject({
      ok: false,
      error: "Kies niet-betrokken contacten in stap 2, een lijst of een filter.",
    });
    expect(selectionOf(none, now, "UTC")).toMatchObject({
      error: "Choose unengaged contacts in step 2, a list or a filter.",
    });
  });
});
