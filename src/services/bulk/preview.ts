// Bulk requests: what a bulk non-marketing change would do, without making it (the manage wizard's review).
import { and, count, eq, isNull } from "drizzle-orm";
import { contactStatus, contacts } from "../../db/schema.ts";
import { lowestTierHolding } from "../../domain/pricing.ts";
import { usagePercent } from "../../domain/thresholds.ts";
import { nextUpdateInstant } from "../../domain/update-dates.ts";
import { billingTermsOf, getAccount, ladderOf } from "../accounts.ts";
import type { Actor, Services } from "../context.ts";
import { describeSelector, type Selector, selectorCondition } from "../selectors.ts";

export interface ManagePreview {
  selectorText: string;
  count: number;
  marketingNow: number;
  marketingAfter: number;
  tierLimit: number;
  usageAfter: number;
  effectiveAt: Date;
  subsidiaryZone: string;
  lowestTierAfter: number;
  monthlySavingCents: number;
}

/** What the request would do, without making it: the marketing contacts it would flag (one count query). */
export async function previewNonMarketing(svc: Services, actor: Actor, selector: Selector): Promise<ManagePreview> {
  const account = await getAccount(svc.db, actor.accountId);
  const [row] = await svc.db
    .select({ n: count() })
    .from(contacts)
    .innerJoin(contactStatus, eq(contactStatus.contactId, contacts.id))
    .where(
      and(
        eq(contacts.accountId, actor.accountId),
        eq(contactStatus.marketing, true),
        isNull(contactStatus.pendingSince),
        selectorCondition(selector),
      ),
    );
  const selected = row?.n ?? 0;
  const ladder = ladderOf(svc, account);
  // Every pending flag and the new ones are taken at the next update date (R3, R6).
  const after = Math.max(0, account.marketingCount - account.pendingCount - selected);
  const lowest = lowestTierHolding(ladder, account.tierLimit, after);
  return {
    selectorText: describeSelector(selector),
    count: selected,
    marketingNow: account.marketingCount,
    marketingAfter: after,
    tierLimit: account.tierLimit,
    usageAfter: usagePercent(after, account.tierLimit),
    effectiveAt: nextUpdateInstant(billingTermsOf(account), svc.clock.now()),
    subsidiaryZone: account.timeZone,
    lowestTierAfter: lowest.limit,
    monthlySavingCents: lowest.savingCents,
  };
}
