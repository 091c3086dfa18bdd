// The answers of `tier`, `status` and `can-market` in the languages besides English (English keeps
// the handlers' own wording, word for word as before): the catalogs' messages, with numbers, money
// and dates in the locale and dates in the user's zone. What the contact holds (email, source,
// lists, lifecycle) and the plan go into messages as arguments, never into their patterns.
import { DateTime } from "luxon";
import type { ContactStatus } from "../../services/contacts.ts";
import type { TierReport } from "../../services/reports.ts";
import { facts, header, note, type Part, paragraph } from "../answer.ts";
import { code, em, emoji, plain, type Rich, strong } from "../rich.ts";
import { type Locale, localFormat } from "./format.ts";
import type { MessageKey } from "./locales/en/index.ts";
import { type MessageArg, message } from "./messages.ts";

/** A language an answer is worded in through the catalogs: any but English (and none). */
export type AnswerLocale = Exclude<Locale, "en">;

const TRANSLATED: readonly string[] = ["sv", "nl", "pl"] satisfies AnswerLocale[];

/** One of the catalogs' languages; English, none, or anything unknown (a bad stored value) is English. */
export const isTranslated = (locale: Locale | string | undefined): locale is AnswerLocale =>
  locale !== undefined && TRANSLATED.includes(locale);

/** A language's messages, labels, formats and update instants. */
export function speak(locale: AnswerLocale) {
  const f = localFormat(locale);
  const say = (key: MessageKey, args?: Record<string, MessageArg>): Rich => message(locale, key, args);
  const label = (key: MessageKey): string => plain(say(key));
  /** An update instant where the subsidiary zone decides it, and in the user's zone when that differs. */
  const updateWhen = (d: Date, subsidiaryZone: string, userZone: string): string => {
    const iso = d.toISOString();
    const base = f.at(iso, subsidiaryZone);
    if (userZone === subsidiaryZone) return base;
    const there = DateTime.fromJSDate(d).setZone(subsidiaryZone);
    const here = DateTime.fromJSDate(d).setZone(userZone);
    if (here.offset === there.offset) return base;
    return plain(say("when.forYou", { there: base, here: f.short(iso, userZone) }));
  };
  const shortList = (items: string[], max: number): string =>
    items.length <= max
      ? items.join(", ")
      : plain(say("list.more", { items: items.slice(0, max).join(", "), count: items.length - max }));
  return { f, say, label, updateWhen, shortList };
}

/** `tier`: the account's standing; `bar` is the usage bar (it reads the same in every language). */
export function tierParts(locale: AnswerLocale, r: TierReport, userZone: string, bar: string): Part[] {
  const { f, say, label, updateWhen } = speak(locale);
  return [
    header(label("tier.header")),
    paragraph(
      say("tier.summary", {
        count: r.marketingCount,
        limit: r.tierLimit,
        usage: f.pct(r.usagePercent),
        plan: r.plan,
        monthly: f.money(r.monthlyPriceCents),
      }),
    ),
    paragraph([code(bar)]),
    facts([
      [label("tier.all"), say("tier.allValue", { total: r.totalCount, nonMarketing: r.nonMarketingCount })],
      [label("tier.pending"), f.n(r.pendingCount)],
      [label("tier.nextUpdate"), updateWhen(r.nextUpdateAt, r.timeZone, userZone)],
      [label("tier.afterUpdate"), `${f.n(r.marketingCountAfterUpdate)} (${f.pct(r.usageAfterUpdatePercent)})`],
      [label("tier.lowestAfter"), f.n(r.lowestTierAfterUpdate)],
    ]),
    ...(r.downgradeTo
      ? [
          note(
            say("tier.downgrade", { target: r.downgradeTo, when: f.instant(r.nextRenewalAt.toISOString(), userZone) }),
          ),
        ]
      : []),
  ];
}

/** `status <email>`: one contact. */
export function statusParts(locale: AnswerLocale, s: ContactStatus, userZone: string): Part[] {
  const { f, say, label, updateWhen, shortList } = speak(locale);
  const unengaged = [s.bounced && label("status.bounced"), s.unsubscribed && label("status.unsubscribed")]
    .filter((x): x is string => typeof x === "string")
    .join(", ");
  return [
    paragraph(
      say("status.is", {
        email: [strong(s.email)],
        status: s.status === "marketing" ? "marketing" : "other",
        pending: s.pending ? "yes" : "no",
        note: [em(label("status.pendingNote"))],
      }),
    ),
    ...(s.effectiveAt
      ? [
          paragraph([
            emoji("hourglass_flowing_sand"),
            " ",
            ...say("status.pendingLine", { when: updateWhen(s.effectiveAt, s.timeZone, userZone) }),
          ]),
        ]
      : []),
    facts([
      [label("status.source"), `${s.source}${s.sourceId ? ` (${s.sourceId})` : ""}`],
      [label("status.lists"), s.lists.length ? shortList(s.lists, 20) : label("status.noLists")],
      [label("status.lifecycle"), s.lifecycle ?? "—"],
      [label("status.created"), f.instant(s.createdAt.toISOString(), userZone)],
      ...(unengaged ? ([[label("status.unengaged"), unengaged]] as [string, string][]) : []),
    ]),
  ];
}

/** `can-market <email>`: yes or no, and why. */
export function canMarketText(locale: AnswerLocale, yes: boolean, email: string): Rich {
  const { say } = speak(locale);
  return [
    emoji(yes ? "white_check_mark" : "no_entry"),
    " ",
    ...say(yes ? "canMarket.yes" : "canMarket.no", { email: [strong(email)] }),
  ];
}
