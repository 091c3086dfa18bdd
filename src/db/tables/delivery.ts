// Work that must happen once: the scheduler's minute fires, Slack deliveries already handled, and
// the notification outbox.
import { sql } from "drizzle-orm";
import { bigint, bigserial, index, integer, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { accounts } from "./accounts.ts";
import { ts } from "./columns.ts";

/** Run coordinator: one row per fire key, so replicas never run the same job twice. */
export const jobFires = pgTable("job_fires", {
  key: text().primaryKey(),
  firedAt: ts().notNull(),
  result: jsonb(),
});

/** Slack deliveries already handled (a slash command's trigger_id, an event's event_id): a retry never runs twice. */
export const slackDeliveries = pgTable("slack_deliveries", {
  key: text().primaryKey(),
  receivedAt: ts().notNull(),
});

/**
 * Notification outbox: every alert, reminder and notice is written here first, idempotently by
 * `key`, and delivered to Slack by the sender, which claims rows so no message is sent twice.
 * `channel` for a channel post, or `userId` for a DM (conversations.open, then chat.postMessage).
 */
export const notifications = pgTable(
  "notifications",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    accountId: bigint({ mode: "number" })
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    key: text().notNull(),
    kind: text().notNull(),
    channel: text(),
    userId: text(),
    /** What the notice says, as data (src/services/notices.ts); worded when it is sent or printed. */
    payload: jsonb(),
    /** Rows queued by versions before notices were data carry their words here instead. */
    text: text(),
    blocks: jsonb(),
    createdAt: ts().notNull(),
    sentAt: ts(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: ts().notNull(),
    /** End of the sender's lease, in database time (one row per claim). */
    claimedUntil: ts(),
    /** Random id of the claim that holds the lease: a sender records its result only while it is still its own. */
    claimToken: text(),
    lastError: text(),
    slackChannel: text(),
    slackTs: text(),
    /** Set when `tierkeeper jobs` printed it (local mode has no Slack to deliver to). */
    printedAt: ts(),
  },
  (t) => [
    uniqueIndex("notifications_key_key").on(t.key),
    index("notifications_due_idx").on(t.nextAttemptAt).where(sql`${t.sentAt} is null`),
    index("notifications_account_created_idx").on(t.accountId, t.createdAt),
  ],
);
