// How a bulk request reads (R14): what, how many, when, and the tier impact, before anyone clicks;
// and what a decision did. Neutral parts: the approvals-channel message, `requests`, DMs and the
// CLI all show them.
import { day, money, n, pct, updateWhen, when } from "../domain/format.ts";
import type { BulkRequestView, DecisionResult } from "../services/bulk/index.ts";
import { type Answer, answer, buttons, facts, note, type Part, paragraph } from "./answer.ts";
import { code, emoji, fromOurMarkup, md, mention, type Rich, strong } from "./rich.ts";

export const APPROVE_ACTION = "request_approve";
export const REJECT_ACTION = "request_reject";

/** "set 300 contacts marketing (list "Spring webinar")": the selector as the user wrote it. */
export function requestSummary(r: BulkRequestView): Rich {
  return md`set ${n(r.count)} contacts ${r.action} (${r.selectorText})`;
}

function impactFacts(r: BulkRequestView, subsidiaryZone: string, tz: string): [string, Rich | string][] {
  const i = r.impact;
  const rows: [string, Rich | string][] = [
    ["Contacts", `${n(r.count)} → ${r.action}`],
    [
      "Effective",
      r.action === "marketing"
        ? r.scheduledAt
          ? when(r.scheduledAt, tz)
          : "immediately on approval"
        : `at the update date ${updateWhen(new Date(i.effectiveAt), subsidiaryZone, tz)}`,
    ],
    ["Marketing count", `${n(i.marketingCountBefore)} → ${n(i.marketingCountAfter)}`],
    ["Usage", `${pct(i.usageBefore)} → ${pct(i.usageAfter)} of ${n(i.upgrade ? i.upgrade.newLimit : i.tierLimit)}`],
  ];
  if (i.upgrade) {
    rows.push([
      "Tier upgrade",
      md`${emoji("rotating_light")} ${n(i.upgrade.oldLimit)} → ${n(i.upgrade.newLimit)} contacts, ${money(i.upgrade.oldMonthlyCents)} → ${money(i.upgrade.newMonthlyCents)}/month; prorated charge ${money(i.upgrade.chargeCents)} due ${day(i.upgrade.chargeDue, subsidiaryZone)}. It cannot be undone until renewal.`,
    ]);
  } else if (r.action === "marketing") {
    rows.push(["Tier", "no upgrade"]);
  } else if (i.monthlySavingCents > 0) {
    rows.push([
      "Saving",
      `${money(i.monthlySavingCents)}/month if the tier is lowered to ${n(i.lowestTierAfter)} at renewal`,
    ]);
  }
  return rows;
}

/** Where a request came from when it was not typed by its requester: a rule they own, an API key they made. */
function origin(r: BulkRequestView): Rich {
  if (r.origin?.startsWith("rule:")) return md` (their automation rule "${r.origin.slice("rule:".length)}")`;
  if (r.origin?.startsWith("api:")) return md` (through their API key ${r.origin.slice("api:".length)})`;
  return [];
}

/** The request as the approver sees it: what, how many, when, the tier impact, and (open) the buttons. */
export function requestParts(
  r: BulkRequestView,
  tz: string,
  opts: { buttons: boolean; subsidiaryZone?: string },
): Part[] {
  const zone = opts.subsidiaryZone ?? tz;
  const parts: Part[] = [
    paragraph(md`${strong(`Bulk request ${r.id}`)} from ${mention(r.requestedBy)}${origin(r)}: ${requestSummary(r)}.`),
    facts(impactFacts(r, zone, tz)),
  ];
  if (r.reopenedReason && r.status === "open") {
    // The reason is ours (counts, limits, `<@U…>` of the people involved): no typed text in it.
    parts.push(
      note(
        md`${emoji("warning")} Approved before, but it did not run at its time: ${fromOurMarkup(r.reopenedReason)}. It needs a new decision.`,
      ),
    );
  }
  if (opts.buttons && r.status === "open") {
    parts.push(
      buttons(`request:${r.id}`, [
        { label: "Approve", action: APPROVE_ACTION, value: r.id, style: "primary" },
        { label: "Reject", action: REJECT_ACTION, value: r.id, style: "danger" },
      ]),
    );
    parts.push(note(`Expires ${when(r.expiresAt, tz)} unless an admin decides.`));
  } else if (r.status !== "open") {
    parts.push(note(statusLine(r, tz)));
  }
  return parts;
}

/** What became of a request, for its message and the requester's DM; a rejection's reason as typed. */
export function statusLine(r: BulkRequestView, tz: string, withEmoji = true): Rich {
  const by = r.decidedBy && r.decidedBy !== "auto" ? md` by ${mention(r.decidedBy)}` : [];
  const reason = r.reason ? md`: ${r.reason}` : [];
  const at = r.decidedAt ? ` on ${when(r.decidedAt, tz)}` : "";
  const mark = (name: string) => (withEmoji ? md`${emoji(name)} ` : []);
  switch (r.status) {
    case "executed":
      return md`${mark("white_check_mark")}Approved${by}${at} and applied.`;
    case "approved":
      return md`${mark("alarm_clock")}Approved${by}${at}; runs ${r.scheduledAt ? when(r.scheduledAt, tz) : "soon"}.`;
    case "rejected":
      return md`${mark("x")}Rejected${by}${at}${reason}.`;
    case "expired":
      return md`${mark("hourglass")}Expired after 7 days without a decision.`;
    case "cancelled":
      return md`${mark("heavy_minus_sign")}Withdrawn${at}${reason}.`;
    default:
      return [r.status];
  }
}

/** The answer to `approve` / `reject` (and the buttons): what the decision did. */
export function decisionAnswer(r: DecisionResult, subsidiaryZone: string, tz: string): Answer {
  const req = r.request;
  let t: Rich;
  if (r.decided === null) {
    t = md`Request ${req.id} was already decided: ${statusLine(req, tz, false)} Nothing changed.`;
  } else if (r.decided === "rejected") {
    t = md`Rejected request ${req.id}. Nothing changed.`;
  } else if (r.decided === "scheduled") {
    t = md`Approved request ${req.id}; it runs ${req.scheduledAt ? when(req.scheduledAt, tz) : "at its time"}.`;
  } else {
    const e = r.executed;
    const parts: string[] = [
      req.action === "marketing"
        ? `Approved request ${req.id}: ${n(e?.changed ?? 0)} contacts are now marketing.`
        : `Approved request ${req.id}: ${n(e?.changed ?? 0)} contacts stay marketing until ${updateWhen(e?.effectiveAt ?? new Date(req.impact.effectiveAt), subsidiaryZone, tz)}, then become non-marketing.`,
    ];
    if (e?.upgrade) {
      parts.push(
        `The tier was upgraded from ${n(e.upgrade.oldLimit)} to ${n(e.upgrade.newLimit)} contacts; prorated charge ${money(e.upgrade.chargeCents)} due ${day(e.upgrade.chargeDue, subsidiaryZone)}.`,
      );
    }
    if (e) parts.push(`Marketing contacts: ${n(e.marketingCount)} of ${n(e.tierLimit)}.`);
    t = [parts.join(" ")];
  }
  return {
    ...answer([paragraph(t)], {
      requestId: req.id,
      status: req.status,
      decided: r.decided,
      changed: r.executed?.changed ?? 0,
      upgrade: r.executed?.upgrade ?? null,
    }),
    ...(r.decided ? { decided: { request: req, outcome: r.decided } } : {}),
  };
}

/** `approve <id> confirm <count>`, as the approver types it. */
export const confirmCommand = (id: string, count: number) => code(`approve ${id} confirm ${count}`);
