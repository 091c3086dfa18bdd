// Automation rules: running them, set-based, in the caller's transaction or on the schedule.
import { eq, sql } from "drizzle-orm";
import { rowsOf, type Tx, timestamptz } from "../../db/client.ts";
import { automationRules, contactStatus, contacts } from "../../db/schema.ts";
import { rulePauseText } from "../../domain/reasons.ts";
import { nextUpdateInstant } from "../../domain/update-dates.ts";
import { billingTermsOf, getAccount } from "../accounts.ts";
import type { BulkRequestView } from "../bulk/index.ts";
import type { Services } from "../context.ts";
import {
  applicable,
  CONTACTS_WITH_STATUS,
  type ContactScope,
  filterCondition,
  scopeCondition,
  unlessCondition,
} from "../selectors.ts";
import { changeContacts } from "../tier.ts";
import { countApplicable, enabledRules, olderOpposites, ruleActor } from "./model.ts";
import {
  approvalReason,
  finishRulePauses,
  ownerCannotRun,
  pauseForOwner,
  pauseIntoRequest,
  type RulePause,
  type RuleRun,
  refreshPausedRules,
} from "./pause.ts";

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
      pauses.push({
        ruleId: rule.id,
        name: rule.name,
        reason: rulePauseText(ownerReason),
        why: ownerReason,
        requestId: null,
      });
      continue;
    }
    const reason = approvalReason(svc, account, rule.action, counted, at);
    if (reason) {
      const paused = await pauseIntoRequest(svc, tx, rule, { filter, scope, unless }, reason, causedBy);
      if (paused.requestId)
        pauses.push({
          ruleId: rule.id,
          name: rule.name,
          reason: rulePauseText(reason),
          why: reason,
          requestId: paused.requestId,
        });
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
          ${JSON.stringify({ rule: rule.name, owner: rule.ownerId, scheduled: scope === null, filter: rule.filter })}::jsonb
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
          pauses.push({
            ruleId: rule.id,
            name: rule.name,
            reason: rulePauseText(grown),
            why: grown,
            requestId: paused.requestId,
          });
        continue;
      }
    }
    const changed = res?.changed ?? 0;
    await tx.update(automationRules).set({ lastRunAt: at }).where(eq(automationRules.id, rule.id));
    if (changed > 0) runs.push({ rule: rule.name, action: rule.action, changed });
  }
  return { runs, pauses };
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
