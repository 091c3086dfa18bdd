// How contacts come in besides Slack: API keys for the intake API, and CSV imports with their rows.
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts.ts";
import { ts } from "./columns.ts";
import { contacts } from "./contacts.ts";

/** Intake API keys (SPEC §3): only the sha256 of the secret is stored; `id` is shown for revoking. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: text().primaryKey(),
    accountId: bigint({ mode: "number" })
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    keyHash: text().notNull(),
    createdBy: text().notNull(),
    createdAt: ts().notNull(),
    revokedBy: text(),
    revokedAt: ts(),
    lastUsedAt: ts(),
    /** What the key may do (`contacts:read`, `contacts:write`, `status:write`, `changes:read`). */
    scopes: text().array().notNull().default(sql`'{contacts:read,contacts:write}'::text[]`),
  },
  (t) => [uniqueIndex("api_keys_hash_key").on(t.keyHash), index("api_keys_account_idx").on(t.accountId)],
);

/** One CSV import: who, which file, and its report. */
export const imports = pgTable(
  "imports",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    accountId: bigint({ mode: "number" })
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    fileName: text(),
    requestedBy: text().notNull(),
    listName: text(),
    marketing: boolean().notNull().default(false),
    startedAt: ts().notNull(),
    finishedAt: ts(),
    created: integer().notNull().default(0),
    updated: integer().notNull().default(0),
    unchanged: integer().notNull().default(0),
    rejected: integer().notNull().default(0),
    requestId: text(),
    error: text(),
  },
  (t) => [index("imports_account_idx").on(t.accountId, t.startedAt)],
);

/**
 * The rows of an import, by email: finds duplicates inside a file without holding the file's
 * emails in memory, and fixes the contacts of "set all as marketing" (R14).
 */
export const importRows = pgTable(
  "import_rows",
  {
    importId: bigint({ mode: "number" })
      .notNull()
      .references(() => imports.id, { onDelete: "cascade" }),
    email: text().notNull(),
    line: integer().notNull(),
    contactId: bigint({ mode: "number" }).references(() => contacts.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.importId, t.email] })],
);
