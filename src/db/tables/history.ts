// What happened and when: the audit, tier changes, update-date runs and usage over time.
import { sql } from "drizzle-orm";
import { bigint, bigserial, date, index, integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { accounts } from "./accounts.ts";
import { ts, xid8 } from "./columns.ts";

/**
 * Audit of every status, tier and setting change. A bulk change is one row whose
 * `contactIds` holds every contact it touched, so audit stays one statement per step.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    accountId: bigint({ mode: "number" })
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    at: ts().notNull(),
    effectiveAt: ts(),
    actor: text().notNull(),
    kind: text().notNull(),
    summary: text().notNull(),
    count: integer().notNull().default(0),
    contactIds: bigint({ mode: "number" }).array(),
    detail: jsonb(),
    /**
     * The transaction that wrote the event. The changes feed reads events in (txid, id) order and
     * only below the oldest transaction still running, so a reader never skips an event that
     * commits later with a smaller id. Null for events written before this column existed: they
     * come first.
     */
    txid: xid8().default(sql`pg_current_xact_id()`),
  },
  (t) => [
    index("audit_events_account_at_idx").on(t.accountId, t.at),
    index("audit_events_feed_idx").on(t.accountId, sql`coalesce(${t.txid}, '0'::xid8)`, t.id),
    // Who changed each setting last (`settings`) reads a few kinds among many contact events.
    index("audit_events_account_kind_at_idx").on(t.accountId, t.kind, t.at),
  ],
);

/** Tier changes with their prorated charge (R9) or scheduled downgrade outcome (R10). */
export const tierChanges = pgTable(
  "tier_changes",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    accountId: bigint({ mode: "number" })
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    at: ts().notNull(),
    kind: text().notNull(),
    oldLimit: integer().notNull(),
    newLimit: integer().notNull(),
    oldMonthlyCents: integer().notNull(),
    newMonthlyCents: integer().notNull(),
    chargeCents: integer().notNull().default(0),
    chargeDue: date({ mode: "string" }),
    marketingCount: integer().notNull(),
    cause: text(),
  },
  (t) => [index("tier_changes_account_at_idx").on(t.accountId, t.at)],
);

/** One row per (account, update instant) processed: the rollover runs exactly once (R6). */
export const updateRuns = pgTable(
  "update_runs",
  {
    accountId: bigint({ mode: "number" })
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    instant: ts().notNull(),
    processedAt: ts().notNull(),
    changed: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.instant] })],
);

/** Daily usage snapshot per account (the data behind `usage` and `forecast`). */
export const usageSnapshots = pgTable(
  "usage_snapshots",
  {
    accountId: bigint({ mode: "number" })
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    /** Calendar day in the subsidiary zone. */
    day: date({ mode: "string" }).notNull(),
    marketingCount: integer().notNull(),
    pendingCount: integer().notNull(),
    totalCount: integer().notNull(),
    tierLimit: integer().notNull(),
    takenAt: ts().notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.day] })],
);

/** Marketing count over time at minute resolution, for the spike alert (growth within an hour). */
export const countSamples = pgTable(
  "count_samples",
  {
    accountId: bigint({ mode: "number" })
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    at: ts().notNull(),
    marketingCount: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.at] })],
);
