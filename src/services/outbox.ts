import type { WebClient } from "@slack/web-api";
import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { jobFires, notifications, users } from "../db/schema.ts";
import type { Block } from "../slack/blocks.ts";
import type { Account } from "./accounts.ts";
import type { Services } from "./context.ts";

export type Notification = typeof notifications.$inferSelect;

/** One message to queue: `key` makes it idempotent, `kind` says what it is (threshold, upgrade, reminder…). */
export interface OutboxMessage {
  key: string;
  kind: string;
  text: string;
  blocks?: Block[];
}

/** Where a message goes: the account's alert channel and/or DMs. */
export interface Recipients {
  channel: string | null;
  users: string[];
}

/** Billing contacts of an account: every alert is also a DM to each of them (R11). */
export async function billingContactIds(ex: Executor, accountId: number): Promise<string[]> {
  const rows = await ex
    .select({ userId: users.userId })
    .from(users)
    .where(and(eq(users.accountId, accountId), eq(users.billingContact, true)))
    .orderBy(asc(users.userId));
  return rows.map((r) => r.userId);
}

/** R11: alerts go to the alert channel and as a DM to every billing contact. */
export async function alertRecipients(ex: Executor, account: Account): Promise<Recipients> {
  return { channel: account.alertChannel, users: await billingContactIds(ex, account.id) };
}

/**
 * Queues a message once per `message.key`: a row per recipient, keyed `key#channel` /
 * `key#dm:<user>`, written with INSERT … ON CONFLICT DO NOTHING. With no recipient at all
 * (no alert channel, no billing contact: local mode) one undeliverable row keeps it for `tierkeeper jobs`.
 */
export async function queueMessage(
  ex: Executor,
  account: Account,
  at: Date,
  message: OutboxMessage,
  to: Recipients,
): Promise<number> {
  const base = {
    accountId: account.id,
    kind: message.kind,
    text: message.text,
    blocks: message.blocks ?? null,
    createdAt: at,
    nextAttemptAt: at,
  };
  const rows: (typeof notifications.$inferInsert)[] = [];
  if (to.channel) rows.push({ ...base, key: `${message.key}#channel`, channel: to.channel });
  for (const u of new Set(to.users)) rows.push({ ...base, key: `${message.key}#dm:${u}`, userId: u });
  if (rows.length === 0) rows.push({ ...base, key: `${message.key}#nowhere` });
  const inserted = await ex
    .insert(notifications)
    .values(rows)
    .onConflictDoNothing({ target: notifications.key })
    .returning({ id: notifications.id });
  return inserted.length;
}

/**
 * Claims `keys` in the run coordinator table (INSERT … ON CONFLICT DO NOTHING) and returns the
 * ones this caller claimed: the caller that gets a key back is the only one to act on it.
 */
export async function claimKeys(ex: Executor, keys: string[], at: Date): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await ex
    .insert(jobFires)
    .values(keys.map((key) => ({ key, firedAt: at })))
    .onConflictDoNothing()
    .returning({ key: jobFires.key });
  return new Set(rows.map((r) => r.key));
}

/** Queues a message only the first time `markKey` is claimed, in one transaction: exactly once across replicas. */
export async function queueOnce(
  svc: Services,
  account: Account,
  at: Date,
  markKey: string,
  build: (ex: Executor) => Promise<{ message: OutboxMessage; to: Recipients } | null>,
): Promise<boolean> {
  return svc.db.transaction(async (tx) => {
    const claimed = await claimKeys(tx, [markKey], at);
    if (!claimed.has(markKey)) return false;
    const built = await build(tx);
    if (!built) return false;
    await queueMessage(tx, account, at, built.message, built.to);
    return true;
  });
}

export interface DeliveryReport {
  sent: number;
  failed: number;
  /** Slack said "slow down": the rest waits for Retry-After. */
  rateLimited: boolean;
  errors: string[];
}

/** How long a claimed row stays claimed: longer than any one Slack call takes. */
const CLAIM_MS = 120_000;
/** Backoff after a 5xx, network or platform error: 30 s, 1 min, 2 min … capped at 30 min. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 30 * 60_000);
}

interface SlackFailure {
  retryAfterMs: number | null;
  message: string;
}

function classify(e: unknown): SlackFailure {
  const err = e as {
    code?: string;
    retryAfter?: number;
    statusCode?: number;
    data?: { error?: string };
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
  return { retryAfterMs: null, message: err.message ?? String(e) };
}

/**
 * Sends due outbox rows through the Web API. Rows are claimed first (UPDATE … WHERE unsent and
 * unclaimed, with FOR UPDATE SKIP LOCKED), so several senders never take the same row; a row is
 * marked sent only after Slack accepted it. 429 → retry after Retry-After (and stop this batch:
 * the limit is per method); 5xx, network or platform errors → exponential backoff.
 */
export async function deliverDue(
  svc: Services,
  client: WebClient,
  opts: { batch?: number } = {},
): Promise<DeliveryReport> {
  const now = svc.clock.now();
  const due = svc.db
    .select({ id: notifications.id })
    .from(notifications)
    .where(
      and(
        isNull(notifications.sentAt),
        or(sql`${notifications.channel} is not null`, sql`${notifications.userId} is not null`),
        lte(notifications.nextAttemptAt, now),
        // The claim is a lease in real (database) time, whatever the services' clock says.
        or(isNull(notifications.claimedUntil), sql`${notifications.claimedUntil} < now()`),
      ),
    )
    .orderBy(asc(notifications.id))
    .limit(opts.batch ?? 50)
    .for("update", { skipLocked: true });
  const claimed = await svc.db
    .update(notifications)
    .set({ claimedUntil: sql`now() + ${`${CLAIM_MS / 1000} seconds`}::interval` })
    .where(and(inArray(notifications.id, due), isNull(notifications.sentAt)))
    .returning();
  claimed.sort((a, b) => a.id - b.id);
  const report: DeliveryReport = { sent: 0, failed: 0, rateLimited: false, errors: [] };
  for (const [i, row] of claimed.entries()) {
    try {
      let channel = row.channel;
      if (!channel && row.userId) {
        const opened = await client.conversations.open({ users: row.userId });
        channel = opened.channel?.id ?? null;
        if (!channel) throw new Error(`conversations.open gave no channel for ${row.userId}`);
      }
      if (!channel) continue;
      const posted = await client.chat.postMessage({
        channel,
        text: row.text,
        ...(Array.isArray(row.blocks) ? { blocks: row.blocks as never } : {}),
      });
      await svc.db
        .update(notifications)
        .set({
          sentAt: svc.clock.now(),
          attempts: row.attempts + 1,
          claimedUntil: null,
          lastError: null,
          slackChannel: posted.channel ?? channel,
          slackTs: posted.ts ?? null,
        })
        .where(and(eq(notifications.id, row.id), isNull(notifications.sentAt)));
      report.sent += 1;
    } catch (e) {
      const failure = classify(e);
      const attempts = row.attempts + 1;
      const wait = failure.retryAfterMs ?? backoffMs(attempts);
      await svc.db
        .update(notifications)
        .set({
          attempts,
          claimedUntil: null,
          lastError: failure.message,
          nextAttemptAt: new Date(svc.clock.now().getTime() + wait),
        })
        .where(eq(notifications.id, row.id));
      report.failed += 1;
      report.errors.push(`${row.key}: ${failure.message}`);
      if (failure.retryAfterMs !== null) {
        report.rateLimited = true;
        // Release the rest of the batch untouched; they go out after the pause like this one.
        const rest = claimed.slice(i + 1).map((r) => r.id);
        if (rest.length > 0) {
          await svc.db
            .update(notifications)
            .set({ claimedUntil: null, nextAttemptAt: new Date(svc.clock.now().getTime() + wait) })
            .where(and(inArray(notifications.id, rest), isNull(notifications.sentAt)));
        }
        break;
      }
    }
  }
  return report;
}

/** Local mode (no Slack): the unsent messages not shown before, for `tierkeeper jobs` to print; marks them shown. */
export async function takeQueuedForPrinting(svc: Services): Promise<Notification[]> {
  const rows = await svc.db
    .update(notifications)
    .set({ printedAt: svc.clock.now() })
    .where(and(isNull(notifications.sentAt), isNull(notifications.printedAt)))
    .returning();
  return rows.sort((a, b) => a.id - b.id);
}

/** Messages of an account still waiting for Slack (for dashboards and tests). */
export async function pendingNotifications(svc: Services, accountId: number): Promise<Notification[]> {
  return svc.db
    .select()
    .from(notifications)
    .where(and(eq(notifications.accountId, accountId), isNull(notifications.sentAt)))
    .orderBy(asc(notifications.id));
}
