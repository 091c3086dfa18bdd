import { eq, isNotNull } from "drizzle-orm";
import { accounts, jobFires, tierChanges } from "../db/schema.ts";
import { downgradeOutcome } from "../domain/billing.ts";
import { monthlyPriceCents } from "../domain/pricing.ts";
import { nextRenewalInstant, previousUpdateInstant } from "../domain/update-dates.ts";
import { billingTermsOf, getAccount, ladderOf } from "./accounts.ts";
import { queueDowngradeNotice } from "./alerts.ts";
import { recordAudit } from "./audit.ts";
import type { Services } from "./context.ts";
import { rolloverInstant } from "./rollover.ts";

export interface DowngradeResult {
  accountId: number;
  renewalAt: Date;
  target: number;
  applied: boolean;
  reason: string | null;
  requestedBy: string | null;
}

/** The renewal instant that has passed most recently, if the account has had one. */
function lastRenewalAtOrBefore(terms: ReturnType<typeof billingTermsOf>, now: Date): Date | null {
  // Renewals are a subset of update instants; walk back one update instant at a time (at most 12).
  let u = previousUpdateInstant(terms, now);
  for (let i = 0; u && i < 13; i++) {
    const renewal = nextRenewalInstant(terms, new Date(u.getTime() - 1));
    if (renewal.getTime() === u.getTime()) return u;
    u = previousUpdateInstant(terms, new Date(u.getTime() - 1));
  }
  return null;
}

/**
 * R10: a scheduled downgrade is applied at the renewal instant if the count then fits the target
 * (after that instant's rollover), else cancelled with the reason. Once per account and renewal.
 */
export async function processDueDowngrades(svc: Services, now = svc.clock.now()): Promise<DowngradeResult[]> {
  const due = await svc.db.select().from(accounts).where(isNotNull(accounts.downgradeTo));
  const results: DowngradeResult[] = [];
  for (const a of due) {
    const terms = billingTermsOf(a);
    const renewalAt = lastRenewalAtOrBefore(terms, now);
    // Only a renewal after the downgrade was scheduled applies it (R10: "at the next renewal").
    const since = a.downgradeRequestedAt ?? a.createdAt;
    if (!renewalAt || renewalAt.getTime() <= since.getTime()) continue;
    // The count at renewal is the count after that instant's non-marketing changes (R6).
    await rolloverInstant(svc, a.id, renewalAt);
    const result = await svc.db.transaction(async (tx) => {
      const claimed = await tx
        .insert(jobFires)
        .values({ key: `downgrade:${a.id}:${renewalAt.toISOString()}`, firedAt: now })
        .onConflictDoNothing()
        .returning();
      if (claimed.length === 0) return null;
      const account = await getAccount(tx, a.id, true);
      const target = account.downgradeTo;
      if (target === null) return null;
      const ladder = ladderOf(svc, account);
      const outcome = downgradeOutcome({ ladder, targetLimit: target, countAtRenewal: account.marketingCount });
      await tx
        .update(accounts)
        .set({
          downgradeTo: null,
          downgradeRequestedBy: null,
          downgradeRequestedAt: null,
          ...(outcome.apply ? { tierLimit: target } : {}),
        })
        .where(eq(accounts.id, a.id));
      if (outcome.apply) {
        await tx.insert(tierChanges).values({
          accountId: a.id,
          at: renewalAt,
          kind: "downgrade",
          oldLimit: account.tierLimit,
          newLimit: target,
          oldMonthlyCents: monthlyPriceCents(ladder, account.tierLimit),
          newMonthlyCents: monthlyPriceCents(ladder, target),
          marketingCount: account.marketingCount,
          cause: "scheduled downgrade at renewal",
        });
      }
      await recordAudit(tx, {
        accountId: a.id,
        at: now,
        effectiveAt: renewalAt,
        actor: "system",
        kind: outcome.apply ? "tier.downgrade" : "tier.downgrade-cancelled",
        summary: outcome.apply
          ? `Downgraded from ${account.tierLimit.toLocaleString("en-US")} to ${target.toLocaleString("en-US")} contacts at renewal`
          : `Scheduled downgrade to ${target.toLocaleString("en-US")} cancelled: ${outcome.reason}`,
        detail: {
          target,
          marketingCount: account.marketingCount,
          from: account.tierLimit,
          why: outcome.apply ? null : outcome.why,
        },
      });
      await queueDowngradeNotice(
        tx,
        account,
        {
          renewalAt,
          target,
          applied: outcome.apply,
          reason: outcome.apply ? null : outcome.reason,
          why: outcome.apply ? null : outcome.why,
          requestedBy: account.downgradeRequestedBy,
          marketingCount: account.marketingCount,
        },
        now,
      );
      return {
        accountId: a.id,
        renewalAt,
        target,
        applied: outcome.apply,
        reason: outcome.apply ? null : outcome.reason,
        requestedBy: account.downgradeRequestedBy,
      };
    });
    if (result) results.push(result);
  }
  return results;
}
