import { and, desc, eq, gte, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { auditEvents } from "../db/schema.ts";

export type AuditEvent = typeof auditEvents.$inferSelect;

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

/** Audit events of an account, newest first; of one contact when `contactId` is given. */
export async function auditHistory(
  ex: Executor,
  opts: { accountId: number; contactId?: number | null; since?: Date | null; limit?: number },
): Promise<AuditEvent[]> {
  const conditions = [eq(auditEvents.accountId, opts.accountId)];
  if (opts.since) conditions.push(gte(auditEvents.at, opts.since));
  if (opts.contactId != null) conditions.push(sql`${opts.contactId}::bigint = any(${auditEvents.contactIds})`);
  return ex
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(opts.limit ?? 50);
}
