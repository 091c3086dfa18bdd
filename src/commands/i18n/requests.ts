// Bulk requests and their decisions in the languages besides English (English keeps
// src/commands/requests-view.ts, word for word as before): the approvals-channel message with its
// buttons and tier impact, the requester's answer and DM, and the approver's answer. The selector
// as typed and the rejection reason go into messages as arguments, never into their patterns.
import { storedSelectorWords } from "../../domain/selector-words.ts";
import type { BulkRequestView, DecisionResult } from "../../services/bulk/index.ts";
import { buttons, facts, note, type Part, paragraph } from "../answer.ts";
import { APPROVE_ACTION, REJECT_ACTION } from "../requests-view.ts";
import { cut, emoji, fromOurMarkup, mention, type Rich, type Span } from "../rich.ts";
import { type AnswerLocale, speak } from "./answers.ts";
import { localSelector } from "./selectors.ts";

/** "ändra 300 kontakter till marknadsföring (list "Spring webinar")". */
export function localSummary(locale: AnswerLocale, r: BulkRequestView): Rich {
  return speak(locale).say("request.summary", {
    count: r.count,
    action: r.action === "marketing" ? "marketing" : "other",
    selector: selectorOf(locale, r),
  });
}

/** The selector in the language; in English for requests made before it was kept as data (or a bad stored value). */
function selectorOf(locale: AnswerLocale, r: BulkRequestView): Rich {
  const words = storedSelectorWords(r.selectorWords);
  return words ? localSelector(locale, words) : [r.selectorText];
}

const iso = (d: Date | string): string => (typeof d === "string" ? d : d.toISOString());

function origin(locale: AnswerLocale, r: BulkRequestView): Rich {
  const { say } = speak(locale);
  if (r.origin?.startsWith("rule:")) return say("request.originRule", { rule: [r.origin.slice("rule:".length)] });
  if (r.origin?.startsWith("api:")) return say("request.originApi", { key: [r.origin.slice("api:".length)] });
  return [];
}

function impactFacts(locale: AnswerLocale, r: BulkRequestView, subsidiaryZone: string, tz: string) {
  const { f, say, label, updateWhen } = speak(locale);
  const i = r.impact;
  const action = r.action === "marketing" ? "marketing" : "other";
  const rows: [string, Rich | string][] = [
    [label("request.contacts"), say("request.contactsValue", { count: r.count, action })],
    [
      label("request.effective"),
      r.action === "marketing"
        ? r.scheduledAt
          ? f.instant(r.scheduledAt.toISOString(), tz)
          : label("request.immediately")
        : say("request.atUpdate", { when: updateWhen(new Date(i.effectiveAt), subsidiaryZone, tz) }),
    ],
    [label("request.marketingCount"), `${f.n(i.marketingCountBefore)} → ${f.n(i.marketingCountAfter)}`],
    [
      label("request.usage"),
      say("request.usageValue", {
        before: f.pct(i.usageBefore),
        after: f.pct(i.usageAfter),
        limit: i.upgrade ? i.upgrade.newLimit : i.tierLimit,
      }),
    ],
  ];
  if (i.upgrade) {
    rows.push([
      label("request.upgrade"),
      [
        emoji("rotating_light"),
        " ",
        ...say("request.upgradeValue", {
          oldLimit: i.upgrade.oldLimit,
          newLimit: i.upgrade.newLimit,
          oldMonthly: f.money(i.upgrade.oldMonthlyCents),
          newMonthly: f.money(i.upgrade.newMonthlyCents),
          charge: f.money(i.upgrade.chargeCents),
          due: f.day(iso(i.upgrade.chargeDue), subsidiaryZone),
        }),
      ],
    ]);
  } else if (r.action === "marketing") {
    rows.push([label("request.tier"), label("request.noUpgrade")]);
  } else if (i.monthlySavingCents > 0) {
    rows.push([
      label("request.saving"),
      say("request.savingValue", { saving: f.money(i.monthlySavingCents), lowest: i.lowestTierAfter }),
    ]);
  }
  return rows;
}

/** The request as the approver sees it, in the language: what, how many, when, the impact, the buttons. */
export function localRequestParts(
  locale: AnswerLocale,
  r: BulkRequestView,
  tz: string,
  opts: { buttons: boolean; subsidiaryZone?: string },
): Part[] {
  const { f, say, label } = speak(locale);
  const zone = opts.subsidiaryZone ?? tz;
  const parts: Part[] = [
    paragraph(
      say("request.from", {
        id: [r.id],
        requester: mention(r.requestedBy),
        origin: origin(locale, r),
        summary: localSummary(locale, r),
      }),
    ),
    facts(impactFacts(locale, r, zone, tz)),
  ];
  if (r.reopenedReason && r.status === "open") {
    parts.push(note([emoji("warning"), " ", ...say("request.reopened", { reason: fromOurMarkup(r.reopenedReason) })]));
  }
  if (opts.buttons && r.status === "open") {
    parts.push(
      buttons(`request:${r.id}`, [
        { label: label("request.approve"), action: APPROVE_ACTION, value: r.id, style: "primary" },
        { label: label("request.reject"), action: REJECT_ACTION, value: r.id, style: "danger" },
      ]),
    );
    parts.push(note(say("request.expires", { when: f.instant(r.expiresAt.toISOString(), tz) })));
  } else if (r.status !== "open") {
    parts.push(note(localStatusLine(locale, r, tz)));
  }
  return parts;
}

const MAX_REASON = 300;

/** What became of a request, in the language. */
export function localStatusLine(locale: AnswerLocale, r: BulkRequestView, tz: string, withEmoji = true): Rich {
  const { f, say } = speak(locale);
  const by = r.decidedBy && r.decidedBy !== "auto" ? say("request.by", { who: mention(r.decidedBy) }) : [];
  // The reason as the approver typed it, cut so a long one cannot stretch every reply that quotes it.
  const reason: Rich = r.reason ? [": ", ...cut([r.reason], MAX_REASON)] : [];
  const at = r.decidedAt ? say("request.on", { when: f.instant(r.decidedAt.toISOString(), tz) }) : [];
  const mark = (name: string): Rich => (withEmoji ? [emoji(name), " "] : []);
  switch (r.status) {
    case "executed":
      return [...mark("white_check_mark"), ...say("request.executed", { by, at })];
    case "approved":
      return [
        ...mark("alarm_clock"),
        ...say("request.approved", {
          by,
          at,
          when: r.scheduledAt ? f.instant(r.scheduledAt.toISOString(), tz) : say("request.soon"),
        }),
      ];
    case "rejected":
      return [...mark("x"), ...say("request.rejected", { by, at, reason })];
    case "expired":
      return [...mark("hourglass"), ...say("request.expired")];
    case "cancelled":
      return [...mark("heavy_minus_sign"), ...say("request.cancelled", { at, reason })];
    default:
      return [r.status];
  }
}

/** The requester's answer when their bulk change became a request. */
export function localWaiting(locale: AnswerLocale, r: BulkRequestView, tz: string): Part[] {
  return [
    paragraph([
      emoji("inbox_tray"),
      " ",
      ...speak(locale).say("request.waiting", { id: [r.id], summary: localSummary(locale, r) }),
    ]),
    ...localRequestParts(locale, r, tz, { buttons: false }),
  ];
}

/** The approvals-channel message's notification text. */
export function localMessageText(locale: AnswerLocale, r: BulkRequestView, subsidiaryZone: string): Rich {
  const status = r.status === "open" ? [] : [" ", ...localStatusLine(locale, r, subsidiaryZone, false)];
  return speak(locale).say("request.message", {
    id: [r.id],
    requester: mention(r.requestedBy),
    summary: localSummary(locale, r),
    status,
  });
}

/** The requester's DM after a decision. */
export function localYours(locale: AnswerLocale, r: BulkRequestView, zone: string): Rich {
  return speak(locale).say("request.yours", {
    id: [r.id],
    summary: localSummary(locale, r),
    status: localStatusLine(locale, r, zone, false),
  });
}

/** A click on a request someone already decided. */
export function localClickAlready(locale: AnswerLocale, r: BulkRequestView, zone: string): Rich {
  return speak(locale).say("decision.clickAlready", { id: [r.id], status: localStatusLine(locale, r, zone, false) });
}

/** The answer to `approve` / `reject` in the approver's language; the data as in English. */
export function localDecisionText(locale: AnswerLocale, r: DecisionResult, subsidiaryZone: string, tz: string): Rich {
  const { f, say, updateWhen } = speak(locale);
  const req = r.request;
  const id = [req.id];
  if (r.decided === null) return say("decision.already", { id, status: localStatusLine(locale, req, tz, false) });
  if (r.decided === "rejected") return say("decision.rejected", { id });
  if (r.decided === "scheduled") {
    return say("decision.scheduled", {
      id,
      when: req.scheduledAt ? f.instant(req.scheduledAt.toISOString(), tz) : say("decision.atItsTime"),
    });
  }
  const e = r.executed;
  const changed = e?.changed ?? 0;
  const out: Span[] = [
    ...(req.action === "marketing"
      ? say("decision.marketing", { id, changed })
      : say("decision.nonMarketing", {
          id,
          changed,
          when: updateWhen(e?.effectiveAt ?? new Date(req.impact.effectiveAt), subsidiaryZone, tz),
        })),
  ];
  if (e?.upgrade) {
    out.push(
      " ",
      ...say("decision.upgrade", {
        oldLimit: e.upgrade.oldLimit,
        newLimit: e.upgrade.newLimit,
        charge: f.money(e.upgrade.chargeCents),
        due: f.day(iso(e.upgrade.chargeDue), subsidiaryZone),
      }),
    );
  }
  if (e) out.push(" ", ...say("decision.standing", { count: e.marketingCount, limit: e.tierLimit }));
  return out;
}
