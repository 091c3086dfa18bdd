// Marketing status transitions (R1–R3) and the rollover at update instants (R6).
import type { BillingTerms, ContactState, MarketingStatus } from "./types.ts";
import { updateInstantAtOrAfter } from "./update-dates.ts";

/** R2: set marketing takes effect now; it cancels a pending change; on a plain marketing contact it is a no-op. */
export function setMarketingOutcome(state: ContactState): {
  kind: "made-marketing" | "cancelled-pending" | "already-marketing";
  next: ContactState;
} {
  if (state.status === "non-marketing") {
    return { kind: "made-marketing", next: { status: "marketing", pendingSince: null } };
  }
  if (state.pendingSince !== null) {
    return { kind: "cancelled-pending", next: { status: "marketing", pendingSince: null } };
  }
  return { kind: "already-marketing", next: state };
}

/**
 * R3: set non-marketing only flags a marketing contact; it stays marketing until the next update.
 * An already-pending contact keeps its original `pendingSince`, which decides its rollover (R6).
 */
export function setNonMarketingOutcome(
  state: ContactState,
  now: Date,
): {
  kind: "flagged-pending" | "already-pending" | "already-non-marketing";
  next: ContactState;
} {
  if (state.status === "non-marketing") return { kind: "already-non-marketing", next: state };
  if (state.pendingSince !== null) return { kind: "already-pending", next: state };
  return { kind: "flagged-pending", next: { status: "marketing", pendingSince: now } };
}

/** R6: the rollover at u takes every flag set at or before u; a later flag waits for the next one. */
export function takenByRollover(pendingSince: Date, u: Date): boolean {
  return pendingSince.getTime() <= u.getTime();
}

/** R3/R6: when a flag set at `pendingSince` takes effect: the first update instant at or after it. */
export function pendingEffectiveAt(terms: BillingTerms, pendingSince: Date): Date {
  return updateInstantAtOrAfter(terms, pendingSince);
}

/** R1: only marketing contacts get marketing email and ads; other channels reach everyone. */
export function canReceiveMarketing(status: MarketingStatus): { yes: boolean; reason: string } {
  if (status === "marketing") {
    return {
      yes: true,
      reason: "It's a marketing contact, so it can receive marketing email and be in ad audiences.",
    };
  }
  return {
    yes: false,
    reason:
      "It's a non-marketing contact, so it can't receive marketing email or be in ad audiences. " +
      "Sales 1:1 email, chat, registration, ticket and transactional email, and surveys still reach it.",
  };
}
