// Bulk requests: approving or rejecting one exactly once, and carrying it out.
import { and, eq, sql } from "drizzle-orm";
import { rowsOf, type Tx, timestamptz } from "../../db/client.ts";
import { bulkRequests } from "../../db/schema.ts";
import { canAdminister, canApprove, canSetMarketing } from "../../domain/permissions.ts";
import { nextUpdateInstant } from "../../domain/update-dates.ts";
import { wording } from "../../domain/wording.ts";
import { type Account, billingTermsOf, ensureUser, getAccount, rightsOf } from "../accounts.ts";
import { recordAudit } from "../audit.ts";
import { type Actor, Refusal, type Services, type UpgradeRecord } from "../context.ts";
import { changeContacts, upgradeNeeded } from "../tier.ts";
import type { ExecuteResult } from "./model.ts";
import { type BulkRequest, type BulkRequestView, expireRequests, getRequest, type TierImpact, view } from "./model.ts";

/** An approval that would upgrade the tier needs the approver to type the contact count (R14). */
export class NeedsConfirmation extends Refusal {
  constructor(
    readonly request: BulkRequestView,
    readonly upgrade: UpgradeRecord,
  ) {
    super(
      `Approving ${request.id} upgrades the tier to ${upgrade.newLimit.toLocaleString("en-US")} contacts. To confirm, type the number of contacts: \`approve ${request.id} confirm ${request.count}\`.`,
      "refused",
      false,
      wording("refusal.confirmUpgrade", {
        id: request.id,
        newLimit: upgrade.newLimit,
        command: { code: `approve ${request.id} confirm ${request.count}` },
      }),
    );
  }
}

export interface DecisionResult {
  request: BulkRequestView;
  /** The decision this call made, or null when the request had already been decided (a repeat). */
  decided: "approved" | "rejected" | "scheduled" | null;
  executed: ExecuteResult | null;
}

export async function approveRequest(svc: Services, actor: Actor, id: string, confirmCount: number | null) {
  return decide(svc, actor, id, { approve: true, confirmCount, automatic: false });
}

export async function rejectRequest(svc: Services, actor: Actor, id: string, reason: string | null) {
  return decide(svc, actor, id, { approve: false, reason, automatic: false });
}

export type Decision =
  | { approve: true; confirmCount: number | null; automatic: boolean }
  | { approve: false; reason: string | null; automatic: boolean };

/**
 * Approves or rejects a request exactly once (R14): the request row is locked and its status
 * checked in the same transaction as the change, so double clicks and retries find it decided.
 * An approval that would upgrade the tier needs the approver to have typed the count, and it
 * upgrades no further than the upgrade they were shown (the request's impact; a bigger one asks
 * again, showing it). The upgrade they confirmed is stored (`confirmed_limit`), so a change that
 * runs later can be checked again. An approved change that has not run yet can still be rejected.
 */
export async function decide(svc: Services, actor: Actor, rawId: string, decision: Decision): Promise<DecisionResult> {
  const id = rawId.toUpperCase();
  await ensureUser(svc, actor.accountId, actor.userId);
  await getRequest(svc, actor.accountId, id);
  await expireRequests(svc, actor.accountId);
  // The upgrade the approver was shown (set inside the transaction, read by allowUpgrade).
  let shownLimit: number | null = null;
  const confirmsUpgrade = (u: UpgradeRecord) =>
    decision.approve &&
    !decision.automatic &&
    decision.confirmCount !== null &&
    shownLimit !== null &&
    u.newLimit <= shownLimit;
  const outcome = await changeContacts(
    svc,
    actor.accountId,
    `request ${id}`,
    async (tx, account, at) => {
      const [row] = await tx
        .select()
        .from(bulkRequests)
        .where(and(eq(bulkRequests.id, id), eq(bulkRequests.accountId, actor.accountId)))
        .for("update");
      if (!row) throw new Refusal(`There is no request ${id}.`, "invalid", false, wording("refusal.noRequest", { id }));
      const rejectingScheduled = row.status === "approved" && !decision.approve;
      if (row.status !== "open" && !rejectingScheduled) return { row, decided: null, executed: null };
      shownLimit = (row.impact as TierImpact).upgrade?.newLimit ?? null;
      // The decider's rights as they are in this transaction (an `admins remove` a moment ago counts).
      const decider = await rightsOf(svc, tx, account.id, actor.userId);
      if (!decision.automatic) {
        if (decision.approve) {
          const ok = canApprove({
            approver: { id: decider.userId, role: decider.role, marketingAccess: decider.marketingAccess },
            requesterId: row.requestedBy,
            causedBy: row.causedBy,
            selfApproval: account.selfApproval,
            action: row.action,
          });
          if (!ok.ok) throw Refusal.of(ok);
          if (row.action === "marketing" && row.requestedBy !== actor.userId) {
            // R13 "by any route": the change acts with its requester's rights as they are now.
            const requester = canSetMarketing(await rightsOf(svc, tx, account.id, row.requestedBy));
            if (!requester.ok) {
              throw new Refusal(
                `<@${row.requestedBy}>, who asked for request ${id}, no longer has marketing contacts access, so it can't be approved. Reject it, or make the request yourself.`,
                "refused",
                true,
                wording("refusal.requesterNoAccess", { requester: { user: row.requestedBy }, id }),
              );
            }
          }
        } else if (row.requestedBy !== actor.userId) {
          const ok = canAdminister(decider);
          if (!ok.ok) {
            throw new Refusal(
              "Only an admin or the person who asked can reject a request.",
              "refused",
              false,
              wording("refusal.rejectNotAllowed"),
            );
          }
        }
      }
      if (!decision.approve) {
        const [updated] = await tx
          .update(bulkRequests)
          .set({ status: "rejected", decidedBy: actor.userId, decidedAt: at, reason: decision.reason })
          .where(eq(bulkRequests.id, id))
          .returning();
        await recordAudit(tx, {
          accountId: actor.accountId,
          at,
          actor: actor.userId,
          kind: "request.rejected",
          summary: `Rejected request ${id}${rejectingScheduled ? " (approved before, it had not run yet)" : ""}${decision.reason ? `: ${decision.reason}` : ""}`,
          detail: { requestId: id, scheduled: rejectingScheduled, reason: decision.reason ?? null },
        });
        return { row: updated ?? row, decided: "rejected" as const, executed: null };
      }
      const scheduled = row.scheduledAt !== null && row.scheduledAt.getTime() > at.getTime();
      let confirmedLimit: number | null = null;
      if (scheduled && row.action === "marketing") {
        // A scheduled change is checked for an upgrade now, against today's count (R14 confirmation);
        // it is checked again when it runs (runDueScheduledRequests).
        const [n] = await rowsOf<{ n: number }>(
          tx,
          sql`select count(*)::int as n from bulk_request_contacts r join contact_status s on s.contact_id = r.contact_id
              where r.request_id = ${id} and s.marketing = false`,
        );
        const upgrade = upgradeNeeded(svc, account, account.marketingCount + (n?.n ?? 0), at);
        if (upgrade) {
          if (decision.automatic || decision.confirmCount !== row.count || !confirmsUpgrade(upgrade))
            throw new NeedsConfirmation(view(row), upgrade);
          confirmedLimit = upgrade.newLimit;
        }
      }
      const [updated] = await tx
        .update(bulkRequests)
        .set({
          status: scheduled ? "approved" : "executed",
          decidedBy: decision.automatic ? "auto" : actor.userId,
          decidedAt: at,
          confirmedLimit,
        })
        .where(eq(bulkRequests.id, id))
        .returning();
      await recordAudit(tx, {
        accountId: actor.accountId,
        at,
        actor: actor.userId,
        kind: "request.approved",
        summary: decision.automatic
          ? `Request ${id} applied directly (within the direct-change limit)`
          : `Approved request ${id}${scheduled ? ` for ${row.scheduledAt?.toISOString()}` : ""}`,
        detail: {
          requestId: id,
          confirmedLimit,
          automatic: Boolean(decision.automatic),
          scheduledAt: scheduled ? (row.scheduledAt?.toISOString() ?? null) : null,
        },
      });
      if (scheduled) return { row: updated ?? row, decided: "scheduled" as const, executed: null };
      const changed = await applyRequest(tx, svc, account, row, at, actor.userId);
      if (row.action === "marketing" && !decision.automatic) {
        // Read the maintained counter after the change instead of a second pass over the contacts:
        // an upgrade nobody confirmed, or bigger than the one shown, rolls the whole change back (R14).
        const after = await getAccount(tx, account.id);
        const upgrade = upgradeNeeded(svc, account, after.marketingCount, at);
        if (upgrade && (decision.confirmCount !== row.count || !confirmsUpgrade(upgrade))) {
          throw new NeedsConfirmation(view(row), upgrade);
        }
      }
      return { row: updated ?? row, decided: "approved" as const, executed: changed };
    },
    { allowUpgrade: confirmsUpgrade },
  ).catch(async (e: unknown) => {
    // The approver is shown this upgrade now: it is the one a typed confirmation agrees to.
    if (e instanceof NeedsConfirmation) await showUpgrade(svc, id, e.upgrade);
    throw e;
  });
  const { result, change } = outcome;
  const request = await getRequest(svc, actor.accountId, id);
  const executed: ExecuteResult | null =
    result.executed === null
      ? null
      : {
          changed: result.executed.changed,
          effectiveAt: result.executed.effectiveAt,
          upgrade: change.upgrade,
          marketingCount: change.after,
          tierLimit: change.tierLimitAfter,
        };
  if (executed) {
    await svc.db
      .update(bulkRequests)
      .set({
        executedAt: change.at,
        result: { ...executed, effectiveAt: executed.effectiveAt.toISOString() },
        ...(change.upgrade ? { confirmedLimit: change.upgrade.newLimit } : {}),
      })
      .where(eq(bulkRequests.id, id));
  }
  return { request, decided: result.decided, executed };
}

/** Stores the upgrade an open request would make now in its impact: what the approver sees and confirms. */
export async function showUpgrade(svc: Services, id: string, upgrade: UpgradeRecord): Promise<void> {
  await svc.db
    .update(bulkRequests)
    .set({ impact: sql`jsonb_set(${bulkRequests.impact}, '{upgrade}', ${JSON.stringify(upgrade)}::jsonb)` })
    .where(and(eq(bulkRequests.id, id), eq(bulkRequests.status, "open")));
}

/** The change itself: one UPDATE over the request's fixed contacts, audited in the same statement. */
export async function applyRequest(
  tx: Tx,
  _svc: Services,
  account: Account,
  row: BulkRequest,
  at: Date,
  actorId: string,
): Promise<{ changed: number; effectiveAt: Date }> {
  const marketing = row.action === "marketing";
  const effectiveAt = marketing ? at : nextUpdateInstant(billingTermsOf(account), at);
  const set = marketing ? sql`marketing = true, pending_since = null` : sql`pending_since = ${timestamptz(at)}`;
  const where = marketing
    ? sql`(s.marketing = false or s.pending_since is not null)`
    : sql`(s.marketing = true and s.pending_since is null)`;
  const summary = marketing
    ? `Set marketing by request ${row.id}`
    : `Set non-marketing by request ${row.id}: marketing until the next update date`;
  const [res] = await rowsOf<{ n: number }>(
    tx,
    sql`with upd as (
      update contact_status s set ${set}
      from bulk_request_contacts r
      where r.request_id = ${row.id} and s.contact_id = r.contact_id and ${where}
      returning s.contact_id as id
    ), audit as (
      insert into audit_events (account_id, at, effective_at, actor, kind, summary, count, contact_ids, detail)
      select ${account.id}, ${timestamptz(at)}, ${timestamptz(effectiveAt)}, ${actorId}, ${marketing ? "status.made-marketing" : "status.flagged-pending"},
        ${summary}, count(*), array_agg(id), ${JSON.stringify({ requestId: row.id })}::jsonb
      from upd having count(*) > 0
      returning count
    )
    select coalesce((select count from audit), 0)::int as n`,
  );
  return { changed: res?.n ?? 0, effectiveAt };
}
