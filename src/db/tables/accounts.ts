// The account (one Slack workspace) with its settings, and its users.
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { DateLocale } from "../../domain/dates/locales.ts";
import type { Plan, Role, Term } from "../../domain/types.ts";
import { ts } from "./columns.ts";

/** One Slack workspace = one account (R1). Settings of SPEC §2 live here. */
export const accounts = pgTable(
  "accounts",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    teamId: text().notNull(),
    name: text().notNull().default("My company"),
    plan: text().$type<Plan>().notNull().default("professional"),
    term: text().$type<Term>().notNull().default("annual"),
    contractStart: date({ mode: "string" }).notNull(),
    timeZone: text().notNull().default("America/New_York"),
    tierLimit: integer().notNull(),
    alertChannel: text(),
    approvalsChannel: text(),
    directLimit: integer().notNull().default(10),
    selfApproval: boolean().notNull().default(false),
    reminderDays: integer().array().notNull().default(sql`'{3,1}'::integer[]`),
    /** Spike alert: marketing growth within an hour above this share (%) or this many contacts, whichever is smaller. */
    spikePercent: integer().notNull().default(10),
    spikeMin: integer().notNull().default(500),
    /** The language the account's channels read notices in (alerts, reminders, summaries). */
    language: text().$type<DateLocale>().notNull().default("en"),
    /** Creation-source overrides (R15): { bySource, byForm, byChatflow, byApp }. */
    sourceDefaults: jsonb().notNull().default({}),
    /** Scheduled downgrade (R10), applied at the next renewal if the count fits. */
    downgradeTo: integer(),
    downgradeRequestedBy: text(),
    downgradeRequestedAt: ts(),
    // Maintained by statement-level triggers (see drizzle/0001), so the tier report never scans contacts.
    marketingCount: integer().notNull().default(0),
    pendingCount: integer().notNull().default(0),
    totalCount: integer().notNull().default(0),
    /** When an admin first went through setup (Slack modal or `tierkeeper setup`); null: not set up yet. */
    configuredAt: ts(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("accounts_team_id_key").on(t.teamId),
    check(
      "accounts_counts_non_negative",
      sql`${t.marketingCount} >= 0 and ${t.pendingCount} >= 0 and ${t.totalCount} >= 0`,
    ),
    check("accounts_tier_positive", sql`${t.tierLimit} > 0 and ${t.directLimit} >= 1`),
    check("accounts_language_known", sql`${t.language} in ('en', 'sv', 'nl', 'pl')`),
  ],
);

/** Slack users known to an account: role and permissions (R13). */
export const users = pgTable(
  "users",
  {
    accountId: bigint({ mode: "number" })
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    userId: text().notNull(),
    role: text().$type<Role>().notNull().default("member"),
    marketingAccess: boolean().notNull().default(true),
    billingContact: boolean().notNull().default(false),
    /** The user's Slack time zone (IANA), cached from users.info. */
    timeZone: text(),
    /** The language the user's Slack is in (`en`, `sv`, `nl`, `pl`), cached from users.info: dates are read in it. */
    locale: text(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.userId] })],
);
