// Slack requests written down before they are acknowledged, and the replicas that work on them
// (issue 14).
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { ts } from "./columns.ts";

/**
 * Slack requests written down before they are acknowledged (issue 14): a slash command or a button
 * click is a row here before Slack hears "got it", so work acked by a replica that then dies is
 * carried out by another. `queued` → `done` (its effect committed in the same transaction, with
 * `answer` to resend if its answer is lost) → `answered`; or `failed` (the user was told). A row is
 * worked on by whoever holds `claimToken` until `claimedUntil` (database time).
 */
export const slackInbox = pgTable(
  "slack_inbox",
  {
    /** The delivery: `command:<team>:<trigger_id>`, `action:<team>:<trigger_id>`; a retry has the same key. */
    key: text().primaryKey(),
    kind: text().notNull(),
    payload: jsonb().notNull(),
    receivedAt: ts().notNull().defaultNow(),
    state: text().$type<"queued" | "done" | "answered" | "failed">().notNull().default("queued"),
    attempts: integer().notNull().default(0),
    claimedUntil: ts().notNull(),
    claimToken: text().notNull(),
    /** The replica (`replica_heartbeats.id`) holding the claim: its claim is taken over only once it stops beating. */
    claimedBy: text().notNull(),
    /** What to post to the response_url when the process that did the work died before answering. */
    answer: jsonb(),
    doneAt: ts(),
    /**
     * When the replica that did the work began to post its answer. Set: the answer may have reached
     * Slack, so it is never posted again (a response_url cannot tell, and two answers are worse than
     * a rare lost one). Cleared when the post failed, so the saved answer is sent again.
     */
    answeringAt: ts(),
    answeredAt: ts(),
  },
  (t) => [index("slack_inbox_open_idx").on(t.claimedUntil).where(sql`${t.state} in ('queued', 'done')`)],
);

/** Every running replica's last sign of life (each writes it every half second): who is dead, for the inbox. */
export const replicaHeartbeats = pgTable("replica_heartbeats", {
  id: text().primaryKey(),
  startedAt: ts().notNull().defaultNow(),
  seenAt: ts().notNull().defaultNow(),
});
