// One event of the changes feed from one row of its query: a part of an audit row, with the
// contact, request or tier change it names.
import type { MarketingStatus } from "../../domain/types.ts";
import type { ChangeEvent } from "./events.ts";
import { KIND_READINGS, TIER_SETTING_KINDS } from "./kinds.ts";

/** A row of the events query: the audit row's fields, and one of its contacts when it has them. */
export interface EventRow {
  audit_id: string;
  kind: string;
  at: string;
  effective_at: string;
  actor: string;
  pos: number;
  contact_id: number | null;
  email: string | null;
  request_id: string | null;
  request_action: string | null;
  request_count: number | null;
  setting_key: string | null;
  setting_before: string | null;
  setting_after: string | null;
  old_limit: string | null;
  new_limit: string | null;
  charge_cents: string | null;
  charge_due: string | null;
  target: string | null;
  downgraded_from: number | null;
  threshold_percent: string | null;
  marketing_count: string | null;
  tier_limit: string | null;
}

/** A whole number from the audit's JSON (a text of it), or null when it is not one. */
function whole(value: string | number | null): number | null {
  if (value === null) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : null;
}

const isStatus = (s: string | null): s is MarketingStatus => s === "marketing" || s === "non-marketing";

/**
 * The event a row reads as; null for a row the audit does not describe fully enough (a request
 * whose row is gone, a tier change without its limits): it is read past, never half-published.
 */
export function eventOf(r: EventRow): ChangeEvent | null {
  const base = { id: `${r.audit_id}-${r.pos}`, at: r.at, actor: r.actor };
  const reading = KIND_READINGS[r.kind];
  if ((TIER_SETTING_KINDS as readonly string[]).includes(r.kind)) {
    const from = whole(r.setting_before);
    const to = whole(r.setting_after);
    if (r.setting_key !== "tier" || from === null || to === null) return null;
    return { ...base, type: "tier.changed", from, to, reason: "setting", effectiveAt: r.effective_at, charge: null };
  }
  if (!reading) return null;
  if (reading.perContact) {
    if (r.contact_id === null) return null;
    const contact = { id: r.contact_id, email: r.email };
    switch (reading.type) {
      case "contact.status_changed": {
        const status = reading.status ?? { status: "marketing", pending: false };
        return {
          ...base,
          type: reading.type,
          contact,
          ...status,
          effectiveAt: r.effective_at,
          requestId: r.request_id,
        };
      }
      case "contact.created":
      case "contact.updated":
        return { ...base, type: reading.type, contact };
      case "contact.deleted":
        // The contact is gone: its email with it.
        return { ...base, type: reading.type, contact: { id: r.contact_id, email: null } };
      default:
        return null;
    }
  }
  switch (reading.type) {
    case "tier.changed": {
      const upgrade = r.kind === "tier.upgrade";
      const from = upgrade ? whole(r.old_limit) : whole(r.downgraded_from);
      const to = upgrade ? whole(r.new_limit) : whole(r.target);
      if (from === null || to === null) return null;
      const cents = upgrade ? whole(r.charge_cents) : null;
      const charge = cents !== null && cents > 0 && r.charge_due !== null ? { cents, due: r.charge_due } : null;
      const reason = upgrade ? "upgrade" : "downgrade";
      return { ...base, type: reading.type, from, to, reason, effectiveAt: r.effective_at, charge };
    }
    case "tier.threshold_reached": {
      const percent = whole(r.threshold_percent);
      const marketingCount = whole(r.marketing_count);
      const tierLimit = whole(r.tier_limit);
      if (percent === null || marketingCount === null || tierLimit === null) return null;
      return { ...base, type: reading.type, percent, marketingCount, tierLimit };
    }
    case "request.created":
    case "request.approved":
    case "request.rejected":
    case "request.reopened":
    case "request.expired": {
      const contactCount = whole(r.request_count);
      if (r.request_id === null || !isStatus(r.request_action) || contactCount === null) return null;
      return { ...base, type: reading.type, request: { id: r.request_id, action: r.request_action, contactCount } };
    }
    default:
      return null;
  }
}
