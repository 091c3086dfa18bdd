// What the HTTP API keeps: answers of idempotent writes, and webhook endpoints with their place in
// the changes feed.
import { bigint, bigserial, index, integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import type { WebhookFailure } from "../../domain/reasons.ts";
import { accounts } from "./accounts.ts";
import { ts } from "./columns.ts";
import { apiKeys } from "./intake.ts";

/**
 * The first answer to a write sent with an `Idempotency-Key`: a retry with the same key and the
 * same request gets this answer again and changes nothing. `status` is null while the first one
 * is still being carried out. Kept for a day.
 */
export const apiIdempotency = pgTable(
  "api_idempotency",
  {
    keyId: text()
      .notNull()
      .references(() => apiKeys.id, { onDelete: "cascade" }),
    idempotencyKey: text().notNull(),
    /** sha256 of method, path and body: the same key with another request is refused. */
    requestHash: text().notNull(),
    status: integer(),
    body: text(),
    createdAt: ts().notNull(),
  },
  (t) => [primaryKey({ columns: [t.keyId, t.idempotencyKey] }), index("api_idempotency_created_idx").on(t.createdAt)],
);

/**
 * A webhook endpoint (Standard Webhooks): events of the changes feed after `cursor` are sent to
 * `url` in order, signed with `secret`; the cursor moves on only after a 2xx, so delivery is at
 * least once and in feed order. A failing endpoint is retried with backoff and disabled after 3 days.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    accountId: bigint({ mode: "number" })
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    url: text().notNull(),
    /** Event types sent (the changes feed's names); empty: all. */
    events: text().array().notNull(),
    /** `whsec_…` (base64 of 32 random bytes), as Standard Webhooks defines it. */
    secret: text().notNull(),
    createdBy: text().notNull(),
    createdAt: ts().notNull(),
    /** The changes feed position delivered up to (null: from when the endpoint was added). */
    cursor: text(),
    failingSince: ts(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: ts(),
    lastError: text(),
    /** `lastError` as data (a code and its arguments), so each language words it. */
    lastFailure: jsonb().$type<WebhookFailure>(),
    disabledAt: ts(),
    /** `settings webhook test`: a test message goes out with the next delivery. */
    testRequestedAt: ts(),
    /** The sender holding it while a delivery is in flight, and until when (one sender across replicas). */
    leaseToken: text(),
    leaseUntil: ts(),
    stats: jsonb(),
  },
  (t) => [index("webhook_endpoints_account_idx").on(t.accountId)],
);
