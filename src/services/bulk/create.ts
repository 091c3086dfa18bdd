// Bulk requests: fixing the contacts of a bulk change now and asking for approval, or applying it
// at once when it needs none.
import { eq, sql } from "drizzle-orm";
import { rowsOf, type Tx } from "../../db/client.ts";
import { bulkRequests, contacts } from "../../db/schema.ts";
import { canSetMarketing, needsApproval } from "../../domain/permissions.ts";
import { ensureUser, getAccount } from "../accounts.ts";
import { recordAudit } from "../audit.ts";
import { type Actor, Refusal, type Services } from "../context.ts";
import { applicable, CONTACTS_WITH_STATUS, describeSelector, selectorCondition, selectorWords } from "../selectors.ts";
import { UpgradeNeedsApproval } from "../tier.ts";
import { decide } from "./decide.ts";
import {
  type BulkRequestView,
  type CreateBulkInput,
  type CreateBulkResult,
  computeImpact,
  getRequest,
  newRequestId,
  REQUEST_TTL_MS,
} from "./model.ts";

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
    if (!ok.ok) throw Refusal.of(ok);
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
export class NothingToRequest extends Error {}

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
export async function createBulkRequestInTx(
  svc: Services,
  tx: Tx,
  actor: Actor,
  input: CreateBulkInput,
): Promise<string> {
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
    selectorWords: selectorWords(input.selector),
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
    detail: {
      requestId: id,
      impact,
      origin: input.origin ?? "command",
      action: input.action,
      selector: selectorWords(input.selector),
    },
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
