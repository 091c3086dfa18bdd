import { randomUUID } from "node:crypto";
import { and, asc, eq, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { jobFires, notifications, users } from "../db/schema.ts";
import type { Account } from "./accounts.ts";
import type { Services } from "./context.ts";
import type { Notice } from "./notices.ts";

export type Notification = typeof notifications.$inferSelect;

/** One message to queue: `key` makes it idempotent; the notice says what it is and what it says, as data. */
export interface OutboxMessage {
  key: string;
  notice: Notice;
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
    kind: message.notice.kind,
    payload: message.notice.payload,
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

/**
 * A claim's lease: the two calls of a DM (conversations.open, then chat.postMessage) each at its
 * timeout, plus a margin for the database round trips around them. A call therefore always ends
 * (answered or given up) while the lease is still ours, so no other sender takes a message over
 * while its post is in flight.
 */
export function leaseMs(callTimeoutMs: number): number {
  return 2 * callTimeoutMs + 30_000;
}

/** Backoff after a 5xx, network or platform error: 30 s, 1 min, 2 min … capped at 30 min. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 30 * 60_000);
}

/** A row this sender holds: `token` identifies the claim, so a sender whose lease passed on records nothing. */
export interface OutboxClaim {
  row: Notification;
  token: string;
}

/** Rows a sender may take: unsent, with somewhere to go, due by the services' clock, not leased (leases are in database time). */
function deliverable(now: Date) {
  return and(
    isNull(notifications.sentAt),
    or(sql`${notifications.channel} is not null`, sql`${notifications.userId} is not null`),
    lte(notifications.nextAttemptAt, now),
    or(isNull(notifications.claimedUntil), sql`${notifications.claimedUntil} < now()`),
  );
}

/**
 * Claims the oldest due row for `lease` ms of database time, or null when none is due. One row at
 * a time (UPDATE … WHERE id = the first due row FOR UPDATE SKIP LOCKED): a claim never waits
 * behind other sends, so its lease only has to outlast its own calls.
 */
export async function claimNextDue(svc: Services, lease: number): Promise<OutboxClaim | null> {
  const token = randomUUID();
  const next = svc.db
    .select({ id: notifications.id })
    .from(notifications)
    .where(deliverable(svc.clock.now()))
    .orderBy(asc(notifications.id))
    .limit(1)
    .for("update", { skipLocked: true });
  // `id = (SELECT …)`: a scalar subquery runs once. With `id IN (SELECT … LIMIT 1)` Postgres may
  // run it again for every row it scans, each time past the rows it just updated, claiming them all.
  const [row] = await svc.db
    .update(notifications)
    .set({ claimedUntil: sql`now() + ${`${Math.ceil(lease)} milliseconds`}::interval`, claimToken: token })
    .where(and(eq(notifications.id, sql`(${next})`), isNull(notifications.sentAt)))
    .returning();
  return row ? { row, token } : null;
}

/** Where a claimed row's own writes apply: only while the claim is still this sender's. */
const stillOurs = (claim: OutboxClaim) =>
  and(eq(notifications.id, claim.row.id), eq(notifications.claimToken, claim.token), isNull(notifications.sentAt));

/** Records that the claimed row was posted (as `slackChannel`/`slackTs`); false when the claim had passed on. */
export async function recordSent(
  svc: Services,
  claim: OutboxClaim,
  posted: { channel: string; ts: string | null },
): Promise<boolean> {
  const recorded = await svc.db
    .update(notifications)
    .set({
      sentAt: svc.clock.now(),
      attempts: claim.row.attempts + 1,
      claimedUntil: null,
      claimToken: null,
      lastError: null,
      slackChannel: posted.channel,
      slackTs: posted.ts,
    })
    .where(stillOurs(claim))
    .returning({ id: notifications.id });
  return recorded.length > 0;
}

/**
 * Records a failed attempt: tried again after `retryAfterMs` (Slack said when) or the backoff.
 * False when the claim had passed on (nothing written).
 */
export async function recordFailure(
  svc: Services,
  claim: OutboxClaim,
  failure: { message: string; retryAfterMs: number | null },
): Promise<boolean> {
  const attempts = claim.row.attempts + 1;
  const wait = failure.retryAfterMs ?? backoffMs(attempts);
  const recorded = await svc.db
    .update(notifications)
    .set({
      attempts,
      claimedUntil: null,
      claimToken: null,
      lastError: failure.message,
      nextAttemptAt: new Date(svc.clock.now().getTime() + wait),
    })
    .where(stillOurs(claim))
    .returning({ id: notifications.id });
  return recorded.length > 0;
}

/** Every due row not leased waits until `until` (Slack's rate limit is per method, so the rest waits too). */
export async function deferDue(svc: Services, until: Date): Promise<void> {
  await svc.db
    .update(notifications)
    .set({ nextAttemptAt: until })
    .where(and(deliverable(svc.clock.now()), lt(notifications.nextAttemptAt, until)));
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
