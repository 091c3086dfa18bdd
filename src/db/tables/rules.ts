// Automation rules.
import { sql } from "drizzle-orm";
import { bigint, bigserial, boolean, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import type { RulePauseWhy } from "../../domain/reasons.ts";
import type { MarketingStatus } from "../../domain/types.ts";
import { accounts } from "./accounts.ts";
import { ts } from "./columns.ts";

/** Automation rules (R16): "when a contact matches FILTER, set it marketing / non-marketing". */
export const automationRules = pgTable(
  "automation_rules",
  {
    id: bigserial({ mode: "number" }).primaryKey(),
    accountId: bigint({ mode: "number" })
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    name: text().notNull(),
    /** The filter as typed (normalized); parsed again at every run so relative dates stay relative. */
    filter: text().notNull(),
    /** The zone relative dates of the filter are read in. */
    timeZone: text().notNull(),
    /** The language its filter's dates were written in (`sv`, `nl`, `pl`; null: English): they are read again in it. */
    locale: text(),
    action: text().$type<MarketingStatus>().notNull(),
    enabled: boolean().notNull().default(true),
    /** Set while the rule waits for its bulk request to be decided (R16). */
    pausedReason: text(),
    /** `pausedReason` as data (a code and its arguments), so each language words it. */
    pausedWhy: jsonb().$type<RulePauseWhy>(),
    pausedRequestId: text(),
    createdBy: text().notNull(),
    /**
     * Whoever last added, enabled or changed the rule: it runs with this user's rights as they are
     * at each run, and this user is the requester of its bulk requests (R14, R16).
     */
    ownerId: text().notNull(),
    createdAt: ts().notNull(),
    lastRunAt: ts(),
  },
  (t) => [uniqueIndex("automation_rules_account_name_key").on(t.accountId, sql`lower(${t.name})`)],
);
