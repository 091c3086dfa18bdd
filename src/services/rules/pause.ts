// Automation rules: when a run must ask first, pausing into ONE request, pausing when the owner lost
// access (with a notice), and resuming once the request is decided.

import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Executor, Tx } from "../../db/client.ts";
import { automationRules, bulkRequests } from "../../db/schema.ts";
import type { Filter } from "../../domain/filter.ts";
import { type RulePauseWhy, rulePauseFromText, rulePauseText, storedRulePause } from "../../domain/reasons.ts";
import type { MarketingStatus } from "../../domain/types.ts";
import { type Account, rightsOf } from "../accounts.ts";
import { recordAudit } from "../audit.ts";
import { type BulkRequestView, createBulkRequestIn, expireRequests, getRequest } from "../bulk/index.ts";
import type { Services } from "../context.ts";
import { notice } from "../notices.ts";
import { queueMessage } from "../outbox.ts";
import type { ContactScope } from "../selectors.ts";
import { upgradeNeeded } from "../tier.ts";
import { type Rule, ruleActor } from "./model.ts";

/**
 * R16: why a run that would change `counted` contacts must ask for approval instead, or null when
 * it may run: more contacts than the direct-change limit in either direction, or an upgrade.
 */
export function approvalReason(
  svc: Services,
  account: Account,
  action: MarketingStatus,
  counted: { n: number; newMarketing: number },
  at: Date,
): RulePauseWhy | null {
  if (counted.n === 0) return null;
  if (counted.n > account.directLimit) {
    return { code: "over-limit", count: counted.n, action, limit: account.directLimit };
  }
  if (action !== "marketing") return null;
  const without = upgradeNeeded(svc, account, account.marketingCount, at);
  const withRule = upgradeNeeded(svc, account, account.marketingCount + counted.newMarketing, at);
  if (withRule && withRule.newLimit !== without?.newLimit) {
    return { code: "upgrade", newLimit: withRule.newLimit };
  }
  return null;
}

/** R13 at run time: a marketing rule whose owner lost marketing contacts access may not run. */
export async function ownerCannotRun(svc: Services, ex: Executor, rule: Rule): Promise<RulePauseWhy | null> {
  if (rule.action !== "marketing") return null;
  const owner = await rightsOf(svc, ex, rule.accountId, rule.ownerId);
  return owner.marketingAccess ? null : { code: "owner-access", owner: rule.ownerId };
}

/** A rule's pause reason as data: as stored, else read back from its English sentence (a row paused before it was kept). */
export const pauseWhyOf = (rule: Rule): RulePauseWhy | null =>
  storedRulePause(rule.pausedWhy) ?? (rule.pausedReason ? rulePauseFromText(rule.pausedReason) : null);

export interface RuleRun {
  rule: string;
  action: MarketingStatus;
  changed: number;
}

/** A rule that paused in a run, with the request it paused into (none when its owner lost access). */
export interface RulePause {
  ruleId: number;
  name: string;
  reason: string;
  why: RulePauseWhy;
  requestId: string | null;
}

/**
 * Pauses the rule and makes its ONE bulk request (requested by the rule's owner, origin
 * `rule:<name>`) in the caller's transaction, so a rule is never paused without its request. When
 * nothing is left to change, the rule is not paused.
 */
export async function pauseIntoRequest(
  svc: Services,
  tx: Tx,
  rule: Rule,
  target: { filter: Filter; scope: ContactScope; unless: Filter[] },
  why: RulePauseWhy,
  causedBy: string | null = null,
): Promise<{ rule: Rule; requestId: string | null }> {
  const reason = rulePauseText(why);
  const requestId = await createBulkRequestIn(
    svc,
    tx,
    { accountId: rule.accountId, userId: rule.ownerId },
    {
      action: rule.action,
      selector: {
        type: "rule",
        name: rule.name,
        filter: target.filter,
        contactIds: target.scope,
        unless: target.unless,
      },
      at: null,
      origin: ruleActor(rule.name),
      viaSelector: true,
      ruleId: rule.id,
      causedBy,
    },
  );
  if (!requestId) return { rule, requestId: null };
  const [paused] = await tx
    .update(automationRules)
    .set({ pausedReason: reason, pausedWhy: why, pausedRequestId: requestId })
    .where(eq(automationRules.id, rule.id))
    .returning();
  await recordAudit(tx, {
    accountId: rule.accountId,
    at: svc.clock.now(),
    actor: ruleActor(rule.name),
    kind: "rule.paused",
    summary: `Rule "${rule.name}" paused: ${reason}. It asks for approval in request ${requestId}`,
    detail: { rule: rule.name, requestId, reason, owner: rule.ownerId, why },
  });
  return { rule: paused ?? rule, requestId };
}

/** Pauses a rule whose owner lost the rights it needs, with a notice to the approvals channel (R13). */
export async function pauseForOwner(
  svc: Services,
  tx: Tx,
  account: Account,
  rule: Rule,
  why: RulePauseWhy,
): Promise<void> {
  const at = svc.clock.now();
  const reason = rulePauseText(why);
  await tx
    .update(automationRules)
    .set({ pausedReason: reason, pausedWhy: why, pausedRequestId: null })
    .where(and(eq(automationRules.id, rule.id), sql`${automationRules.pausedReason} is null`));
  await recordAudit(tx, {
    accountId: rule.accountId,
    at,
    actor: ruleActor(rule.name),
    kind: "rule.paused",
    summary: `Rule "${rule.name}" paused: ${reason}`,
    detail: { rule: rule.name, reason, owner: rule.ownerId, why },
  });
  await queueMessage(
    tx,
    account,
    at,
    {
      key: `rule-paused:${rule.id}:${at.getTime()}`,
      notice: notice("rule-paused", { rule: rule.name, filter: rule.filter, reason, why }),
    },
    { channel: account.approvalsChannel, users: [] },
  );
}

/** After the run's transaction committed: the requests its rules paused into (the scheduler posts them to Slack). */
export async function finishRulePauses(
  svc: Services,
  accountId: number,
  pauses: RulePause[],
): Promise<BulkRequestView[]> {
  const made: BulkRequestView[] = [];
  for (const p of pauses) {
    if (!p.requestId) continue;
    const request = await getRequest(svc, accountId, p.requestId);
    made.push(request);
  }
  return made;
}

/**
 * Resumes paused rules whose request was decided: executed or expired → the rule runs again;
 * rejected → the rule is disabled (the approver refused what it does). Returns the names resumed.
 */
export async function refreshPausedRules(
  svc: Services,
  accountId?: number,
): Promise<{ resumed: string[]; disabled: string[] }> {
  await expireRequests(svc, accountId);
  const paused = await svc.db
    .select({ rule: automationRules, requestStatus: bulkRequests.status })
    .from(automationRules)
    .leftJoin(bulkRequests, eq(bulkRequests.id, automationRules.pausedRequestId))
    .where(
      and(
        isNotNull(automationRules.pausedReason),
        accountId === undefined ? undefined : eq(automationRules.accountId, accountId),
      ),
    );
  const now = svc.clock.now();
  const resumed: string[] = [];
  const disabled: string[] = [];
  for (const { rule, requestStatus } of paused) {
    if (rule.pausedRequestId === null || requestStatus === "open" || requestStatus === "approved") continue;
    const rejected = requestStatus === "rejected";
    await svc.db.transaction(async (tx) => {
      const [row] = await tx
        .update(automationRules)
        .set({ pausedReason: null, pausedWhy: null, pausedRequestId: null, ...(rejected ? { enabled: false } : {}) })
        .where(and(eq(automationRules.id, rule.id), eq(automationRules.pausedRequestId, rule.pausedRequestId ?? "")))
        .returning();
      if (!row) return;
      await recordAudit(tx, {
        accountId: rule.accountId,
        at: now,
        actor: ruleActor(rule.name),
        kind: rejected ? "rule.disabled" : "rule.resumed",
        summary: rejected
          ? `Rule "${rule.name}" disabled: its request ${rule.pausedRequestId} was rejected. Change it and \`rules enable\` it to run again`
          : `Rule "${rule.name}" resumed: its request ${rule.pausedRequestId} was ${requestStatus ?? "removed"}`,
        detail: { rule: rule.name, requestId: rule.pausedRequestId, requestStatus },
      });
      (rejected ? disabled : resumed).push(rule.name);
    });
  }
  return { resumed, disabled };
}
