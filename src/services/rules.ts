// Automation rules (R16): "when a contact matches FILTER, set it marketing / non-marketing".
// They run on the contacts the intake API and imports create or change, and on a schedule over
// all contacts, set-based.
//
// A rule is a standing bulk change (R14, R16). Adding, enabling or changing one that would change
// more contacts than the direct-change limit now (either direction), or would upgrade the tier,
// makes a bulk request that starts it once approved; a run that would do the same pauses the rule
// into ONE bulk request. The rule, its pause and its request commit together. A rule acts with its
// owner's rights as they are at each run: the owner is whoever last added, enabled or changed it,
// is the requester of its requests (so the self-approval setting applies to them), and must still
// have marketing contacts access for a marketing rule to run (R13); otherwise the rule pauses and
// the approvals channel is told.
//
// Pause lifecycle: while paused (paused_reason set) a rule does not run. It resumes when its
// request is executed (or expires: the next run asks again if it still has to); a rejected
// request disables the rule, since the approver said no to what it does. A rule paused because its
// owner lost access (no request) waits until someone with access enables it. Resumption is checked
// lazily at the start of every run (refreshPausedRules), so no hook in the approval flow is needed.
//
// Precedence: two enabled rules that set opposite statuses could both match a contact and flip
// it every hour. The older rule wins: a rule never changes a contact that an older enabled rule
// with the opposite action matches. `rules add` and `rules test` say how many contacts that is.
import { and, asc, count, eq, isNotNull, type SQL, sql } from "drizzle-orm";
import { type Executor, rowsOf, type Tx, timestamptz } from "../db/client.ts";
import { automationRules, bulkRequests, contactStatus, contacts } from "../db/schema.ts";
import { type Filter, parseFilter } from "../domain/filter.ts";
import { canAdminister, canSetMarketing } from "../domain/permissions.ts";
import type { MarketingStatus } from "../domain/types.ts";
import { nextUpdateInstant } from "../domain/update-dates.ts";
import { type Account, billingTermsOf, ensureUser, getAccount, rightsOf } from "./accounts.ts";
import { recordAudit } from "./audit.ts";
import { type BulkRequestView, createBulkRequestIn, expireRequests, getRequest } from "./bulk.ts";
import { type Actor, Refusal, type Services } from "./context.ts";
import { notice } from "./notices.ts";
import { queueMessage } from "./outbox.ts";
import {
  applicable,
  CONTACTS_WITH_STATUS,
  type ContactScope,
  filterCondition,
  scopeCondition,
  unlessCondition,
} from "./selectors.ts";
import { changeContacts, upgradeNeeded } from "./tier.ts";

export type Rule = typeof automationRules.$inferSelect;

/** Most automation rules one account may have: each runs every hour over every contact. */
export const MAX_RULES = 100;

export const ruleActor = (name: string) => `rule:${name}`;

const n = (x: number) => x.toLocaleString("en-US");

// ---------------------------------------------------------------------------------------------
// Listeners: requests made by paused rules outside a command (API, import, schedule).

const requestListeners = new WeakMap<Services, Set<(r: BulkRequestView) => void | Promise<void>>>();

/** Called with every bulk request a rule makes when it pauses, e.g. to post it to the approvals channel. */
export function onRuleRequest(svc: Services, listener: (r: BulkRequestView) => void | Promise<void>): () => void {
  const set = requestListeners.get(svc) ?? new Set();
  requestListeners.set(svc, set);
  set.add(listener);
  return () => set?.delete(listener);
}

// ---------------------------------------------------------------------------------------------
// Commands.

async function findRule(ex: Executor, accountId: number, name: string): Promise<Rule | undefined> {
  const [row] = await ex
    .select()
    .from(automationRules)
    .where(and(eq(automationRules.accountId, accountId), sql`lower(${automationRules.name}) = lower(${name})`));
  return row;
}

async function requireRule(svc: Services, accountId: number, name: string): Promise<Rule> {
  const rule = await findRule(svc.db, accountId, name);
  if (!rule) throw new Refusal(`There is no rule "${name}". \`/contacts rules\` lists them.`, "invalid");
  return rule;
}

export async function listRules(svc: Services, actor: Actor): Promise<Rule[]> {
  await refreshPausedRules(svc, actor.accountId);
  return svc.db
    .select()
    .from(automationRules)
    .where(eq(automationRules.accountId, actor.accountId))
    .orderBy(asc(automationRules.id));
}

/** What adding, enabling or changing a rule did: the rule, and the request that must start it, if any. */
export interface RuleChange {
  rule: Rule;
  /** The bulk request an admin must approve before the rule runs (R16), or null when it runs as it is. */
  request: BulkRequestView | null;
}

/**
 * `rules add <name> when <filter> then marketing|non-marketing`. Setting marketing needs access
 * (R13). A rule that would change more than the direct-change limit now, or upgrade, waits for the
 * approval of a request that shows how many contacts it matches and the tier impact (R16).
 */
export async function addRule(
  svc: Services,
  actor: Actor,
  input: { name: string; filter: Filter; action: MarketingStatus; timeZone: string },
): Promise<RuleChange> {
  const user = await ensureUser(svc, actor.accountId, actor.userId);
  if (input.action === "marketing") {
    const ok = canSetMarketing(user);
    if (!ok.ok) throw new Refusal(ok.reason);
  }
  if (await findRule(svc.db, actor.accountId, input.name)) {
    throw new Refusal(`A rule named "${input.name}" already exists; remove it first or pick another name.`, "invalid");
  }
  const now = svc.clock.now();
  const { rule, requestId } = await svc.db.transaction(async (tx) => {
    // The account row serializes rule changes, so the cap holds under concurrent adds.
    await getAccount(tx, actor.accountId, true);
    const [had] = await tx
      .select({ n: count() })
      .from(automationRules)
      .where(eq(automationRules.accountId, actor.accountId));
    if ((had?.n ?? 0) >= MAX_RULES) {
      throw new Refusal(
        `This workspace has ${n(MAX_RULES)} automation rules, the most it can have. Remove one you no longer need (\`rules remove <name>\`) before adding another.`,
      );
    }
    const [row] = await tx
      .insert(automationRules)
      .values({
        accountId: actor.accountId,
        name: input.name,
        filter: input.filter.text,
        timeZone: input.timeZone,
        action: input.action,
        createdBy: actor.userId,
        ownerId: actor.userId,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new Refusal(`A rule named "${input.name}" already exists.`, "invalid");
    await recordAudit(tx, {
      accountId: actor.accountId,
      at: now,
      actor: actor.userId,
      kind: "rule.added",
      summary: `Added rule "${row.name}": when ${row.filter} then ${row.action}`,
      detail: { rule: row.name, filter: row.filter, action: row.action },
    });
    return gateRule(svc, tx, row, "start");
  });
  return { rule, request: requestId ? await getRequest(svc, actor.accountId, requestId) : null };
}

/**
 * Before a rule that was just added, enabled or changed runs: if a run now would need approval
 * (more than the direct-change limit, or an upgrade), the rule waits, paused, for ONE request that
 * its owner makes, in the caller's transaction. Returns the rule as stored and the request's id.
 */
async function gateRule(
  svc: Services,
  tx: Tx,
  rule: Rule,
  verb: "start" | "run again" | "run as changed",
): Promise<{ rule: Rule; requestId: string | null }> {
  const at = svc.clock.now();
  const account = await getAccount(tx, rule.accountId);
  const enabled = await enabledRules(tx, rule.accountId, at);
  const filter = ruleFilter(rule, at);
  const unless = olderOpposites(enabled, rule).map((o) => o.filter);
  const counted = await countApplicable(tx, rule.accountId, rule.action, filter, null, unlessCondition(unless));
  const reason = approvalReason(svc, account, rule.action, counted, at);
  if (!reason) return { rule, requestId: null };
  const paused = await pauseIntoRequest(
    svc,
    tx,
    rule,
    { filter, scope: null, unless },
    `waiting for approval to ${verb}: ${reason}`,
  );
  return { rule: paused.rule, requestId: paused.requestId };
}

/**
 * `rules enable|disable|remove <name>`: the rule's author, its owner or an admin; enabling a rule
 * that sets marketing needs marketing contacts access (R13). Enabling makes the one who enables it
 * the owner, and is checked like adding it (R16).
 */
export async function changeRule(
  svc: Services,
  actor: Actor,
  name: string,
  op: "enable" | "disable" | "remove",
): Promise<RuleChange> {
  const user = await ensureUser(svc, actor.accountId, actor.userId);
  const rule = await requireRule(svc, actor.accountId, name);
  mayManage(user, actor, rule, op);
  if (op === "enable" && rule.action === "marketing") {
    const ok = canSetMarketing(user);
    if (!ok.ok) throw new Refusal(ok.reason);
  }
  const now = svc.clock.now();
  const { row, requestId } = await svc.db.transaction(async (tx) => {
    await getAccount(tx, actor.accountId, true);
    const [current] = await tx.select().from(automationRules).where(eq(automationRules.id, rule.id)).for("update");
    if (!current) throw new Refusal(`There is no rule "${name}". \`/contacts rules\` lists them.`, "invalid");
    if (op === "enable" && current.enabled && current.pausedRequestId !== null) {
      const [open] = await tx
        .select({ status: bulkRequests.status })
        .from(bulkRequests)
        .where(eq(bulkRequests.id, current.pausedRequestId));
      if (open?.status === "open") {
        throw new Refusal(
          `Rule "${current.name}" is waiting for approval of request ${current.pausedRequestId}: an admin approves or rejects it with \`/contacts approve ${current.pausedRequestId}\` or \`reject\`.`,
        );
      }
    }
    let row: Rule | undefined = current;
    let requestId: string | null = null;
    if (op === "remove") {
      await cancelOpenRequest(tx, current, now, "its rule was removed");
      await tx.delete(automationRules).where(eq(automationRules.id, rule.id));
    } else if (op === "disable") {
      await cancelOpenRequest(tx, current, now, "its rule was disabled");
      [row] = await tx
        .update(automationRules)
        .set({ enabled: false, pausedReason: null, pausedRequestId: null })
        .where(eq(automationRules.id, rule.id))
        .returning();
    } else {
      [row] = await tx
        .update(automationRules)
        .set({ enabled: true, pausedReason: null, pausedRequestId: null, ownerId: actor.userId })
        .where(eq(automationRules.id, rule.id))
        .returning();
      if (row) ({ rule: row, requestId } = await gateRule(svc, tx, row, "run again"));
    }
    await recordAudit(tx, {
      accountId: actor.accountId,
      at: now,
      actor: actor.userId,
      kind: `rule.${op}d`,
      summary: `${op === "enable" ? "Enabled" : op === "disable" ? "Disabled" : "Removed"} rule "${rule.name}"`,
      detail: { rule: rule.name },
    });
    return { row: row ?? current, requestId };
  });
  return { rule: row, request: requestId ? await getRequest(svc, actor.accountId, requestId) : null };
}

/**
 * `rules change <name> when <filter> then marketing|non-marketing`: a new filter or action for an
 * existing rule, checked like adding it (widening a rule is a bulk change, R16). The one who
 * changes it becomes its owner; an open request of the old rule is cancelled.
 */
export async function editRule(
  svc: Services,
  actor: Actor,
  name: string,
  input: { filter: Filter; action: MarketingStatus; timeZone: string },
): Promise<RuleChange> {
  const user = await ensureUser(svc, actor.accountId, actor.userId);
  const rule = await requireRule(svc, actor.accountId, name);
  mayManage(user, actor, rule, "change");
  if (input.action === "marketing") {
    const ok = canSetMarketing(user);
    if (!ok.ok) throw new Refusal(ok.reason);
  }
  const now = svc.clock.now();
  const { row, requestId } = await svc.db.transaction(async (tx) => {
    await getAccount(tx, actor.accountId, true);
    const [current] = await tx.select().from(automationRules).where(eq(automationRules.id, rule.id)).for("update");
    if (!current) throw new Refusal(`There is no rule "${name}". \`/contacts rules\` lists them.`, "invalid");
    await cancelOpenRequest(tx, current, now, "its rule was changed");
    const [changed] = await tx
      .update(automationRules)
      .set({
        filter: input.filter.text,
        action: input.action,
        timeZone: input.timeZone,
        ownerId: actor.userId,
        pausedReason: null,
        pausedRequestId: null,
      })
      .where(eq(automationRules.id, rule.id))
      .returning();
    if (!changed) throw new Refusal(`There is no rule "${name}".`, "invalid");
    await recordAudit(tx, {
      accountId: actor.accountId,
      at: now,
      actor: actor.userId,
      kind: "rule.changed",
      summary: `Changed rule "${changed.name}": when ${changed.filter} then ${changed.action} (was: when ${current.filter} then ${current.action})`,
      detail: {
        rule: changed.name,
        filter: changed.filter,
        action: changed.action,
        was: { filter: current.filter, action: current.action },
      },
    });
    if (!changed.enabled) return { row: changed, requestId: null };
    const gated = await gateRule(svc, tx, changed, "run as changed");
    return { row: gated.rule, requestId: gated.requestId };
  });
  return { rule: row, request: requestId ? await getRequest(svc, actor.accountId, requestId) : null };
}

function mayManage(user: { role: string }, actor: Actor, rule: Rule, op: string): void {
  if (rule.createdBy === actor.userId || rule.ownerId === actor.userId) return;
  const ok = canAdminister(user as { role: "admin" | "member" });
  if (!ok.ok) throw new Refusal(`Only an admin or the rule's author can ${op} rule "${rule.name}".`);
}

/** The rule's open request, if any, is withdrawn: what it asked for is no longer what the rule does. */
async function cancelOpenRequest(tx: Tx, rule: Rule, at: Date, why: string): Promise<void> {
  if (rule.pausedRequestId === null) return;
  await tx
    .update(bulkRequests)
    .set({ status: "cancelled", decidedAt: at, reason: why })
    .where(and(eq(bulkRequests.id, rule.pausedRequestId), eq(bulkRequests.status, "open")));
}

export interface RuleTest {
  rule: Rule;
  /** Contacts the rule would change now. */
  count: number;
  /** For marketing rules: contacts that would start counting toward the tier. */
  becomeMarketing: number;
  /** Why a run now would pause into a bulk request instead of running (R16), or null. */
  wouldPause: string | null;
  /** Older rules with the opposite action that also match contacts this one would change: they win. */
  overridden: { rule: string; action: MarketingStatus; count: number }[];
}

/** `rules test <name>`: how many contacts the rule would change now, without changing them. */
export async function testRule(svc: Services, actor: Actor, name: string): Promise<RuleTest> {
  const rule = await requireRule(svc, actor.accountId, name);
  const now = svc.clock.now();
  const filter = ruleFilter(rule, now);
  const account = await getAccount(svc.db, actor.accountId);
  const older = olderOpposites(await enabledRules(svc.db, account.id, now), rule);
  const counted = await countApplicable(
    svc.db,
    account.id,
    rule.action,
    filter,
    null,
    unlessCondition(older.map((o) => o.filter)),
  );
  const wouldPause =
    (await ownerCannotRun(svc, svc.db, rule)) ?? approvalReason(svc, account, rule.action, counted, now);
  const overridden: RuleTest["overridden"] = [];
  for (const o of older) {
    const both = await countApplicable(svc.db, account.id, rule.action, filter, null, filterCondition(o.filter));
    if (both.n > 0) overridden.push({ rule: o.rule.name, action: o.rule.action, count: both.n });
  }
  return { rule, count: counted.n, becomeMarketing: counted.newMarketing, wouldPause, overridden };
}

// ---------------------------------------------------------------------------------------------
// Running.

/** The rule's filter parsed again now, so "6 months ago" keeps meaning six months before the run. */
function ruleFilter(rule: Rule, now: Date): Filter {
  const parsed = parseFilter(rule.filter, { now, timeZone: rule.timeZone });
  if (!parsed.ok)
    throw new Refusal(`Rule "${rule.name}" has a filter I can no longer read: ${parsed.error}`, "invalid");
  return parsed.filter;
}

/** The account's enabled rules (paused ones too: they run again once approved), oldest first, with their filters as of `now`. */
async function enabledRules(ex: Executor, accountId: number, now: Date): Promise<{ rule: Rule; filter: Filter }[]> {
  const rows = await ex
    .select()
    .from(automationRules)
    .where(and(eq(automationRules.accountId, accountId), eq(automationRules.enabled, true)))
    .orderBy(asc(automationRules.id));
  return rows.flatMap((rule) => {
    const parsed = parseFilter(rule.filter, { now, timeZone: rule.timeZone });
    return parsed.ok ? [{ rule, filter: parsed.filter }] : [];
  });
}

/** Of `enabled`, the rules made before `rule` that set the opposite status: they win where both match. */
function olderOpposites(enabled: { rule: Rule; filter: Filter }[], rule: Rule) {
  return enabled.filter((o) => o.rule.id < rule.id && o.rule.action !== rule.action);
}

async function countApplicable(
  ex: Executor,
  accountId: number,
  action: MarketingStatus,
  filter: Filter,
  scope: ContactScope,
  precedence: SQL,
) {
  const [row] = await rowsOf<{ n: number; new_marketing: number }>(
    ex,
    sql`select count(*)::int as n, count(*) filter (where not ${contactStatus.marketing})::int as new_marketing
        from ${CONTACTS_WITH_STATUS}
        where ${contacts.accountId} = ${accountId} and ${applicable(action)} and ${filterCondition(filter)}
          and ${scopeCondition(scope)} and ${precedence}`,
  );
  return { n: row?.n ?? 0, newMarketing: row?.new_marketing ?? 0 };
}

/**
 * R16: why a run that would change `counted` contacts must ask for approval instead, or null when
 * it may run: more contacts than the direct-change limit in either direction, or an upgrade.
 */
function approvalReason(
  svc: Services,
  account: Account,
  action: MarketingStatus,
  counted: { n: number; newMarketing: number },
  at: Date,
): string | null {
  if (counted.n === 0) return null;
  if (counted.n > account.directLimit) {
    return `it would set ${n(counted.n)} contacts ${action}, more than the direct-change limit of ${n(account.directLimit)}`;
  }
  if (action !== "marketing") return null;
  const without = upgradeNeeded(svc, account, account.marketingCount, at);
  const withRule = upgradeNeeded(svc, account, account.marketingCount + counted.newMarketing, at);
  if (withRule && withRule.newLimit !== without?.newLimit) {
    return `it would upgrade the tier to ${n(withRule.newLimit)} contacts`;
  }
  return null;
}

/** R13 at run time: a marketing rule whose owner lost marketing contacts access may not run. */
async function ownerCannotRun(svc: Services, ex: Executor, rule: Rule): Promise<string | null> {
  if (rule.action !== "marketing") return null;
  const owner = await rightsOf(svc, ex, rule.accountId, rule.ownerId);
  return owner.marketingAccess ? null : `its owner <@${rule.ownerId}> no longer has marketing contacts access`;
}

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
  requestId: string | null;
}

/**
 * Pauses the rule and makes its ONE bulk request (requested by the rule's owner, origin
 * `rule:<name>`) in the caller's transaction, so a rule is never paused without its request. When
 * nothing is left to change, the rule is not paused.
 */
async function pauseIntoRequest(
  svc: Services,
  tx: Tx,
  rule: Rule,
  target: { filter: Filter; scope: ContactScope; unless: Filter[] },
  reason: string,
  causedBy: string | null = null,
): Promise<{ rule: Rule; requestId: string | null }> {
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
    .set({ pausedReason: reason, pausedRequestId: requestId })
    .where(eq(automationRules.id, rule.id))
    .returning();
  await recordAudit(tx, {
    accountId: rule.accountId,
    at: svc.clock.now(),
    actor: ruleActor(rule.name),
    kind: "rule.paused",
    summary: `Rule "${rule.name}" paused: ${reason}. It asks for approval in request ${requestId}`,
    detail: { rule: rule.name, requestId, reason, owner: rule.ownerId },
  });
  return { rule: paused ?? rule, requestId };
}

/** Pauses a rule whose owner lost the rights it needs, with a notice to the approvals channel (R13). */
async function pauseForOwner(svc: Services, tx: Tx, account: Account, rule: Rule, reason: string): Promise<void> {
  const at = svc.clock.now();
  await tx
    .update(automationRules)
    .set({ pausedReason: reason, pausedRequestId: null })
    .where(and(eq(automationRules.id, rule.id), sql`${automationRules.pausedReason} is null`));
  await recordAudit(tx, {
    accountId: rule.accountId,
    at,
    actor: ruleActor(rule.name),
    kind: "rule.paused",
    summary: `Rule "${rule.name}" paused: ${reason}`,
    detail: { rule: rule.name, reason, owner: rule.ownerId },
  });
  await queueMessage(
    tx,
    account,
    at,
    {
      key: `rule-paused:${rule.id}:${at.getTime()}`,
      notice: notice("rule-paused", { rule: rule.name, filter: rule.filter, reason }),
    },
    { channel: account.approvalsChannel, users: [] },
  );
}

/**
 * Runs the account's enabled, unpaused rules in the caller's transaction (inside changeContacts),
 * on `scope` contacts or on all (null). Each rule is one UPDATE with its audit row. A rule whose run
 * must be approved pauses into its request in the same transaction (returned as a pause, for the
 * Slack app to post once committed); one whose owner lost marketing access pauses with a notice.
 */
export async function applyRulesInTx(
  svc: Services,
  tx: Tx,
  accountId: number,
  at: Date,
  scope: ContactScope,
  /** The user whose import or API key brought in the contacts of a scoped run (null: the schedule). */
  causedBy: string | null = null,
): Promise<{ runs: RuleRun[]; pauses: RulePause[] }> {
  const runs: RuleRun[] = [];
  const pauses: RulePause[] = [];
  if (Array.isArray(scope) && scope.length === 0) return { runs, pauses };
  const enabled = await enabledRules(tx, accountId, at);
  for (const { rule, filter } of enabled) {
    if (rule.pausedReason !== null) continue;
    const actor = ruleActor(rule.name);
    const unless = olderOpposites(enabled, rule).map((o) => o.filter);
    const precedence = unlessCondition(unless);
    const where = sql`${contacts.accountId} = ${accountId} and ${applicable(rule.action)} and ${filterCondition(filter)}
      and ${scopeCondition(scope)} and ${precedence}`;
    const account = await getAccount(tx, accountId);
    const counted = await countApplicable(tx, accountId, rule.action, filter, scope, precedence);
    if (counted.n === 0) continue;
    const ownerReason = await ownerCannotRun(svc, tx, rule);
    if (ownerReason) {
      await pauseForOwner(svc, tx, account, rule, ownerReason);
      pauses.push({ ruleId: rule.id, name: rule.name, reason: ownerReason, requestId: null });
      continue;
    }
    const reason = approvalReason(svc, account, rule.action, counted, at);
    if (reason) {
      const paused = await pauseIntoRequest(svc, tx, rule, { filter, scope, unless }, reason, causedBy);
      if (paused.requestId) pauses.push({ ruleId: rule.id, name: rule.name, reason, requestId: paused.requestId });
      continue;
    }
    const set =
      rule.action === "marketing"
        ? sql`marketing = true, pending_since = null`
        : sql`pending_since = ${timestamptz(at)}`;
    const effectiveAt = rule.action === "marketing" ? at : nextUpdateInstant(billingTermsOf(account), at);
    const summary =
      rule.action === "marketing"
        ? `Set marketing by rule "${rule.name}" (when ${rule.filter})`
        : `Set non-marketing by rule "${rule.name}" (when ${rule.filter}): marketing until the next update date`;
    // The contacts are matched, locked, counted and changed in ONE statement, and only if they are
    // still within what the count above allowed: contacts that came to match in between (a list
    // grew, an import landed) can't slip past the direct-change limit or into an upgrade.
    const maxNew = rule.action === "marketing" ? Math.max(0, account.tierLimit - account.marketingCount) : null;
    const [res] = await rowsOf<{ n: number; new_marketing: number; changed: number }>(
      tx,
      sql`with target as (
        select ${contactStatus.contactId} as id, ${contactStatus.marketing} as marketing
        from ${CONTACTS_WITH_STATUS} where ${where}
        for update of ${contactStatus}
      ), counted as (
        select count(*)::int as n, count(*) filter (where not marketing)::int as new_marketing from target
      ), upd as (
        update ${contactStatus} set ${set} from target
        where ${contactStatus.contactId} = target.id
          and (select n from counted) <= ${account.directLimit}
          and ${maxNew === null ? sql`true` : sql`(select new_marketing from counted) <= ${maxNew}`}
        returning ${contactStatus.contactId} as id
      ), audit as (
        insert into audit_events (account_id, at, effective_at, actor, kind, summary, count, contact_ids, detail)
        select ${accountId}, ${timestamptz(at)}, ${timestamptz(effectiveAt)}, ${actor},
          ${rule.action === "marketing" ? "status.made-marketing" : "status.flagged-pending"}, ${summary}, count(*), array_agg(id),
          ${JSON.stringify({ rule: rule.name, owner: rule.ownerId, scheduled: scope === null })}::jsonb
        from upd having count(*) > 0
        returning count
      )
      select (select n from counted) as n, (select new_marketing from counted) as new_marketing,
        coalesce((select count from audit), 0)::int as changed`,
    );
    if ((res?.changed ?? 0) === 0 && (res?.n ?? 0) > 0) {
      const grown = approvalReason(
        svc,
        account,
        rule.action,
        { n: res?.n ?? 0, newMarketing: res?.new_marketing ?? 0 },
        at,
      );
      if (grown) {
        const paused = await pauseIntoRequest(svc, tx, rule, { filter, scope, unless }, grown, causedBy);
        if (paused.requestId)
          pauses.push({ ruleId: rule.id, name: rule.name, reason: grown, requestId: paused.requestId });
        continue;
      }
    }
    const changed = res?.changed ?? 0;
    await tx.update(automationRules).set({ lastRunAt: at }).where(eq(automationRules.id, rule.id));
    if (changed > 0) runs.push({ rule: rule.name, action: rule.action, changed });
  }
  return { runs, pauses };
}

/**
 * After the run's transaction committed: the requests its rules paused into, each handed to the
 * listeners (the Slack app posts them to the approvals channel).
 */
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
    for (const listener of requestListeners.get(svc) ?? []) {
      await Promise.resolve(listener(request)).catch(() => {});
    }
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
        .set({ pausedReason: null, pausedRequestId: null, ...(rejected ? { enabled: false } : {}) })
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

export interface ScheduledRulesResult {
  accountId: number;
  runs: RuleRun[];
  requests: BulkRequestView[];
  resumed: string[];
  disabled: string[];
}

/**
 * The scheduled run (R16), for the scheduler's tick: every account's enabled rules over all its
 * contacts, one statement per rule, each account in one changeContacts (R9, R11). The run's
 * time is the service clock's (changeContacts); `_now` is accepted for the scheduler's signature.
 */
export async function runRules(svc: Services, _now?: Date): Promise<ScheduledRulesResult[]> {
  const accountIds = await rowsOf<{ account_id: number }>(
    svc.db,
    sql`select distinct account_id::float8 as account_id from automation_rules where enabled`,
  );
  const out: ScheduledRulesResult[] = [];
  const failures: { accountId: number; error: unknown }[] = [];
  for (const { account_id } of accountIds) {
    const accountId = Number(account_id);
    // One account's failure (its run rolled back whole) never keeps the others' rules from running.
    try {
      const refreshed = await refreshPausedRules(svc, accountId);
      const { result } = await changeContacts(svc, accountId, "automation rules", (tx, _account, at) =>
        applyRulesInTx(svc, tx, accountId, at, null),
      );
      const requests = await finishRulePauses(svc, accountId, result.pauses);
      if (result.runs.length || requests.length || refreshed.resumed.length || refreshed.disabled.length) {
        out.push({ accountId, runs: result.runs, requests, ...refreshed });
      }
    } catch (error) {
      failures.push({ accountId, error });
    }
  }
  if (failures.length > 0) {
    throw new RulesRunFailed(out, failures);
  }
  return out;
}

/** Some accounts' rule runs failed (rolled back); the others ran. The scheduler reports and retries them. */
export class RulesRunFailed extends Error {
  constructor(
    readonly done: ScheduledRulesResult[],
    readonly failures: { accountId: number; error: unknown }[],
  ) {
    super(
      `the automation rules of ${failures.length} account(s) did not run: ${failures
        .map((f) => `account ${f.accountId}: ${(f.error as Error)?.message ?? String(f.error)}`)
        .join("; ")}`,
    );
  }
}
