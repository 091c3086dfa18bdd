// Bulk requests: scheduled changes run at their time (checked again against that moment's count),
// and the contact lists of decided requests pruned in batches.
import { and, eq, lte, sql } from "drizzle-orm";
import { rowsOf, type Tx } from "../../db/client.ts";
import { bulkRequests } from "../../db/schema.ts";
import { canApprove, canSetMarketing } from "../../domain/permissions.ts";
import { type Account, getAccount, rightsOf } from "../accounts.ts";
import { recordAudit } from "../audit.ts";
import type { Services } from "../context.ts";
import { notice } from "../notices.ts";
import { queueMessage } from "../outbox.ts";
import { changeContacts, UpgradeNeedsApproval, upgradeNeeded } from "../tier.ts";
import { applyRequest } from "./decide.ts";
import { type BulkRequest, REQUEST_TTL_MS } from "./model.ts";

export interface ScheduledRun {
  id: string;
  accountId: number;
  changed: number;
  /** Why the request came back for a new decision instead of running (R14), or null when it ran. */
  reopened: string | null;
}

/**
 * Approved requests whose scheduled time has come execute once (run by the scheduler). A change
 * that runs later than it was approved is checked again first (R14): its requester and approver
 * must still have the rights they had, and it may upgrade the tier only as far as the approver
 * confirmed. Otherwise it does not run: it is open again, for a new decision, and says why.
 */
export async function runDueScheduledRequests(svc: Services): Promise<ScheduledRun[]> {
  const now = svc.clock.now();
  const due = await svc.db
    .select({ id: bulkRequests.id, accountId: bulkRequests.accountId, confirmedLimit: bulkRequests.confirmedLimit })
    .from(bulkRequests)
    .where(and(eq(bulkRequests.status, "approved"), lte(bulkRequests.scheduledAt, now)));
  const done: ScheduledRun[] = [];
  for (const d of due) {
    let reopenWith: string | null = null;
    const outcome = await changeContacts(
      svc,
      d.accountId,
      `scheduled request ${d.id}`,
      async (tx, account, at) => {
        const [row] = await tx.select().from(bulkRequests).where(eq(bulkRequests.id, d.id)).for("update");
        if (row?.status !== "approved") return null;
        const stale = await staleApproval(svc, tx, account, row);
        if (stale) {
          reopenWith = stale;
          return null;
        }
        const r = await applyRequest(tx, svc, account, row, at, row.decidedBy ?? "system");
        await tx.update(bulkRequests).set({ status: "executed", executedAt: at }).where(eq(bulkRequests.id, d.id));
        return r;
      },
      // Only as far as the approver confirmed (the limit is fixed while the request is approved).
      { allowUpgrade: (u) => d.confirmedLimit !== null && u.newLimit <= d.confirmedLimit },
    ).catch((e: unknown) => {
      if (!(e instanceof UpgradeNeedsApproval)) throw e;
      const limit = d.confirmedLimit;
      reopenWith =
        limit === null
          ? `it would now upgrade the tier to ${e.upgrade.newLimit.toLocaleString("en-US")} contacts, and the approval did not confirm an upgrade`
          : `it would now upgrade the tier to ${e.upgrade.newLimit.toLocaleString("en-US")} contacts, more than the ${limit.toLocaleString("en-US")} the approver confirmed`;
      return null;
    });
    if (reopenWith) {
      await reopenRequest(svc, d.accountId, d.id, reopenWith);
      done.push({ id: d.id, accountId: d.accountId, changed: 0, reopened: reopenWith });
      continue;
    }
    if (outcome?.result) {
      const { result, change } = outcome;
      await svc.db
        .update(bulkRequests)
        .set({
          result: { changed: result.changed, effectiveAt: result.effectiveAt.toISOString(), upgrade: change.upgrade },
        })
        .where(eq(bulkRequests.id, d.id));
      done.push({ id: d.id, accountId: d.accountId, changed: result.changed, reopened: null });
    }
  }
  return done;
}

/** Why an approved request may not run now as it was approved (R13, R14), or null when it may. */
export async function staleApproval(svc: Services, tx: Tx, account: Account, row: BulkRequest): Promise<string | null> {
  if (row.action !== "marketing") return null;
  const requester = canSetMarketing(await rightsOf(svc, tx, account.id, row.requestedBy));
  if (!requester.ok) return `<@${row.requestedBy}>, who asked for it, no longer has marketing contacts access`;
  if (row.decidedBy === null || row.decidedBy === "auto") return null;
  const approver = await rightsOf(svc, tx, account.id, row.decidedBy);
  const ok = canApprove({
    approver: { id: approver.userId, role: approver.role, marketingAccess: approver.marketingAccess },
    requesterId: row.requestedBy,
    selfApproval: account.selfApproval,
    action: row.action,
  });
  return ok.ok ? null : `<@${row.decidedBy}>, who approved it, could not approve it any more (${ok.reason})`;
}

/**
 * An approved change that may not run as approved goes back to open: a new decision is needed,
 * with a fresh week to make it. Its Slack message shows it open again (or it is posted anew), and a
 * notice to the approvals channel says why.
 */
export async function reopenRequest(svc: Services, accountId: number, id: string, why: string): Promise<void> {
  const now = svc.clock.now();
  await svc.db.transaction(async (tx) => {
    const [row] = await tx
      .update(bulkRequests)
      .set({
        status: "open",
        decidedBy: null,
        decidedAt: null,
        confirmedLimit: null,
        reopenedReason: why,
        expiresAt: new Date(now.getTime() + REQUEST_TTL_MS),
        // A request shown without a message to update (through a response_url) is posted again.
        slackPostedAt: sql`case when ${bulkRequests.slackTs} is not null then ${bulkRequests.slackPostedAt} end`,
      })
      .where(and(eq(bulkRequests.id, id), eq(bulkRequests.status, "approved")))
      .returning();
    if (!row) return;
    // The request shows the tier impact it has now, so the new decision is made on it.
    const account = await getAccount(tx, accountId);
    if (row.action === "marketing") {
      const [n] = await rowsOf<{ n: number }>(
        tx,
        sql`select count(*)::int as n from bulk_request_contacts r join contact_status s on s.contact_id = r.contact_id
            where r.request_id = ${id} and s.marketing = false`,
      );
      const upgrade = upgradeNeeded(svc, account, account.marketingCount + (n?.n ?? 0), now);
      await tx
        .update(bulkRequests)
        .set({ impact: sql`jsonb_set(${bulkRequests.impact}, '{upgrade}', ${JSON.stringify(upgrade)}::jsonb)` })
        .where(eq(bulkRequests.id, id));
    }
    await recordAudit(tx, {
      accountId,
      at: now,
      actor: "system",
      kind: "request.reopened",
      summary: `Request ${id} did not run at its time and needs a new decision: ${why}`,
      detail: { requestId: id, reason: why },
    });
    await queueMessage(
      tx,
      account,
      now,
      {
        key: `request-reopened:${id}:${now.getTime()}`,
        notice: notice("request-reopened", { requestId: id, count: row.count, action: row.action, reason: why }),
      },
      { channel: account.approvalsChannel, users: [] },
    );
  });
}

/** Requests in these states never change contacts again: their fixed contact lists can go. */
export const FINAL_STATES = ["executed", "rejected", "expired", "cancelled"] as const;

/**
 * Storage: deletes the fixed contact lists of decided requests, at most `batch` rows per call (the
 * scheduler calls it every minute), so a request of a million contacts leaves nothing behind once
 * decided, without one long delete. What a request changed stays in its audit rows. Returns the
 * rows deleted.
 */
export async function pruneDecidedRequestContacts(svc: Services, batch = 50_000): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(
    svc.db,
    sql`with doomed as (
      select r.request_id, r.contact_id from bulk_request_contacts r
      join bulk_requests b on b.id = r.request_id
      where b.status in (${sql.join(
        FINAL_STATES.map((s) => sql`${s}`),
        sql`, `,
      )})
      limit ${batch}
    ), gone as (
      delete from bulk_request_contacts d using doomed
      where d.request_id = doomed.request_id and d.contact_id = doomed.contact_id
      returning 1
    )
    select count(*)::int as n from gone`,
  );
  return row?.n ?? 0;
}
