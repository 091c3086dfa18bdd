import { and, count, desc, eq, gte, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { auditEvents } from "../db/schema.ts";

type AuditEvent = typeof auditEvents.$inferSelect;

export interface AuditEntry {
  accountId: number;
  at: Date;
  effectiveAt?: Date | null;
  actor: string;
  kind: string;
  summary: string;
  count?: number;
  contactIds?: number[] | null;
  detail?: unknown;
}

export async function recordAudit(ex: Executor, entry: AuditEntry): Promise<void> {
  await ex.insert(auditEvents).values({
    accountId: entry.accountId,
    at: entry.at,
    effectiveAt: entry.effectiveAt ?? null,
    actor: entry.actor,
    kind: entry.kind,
    summary: entry.summary,
    count: entry.count ?? 0,
    contactIds: entry.contactIds ?? null,
    detail: entry.detail ?? null,
  });
}

/** What a reader sees of an audit event (not the contact ids it touched, which may be many). */
export type AuditSummary = Pick<
  AuditEvent,
  "id" | "at" | "effectiveAt" | "actor" | "kind" | "summary" | "count" | "detail"
>;

interface AuditQuery {
  accountId: number;
  contactId?: number | null;
  since?: Date | null;
}

function auditConditions(opts: AuditQuery): SQL[] {
  const conditions = [eq(auditEvents.accountId, opts.accountId)];
  if (opts.since) conditions.push(gte(auditEvents.at, opts.since));
  if (opts.contactId != null) conditions.push(sql`${opts.contactId}::bigint = any(${auditEvents.contactIds})`);
  return conditions;
}

/** Audit events of an account, newest first; of one contact when `contactId` is given. */
export async function auditHistory(ex: Executor, opts: AuditQuery & { limit?: number }): Promise<AuditSummary[]> {
  return ex
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      effectiveAt: auditEvents.effectiveAt,
      actor: auditEvents.actor,
      kind: auditEvents.kind,
      summary: auditEvents.summary,
      count: auditEvents.count,
      detail: auditEvents.detail,
    })
    .from(auditEvents)
    .where(and(...auditConditions(opts)))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(opts.limit ?? 50);
}

/** How many audit events match, counted up to `upTo` (a larger number reads as "more than `upTo`"). */
export async function countAuditEvents(ex: Executor, opts: AuditQuery & { upTo: number }): Promise<number> {
  const matching = ex
    .select({ one: sql`1` })
    .from(auditEvents)
    .where(and(...auditConditions(opts)))
    .limit(opts.upTo + 1)
    .as("matching");
  const [row] = await ex.select({ n: count() }).from(matching);
  return row?.n ?? 0;
}
