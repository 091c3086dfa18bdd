// Automation rules: what a rule is, finding one, its filter as of a run, and the counts a run would make.

import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { type Executor, rowsOf, type Tx } from "../../db/client.ts";
import { automationRules, bulkRequests, contactStatus, contacts } from "../../db/schema.ts";
import { type DateLocale, isDateLocale } from "../../domain/dates.ts";
import { type Filter, parseFilter } from "../../domain/filter.ts";
import { canAdminister } from "../../domain/permissions.ts";
import type { MarketingStatus } from "../../domain/types.ts";
import { wording } from "../../domain/wording.ts";
import { type Actor, Refusal, type Services } from "../context.ts";
import { applicable, CONTACTS_WITH_STATUS, type ContactScope, filterCondition, scopeCondition } from "../selectors.ts";

export type Rule = typeof automationRules.$inferSelect;

/** Most automation rules one account may have: each runs every hour over every contact. */
export const MAX_RULES = 100;

export const ruleActor = (name: string) => `rule:${name}`;

// ---------------------------------------------------------------------------------------------
// Commands.

export async function findRule(ex: Executor, accountId: number, name: string): Promise<Rule | undefined> {
  const [row] = await ex
    .select()
    .from(automationRules)
    .where(and(eq(automationRules.accountId, accountId), sql`lower(${automationRules.name}) = lower(${name})`));
  return row;
}

export async function requireRule(svc: Services, accountId: number, name: string): Promise<Rule> {
  const rule = await findRule(svc.db, accountId, name);
  if (!rule) throw noRule(name);
  return rule;
}

/** No rule of that name: the refusal, pointing at `rules`. */
export const noRule = (name: string): Refusal =>
  new Refusal(
    `There is no rule "${name}". \`/contacts rules\` lists them.`,
    "invalid",
    false,
    wording("refusal.noRule", { name, command: { code: "/contacts rules" } }),
  );

export function mayManage(
  user: { role: string },
  actor: Actor,
  rule: Rule,
  op: "enable" | "disable" | "remove" | "change",
): void {
  if (rule.createdBy === actor.userId || rule.ownerId === actor.userId) return;
  const ok = canAdminister(user as { role: "admin" | "member" });
  if (!ok.ok) {
    throw new Refusal(
      `Only an admin or the rule's author can ${op} rule "${rule.name}".`,
      "refused",
      false,
      wording("refusal.ruleNotYours", { op, rule: rule.name }),
    );
  }
}

/** The rule's open request, if any, is withdrawn: what it asked for is no longer what the rule does. */
export async function cancelOpenRequest(tx: Tx, rule: Rule, at: Date, why: string): Promise<void> {
  if (rule.pausedRequestId === null) return;
  await tx
    .update(bulkRequests)
    .set({ status: "cancelled", decidedAt: at, reason: why })
    .where(and(eq(bulkRequests.id, rule.pausedRequestId), eq(bulkRequests.status, "open")));
}

// ---------------------------------------------------------------------------------------------
// Running.

/** The rule's filter parsed again now, so "6 months ago" keeps meaning six months before the run. */
export function ruleFilter(rule: Rule, now: Date): Filter {
  const parsed = parseFilter(rule.filter, { now, timeZone: rule.timeZone, locale: ruleLocale(rule.locale) });
  if (!parsed.ok)
    throw new Refusal(
      `Rule "${rule.name}" has a filter I can no longer read: ${parsed.error}`,
      "invalid",
      false,
      wording("refusal.ruleFilterUnreadable", {
        rule: rule.name,
        error: parsed.wording ? { sentence: parsed.error, wording: parsed.wording } : { sentence: parsed.error },
      }),
    );
  return parsed.filter;
}

/** The account's enabled rules (paused ones too: they run again once approved), oldest first, with their filters as of `now`. */
export async function enabledRules(
  ex: Executor,
  accountId: number,
  now: Date,
): Promise<{ rule: Rule; filter: Filter }[]> {
  const rows = await ex
    .select()
    .from(automationRules)
    .where(and(eq(automationRules.accountId, accountId), eq(automationRules.enabled, true)))
    .orderBy(asc(automationRules.id));
  return rows.flatMap((rule) => {
    const parsed = parseFilter(rule.filter, { now, timeZone: rule.timeZone, locale: ruleLocale(rule.locale) });
    return parsed.ok ? [{ rule, filter: parsed.filter }] : [];
  });
}

/** Of `enabled`, the rules made before `rule` that set the opposite status: they win where both match. */
export function olderOpposites(enabled: { rule: Rule; filter: Filter }[], rule: Rule) {
  return enabled.filter((o) => o.rule.id < rule.id && o.rule.action !== rule.action);
}

export async function countApplicable(
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

/** The language a rule's filter dates are read in (stored with it); English for older rules. */
function ruleLocale(locale: string | null): DateLocale {
  return locale !== null && isDateLocale(locale) ? locale : "en";
}
