// Which audit kinds the changes feed reads, and as what: the bridge from the audit's vocabulary
// (what the services write) to the feed's (what the API publishes).
import type { MarketingStatus } from "../../domain/types.ts";
import type { ChangeType } from "./events.ts";

/** How an audit kind reads: its event type, and for a change of contacts, one event per contact. */
export interface KindReading {
  type: ChangeType;
  perContact: boolean;
  /** For `contact.status_changed`: the status and pending flag the change leaves. */
  status?: { status: MarketingStatus; pending: boolean };
}

/**
 * The audit kinds the feed reads. The others are not changes of contacts, the tier or requests:
 * `account.setup`, `setting.changed` of any setting but the tier, `tier.downgrade-scheduled` and
 * `tier.downgrade-cancelled` (no tier change yet), `user.*`, `list.*`, `rule.*`, `api-key.*`,
 * `import.finished` (its contacts come as `contact.created`/`contact.updated`), `demo.seeded`.
 * `request.expired` comes from expireRequests (one audit row per expired request).
 */
export const KIND_READINGS: Record<string, KindReading> = {
  "status.made-marketing": {
    type: "contact.status_changed",
    perContact: true,
    status: { status: "marketing", pending: false },
  },
  "status.cancelled-pending": {
    type: "contact.status_changed",
    perContact: true,
    status: { status: "marketing", pending: false },
  },
  "status.flagged-pending": {
    type: "contact.status_changed",
    perContact: true,
    status: { status: "non-marketing", pending: true },
  },
  "status.became-non-marketing": {
    type: "contact.status_changed",
    perContact: true,
    status: { status: "non-marketing", pending: false },
  },
  "contact.created": { type: "contact.created", perContact: true },
  "contact.updated": { type: "contact.updated", perContact: true },
  "contact.deleted": { type: "contact.deleted", perContact: true },
  "tier.upgrade": { type: "tier.changed", perContact: false },
  "tier.downgrade": { type: "tier.changed", perContact: false },
  "tier.threshold-reached": { type: "tier.threshold_reached", perContact: false },
  "request.created": { type: "request.created", perContact: false },
  "request.approved": { type: "request.approved", perContact: false },
  "request.rejected": { type: "request.rejected", perContact: false },
  "request.reopened": { type: "request.reopened", perContact: false },
  "request.expired": { type: "request.expired", perContact: false },
};

/**
 * Setting kinds that are a tier change only when their `detail.key` is `tier`: `setting.changed`,
 * and `tier.setting`, which settings changes were audited as before (its `plan` rows are left out:
 * the plan is not the tier, and a plan change that moved the tier did not say to what).
 */
export const TIER_SETTING_KINDS = ["setting.changed", "tier.setting"] as const;
