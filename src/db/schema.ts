import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import type { MarketingStatus, Plan, Role, Term } from "../domain/types.ts";

const ts = (name?: string) =>
  name ? timestamp(name, { withTimezone: true, mode: "date" }) : timestamp({ withTimezone: true, mode: "date" });

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
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.accountId, t.userId] })],
);

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
  },
  (t) => [
    index("audit_events_account_at_idx").on(t.accountId, t.at),
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
    slackChannel: text(),
    slackTs: text(),
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

/** Run coordinator: one row per fire key, so replicas never run the same job twice. */
export const jobFires = pgTable("job_fires", {
  key: text().primaryKey(),
  firedAt: ts().notNull(),
  result: jsonb(),
});

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

// --- Slack (issue 3)

/** Slack deliveries already handled (a slash command's trigger_id, an event's event_id): a retry never runs twice. */
export const slackDeliveries = pgTable("slack_deliveries", {
  key: text().primaryKey(),
  receivedAt: ts().notNull(),
});

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

// --- scheduler and notifications (issue 4)

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
    text: text().notNull(),
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

// --- intake (issue 5)

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
  },
  (t) => [uniqueIndex("api_keys_hash_key").on(t.keyHash), index("api_keys_account_idx").on(t.accountId)],
);

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
    action: text().$type<MarketingStatus>().notNull(),
    enabled: boolean().notNull().default(true),
    /** Set while the rule waits for its bulk request to be decided (R16). */
    pausedReason: text(),
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
