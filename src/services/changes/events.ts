// The events of the changes feed: the public shape of what happened in an account (kinds.ts says
// which audit rows each is read from). The API's event schema is built from these types: a field
// once published keeps its name and meaning; new information comes as new fields or event types.
import type { MarketingStatus } from "../../domain/types.ts";

/** Every event type, in the order the API documents them. */
export const CHANGE_TYPES = [
  "contact.status_changed",
  "contact.created",
  "contact.updated",
  "contact.deleted",
  "tier.changed",
  "tier.threshold_reached",
  "request.created",
  "request.approved",
  "request.rejected",
  "request.reopened",
  "request.expired",
] as const;

export type ChangeType = (typeof CHANGE_TYPES)[number];

/** The contact an event is about. */
export interface ChangeContact {
  id: number;
  /** Its email now; null when the contact no longer exists (always, for `contact.deleted`). */
  email: string | null;
}

interface EventBase<T extends ChangeType> {
  /**
   * `<audit event id>-<position>`: unique in the account and the same on every read, so a consumer
   * that reads an event twice (a retried page) recognises it. One audited change of many contacts
   * gives one event per contact, at positions 1, 2, …; a change of no contact gives position 1.
   */
  id: string;
  type: T;
  /** When the change was made (ISO 8601, UTC). */
  at: string;
  /**
   * Who made it: a Slack user id (`U…`), `system` (the update date, an automatic upgrade, a renewal),
   * `cli` (the operator), or `api:<key id>` (the intake API).
   */
  actor: string;
}

/**
 * A contact's marketing status changed, or a change of it was scheduled. Setting non-marketing
 * first flags the contact (`status: "non-marketing"`, `pending: true`): it stays marketing until
 * `effectiveAt`, the next update date, when a second event (`pending: false`) says it became
 * non-marketing. Setting marketing takes effect at once, and cancels a pending flag.
 */
export interface ContactStatusChanged extends EventBase<"contact.status_changed"> {
  contact: ChangeContact;
  status: MarketingStatus;
  pending: boolean;
  /** When the status takes or took effect (ISO 8601). */
  effectiveAt: string;
  /** The bulk request that made the change, when one did. */
  requestId: string | null;
}

/** A contact was added (by the intake API or an import). */
export interface ContactCreated extends EventBase<"contact.created"> {
  contact: ChangeContact;
}

/** An existing contact's fields were updated (by the intake API or an import). */
export interface ContactUpdated extends EventBase<"contact.updated"> {
  contact: ChangeContact;
}

/** A contact was deleted; it frees its marketing place at once. */
export interface ContactDeleted extends EventBase<"contact.deleted"> {
  contact: ChangeContact;
}

/**
 * The account's tier (its limit of marketing contacts) changed: an automatic `upgrade` when the
 * count went over it, a scheduled `downgrade` applied at a renewal, or an admin's `setting`.
 */
export interface TierChanged extends EventBase<"tier.changed"> {
  from: number;
  to: number;
  reason: "upgrade" | "downgrade" | "setting";
  /** When the new tier took effect (ISO 8601): a downgrade's renewal, else `at`. */
  effectiveAt: string;
  /** The prorated charge of an upgrade for the rest of the billing period, when there is one. */
  charge: { cents: number; due: string } | null;
}

/**
 * Marketing contacts reached a share of the tier (75, 90 or 98 %) for the first time in this
 * update period and at this tier: the same moment the alert channel hears of it.
 */
export interface TierThresholdReached extends EventBase<"tier.threshold_reached"> {
  /** The share reached, in percent of the tier. */
  percent: number;
  marketingCount: number;
  tierLimit: number;
}

/** The bulk request an event is about. */
export interface ChangeRequest {
  id: string;
  action: MarketingStatus;
  /** How many contacts it changes. */
  contactCount: number;
}

/**
 * A bulk request (a change of many contacts that needs an approval) was made, approved (its change
 * follows as `contact.status_changed` events, now or at its scheduled time), rejected, reopened
 * (approved, but it could not run as approved and needs a new decision) or expired undecided.
 */
export interface RequestChanged<
  T extends "request.created" | "request.approved" | "request.rejected" | "request.reopened" | "request.expired",
> extends EventBase<T> {
  request: ChangeRequest;
}

export type ChangeEvent =
  | ContactStatusChanged
  | ContactCreated
  | ContactUpdated
  | ContactDeleted
  | TierChanged
  | TierThresholdReached
  | RequestChanged<"request.created">
  | RequestChanged<"request.approved">
  | RequestChanged<"request.rejected">
  | RequestChanged<"request.reopened">
  | RequestChanged<"request.expired">;
