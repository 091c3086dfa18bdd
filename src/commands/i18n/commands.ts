// The answers of `set`, `delete`, `bulk`, `requests`, the list and people commands in the languages
// besides English (English keeps the handlers' own wording, word for word): the catalogs' messages
// with the language's numbers, money and dates. Emails, list names and selectors as typed go into
// messages as arguments, never into their patterns.
import type { BulkRequestView } from "../../services/bulk/index.ts";
import type { UpgradeRecord } from "../../services/context.ts";
import { header, list, note, type Part, paragraph } from "../answer.ts";
import { code, emoji, mention, plain, type Rich, strong } from "../rich.ts";
import { type AnswerLocale, speak } from "./answers.ts";
import { localRequestParts, localSummary } from "./requests.ts";

const iso = (d: Date | string): string => (typeof d === "string" ? d : d.toISOString());

/** A `set` outcome's name in the catalogs' selects. */
const OUTCOMES: Record<string, string> = {
  "made-marketing": "madeMarketing",
  "cancelled-pending": "cancelledPending",
  "already-marketing": "alreadyMarketing",
  "flagged-pending": "flaggedPending",
  "already-pending": "alreadyPending",
  "already-non-marketing": "alreadyNonMarketing",
};

/** Most per-email outcomes a `set` answer spells out; the rest are counted by outcome. */
export const OUTCOMES_SHOWN = 50;

interface SetOutcome {
  email: string;
  outcome: string;
  effectiveAt: Date | null;
}

/** `set` applied directly: one line per email (the rest counted), an upgrade it made, the standing. */
export function localSetParts(
  locale: AnswerLocale,
  r: { outcomes: SetOutcome[]; upgrade: UpgradeRecord | null; marketingCount: number; tierLimit: number },
  subsidiaryZone: string,
  tz: string,
): Part[] {
  const { f, say, updateWhen } = speak(locale);
  const lines: Rich[] = r.outcomes.slice(0, OUTCOMES_SHOWN).map((o) => {
    const when = o.effectiveAt ? updateWhen(o.effectiveAt, subsidiaryZone, tz) : "";
    return say("set.outcome", {
      email: [o.email],
      outcome: OUTCOMES[o.outcome] ?? "alreadyNonMarketing",
      when: o.outcome === "already-pending" && when ? say("set.pendingAt", { when }) : when,
    });
  });
  const rest = r.outcomes.slice(OUTCOMES_SHOWN);
  if (rest.length > 0) {
    const counts = new Map<string, number>();
    for (const o of rest) counts.set(o.outcome, (counts.get(o.outcome) ?? 0) + 1);
    const parts = [...counts].map(([outcome, count]) =>
      say("set.moreCount", { count, outcome: OUTCOMES[outcome] ?? "alreadyNonMarketing" }),
    );
    lines.push(say("set.more", { count: rest.length, counts: parts.flatMap((p, i) => (i ? [", ", ...p] : p)) }));
  }
  const u = r.upgrade;
  return [
    list(lines),
    ...(u
      ? [
          paragraph([
            emoji("rotating_light"),
            " ",
            ...say("set.upgraded", {
              oldLimit: u.oldLimit,
              newLimit: u.newLimit,
              charge: f.money(u.chargeCents),
              due: f.day(iso(u.chargeDue), subsidiaryZone),
            }),
          ]),
        ]
      : []),
    paragraph(say("decision.standing", { count: r.marketingCount, limit: r.tierLimit })),
  ];
}

/** `set` that became a request: why, and the request as the approver will see it. */
export function localSetRequestParts(
  locale: AnswerLocale,
  input: { reason: "limit" | "upgrade" | null; requestId: string; count: number; request: BulkRequestView | undefined },
  tz: string,
): Part[] {
  const { f, say } = speak(locale);
  const upgrade = input.request?.impact.upgrade;
  const why =
    input.reason === "upgrade" && upgrade
      ? say("set.needsUpgrade", {
          oldLimit: upgrade.oldLimit,
          newLimit: upgrade.newLimit,
          charge: f.money(upgrade.chargeCents),
          id: [input.requestId],
        })
      : say("set.overLimit", { count: input.count, id: [input.requestId] });
  return [paragraph(why), ...(input.request ? localRequestParts(locale, input.request, tz, { buttons: false }) : [])];
}

/** `requests`: the open and approved ones, newest first, with a note when there are more. */
export function localRequestsParts(locale: AnswerLocale, shown: BulkRequestView[], total: number): Part[] {
  const { say, label } = speak(locale);
  return [
    header(label("requests.header")),
    list(
      shown.map((r) =>
        say("requests.item", {
          id: [strong(r.id)],
          summary: localSummary(locale, r),
          status: r.status,
          requester: mention(r.requestedBy),
        }),
      ),
    ),
    ...(total > shown.length
      ? [
          note(
            say("requests.more", {
              shown: shown.length,
              total,
              approve: code("approve <id>"),
              reject: code("reject <id>"),
            }),
          ),
        ]
      : []),
  ];
}

/** `lists [part of a name]`: the lists with their sizes, or why there are none. */
export function localListsParts(
  locale: AnswerLocale,
  rows: { name: string; size: number }[],
  total: number,
  contains: string | null,
): Part[] {
  const { say, label } = speak(locale);
  const named: Record<string, Rich> = contains === null ? {} : { contains: [contains] };
  if (rows.length === 0) {
    return [
      paragraph(
        contains === null ? say("lists.none", { command: code('list create "Name"') }) : say("lists.noneNamed", named),
      ),
    ];
  }
  return [
    header(contains === null ? label("lists.header") : plain(say("lists.headerNamed", named))),
    list(rows.map((l) => say("lists.item", { name: [l.name], size: l.size }))),
    ...(total > rows.length
      ? [
          note(
            say(contains === null ? "lists.more" : "lists.moreNamed", {
              ...named,
              shown: rows.length,
              total,
              command: code("lists <part of a name>"),
            }),
          ),
        ]
      : []),
  ];
}
