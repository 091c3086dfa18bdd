// Contacts, their marketing status, and static lists.
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { accounts } from "./accounts.ts";
import { ts } from "./columns.ts";

/**
 * A contact's identity and fields: written by imports and the intake, never by a status change.
 * Its marketing status lives in `contact_status` (one narrow row each), so bulk changes and the
 * update-date rollover rewrite 40-byte rows and no index, not this wide row.
 */
export const contacts = pgTable(
  "contacts",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    accountId: bigint({ mode: "number" })
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    /** Stored lower-cased: emails are unique per account, case-insensitively. */
    email: text().notNull(),
    firstName: text(),
    lastName: text(),
    source: text().notNull().default("manual"),
    sourceId: text(),
    lifecycle: text(),
    bounced: boolean().notNull().default(false),
    unsubscribed: boolean().notNull().default(false),
    properties: jsonb(),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
    lastEngagedAt: ts(),
  },
  (t) => [
    uniqueIndex("contacts_account_email_key").on(t.accountId, t.email),
    // Pages of an account's contacts in id order (the API's list and export): a range scan, not a sort.
    index("contacts_account_id_idx").on(t.accountId, t.id),
    check("contacts_email_lower", sql`${t.email} = lower(${t.email})`),
  ],
);

/**
 * The marketing status of each contact (R1–R3, R6), apart from its fields. Every status change
 * updates only these rows; no index covers `marketing` or `pending_since`, and the table is kept
 * half full (fillfactor 50, see drizzle/0008), so each update is a HOT update on its own page: no
 * index entry, no growth, and the page is pruned on the next visit. The per-account counters are
 * maintained from this table by statement-level triggers.
 */
export const contactStatus = pgTable(
  "contact_status",
  {
    contactId: bigint({ mode: "number" })
      .primaryKey()
      .references(() => contacts.id, { onDelete: "cascade" }),
    accountId: bigint({ mode: "number" })
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    marketing: boolean().notNull().default(false),
    /** "Marketing until next update" flag (R3): set while a non-marketing change waits. */
    pendingSince: ts(),
  },
  (t) => [
    index("contact_status_account_idx").on(t.accountId),
    check("contact_status_pending_only_when_marketing", sql`${t.pendingSince} is null or ${t.marketing}`),
  ],
);

export const lists = pgTable(
  "lists",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    accountId: bigint({ mode: "number" })
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    name: text().notNull(),
    createdBy: text(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [uniqueIndex("lists_account_name_key").on(t.accountId, sql`lower(${t.name})`)],
);

export const listMembers = pgTable(
  "list_members",
  {
    listId: bigint({ mode: "number" })
      .notNull()
      .references(() => lists.id, { onDelete: "cascade" }),
    contactId: bigint({ mode: "number" })
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.listId, t.contactId] }), index("list_members_contact_idx").on(t.contactId)],
);
