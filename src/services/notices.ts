// What the services tell people without being asked (alerts, reminders, summaries, notes to the
// approvals channel), as data: a `kind` and its `payload`. The outbox stores them as they are; one
// presentation layer (src/commands/notices.ts) words each kind, for Slack and for the terminal.
// Instants are ISO strings and amounts are numbers, so a payload reads back from jsonb unchanged.
import type { DowngradeCancelWhy, RulePauseWhy, WebhookFailure } from "../domain/reasons.ts";
import type { ThresholdLevel } from "../domain/thresholds.ts";

/** Where the account stands, in the account's own time zone (most notices quote it). */
export interface Standing {
  marketingCount: number;
  tierLimit: number;
  timeZone: string;
}

export interface UpgradeNotice {
  marketingCount: number;
  oldLimit: number;
  newLimit: number;
  oldMonthlyCents: number;
  newMonthlyCents: number;
  chargeCents: number;
  /** ISO date the prorated charge is due, or null when it is due the next day. */
  chargeDue: string | null;
  timeZone: string;
}

export interface ThresholdNotice extends Standing {
  level: ThresholdLevel;
  pendingCount: number;
  nextUpdate: string;
}

export interface UpdateSummaryNotice extends Standing {
  instant: string;
  changed: number;
}

export interface DowngradeNotice {
  renewalAt: string;
  target: number;
  reason: string | null;
  /** Why a cancelled downgrade did not apply, as data (absent in notices queued before it was kept). */
  why?: DowngradeCancelWhy | null;
  marketingCount: number;
  timeZone: string;
}

export interface SpikeNotice extends Standing {
  growth: number;
  baseline: number;
  sources: { source: string; count: number }[];
}

export interface UpdateReminderNotice extends Standing {
  /** Days before the update date: 1 says "tomorrow". */
  lead: number;
  instant: string;
  pendingCount: number;
  /** Marketing contacts once the pending ones have gone. */
  after: number;
}

export interface RenewalReminderNotice extends Standing {
  renewal: string;
  after: number;
  /** The lowest tier that holds `after` (the current one when nothing lower does). */
  lowest: number;
  savingCents: number;
  downgradeTo: number | null;
}

export interface ForecastNotice extends Standing {
  perDay: number;
  /** Thresholds forecast to be reached soon, each with its day (ISO date) and how many days away. */
  thresholds: { level: ThresholdLevel; count: number; date: string; inDays: number }[];
}

export interface SetupNotice extends Standing {
  plan: string;
  monthlyCents: number;
  term: string;
  /** Day of the month the contract started (monthly terms update on it). */
  startDay: number;
  nextUpdate: string;
  renewal: string;
  alertChannel: string | null;
  approvalsChannel: string | null;
  billingContacts: string[];
  /** Thresholds with the count each stands for at this tier. */
  thresholds: { percent: number; count: number }[];
  reminderDays: number[];
  renewalReminderDays: number;
  directLimit: number;
}

export interface IntakeHeldNotice {
  count: number;
  keyId: string;
  ownerId: string;
}

export interface RequestReopenedNotice {
  requestId: string;
  count: number;
  action: "marketing" | "non-marketing";
  reason: string;
}

export interface RulePausedNotice {
  rule: string;
  filter: string;
  /** Ours: it may name the owner as `<@U…>` and a command in backticks. */
  reason: string;
  /** The reason as data (absent in notices queued before it was kept). */
  why?: RulePauseWhy | null;
}

export interface WebhookDisabledNotice {
  webhookId: number;
  /** Scheme, host and port of its URL (the path may hold a token). */
  origin: string;
  failingSince: string;
  attempts: number;
  /** Ours: the status code or the network error, in a few words. */
  lastError: string;
  /** The last error as data (absent in notices queued before it was kept). */
  failure?: WebhookFailure | null;
}

export type Notice =
  | { kind: "upgrade"; payload: UpgradeNotice }
  | { kind: "threshold"; payload: ThresholdNotice }
  | { kind: "update-summary"; payload: UpdateSummaryNotice }
  | { kind: "downgrade-applied"; payload: DowngradeNotice }
  | { kind: "downgrade-cancelled"; payload: DowngradeNotice }
  | { kind: "spike"; payload: SpikeNotice }
  | { kind: "update-reminder"; payload: UpdateReminderNotice }
  | { kind: "renewal-reminder"; payload: RenewalReminderNotice }
  | { kind: "forecast"; payload: ForecastNotice }
  | { kind: "setup"; payload: SetupNotice }
  | { kind: "intake-held"; payload: IntakeHeldNotice }
  | { kind: "request-reopened"; payload: RequestReopenedNotice }
  | { kind: "rule-paused"; payload: RulePausedNotice }
  | { kind: "webhook-disabled"; payload: WebhookDisabledNotice };

export type NoticeKind = Notice["kind"];

/** The notice of `kind`. */
export type NoticeOf<K extends NoticeKind> = Extract<Notice, { kind: K }>;

export const notice = <K extends NoticeKind>(kind: K, payload: NoticeOf<K>["payload"]): NoticeOf<K> =>
  ({ kind, payload }) as NoticeOf<K>;
