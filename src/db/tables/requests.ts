// Bulk change requests and the contacts each one fixed.
import { bigint, index, integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import type { SelectorWords } from "../../domain/selector-words.ts";
import type { MarketingStatus } from "../../domain/types.ts";
import { accounts } from "./accounts.ts";
import { ts } from "./columns.ts";
import { contacts } from "./contacts.ts";

/** Bulk change requests awaiting approval (R14). */
export const bulkRequests = pgTable(
  "bulk_requests",
  {
    id: text().primaryKey(),
    accountId: bigint({ mode: "number" })
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    requestedBy: text().notNull(),
    action: text().$type<MarketingStatus>().notNull(),
    selector: text().notNull(),
    /** The selector as data, so each language words it (`selector` is the English); null on older requests. */
    selectorWords: jsonb().$type<SelectorWords>(),
    status: text().notNull().default("open"),
    count: integer().notNull(),
    impact: jsonb().notNull(),
    scheduledAt: ts(),
    createdAt: ts().notNull(),
    expiresAt: ts().notNull(),
    decidedBy: text(),
    decidedAt: ts(),
    reason: text(),
    executedAt: ts(),
    result: jsonb(),
    origin: text(),
    /** The automation rule this request starts or resumes (R16); it runs with its owner's rights. */
    ruleId: bigint({ mode: "number" }),
    /**
     * Who fed a rule the contacts its run paused on (the importer, the API key's maker), when not
     * the requester: like the requester, they may not approve it themselves (R14).
     */
    causedBy: text(),
    /**
     * The tier limit the approver confirmed by typing the count (R14). A change executed later than
     * it was approved may upgrade up to this limit and no further.
     */
    confirmedLimit: integer(),
    /** Why a change approved earlier came back for a new decision when it was due (R14). */
    reopenedReason: text(),
    /** Where its message is in Slack; `slackTs` only when there is a message to update. */
    slackChannel: text(),
    slackTs: text(),
    /** When it was shown in Slack (a message, or an answer through a response_url); null: still to post. */
    slackPostedAt: ts(),
    /** The poster that holds it while its post is in flight, and until when (services/request-posts.ts). */
    postClaimToken: text(),
    postClaimedUntil: ts(),
  },
  (t) => [index("bulk_requests_account_status_idx").on(t.accountId, t.status)],
);

/** The contacts of a bulk request, fixed when the request is made (R14). */
export const bulkRequestContacts = pgTable(
  "bulk_request_contacts",
  {
    requestId: text()
      .notNull()
      .references(() => bulkRequests.id, { onDelete: "cascade" }),
    contactId: bigint({ mode: "number" })
      .notNull()
      .references(() => contacts.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.contactId] })],
);
