import { eq } from "drizzle-orm";
import type { Tx } from "../db/client.ts";
import { accounts, tierChanges } from "../db/schema.ts";
import { upgradeQuote } from "../domain/billing.ts";
import { type Account, billingTermsOf, getAccount, ladderOf } from "./accounts.ts";
import { recordAudit } from "./audit.ts";
import type { CountChange, Services, UpgradeRecord } from "./context.ts";

/** The upgrade a marketing count would trigger on this account now, with its prorated charge (R9), if any. */
export function upgradeNeeded(svc: Services, account: Account, marketingCount: number, at: Date): UpgradeRecord | null {
  const quote = upgradeQuote({
    ladder: ladderOf(svc, account),
    terms: billingTermsOf(account),
    tierLimit: account.tierLimit,
    marketingCount,
    at,
  });
  if (!quote) return null;
  const { oldLimit, newLimit, oldMonthlyCents, newMonthlyCents, chargeCents, dueDate } = quote;
  return { oldLimit, newLimit, oldMonthlyCents, newMonthlyCents, chargeCents, chargeDue: dueDate };
}

/**
 * A change would take the marketing count over the tier and nobody confirmed that upgrade: the
 * change's transaction is rolled back (R14: no upgrade without an approver who typed the count).
 */
export class UpgradeNeedsApproval extends Error {
  constructor(
    readonly upgrade: UpgradeRecord,
    readonly marketingCount: number,
  ) {
    super(`the change would upgrade the tier to ${upgrade.newLimit} contacts`);
  }
}

export interface ChangeOptions {
  /**
   * Whether this change may upgrade the tier (R9). Only an approval whose approver confirmed the
   * upgrade may; every other change that would upgrade is rolled back with UpgradeNeedsApproval.
   */
  allowUpgrade?: (upgrade: UpgradeRecord) => boolean;
}

/**
 * Runs a change to an account's contacts in one transaction with the account row locked,
 * then upgrades the tier if the count now exceeds it (R9) and the change may upgrade (R14), and
 * publishes the count change after commit (R11 alerts listen to it).
 */
export async function changeContacts<T>(
  svc: Services,
  accountId: number,
  cause: string,
  fn: (tx: Tx, account: Account, at: Date) => Promise<T>,
  opts: ChangeOptions = {},
): Promise<{ result: T; change: CountChange }> {
  const at = svc.clock.now();
  const { result, change } = await svc.db.transaction(async (tx) => {
    const before = await getAccount(tx, accountId, true);
    const result = await fn(tx, before, at);
    const after = await getAccount(tx, accountId);
    // A change that raised the count may upgrade only if allowed; one that did not (a deletion, a
    // rollover) never makes an account over its tier, so it never needs an approval.
    const needed =
      after.marketingCount > before.marketingCount ? upgradeNeeded(svc, after, after.marketingCount, at) : null;
    if (needed && !(opts.allowUpgrade?.(needed) ?? false)) throw new UpgradeNeedsApproval(needed, after.marketingCount);
    const upgrade = await applyUpgradeIfNeeded(svc, tx, after, at, cause);
    const change: CountChange = {
      accountId,
      before: before.marketingCount,
      after: after.marketingCount,
      tierLimitBefore: before.tierLimit,
      tierLimitAfter: upgrade ? upgrade.newLimit : after.tierLimit,
      upgrade,
      cause,
      at,
    };
    return { result, change };
  });
  if (change.before !== change.after || change.upgrade) svc.events.emitCountChange(change);
  return { result, change };
}

async function applyUpgradeIfNeeded(
  svc: Services,
  tx: Tx,
  account: Account,
  at: Date,
  cause: string,
): Promise<UpgradeRecord | null> {
  const quote = upgradeNeeded(svc, account, account.marketingCount, at);
  if (!quote) return null;
  await tx.update(accounts).set({ tierLimit: quote.newLimit }).where(eq(accounts.id, account.id));
  await tx.insert(tierChanges).values({
    accountId: account.id,
    at,
    kind: "upgrade",
    oldLimit: quote.oldLimit,
    newLimit: quote.newLimit,
    oldMonthlyCents: quote.oldMonthlyCents,
    newMonthlyCents: quote.newMonthlyCents,
    chargeCents: quote.chargeCents,
    chargeDue: quote.chargeDue,
    marketingCount: account.marketingCount,
    cause,
  });
  await recordAudit(tx, {
    accountId: account.id,
    at,
    effectiveAt: at,
    actor: "system",
    kind: "tier.upgrade",
    summary: `Automatic upgrade from ${quote.oldLimit.toLocaleString("en-US")} to ${quote.newLimit.toLocaleString("en-US")} marketing contacts (${account.marketingCount.toLocaleString("en-US")} marketing contacts after ${cause})`,
    detail: { ...quote, marketingCount: account.marketingCount },
  });
  return quote;
}
