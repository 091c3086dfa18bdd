// Shared domain vocabulary. Pure types only: no I/O, no Slack, no SQL.

export const PLANS = ["starter", "professional", "enterprise"] as const;
export type Plan = (typeof PLANS)[number];

export const TERMS = ["monthly", "annual"] as const;
export type Term = (typeof TERMS)[number];

export type MarketingStatus = "marketing" | "non-marketing";

export type Role = "admin" | "member";

/** What decides update dates and renewals (R5, R10). */
export interface BillingTerms {
  term: Term;
  /** Contract start (purchase) date as a calendar date, `YYYY-MM-DD`, in the subsidiary zone. */
  contractStart: string;
  /** IANA zone of the billing subsidiary, e.g. `America/New_York`. */
  timeZone: string;
}

/** A contact's marketing state as the rules see it (R1–R3). */
export interface ContactState {
  status: MarketingStatus;
  /** Set while the contact is "marketing until next update" (R3). */
  pendingSince: Date | null;
}

export const CREATION_SOURCES = [
  "form",
  "external-form",
  "chatflow",
  "import",
  "api",
  "manual",
  "mobile-app",
  "logged-email",
  "extension",
  "meetings-link",
] as const;
/** `integration:<app>` is also a source (R15). */
export type CreationSource = (typeof CREATION_SOURCES)[number] | `integration:${string}`;
