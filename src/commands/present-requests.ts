import type { BulkRequestView, DecisionResult } from "../services/bulk.ts";
import { actions, type Block, button, context, fields, section } from "../slack/blocks.ts";
import { escapeMrkdwn } from "../slack/mrkdwn.ts";
import { day, money, n, pct, updateWhen, when } from "./format.ts";
import type { Answer } from "./run.ts";

export const APPROVE_ACTION = "request_approve";
export const REJECT_ACTION = "request_reject";

/** mrkdwn: the selector's description holds list names, filter text and emails as typed. */
export function requestSummary(r: BulkRequestView): string {
  return `set ${n(r.count)} contacts ${r.action} (${escapeMrkdwn(r.selectorText)})`;
}

function impactLines(r: BulkRequestView, subsidiaryZone: string, tz: string): [string, string][] {
  const i = r.impact;
  const rows: [string, string][] = [
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
      ":rotating_light: Tier upgrade",
      `${n(i.upgrade.oldLimit)} → ${n(i.upgrade.newLimit)} contacts, ${money(i.upgrade.oldMonthlyCents)} → ${money(i.upgrade.newMonthlyCents)}/month; prorated charge ${money(i.upgrade.chargeCents)} due ${day(i.upgrade.chargeDue, subsidiaryZone)}. It cannot be undone until renewal.`,
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

/** The request as the approver sees it: what, how many, when, and the tier impact (R14). */
export function requestBlocks(
  r: BulkRequestView,
  tz: string,
  opts: { buttons: boolean; subsidiaryZone?: string },
): Block[] {
  const zone = opts.subsidiaryZone ?? tz;
  const blocks: Block[] = [
    section(`*Bulk request ${r.id}* from <@${r.requestedBy}>${originNote(r)}: ${requestSummary(r)}.`),
    fields(impactLines(r, zone, tz)),
  ];
  if (r.reopenedReason && r.status === "open") {
    // The reason is ours (counts, limits, `<@U…>` of the people involved): no typed text in it.
    blocks.push(
      context(
        `:warning: Approved before, but it did not run at its time: ${r.reopenedReason}. It needs a new decision.`,
      ),
    );
  }
  if (opts.buttons && r.status === "open") {
    blocks.push(
      actions(`request:${r.id}`, [
        button("Approve", APPROVE_ACTION, r.id, "primary"),
        button("Reject", REJECT_ACTION, r.id, "danger"),
      ]),
    );
    blocks.push(context(`Expires ${when(r.expiresAt, tz)} unless an admin decides.`));
  } else if (r.status !== "open") {
    blocks.push(context(statusLine(r, tz)));
  }
  return blocks;
}

/** Where a request came from when it was not typed by its requester: a rule they own, an API key they made. */
function originNote(r: BulkRequestView): string {
  if (r.origin?.startsWith("rule:"))
    return ` (their automation rule "${escapeMrkdwn(r.origin.slice("rule:".length))}")`;
  if (r.origin?.startsWith("api:")) return ` (through their API key ${escapeMrkdwn(r.origin.slice("api:".length))})`;
  return "";
}

/** mrkdwn: a rejection's reason is what the admin typed. */
export function statusLine(r: BulkRequestView, tz: string): string {
  const by = r.decidedBy && r.decidedBy !== "auto" ? ` by <@${r.decidedBy}>` : "";
  const reason = r.reason ? `: ${escapeMrkdwn(r.reason)}` : "";
  const at = r.decidedAt ? ` on ${when(r.decidedAt, tz)}` : "";
  switch (r.status) {
    case "executed":
      return `:white_check_mark: Approved${by}${at} and applied.`;
    case "approved":
      return `:alarm_clock: Approved${by}${at}; runs ${r.scheduledAt ? when(r.scheduledAt, tz) : "soon"}.`;
    case "rejected":
      return `:x: Rejected${by}${at}${reason}.`;
    case "expired":
      return ":hourglass: Expired after 7 days without a decision.";
    case "cancelled":
      return `:heavy_minus_sign: Withdrawn${at}${reason}.`;
    default:
      return r.status;
  }
}

export function decisionAnswer(r: DecisionResult, subsidiaryZone: string, tz: string): Answer {
  const req = r.request;
  let text: string;
  if (r.decided === null) {
    text = `Request ${req.id} was already decided: ${statusLine(req, tz).replace(/^:[a-z_]+: /, "")} Nothing changed.`;
  } else if (r.decided === "rejected") {
    text = `Rejected request ${req.id}. Nothing changed.`;
  } else if (r.decided === "scheduled") {
    text = `Approved request ${req.id}; it runs ${req.scheduledAt ? when(req.scheduledAt, tz) : "at its time"}.`;
  } else {
    const e = r.executed;
    text =
      req.action === "marketing"
        ? `Approved request ${req.id}: ${n(e?.changed ?? 0)} contacts are now marketing.`
        : `Approved request ${req.id}: ${n(e?.changed ?? 0)} contacts stay marketing until ${updateWhen(e?.effectiveAt ?? new Date(req.impact.effectiveAt), subsidiaryZone, tz)}, then become non-marketing.`;
    if (e?.upgrade) {
      text += ` The tier was upgraded from ${n(e.upgrade.oldLimit)} to ${n(e.upgrade.newLimit)} contacts; prorated charge ${money(e.upgrade.chargeCents)} due ${day(e.upgrade.chargeDue, subsidiaryZone)}.`;
    }
    if (e) text += ` Marketing contacts: ${n(e.marketingCount)} of ${n(e.tierLimit)}.`;
  }
  return {
    ok: true,
    text,
    blocks: [section(text)],
    data: {
      requestId: req.id,
      status: req.status,
      decided: r.decided,
      changed: r.executed?.changed ?? 0,
      upgrade: r.executed?.upgrade ?? null,
    },
    ...(r.decided ? { decided: { request: req, outcome: r.decided } } : {}),
  };
}
