// Automation rules: adding, changing, enabling and testing one (a standing bulk change: over the
// direct-change limit or into an upgrade, it starts only once a request is approved).

import { asc, count, eq } from "drizzle-orm";
import type { Tx } from "../../db/client.ts";
import { automationRules, bulkRequests } from "../../db/schema.ts";
import type { DateLocale } from "../../domain/dates.ts";
import type { Filter } from "../../domain/filter.ts";
import { n } from "../../domain/format.ts";
import { canSetMarketing } from "../../domain/permissions.ts";
import { type RulePauseWhy, rulePauseText } from "../../domain/reasons.ts";
import type { MarketingStatus } from "../../domain/types.ts";
import { wording } from "../../domain/wording.ts";
import { ensureUser, getAccount } from "../accounts.ts";
import { recordAudit } from "../audit.ts";
import { type BulkRequestView, getRequest } from "../bulk/index.ts";
import { type Actor, Refusal, type Services } from "../context.ts";
import { filterCondition, unlessCondition } from "../selectors.ts";
import {
  cancelOpenRequest,
  countApplicable,
  enabledRules,
  findRule,
  MAX_RULES,
  mayManage,
  noRule,
  olderOpposites,
  type Rule,
  requireRule,
  ruleFilter,
} from "./model.ts";
import { approvalReason, ownerCannotRun, pauseIntoRequest, refreshPausedRules } from "./pause.ts";

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
  input: { name: string; filter: Filter; action: MarketingStatus; timeZone: string; locale?: DateLocale },
): Promise<RuleChange> {
  const user = await ensureUser(svc, actor.accountId, actor.userId);
  if (input.action === "marketing") {
    const ok = canSetMarketing(user);
    if (!ok.ok) throw Refusal.of(ok);
  }
  if (await findRule(svc.db, actor.accountId, input.name)) {
    throw new Refusal(
      `A rule named "${input.name}" already exists; remove it first or pick another name.`,
      "invalid",
      false,
      wording("refusal.ruleExists", { name: input.name }),
    );
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
        "refused",
        false,
        wording("refusal.tooManyRules", { max: MAX_RULES, command: { code: "rules remove <name>" } }),
      );
    }
    const [row] = await tx
      .insert(automationRules)
      .values({
        accountId: actor.accountId,
        name: input.name,
        filter: input.filter.text,
        timeZone: input.timeZone,
        locale: input.locale && input.locale !== "en" ? input.locale : null,
        action: input.action,
        createdBy: actor.userId,
        ownerId: actor.userId,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) {
      throw new Refusal(
        `A rule named "${input.name}" already exists.`,
        "invalid",
        false,
        wording("refusal.ruleExistsNow", { name: input.name }),
      );
    }
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
export async function gateRule(
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
  const paused = await pauseIntoRequest(svc, tx, rule, { filter, scope: null, unless }, {
    ...reason,
    verb,
  } as RulePauseWhy);
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
    if (!ok.ok) throw Refusal.of(ok);
  }
  const now = svc.clock.now();
  const { row, requestId } = await svc.db.transaction(async (tx) => {
    await getAccount(tx, actor.accountId, true);
    const [current] = await tx.select().from(automationRules).where(eq(automationRules.id, rule.id)).for("update");
    if (!current) throw noRule(name);
    if (op === "enable" && current.enabled && current.pausedRequestId !== null) {
      const [open] = await tx
        .select({ status: bulkRequests.status })
        .from(bulkRequests)
        .where(eq(bulkRequests.id, current.pausedRequestId));
      if (open?.status === "open") {
        throw new Refusal(
          `Rule "${current.name}" is waiting for approval of request ${current.pausedRequestId}: an admin approves or rejects it with \`/contacts approve ${current.pausedRequestId}\` or \`reject\`.`,
          "refused",
          false,
          wording("refusal.ruleWaiting", {
            rule: current.name,
            id: current.pausedRequestId,
            approve: { code: `/contacts approve ${current.pausedRequestId}` },
            reject: { code: "reject" },
          }),
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
        .set({ enabled: false, pausedReason: null, pausedWhy: null, pausedRequestId: null })
        .where(eq(automationRules.id, rule.id))
        .returning();
    } else {
      [row] = await tx
        .update(automationRules)
        .set({ enabled: true, pausedReason: null, pausedWhy: null, pausedRequestId: null, ownerId: actor.userId })
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
  input: { filter: Filter; action: MarketingStatus; timeZone: string; locale?: DateLocale },
): Promise<RuleChange> {
  const user = await ensureUser(svc, actor.accountId, actor.userId);
  const rule = await requireRule(svc, actor.accountId, name);
  mayManage(user, actor, rule, "change");
  if (input.action === "marketing") {
    const ok = canSetMarketing(user);
    if (!ok.ok) throw Refusal.of(ok);
  }
  const now = svc.clock.now();
  const { row, requestId } = await svc.db.transaction(async (tx) => {
    await getAccount(tx, actor.accountId, true);
    const [current] = await tx.select().from(automationRules).where(eq(automationRules.id, rule.id)).for("update");
    if (!current) throw noRule(name);
    await cancelOpenRequest(tx, current, now, "its rule was changed");
    const [changed] = await tx
      .update(automationRules)
      .set({
        filter: input.filter.text,
        action: input.action,
        timeZone: input.timeZone,
        locale: input.locale && input.locale !== "en" ? input.locale : null,
        ownerId: actor.userId,
        pausedReason: null,
        pausedWhy: null,
        pausedRequestId: null,
      })
      .where(eq(automationRules.id, rule.id))
      .returning();
    if (!changed) {
      throw new Refusal(`There is no rule "${name}".`, "invalid", false, wording("refusal.noRuleNow", { name }));
    }
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

export interface RuleTest {
  rule: Rule;
  /** Contacts the rule would change now. */
  count: number;
  /** For marketing rules: contacts that would start counting toward the tier. */
  becomeMarketing: number;
  /** Why a run now would pause into a bulk request instead of running (R16), or null. */
  wouldPause: string | null;
  /** The same, as data. */
  wouldPauseWhy: RulePauseWhy | null;
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
  const wouldPauseWhy =
    (await ownerCannotRun(svc, svc.db, rule)) ?? approvalReason(svc, account, rule.action, counted, now);
  const wouldPause = wouldPauseWhy ? rulePauseText(wouldPauseWhy) : null;
  const overridden: RuleTest["overridden"] = [];
  for (const o of older) {
    const both = await countApplicable(svc.db, account.id, rule.action, filter, null, filterCondition(o.filter));
    if (both.n > 0) overridden.push({ rule: o.rule.name, action: o.rule.action, count: both.n });
  }
  return { rule, count: counted.n, becomeMarketing: counted.newMarketing, wouldPause, wouldPauseWhy, overridden };
}
