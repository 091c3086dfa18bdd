import { eq } from "drizzle-orm";
import { accounts } from "../db/schema.ts";
import { validateDowngradeTarget } from "../domain/billing.ts";
import type { SettingChange } from "../domain/command.ts";
import { canAdminister } from "../domain/permissions.ts";
import { isLadderLimit, ladderLimits, monthlyPriceCents } from "../domain/pricing.ts";
import type { Plan } from "../domain/types.ts";
import { type Account, ensureUser, getAccount } from "./accounts.ts";
import { recordAudit } from "./audit.ts";
import { type Actor, Refusal, type Services } from "./context.ts";

/** One `settings <key> <value>` change, as the command language parses it. */
export type { SettingChange };

export interface SettingsView {
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
  downgradeTo: number | null;
  monthlyPriceCents: number;
}

export function settingsOf(svc: Services, account: Account): SettingsView {
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
    downgradeTo: account.downgradeTo,
    monthlyPriceCents: monthlyPriceCents(svc.pricing[account.plan as Plan], account.tierLimit),
  };
}

export async function showSettings(svc: Services, actor: Actor): Promise<SettingsView> {
  return settingsOf(svc, await getAccount(svc.db, actor.accountId));
}

async function requireAdmin(svc: Services, actor: Actor) {
  const user = await ensureUser(svc, actor.accountId, actor.userId);
  const ok = canAdminister(user);
  if (!ok.ok) throw new Refusal(ok.reason);
  return user;
}

const fmt = (n: number) => n.toLocaleString("en-US");

/** `settings <key> <value>` (admin). Validated against the plan's ladder; audited with old and new value. */
export async function changeSetting(svc: Services, actor: Actor, change: SettingChange): Promise<SettingsView> {
  await requireAdmin(svc, actor);
  const now = svc.clock.now();
  return svc.db.transaction(async (tx) => {
    const account = await getAccount(tx, actor.accountId, true);
    const before = settingsOf(svc, account);
    const patch: Partial<typeof accounts.$inferInsert> = {};
    switch (change.key) {
      case "plan": {
        const ladder = svc.pricing[change.value];
        // Keep the limit when the new plan's ladder has it; otherwise the smallest of its tiers that holds the current limit.
        if (!isLadderLimit(ladder, account.tierLimit)) {
          const allowed = ladderLimits(ladder, Math.max(account.tierLimit, account.marketingCount) * 2);
          const fit = allowed.find((l) => l >= Math.max(account.tierLimit, account.marketingCount));
          if (fit === undefined)
            throw new Refusal(`The ${change.value} plan has no tier that holds ${fmt(account.tierLimit)} contacts.`);
          patch.tierLimit = fit;
        }
        patch.plan = change.value;
        break;
      }
      case "term":
        patch.term = change.value;
        break;
      case "start":
        patch.contractStart = change.value;
        break;
      case "timezone":
        patch.timeZone = change.value;
        break;
      case "tier": {
        const ladder = svc.pricing[account.plan as Plan];
        if (!isLadderLimit(ladder, change.value)) {
          const examples = ladderLimits(ladder, ladder.included + ladder.step * 5)
            .slice(0, 6)
            .map(fmt);
          throw new Refusal(
            `${fmt(change.value)} is not a tier of the ${account.plan} plan. Tiers are ${examples.join(", ")}, … contacts.`,
            "invalid",
          );
        }
        if (change.value < account.marketingCount) {
          throw new Refusal(
            `The account has ${fmt(account.marketingCount)} marketing contacts, more than ${fmt(change.value)}. To lower the tier at renewal, use \`tier downgrade ${fmt(change.value)}\`.`,
          );
        }
        patch.tierLimit = change.value;
        break;
      }
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
    }
    const [updated] = await tx.update(accounts).set(patch).where(eq(accounts.id, account.id)).returning();
    if (!updated) throw new Error("account vanished");
    const after = settingsOf(svc, updated);
    const key = change.key as keyof SettingsView;
    await recordAudit(tx, {
      accountId: account.id,
      at: now,
      effectiveAt: now,
      actor: actor.userId,
      kind: change.key === "tier" || change.key === "plan" ? "tier.setting" : "setting.changed",
      summary: `Setting ${change.key} changed from ${JSON.stringify(before[key])} to ${JSON.stringify(after[key])}`,
      detail: { key: change.key, before: before[key], after: after[key] },
    });
    return after;
  });
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
      if (!ok.ok) throw new Refusal(ok.reason, "invalid");
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
