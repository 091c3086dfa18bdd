// Sends the outbox's notices to Slack: claims one due row at a time (src/services/outbox.ts), words
// its notice (src/commands/notices.ts), posts it, and records the result under the claim.
import type { KnownBlock } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { Locale } from "../commands/i18n/format.ts";
import { notificationAnswer } from "../commands/notices.ts";
import { recipientLanguage } from "../services/accounts.ts";
import type { Services } from "../services/context.ts";
import {
  claimNextDue,
  deferDue,
  leaseMs,
  type Notification,
  type OutboxClaim,
  recordFailure,
  recordSent,
} from "../services/outbox.ts";
import { renderAnswer } from "./render/answer.ts";
import type { SingleTryClient } from "./web.ts";

export interface DeliveryReport {
  sent: number;
  failed: number;
  /** Slack said "slow down": the rest waits for Retry-After. */
  rateLimited: boolean;
  errors: string[];
}

interface SlackFailure {
  retryAfterMs: number | null;
  message: string;
}

/** What went wrong with a Web API call, and when to try again (Retry-After for a 429, else the backoff). */
export function classify(e: unknown): SlackFailure {
  const err = e as {
    code?: string;
    retryAfter?: number;
    statusCode?: number;
    data?: { error?: string };
    original?: { code?: string; name?: string };
    message?: string;
  };
  if (err.code === "slack_webapi_rate_limited_error") {
    return {
      retryAfterMs: Math.max(1, err.retryAfter ?? 60) * 1000,
      message: `rate limited (Retry-After ${err.retryAfter ?? "?"} s)`,
    };
  }
  if (err.code === "slack_webapi_http_error")
    return { retryAfterMs: null, message: `HTTP ${err.statusCode ?? "error"}` };
  if (err.code === "slack_webapi_platform_error")
    return { retryAfterMs: null, message: `Slack error: ${err.data?.error ?? "unknown"}` };
  // The client's own timeout: axios says ECONNABORTED/ETIMEDOUT, fetch an AbortSignal's TimeoutError.
  const timedOut =
    ["ECONNABORTED", "ETIMEDOUT"].includes(err.original?.code ?? "") ||
    ["TimeoutError", "AbortError"].includes(err.original?.name ?? "") ||
    (e as { name?: string }).name === "TimeoutError";
  if (timedOut) return { retryAfterMs: null, message: "Slack did not answer in time (it may have posted it anyway)" };
  return { retryAfterMs: null, message: err.message ?? String(e) };
}

/**
 * A queued row as a Slack message: its notice worded now, in the account's language; rows queued
 * by an older version as they were queued.
 */
export function notificationMessage(row: Notification, locale: Locale = "en"): { text: string; blocks?: KnownBlock[] } {
  if (row.payload === null && row.text !== null)
    return { text: row.text, ...(Array.isArray(row.blocks) ? { blocks: row.blocks as KnownBlock[] } : {}) };
  return renderAnswer(notificationAnswer(row, locale));
}

/** What one delivery did; `recorded` is false when the lease had passed to another sender (nothing written). */
export type DeliveryOutcome =
  | { sent: true; recorded: boolean }
  | { sent: false; recorded: boolean; failure: SlackFailure };

/**
 * Sends one claimed row and records the result under its claim. `client` must try each call once
 * and give up within the lease (singleTryClient in ./web.ts).
 *
 * At least once, not exactly once: when Slack accepts a post but its answer does not reach us in
 * time, the row is retried after the backoff and shows twice. Nothing can rule that out (Slack's
 * chat.postMessage has no idempotency key); the timeout-inside-the-lease rule only makes sure it
 * never comes from two senders holding the same row at once.
 */
export async function deliverClaimed(svc: Services, client: WebClient, claim: OutboxClaim): Promise<DeliveryOutcome> {
  const { row } = claim;
  try {
    let channel = row.channel;
    if (!channel && row.userId) {
      const opened = await client.conversations.open({ users: row.userId });
      channel = opened.channel?.id ?? null;
      if (!channel) throw new Error(`conversations.open gave no channel for ${row.userId}`);
    }
    if (!channel) throw new Error("no channel or user to send to");
    // Worded at send time, so a language changed after it was queued still applies: a DM in its
    // reader's language, a channel in the account's.
    const locale = await recipientLanguage(svc.db, row.accountId, row.channel ? null : row.userId);
    const posted = await client.chat.postMessage({ channel, ...notificationMessage(row, locale) });
    const recorded = await recordSent(svc, claim, { channel: posted.channel ?? channel, ts: posted.ts ?? null });
    return { sent: true, recorded };
  } catch (e) {
    const failure = classify(e);
    return { sent: false, recorded: await recordFailure(svc, claim, failure), failure };
  }
}

/**
 * Sends up to `batch` due outbox rows through the Web API (a client that tries each call once,
 * with the timeout the lease is sized from), claiming one row at a time so several senders
 * (replicas) never hold the same row; a row is marked sent only after Slack accepted it, and only
 * while its claim is still ours. 429 → retry after Retry-After, and every other due row waits too
 * (the limit is per method); 5xx, network, timeout or platform errors → exponential backoff.
 */
export async function deliverDue(
  svc: Services,
  slack: SingleTryClient,
  opts: { batch?: number } = {},
): Promise<DeliveryReport> {
  const { client, timeoutMs } = slack;
  const lease = leaseMs(timeoutMs);
  const report: DeliveryReport = { sent: 0, failed: 0, rateLimited: false, errors: [] };
  for (let i = 0; i < (opts.batch ?? 50); i++) {
    const claim = await claimNextDue(svc, lease);
    if (!claim) break;
    const outcome = await deliverClaimed(svc, client, claim);
    if (outcome.sent) {
      report.sent += 1;
      continue;
    }
    report.failed += 1;
    report.errors.push(`${claim.row.key}: ${outcome.failure.message}`);
    if (outcome.failure.retryAfterMs !== null) {
      report.rateLimited = true;
      // The rest waits for Retry-After like this one (rows leased by other senders are theirs).
      await deferDue(svc, new Date(svc.clock.now().getTime() + outcome.failure.retryAfterMs));
      break;
    }
  }
  return report;
}
