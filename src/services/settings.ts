import { and, desc, eq, inArray, sql } from "drizzle-orm";
import type { Executor, Tx } from "../db/client.ts";
import { accounts, auditEvents } from "../db/schema.ts";
import { validateDowngradeTarget } from "../domain/billing.ts";
import type { SettingChange, SettingKey } from "../domain/command/index.ts";
import { canAdminister } from "../domain/permissions.ts";
import { monthlyPriceCents } from "../domain/pricing.ts";
import { chooseTier, type TierChoiceHow } from "../domain/tier-choice.ts";
import type { Plan } from "../domain/types.ts";
import { type Wording, wording } from "../domain/wording.ts";
import { type Account, ensureUser, getAccount } from "./accounts.ts";
import { recordAudit } from "./audit.ts";
import { type Actor, Refusal, type Services } from "./context.ts";
import { billingContactIds } from "./outbox.ts";

/** One `settings <key> <value>` change, as the command language parses it. */
export type { SettingChange };

interface SettingsView {
  plan: string;
  term: string;
  start: string;
  timezone: string;
  tier: number;
  "alert-channel": string | null;
  "approvals-channel": string | null;
  "direct-limit": number;
  "self-approval": boolean;
  reminders: number[];
  "spike-percent": number;
  "spike-min": number;
  language: string;
  downgradeTo: number | null;
  monthlyPriceCents: number;
}

/** A setting refused because of its value; `key` says which one (a form shows the error beside that field). */
export class SettingRefusal extends Refusal {
  constructor(
    message: string,
    readonly key: SettingKey,
    kind: "refused" | "invalid" = "invalid",
    wording?: Wording,
  ) {
    super(message, kind, false, wording);
  }
}

function settingsOf(svc: Services, account: Account): SettingsView {
  return {
    plan: account.plan,
    term: account.term,
    start: account.contractStart,
    timezone: account.timeZone,
    tier: account.tierLimit,
    "alert-channel": account.alertChannel,
    "approvals-channel": account.approvalsChannel,
    "direct-limit": account.directLimit,
    "self-approval": account.selfApproval,
    reminders: account.reminderDays,
    "spike-percent": account.spikePercent,
    "spike-min": account.spikeMin,
    language: account.language,
    downgradeTo: account.downgradeTo,
    monthlyPriceCents: monthlyPriceCents(svc.pricing[account.plan as Plan], account.tierLimit),
  };
}

/** What `settings` shows besides the account's own settings. */
export type ShownSettingKey = SettingKey | "billing-contacts";

export interface SettingChangeMark {
  /** A Slack user id, `cli` (the operator), or `system` (an automatic upgrade or a renewal). */
  actor: string;
  at: Date;
}

export interface SettingsReport {
  settings: SettingsView;
  billingContacts: string[];
  /** Who changed each setting last and when; absent: never changed since the account was made. */
  lastChanged: Partial<Record<ShownSettingKey, SettingChangeMark>>;
  configuredAt: Date | null;
}

export async function showSettings(svc: Services, actor: Actor): Promise<SettingsReport> {
  const account = await getAccount(svc.db, actor.accountId);
  return {
    settings: settingsOf(svc, account),
    billingContacts: await billingContactIds(svc.db, account.id),
    lastChanged: await lastChanges(svc.db, account.id),
    configuredAt: account.configuredAt,
  };
}

/** Audit kinds that change a setting: by an admin, or the tier by the guard's upgrade or a renewal's downgrade. */
const CHANGE_KINDS = [
  "setting.changed",
  "tier.setting",
  "tier.upgrade",
  "tier.downgrade",
  "user.billing-contacts.add",
  "user.billing-contacts.remove",
];

/**
 * Who changed each setting last, from the audit log (one row per setting, newest first); read
 * through the (account, kind, at) index, so contact events never weigh on it.
 */
export async function lastChanges(
  ex: Executor,
  accountId: number,
): Promise<Partial<Record<ShownSettingKey, SettingChangeMark>>> {
  const key = sql<string | null>`case
    when ${auditEvents.kind} in ('tier.upgrade', 'tier.downgrade') then 'tier'
    when ${auditEvents.kind} like 'user.billing-contacts.%' then 'billing-contacts'
    else ${auditEvents.detail}->>'key' end`;
  const rows = await ex
    .selectDistinctOn([key], { key, actor: auditEvents.actor, at: auditEvents.at })
    .from(auditEvents)
    .where(and(eq(auditEvents.accountId, accountId), inArray(auditEvents.kind, CHANGE_KINDS)))
    .orderBy(key, desc(auditEvents.at), desc(auditEvents.id));
  const marks: Partial<Record<ShownSettingKey, SettingChangeMark>> = {};
  for (const row of rows) {
    if (row.key !== null) marks[row.key as ShownSettingKey] = { actor: row.actor, at: new Date(row.at) };
  }
  return marks;
}

async function requireAdmin(svc: Services, actor: Actor) {
  const user = await ensureUser(svc, actor.accountId, actor.userId);
  const ok = canAdminister(user);
  if (!ok.ok) throw Refusal.of(ok);
  return user;
}

const fmt = (n: number) => n.toLocaleString("en-US");

/** What became of the tier in a settings change: chosen how, and what it costs. */
interface TierOutcome {
  plan: Plan;
  limit: number;
  how: TierChoiceHow;
  monthlyPriceCents: number;
  previousPlan: Plan;
  previousLimit: number;
  previousMonthlyPriceCents: number;
  marketingCount: number;
}

export interface SettingsChangeResult {
  settings: SettingsView;
  /** The settings whose value changed, in the order given (the tier after the plan). */
  changed: { key: SettingKey; before: unknown; after: unknown }[];
  tier: TierOutcome;
}

/**
 * `settings <key> <value> [<key> <value>…]` (admin): every change applied together in one
 * transaction, or none (a refused value names its key). Audited per setting, with old and new value.
 */
export async function changeSettings(
  svc: Services,
  actor: Actor,
  changes: SettingChange[],
): Promise<SettingsChangeResult> {
  await requireAdmin(svc, actor);
  return svc.db.transaction((tx) => applySettings(svc, tx, actor.accountId, actor.userId, changes));
}

/**
 * Applies `changes` inside `tx` (the caller checked the rights): the plan and tier are decided
 * together (a new plan moves the tier to its smallest tier that holds today's marketing count,
 * unless a tier is given), and never below the count.
 */
export async function applySettings(
  svc: Services,
  tx: Tx,
  accountId: number,
  by: string,
  changes: SettingChange[],
): Promise<SettingsChangeResult> {
  const now = svc.clock.now();
  const account = await getAccount(tx, accountId, true);
  const before = settingsOf(svc, account);
  const keys = new Set<SettingKey>();
  for (const change of changes) {
    if (keys.has(change.key))
      throw new SettingRefusal(
        `\`${change.key}\` is given twice; give each setting once.`,
        change.key,
        "invalid",
        wording("refusal.setting.twice", { key: { code: change.key } }),
      );
    keys.add(change.key);
  }
  const patch: Partial<typeof accounts.$inferInsert> = {};
  let planGiven: Plan | undefined;
  let tierGiven: number | undefined;
  for (const change of changes) {
    switch (change.key) {
      case "plan":
        planGiven = change.value;
        break;
      case "tier":
        tierGiven = change.value;
        break;
      case "term":
        patch.term = change.value;
        break;
      case "start":
        patch.contractStart = change.value;
        break;
      case "timezone":
        patch.timeZone = change.value;
        break;
      case "alert-channel":
        patch.alertChannel = change.value.channel;
        break;
      case "approvals-channel":
        patch.approvalsChannel = change.value.channel;
        break;
      case "direct-limit":
        patch.directLimit = change.value;
        break;
      case "self-approval":
        patch.selfApproval = change.value;
        break;
      case "reminders":
        patch.reminderDays = change.value;
        break;
      case "spike-percent":
        patch.spikePercent = change.value;
        break;
      case "spike-min":
        patch.spikeMin = change.value;
        break;
      case "language":
        patch.language = change.value;
        break;
    }
  }
  const currentPlan = account.plan as Plan;
  const choice = chooseTier({
    pricing: svc.pricing,
    currentPlan,
    currentLimit: account.tierLimit,
    marketingCount: account.marketingCount,
    plan: planGiven,
    tier: tierGiven,
  });
  if (!choice.ok) throw new SettingRefusal(choice.error, choice.key, "invalid", choice.wording);
  patch.plan = choice.plan;
  patch.tierLimit = choice.limit;
  const [updated] = await tx.update(accounts).set(patch).where(eq(accounts.id, account.id)).returning();
  if (!updated) throw new Error("account vanished");
  const after = settingsOf(svc, updated);
  const order: SettingKey[] = changes.map((c) => c.key);
  if (choice.how === "fitted" && !order.includes("tier")) order.splice(order.indexOf("plan") + 1, 0, "tier");
  const changed: SettingsChangeResult["changed"] = [];
  for (const key of order) {
    const was = before[key];
    const is = after[key];
    if (JSON.stringify(was) === JSON.stringify(is)) continue;
    changed.push({ key, before: was, after: is });
    const why =
      key === "tier" && choice.how === "fitted"
        ? ` (the smallest ${choice.plan} tier that holds ${fmt(account.marketingCount)} marketing contacts)`
        : "";
    await recordAudit(tx, {
      accountId: account.id,
      at: now,
      effectiveAt: now,
      actor: by,
      kind: "setting.changed",
      summary: `Setting ${key} changed from ${describeValue(key, was)} to ${describeValue(key, is)}${why}`,
      detail: {
        key,
        before: was,
        after: is,
        ...(why ? { fitted: { plan: choice.plan, marketingCount: account.marketingCount } } : {}),
      },
    });
  }
  return {
    settings: after,
    changed,
    tier: {
      plan: choice.plan,
      limit: choice.limit,
      how: choice.how,
      monthlyPriceCents: after.monthlyPriceCents,
      previousPlan: currentPlan,
      previousLimit: account.tierLimit,
      previousMonthlyPriceCents: before.monthlyPriceCents,
      marketingCount: account.marketingCount,
    },
  };
}

/**
 * What a form shows beside the plan or tier before saving: the plan and tier `changes` would
 * leave, checked against the account as it is now (the save checks again, under the row lock).
 */
export async function tierProblem(
  svc: Services,
  accountId: number,
  changes: SettingChange[],
): Promise<{ key: "plan" | "tier"; error: string; wording: Wording } | null> {
  const account = await getAccount(svc.db, accountId);
  const plan = changes.find((c) => c.key === "plan");
  const tier = changes.find((c) => c.key === "tier");
  const choice = chooseTier({
    pricing: svc.pricing,
    currentPlan: account.plan as Plan,
    currentLimit: account.tierLimit,
    marketingCount: account.marketingCount,
    plan: plan?.key === "plan" ? plan.value : undefined,
    tier: tier?.key === "tier" ? tier.value : undefined,
  });
  return choice.ok ? null : { key: choice.key, error: choice.error, wording: choice.wording };
}

/** A setting's value in words: `3d,1d`, `on`, `<#C123>`, `10,000`. */
export function describeValue(key: string, value: unknown): string {
  if (value === null || value === undefined) return "not set";
  if (Array.isArray(value)) return value.length ? value.map((d) => `${d}d`).join(",") : "off";
  if (typeof value === "boolean") return value ? "on" : "off";
  if (typeof value === "number") return fmt(value);
  const text = String(value);
  if (key.endsWith("-channel")) return /^[CG][A-Z0-9]+$/.test(text) ? `<#${text}>` : text;
  return text;
}

/** R10: a downgrade happens only at the next renewal, and only if the count then fits. */
export async function scheduleDowngrade(svc: Services, actor: Actor, target: number | null) {
  await requireAdmin(svc, actor);
  const now = svc.clock.now();
  return svc.db.transaction(async (tx) => {
    const account = await getAccount(tx, actor.accountId, true);
    if (target !== null) {
      const ok = validateDowngradeTarget({
        ladder: svc.pricing[account.plan as Plan],
        currentLimit: account.tierLimit,
        target,
      });
      if (!ok.ok) throw Refusal.of(ok, "invalid");
    }
    await tx
      .update(accounts)
      .set({
        downgradeTo: target,
        downgradeRequestedBy: target === null ? null : actor.userId,
        downgradeRequestedAt: target === null ? null : now,
      })
      .where(eq(accounts.id, account.id));
    await recordAudit(tx, {
      accountId: account.id,
      at: now,
      actor: actor.userId,
      kind: target === null ? "tier.downgrade-cancelled" : "tier.downgrade-scheduled",
      summary:
        target === null
          ? "Cancelled the scheduled downgrade"
          : `Scheduled a downgrade to ${fmt(target)} contacts at the next renewal`,
      detail: { target },
    });
    return { target, account };
  });
}
