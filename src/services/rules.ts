// Automation rules (R16): "when a contact matches FILTER, set it marketing / non-marketing".
// They run on the contacts the intake API and imports create or change, and on a schedule over
// all contacts, set-based. A run that would set more than the direct-change limit marketing, or
// trigger an upgrade, pauses the rule and makes ONE bulk request (R14) instead.
//
// Pause lifecycle: while paused (paused_reason set) a rule does not run. It resumes when its
// request is executed (or expires: the next run asks again if it still has to); a rejected
// request disables the rule, since the approver said no to what it does. Resumption is checked
// lazily at the start of every run (refreshPausedRules), so no hook in the approval flow is needed.
//
// Precedence: two enabled rules that set opposite statuses could both match a contact and flip
// it every hour. The older rule wins: a rule never changes a contact that an older enabled rule
// with the opposite action matches. `rules add` and `rules test` say how many contacts that is.
import { and, asc, eq, isNotNull, type SQL, sql } from "drizzle-orm";
import { type Executor, rowsOf, type Tx, timestamptz } from "../db/client.ts";
import { automationRules, bulkRequests, contacts } from "../db/schema.ts";
import { type Filter, parseFilter } from "../domain/filter.ts";
import { canSetMarketing } from "../domain/permissions.ts";
import type { MarketingStatus } from "../domain/types.ts";
import { nextUpdateInstant } from "../domain/update-dates.ts";
import { billingTermsOf, ensureUser, getAccount } from "./accounts.ts";
import { recordAudit } from "./audit.ts";
import { type BulkRequestView, createBulkRequest, expireRequests } from "./bulk.ts";
import { type Actor, Refusal, type Services } from "./context.ts";
import { type ContactScope, filterCondition, scopeCondition, unlessCondition } from "./selectors.ts";
import { changeContacts, upgradeNeeded } from "./tier.ts";

export type Rule = typeof automationRules.$inferSelect;

export const ruleActor = (name: string) => `rule:${name}`;

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

/** `rules add <name> when <filter> then marketing|non-marketing`. Setting marketing needs access (R13). */
export async function addRule(
  svc: Services,
  actor: Actor,
  input: { name: string; filter: Filter; action: MarketingStatus; timeZone: string },
): Promise<Rule> {
  const user = await ensureUser(svc, actor.accountId, actor.userId);
  if (input.action === "marketing") {
    const ok = canSetMarketing(user);
    if (!ok.ok) throw new Refusal(ok.reason);
  }
  if (await findRule(svc.db, actor.accountId, input.name)) {
    throw new Refusal(`A rule named "${input.name}" already exists; remove it first or pick another name.`, "invalid");
  }
  const now = svc.clock.now();
  return svc.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(automationRules)
      .values({
        accountId: actor.accountId,
        name: input.name,
        filter: input.filter.text,
        timeZone: input.timeZone,
        action: input.action,
        createdBy: actor.userId,
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
    return row;
  });
}

/**
 * `rules enable|disable|remove <name>`: the rule's author or an admin; enabling a rule that sets
 * marketing needs marketing contacts access (R13). Enabling a paused rule also clears the pause.
 */
export async function changeRule(
  svc: Services,
  actor: Actor,
  name: string,
  op: "enable" | "disable" | "remove",
): Promise<Rule> {
  const user = await ensureUser(svc, actor.accountId, actor.userId);
  const rule = await requireRule(svc, actor.accountId, name);
  if (user.role !== "admin" && rule.createdBy !== actor.userId) {
    throw new Refusal(`Only an admin or the rule's author can ${op} rule "${rule.name}".`);
  }
  if (op === "enable" && rule.action === "marketing") {
    const ok = canSetMarketing(user);
    if (!ok.ok) throw new Refusal(ok.reason);
  }
  const now = svc.clock.now();
  return svc.db.transaction(async (tx) => {
    let row: Rule | undefined = rule;
    if (op === "remove") {
      await tx.delete(automationRules).where(eq(automationRules.id, rule.id));
    } else {
      [row] = await tx
        .update(automationRules)
        .set(op === "enable" ? { enabled: true, pausedReason: null, pausedRequestId: null } : { enabled: false })
        .where(eq(automationRules.id, rule.id))
        .returning();
    }
    await recordAudit(tx, {
      accountId: actor.accountId,
      at: now,
      actor: actor.userId,
      kind: `rule.${op}d`,
      summary: `${op === "enable" ? "Enabled" : op === "disable" ? "Disabled" : "Removed"} rule "${rule.name}"`,
      detail: { rule: rule.name },
    });
    return row ?? rule;
  });
}

export interface RuleTest {
  rule: Rule;
  /** Contacts the rule would change now. */
  count: number;
  /** For marketing rules: contacts that would start counting toward the tier. */
  becomeMarketing: number;
  /** Whether a run now would pause into a bulk request instead of running (R16). */
  wouldPause: string | null;
  /** Older rules with the opposite action that also match contacts this one would change: they win. */
  overridden: { rule: string; action: MarketingStatus; count: number }[];
}

/** `rules test <name>`: how many contacts the rule would change now, without changing them. */
export async function testRule(svc: Services, actor: Actor, name: string): Promise<RuleTest> {
  const rule = await requireRule(svc, actor.accountId, name);
  const filter = ruleFilter(rule, svc.clock.now());
  const account = await getAccount(svc.db, actor.accountId);
  const older = olderOpposites(await enabledRules(svc.db, account.id, svc.clock.now()), rule);
  const counted = await countApplicable(
    svc.db,
    account.id,
    rule.action,
    filter,
    null,
    unlessCondition(older.map((o) => o.filter)),
  );
  const wouldPause = rule.action === "marketing" ? pauseReason(svc, account, counted, svc.clock.now()) : null;
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

function applicableSql(action: MarketingStatus) {
  return action === "marketing"
    ? sql`(${contacts.marketing} = false or ${contacts.pendingSince} is not null)`
    : sql`(${contacts.marketing} = true and ${contacts.pendingSince} is null)`;
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
    sql`select count(*)::int as n, count(*) filter (where not ${contacts.marketing})::int as new_marketing
        from ${contacts}
        where ${contacts.accountId} = ${accountId} and ${applicableSql(action)} and ${filterCondition(filter)}
          and ${scopeCondition(scope)} and ${precedence}`,
  );
  return { n: row?.n ?? 0, newMarketing: row?.new_marketing ?? 0 };
}

type AccountRow = Awaited<ReturnType<typeof getAccount>>;

/** R16: why a marketing run must ask for approval instead, or null when it may run. */
function pauseReason(
  svc: Services,
  account: AccountRow,
  counted: { n: number; newMarketing: number },
  at: Date,
): string | null {
  if (counted.n === 0) return null;
  if (counted.n > account.directLimit) {
    return `it would set ${counted.n.toLocaleString("en-US")} contacts marketing, more than the direct-change limit of ${account.directLimit.toLocaleString("en-US")}`;
  }
  const without = upgradeNeeded(svc, account, account.marketingCount, at);
  const withRule = upgradeNeeded(svc, account, account.marketingCount + counted.newMarketing, at);
  if (withRule && withRule.newLimit !== without?.newLimit) {
    return `it would upgrade the tier to ${withRule.newLimit.toLocaleString("en-US")} contacts`;
  }
  return null;
}

export interface RuleRun {
  rule: string;
  action: MarketingStatus;
  changed: number;
}

export interface RulePause {
  ruleId: number;
  name: string;
  filter: Filter;
  scope: ContactScope;
  /** Filters of the older opposite rules that win over this one (rule precedence). */
  unless: Filter[];
  reason: string;
}

/**
 * Runs the account's enabled, unpaused rules in the caller's transaction (inside changeContacts),
 * on `scope` contacts or on all (null). Each rule is one UPDATE with its audit row. Marketing
 * runs that must be approved are returned as pauses, to be made after commit (finishRulePauses).
 */
export async function applyRulesInTx(
  svc: Services,
  tx: Tx,
  accountId: number,
  at: Date,
  scope: ContactScope,
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
    const where = sql`${contacts.accountId} = ${accountId} and ${applicableSql(rule.action)} and ${filterCondition(filter)}
      and ${scopeCondition(scope)} and ${precedence}`;
    if (rule.action === "marketing") {
      const account = await getAccount(tx, accountId);
      const counted = await countApplicable(tx, accountId, "marketing", filter, scope, precedence);
      if (counted.n === 0) continue;
      const reason = pauseReason(svc, account, counted, at);
      if (reason) {
        pauses.push({ ruleId: rule.id, name: rule.name, filter, scope, unless, reason });
        continue;
      }
    }
    const set =
      rule.action === "marketing"
        ? sql`marketing = true, pending_since = null, updated_at = ${timestamptz(at)}`
        : sql`pending_since = ${timestamptz(at)}, updated_at = ${timestamptz(at)}`;
    const effectiveAt =
      rule.action === "marketing" ? at : nextUpdateInstant(billingTermsOf(await getAccount(tx, accountId)), at);
    const summary =
      rule.action === "marketing"
        ? `Set marketing by rule "${rule.name}" (when ${rule.filter})`
        : `Set non-marketing by rule "${rule.name}" (when ${rule.filter}): marketing until the next update date`;
    const [res] = await rowsOf<{ n: number }>(
      tx,
      sql`with upd as (
        update ${contacts} set ${set} where ${where} returning ${contacts.id} as id
      ), audit as (
        insert into audit_events (account_id, at, effective_at, actor, kind, summary, count, contact_ids, detail)
        select ${accountId}, ${timestamptz(at)}, ${timestamptz(effectiveAt)}, ${actor},
          ${rule.action === "marketing" ? "status.made-marketing" : "status.flagged-pending"}, ${summary}, count(*), array_agg(id),
          ${JSON.stringify({ rule: rule.name, scheduled: scope === null })}::jsonb
        from upd having count(*) > 0
        returning count
      )
      select coalesce((select count from audit), 0)::int as n`,
    );
    const changed = res?.n ?? 0;
    await tx.update(automationRules).set({ lastRunAt: at }).where(eq(automationRules.id, rule.id));
    if (changed > 0) runs.push({ rule: rule.name, action: rule.action, changed });
  }
  return { runs, pauses };
}

/**
 * After the run's transaction committed: pauses each rule that must ask, and makes its ONE bulk
 * request (origin `rule:<name>`, requested by `rule:<name>`, so any admin can approve it). A claim
 * on the rule row makes sure concurrent runs make one request.
 */
export async function finishRulePauses(
  svc: Services,
  accountId: number,
  pauses: RulePause[],
): Promise<BulkRequestView[]> {
  const made: BulkRequestView[] = [];
  for (const p of pauses) {
    const now = svc.clock.now();
    const [claimed] = await svc.db
      .update(automationRules)
      .set({ pausedReason: p.reason, pausedRequestId: null })
      .where(
        and(
          eq(automationRules.id, p.ruleId),
          eq(automationRules.enabled, true),
          sql`${automationRules.pausedReason} is null`,
        ),
      )
      .returning();
    if (!claimed) continue;
    const actor = { accountId, userId: ruleActor(p.name) };
    const request = await createBulkRequest(svc, actor, {
      action: "marketing",
      selector: { type: "rule", name: p.name, filter: p.filter, contactIds: p.scope, unless: p.unless },
      at: null,
      origin: ruleActor(p.name),
      viaSelector: true,
    });
    if (!request) {
      // Nothing left to change (another change got there first): the rule carries on.
      await svc.db.update(automationRules).set({ pausedReason: null }).where(eq(automationRules.id, p.ruleId));
      continue;
    }
    await svc.db.transaction(async (tx) => {
      await tx
        .update(automationRules)
        .set({ pausedReason: p.reason, pausedRequestId: request.id })
        .where(eq(automationRules.id, p.ruleId));
      await recordAudit(tx, {
        accountId,
        at: now,
        actor: ruleActor(p.name),
        kind: "rule.paused",
        summary: `Rule "${p.name}" paused: ${p.reason}. It asks for approval in request ${request.id} (R16)`,
        count: request.count,
        detail: { rule: p.name, requestId: request.id, reason: p.reason },
      });
    });
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
  for (const { account_id } of accountIds) {
    const accountId = Number(account_id);
    const refreshed = await refreshPausedRules(svc, accountId);
    const { result } = await changeContacts(svc, accountId, "automation rules", (tx, _account, at) =>
      applyRulesInTx(svc, tx, accountId, at, null),
    );
    const requests = await finishRulePauses(svc, accountId, result.pauses);
    if (result.runs.length || requests.length || refreshed.resumed.length || refreshed.disabled.length) {
      out.push({ accountId, runs: result.runs, requests, ...refreshed });
    }
  }
  return out;
}
