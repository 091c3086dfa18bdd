import { randomBytes } from "node:crypto";
import { and, desc, eq, inArray, lte, sql } from "drizzle-orm";
import { rowsOf, type Tx, timestamptz } from "../db/client.ts";
import { bulkRequests, contacts } from "../db/schema.ts";
import { canAdminister, canApprove, canSetMarketing, needsApproval } from "../domain/permissions.ts";
import { monthlyPriceCents, smallestTierHolding } from "../domain/pricing.ts";
import { usagePercent } from "../domain/thresholds.ts";
import type { MarketingStatus } from "../domain/types.ts";
import { nextUpdateInstant } from "../domain/update-dates.ts";
import { type Account, billingTermsOf, ensureUser, getAccount, ladderOf, rightsOf } from "./accounts.ts";
import { recordAudit } from "./audit.ts";
import { type Actor, Refusal, type Services, type UpgradeRecord } from "./context.ts";
import { notice } from "./notices.ts";
import { queueMessage } from "./outbox.ts";
import { applicable, CONTACTS_WITH_STATUS, describeSelector, type Selector, selectorCondition } from "./selectors.ts";
import { changeContacts, UpgradeNeedsApproval, upgradeNeeded } from "./tier.ts";

export type BulkRequest = typeof bulkRequests.$inferSelect;

export const REQUEST_TTL_MS = 7 * 86_400_000; // R14: requests expire after 7 days

/** What a bulk change does to the tier, shown to the approver before they click (R14). */
export interface TierImpact {
  action: MarketingStatus;
  count: number;
  /** Contacts that become marketing now (set marketing on non-marketing contacts). */
  becomeMarketing: number;
  /** Pending flags cancelled (set marketing on pending contacts). */
  cancelPending: number;
  effectiveAt: string;
  marketingCountBefore: number;
  marketingCountAfter: number;
  tierLimit: number;
  usageBefore: number;
  usageAfter: number;
  upgrade: UpgradeRecord | null;
  /** For non-marketing: the lowest tier that would hold the count after the update, and its monthly saving. */
  lowestTierAfter: number;
  monthlySavingCents: number;
}

export interface BulkRequestView extends BulkRequest {
  impact: TierImpact;
  selectorText: string;
}

const ID_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
function newRequestId(): string {
  const bytes = randomBytes(6);
  return `R${[...bytes].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join("")}`;
}

export interface CreateBulkInput {
  action: MarketingStatus;
  selector: Selector;
  at: Date | null;
  /** Where the request came from: `command`, `import`, `rule:<name>`, `manage`. */
  origin?: string;
  /** A list, filter or import that sets marketing always needs approval (R14). */
  viaSelector?: boolean;
  /** The automation rule the request starts or resumes (R16). */
  ruleId?: number | null;
  /** Who fed the rule the contacts, when not the requester (R14: they may not approve it either). */
  causedBy?: string | null;
}

export interface CreateBulkResult {
  request: BulkRequestView | null;
  /** The change was applied at once: under the direct-change limit and not a selector setting marketing. */
  executed: ExecuteResult | null;
}

/**
 * Fixes the contacts of a bulk change now (R14) and either makes an approval request or, when
 * R14 does not require one, applies it at once. The contacts are selected in one statement.
 */
export async function requestBulkChange(
  svc: Services,
  actor: Actor,
  input: CreateBulkInput,
): Promise<CreateBulkResult> {
  const user = await ensureUser(svc, actor.accountId, actor.userId);
  if (input.action === "marketing") {
    const ok = canSetMarketing(user);
    if (!ok.ok) throw new Refusal(ok.reason);
  }
  const request = await createBulkRequest(svc, actor, input);
  if (!request) return { request: null, executed: null };
  const account = await getAccount(svc.db, actor.accountId);
  const approvalNeeded =
    input.at !== null ||
    needsApproval({
      action: input.action,
      count: request.count,
      directLimit: account.directLimit,
      viaSelector: input.viaSelector ?? input.selector.type !== "emails",
    });
  // A change that would upgrade the tier always waits for an approver who confirms it (R14).
  if (approvalNeeded || request.impact.upgrade) return { request, executed: null };
  try {
    const executed = await decide(svc, actor, request.id, { approve: true, confirmCount: null, automatic: true });
    return { request: await getRequest(svc, actor.accountId, request.id), executed: executed.executed };
  } catch (e) {
    // The count rose since the request was made and this change would now upgrade: it waits.
    if (e instanceof UpgradeNeedsApproval)
      return { request: await getRequest(svc, actor.accountId, request.id), executed: null };
    throw e;
  }
}

/** Rolls back a request that would change no contact. */
class NothingToRequest extends Error {}

/** Makes the request row and fixes its contacts; null when no contact would change. */
export async function createBulkRequest(
  svc: Services,
  actor: Actor,
  input: CreateBulkInput,
): Promise<BulkRequestView | null> {
  const id = await svc.db
    .transaction((tx) => createBulkRequestInTx(svc, tx, actor, input))
    .catch((e: unknown) => {
      if (e instanceof NothingToRequest) return null;
      throw e;
    });
  return id === null ? null : getRequest(svc, actor.accountId, id);
}

/**
 * The request row, its fixed contacts (one statement) and its audit, in the caller's transaction,
 * so a rule that pauses and the request it pauses into commit together. Throws NothingToRequest
 * when no contact would change (the caller's transaction decides what to roll back).
 */
async function createBulkRequestInTx(svc: Services, tx: Tx, actor: Actor, input: CreateBulkInput): Promise<string> {
  const now = svc.clock.now();
  const id = newRequestId();
  const selectorText = describeSelector(input.selector);
  const account = await getAccount(tx, actor.accountId);
  await tx.insert(bulkRequests).values({
    id,
    accountId: actor.accountId,
    requestedBy: actor.userId,
    action: input.action,
    selector: selectorText,
    status: "open",
    count: 0,
    impact: {},
    scheduledAt: input.at,
    createdAt: now,
    expiresAt: new Date(now.getTime() + REQUEST_TTL_MS),
    origin: input.origin ?? "command",
    ruleId: input.ruleId ?? null,
    causedBy: input.causedBy && input.causedBy !== actor.userId ? input.causedBy : null,
  });
  const [counted] = await rowsOf<{ n: number; new_marketing: number; cancel: number }>(
    tx,
    sql`with ins as (
      insert into bulk_request_contacts (request_id, contact_id)
      select ${id}, ${contacts.id} from ${CONTACTS_WITH_STATUS}
      where ${contacts.accountId} = ${actor.accountId} and ${applicable(input.action)} and ${selectorCondition(input.selector)}
      returning contact_id
    )
    select count(*)::int as n,
      count(*) filter (where not s.marketing)::int as new_marketing,
      count(*) filter (where s.pending_since is not null)::int as cancel
    from ins join contact_status s on s.contact_id = ins.contact_id`,
  );
  const count = counted?.n ?? 0;
  if (count === 0) throw new NothingToRequest();
  const impact = computeImpact(
    svc,
    account,
    input.action,
    count,
    counted?.new_marketing ?? 0,
    counted?.cancel ?? 0,
    input.at ?? now,
    now,
  );
  await tx.update(bulkRequests).set({ count, impact }).where(eq(bulkRequests.id, id));
  await recordAudit(tx, {
    accountId: actor.accountId,
    at: now,
    actor: actor.userId,
    kind: "request.created",
    summary: `Requested ${input.action} for ${count.toLocaleString("en-US")} contacts (${selectorText}), request ${id}`,
    count,
    detail: { requestId: id, impact, origin: input.origin ?? "command" },
  });
  return id;
}

/**
 * createBulkRequestInTx inside a savepoint of the caller's transaction: null (and nothing written)
 * when no contact would change.
 */
export async function createBulkRequestIn(
  svc: Services,
  tx: Tx,
  actor: Actor,
  input: CreateBulkInput,
): Promise<string | null> {
  return tx
    .transaction((sp) => createBulkRequestInTx(svc, sp as unknown as Tx, actor, input))
    .catch((e: unknown) => {
      if (e instanceof NothingToRequest) return null;
      throw e;
    });
}

function computeImpact(
  svc: Services,
  account: Account,
  action: MarketingStatus,
  count: number,
  becomeMarketing: number,
  cancelPending: number,
  effectiveFrom: Date,
  now: Date,
): TierImpact {
  const terms = billingTermsOf(account);
  const ladder = ladderOf(svc, account);
  const before = account.marketingCount;
  const afterNow = action === "marketing" ? before + becomeMarketing : before;
  // Non-marketing takes effect at the next update date after the change is made (R3).
  const effectiveAt = action === "marketing" ? effectiveFrom : nextUpdateInstant(terms, effectiveFrom);
  const afterUpdate = action === "marketing" ? afterNow : Math.max(0, before - account.pendingCount - count);
  const upgrade = action === "marketing" ? upgradeNeeded(svc, account, afterNow, now) : null;
  const limitAfter = upgrade ? upgrade.newLimit : account.tierLimit;
  const lowest = Math.min(limitAfter, smallestTierHolding(ladder, afterUpdate));
  return {
    action,
    count,
    becomeMarketing,
    cancelPending,
    effectiveAt: effectiveAt.toISOString(),
    marketingCountBefore: before,
    marketingCountAfter: action === "marketing" ? afterNow : afterUpdate,
    tierLimit: account.tierLimit,
    usageBefore: usagePercent(before, account.tierLimit),
    usageAfter: usagePercent(action === "marketing" ? afterNow : afterUpdate, limitAfter),
    upgrade,
    lowestTierAfter: lowest,
    monthlySavingCents: Math.max(0, monthlyPriceCents(ladder, limitAfter) - monthlyPriceCents(ladder, lowest)),
  };
}

export async function getRequest(svc: Services, accountId: number, id: string): Promise<BulkRequestView> {
  const row = await svc.db.query.bulkRequests.findFirst({
    where: and(eq(bulkRequests.accountId, accountId), eq(bulkRequests.id, id.toUpperCase())),
  });
  if (!row) throw new Refusal(`There is no request ${id}. \`/contacts requests\` lists the open ones.`, "invalid");
  return view(row);
}

function view(row: BulkRequest): BulkRequestView {
  return { ...row, impact: row.impact as TierImpact, selectorText: row.selector };
}

/** R14: open requests older than 7 days expire. */
export async function expireRequests(svc: Services, accountId?: number): Promise<number> {
  const now = svc.clock.now();
  const expired = await svc.db
    .update(bulkRequests)
    .set({ status: "expired", decidedAt: now })
    .where(
      and(
        eq(bulkRequests.status, "open"),
        lte(bulkRequests.expiresAt, now),
        accountId === undefined ? undefined : eq(bulkRequests.accountId, accountId),
      ),
    )
    .returning({ id: bulkRequests.id });
  return expired.length;
}

export async function listRequests(
  svc: Services,
  actor: Actor,
  statuses: string[] = ["open", "approved"],
): Promise<BulkRequestView[]> {
  await expireRequests(svc, actor.accountId);
  const rows = await svc.db
    .select()
    .from(bulkRequests)
    .where(and(eq(bulkRequests.accountId, actor.accountId), inArray(bulkRequests.status, statuses)))
    .orderBy(desc(bulkRequests.createdAt))
    .limit(100);
  return rows.map(view);
}

/** An approval that would upgrade the tier needs the approver to type the contact count (R14). */
export class NeedsConfirmation extends Refusal {
  constructor(
    readonly request: BulkRequestView,
    readonly upgrade: UpgradeRecord,
  ) {
    super(
      `Approving ${request.id} upgrades the tier to ${upgrade.newLimit.toLocaleString("en-US")} contacts. To confirm, type the number of contacts: \`approve ${request.id} confirm ${request.count}\`.`,
    );
  }
}

export interface ExecuteResult {
  changed: number;
  upgrade: UpgradeRecord | null;
  marketingCount: number;
  tierLimit: number;
  effectiveAt: Date;
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

type Decision =
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
async function decide(svc: Services, actor: Actor, rawId: string, decision: Decision): Promise<DecisionResult> {
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
      if (!row) throw new Refusal(`There is no request ${id}.`, "invalid");
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
          if (!ok.ok) throw new Refusal(ok.reason);
          if (row.action === "marketing" && row.requestedBy !== actor.userId) {
            // R13 "by any route": the change acts with its requester's rights as they are now.
            const requester = canSetMarketing(await rightsOf(svc, tx, account.id, row.requestedBy));
            if (!requester.ok) {
              throw new Refusal(
                `<@${row.requestedBy}>, who asked for request ${id}, no longer has marketing contacts access, so it can't be approved. Reject it, or make the request yourself.`,
                "refused",
                true,
              );
            }
          }
        } else if (row.requestedBy !== actor.userId) {
          const ok = canAdminister(decider);
          if (!ok.ok) throw new Refusal("Only an admin or the person who asked can reject a request.");
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
          detail: { requestId: id },
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
        detail: { requestId: id, confirmedLimit },
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
async function showUpgrade(svc: Services, id: string, upgrade: UpgradeRecord): Promise<void> {
  await svc.db
    .update(bulkRequests)
    .set({ impact: sql`jsonb_set(${bulkRequests.impact}, '{upgrade}', ${JSON.stringify(upgrade)}::jsonb)` })
    .where(and(eq(bulkRequests.id, id), eq(bulkRequests.status, "open")));
}

/** The change itself: one UPDATE over the request's fixed contacts, audited in the same statement. */
async function applyRequest(
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
async function staleApproval(svc: Services, tx: Tx, account: Account, row: BulkRequest): Promise<string | null> {
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
async function reopenRequest(svc: Services, accountId: number, id: string, why: string): Promise<void> {
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
const FINAL_STATES = ["executed", "rejected", "expired", "cancelled"] as const;

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
