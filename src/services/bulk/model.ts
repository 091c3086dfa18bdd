// Bulk requests: what one is, its tier impact, reading and listing them, expiry.
import { randomBytes } from "node:crypto";
import { and, desc, eq, inArray, lte } from "drizzle-orm";
import { auditEvents, bulkRequests } from "../../db/schema.ts";
import { lowestTierHolding } from "../../domain/pricing.ts";
import { usagePercent } from "../../domain/thresholds.ts";
import type { MarketingStatus } from "../../domain/types.ts";
import { nextUpdateInstant } from "../../domain/update-dates.ts";
import { wording } from "../../domain/wording.ts";
import { type Account, billingTermsOf, ladderOf } from "../accounts.ts";
import { type Actor, Refusal, type Services, type UpgradeRecord } from "../context.ts";
import type { Selector } from "../selectors.ts";
import { upgradeNeeded } from "../tier.ts";

export type BulkRequest = typeof bulkRequests.$inferSelect;

export const REQUEST_TTL_MS = 7 * 86_400_000; // R14: requests expire after 7 days

/** What a bulk change does to the tier, shown to the approver before they click (R14). */
export interface TierImpact {
  action: MarketingStatus;
  count: number;
  /** Contacts that become marketing now (set marketing on non-marketing contacts). */
  becomeMarketing: number;
  /** Pending flags cancelled (set marketing on pending contacts). */
  cancelPending: number;
  effectiveAt: string;
  marketingCountBefore: number;
  marketingCountAfter: number;
  tierLimit: number;
  usageBefore: number;
  usageAfter: number;
  upgrade: UpgradeRecord | null;
  /** For non-marketing: the lowest tier that would hold the count after the update, and its monthly saving. */
  lowestTierAfter: number;
  monthlySavingCents: number;
}

export interface BulkRequestView extends BulkRequest {
  impact: TierImpact;
  selectorText: string;
}

export const ID_ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
export function newRequestId(): string {
  const bytes = randomBytes(6);
  return `R${[...bytes].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join("")}`;
}

export interface CreateBulkInput {
  action: MarketingStatus;
  selector: Selector;
  at: Date | null;
  /** Where the request came from: `command`, `import`, `rule:<name>`, `manage`. */
  origin?: string;
  /** A list, filter or import that sets marketing always needs approval (R14). */
  viaSelector?: boolean;
  /** The automation rule the request starts or resumes (R16). */
  ruleId?: number | null;
  /** Who fed the rule the contacts, when not the requester (R14: they may not approve it either). */
  causedBy?: string | null;
}

/** What an executed change did. */
export interface ExecuteResult {
  changed: number;
  upgrade: UpgradeRecord | null;
  marketingCount: number;
  tierLimit: number;
  effectiveAt: Date;
}

export interface CreateBulkResult {
  request: BulkRequestView | null;
  /** The change was applied at once: under the direct-change limit and not a selector setting marketing. */
  executed: ExecuteResult | null;
}

export function computeImpact(
  svc: Services,
  account: Account,
  action: MarketingStatus,
  count: number,
  becomeMarketing: number,
  cancelPending: number,
  effectiveFrom: Date,
  now: Date,
): TierImpact {
  const terms = billingTermsOf(account);
  const ladder = ladderOf(svc, account);
  const before = account.marketingCount;
  const afterNow = action === "marketing" ? before + becomeMarketing : before;
  // Non-marketing takes effect at the next update date after the change is made (R3).
  const effectiveAt = action === "marketing" ? effectiveFrom : nextUpdateInstant(terms, effectiveFrom);
  const afterUpdate = action === "marketing" ? afterNow : Math.max(0, before - account.pendingCount - count);
  const upgrade = action === "marketing" ? upgradeNeeded(svc, account, afterNow, now) : null;
  const limitAfter = upgrade ? upgrade.newLimit : account.tierLimit;
  const lowest = lowestTierHolding(ladder, limitAfter, afterUpdate);
  return {
    action,
    count,
    becomeMarketing,
    cancelPending,
    effectiveAt: effectiveAt.toISOString(),
    marketingCountBefore: before,
    marketingCountAfter: action === "marketing" ? afterNow : afterUpdate,
    tierLimit: account.tierLimit,
    usageBefore: usagePercent(before, account.tierLimit),
    usageAfter: usagePercent(action === "marketing" ? afterNow : afterUpdate, limitAfter),
    upgrade,
    lowestTierAfter: lowest.limit,
    monthlySavingCents: lowest.savingCents,
  };
}

export async function getRequest(svc: Services, accountId: number, id: string): Promise<BulkRequestView> {
  const row = await svc.db.query.bulkRequests.findFirst({
    where: and(eq(bulkRequests.accountId, accountId), eq(bulkRequests.id, id.toUpperCase())),
  });
  if (!row) {
    throw new Refusal(
      `There is no request ${id}. \`/contacts requests\` lists the open ones.`,
      "invalid",
      false,
      wording("refusal.unknownRequest", { id, command: { code: "/contacts requests" } }),
    );
  }
  return view(row);
}

export function view(row: BulkRequest): BulkRequestView {
  return { ...row, impact: row.impact as TierImpact, selectorText: row.selector };
}

/** R14: open requests older than 7 days expire (each audited, so the changes feed says so too). */
export async function expireRequests(svc: Services, accountId?: number): Promise<number> {
  const now = svc.clock.now();
  return svc.db.transaction(async (tx) => {
    const expired = await tx
      .update(bulkRequests)
      .set({ status: "expired", decidedAt: now })
      .where(
        and(
          eq(bulkRequests.status, "open"),
          lte(bulkRequests.expiresAt, now),
          accountId === undefined ? undefined : eq(bulkRequests.accountId, accountId),
        ),
      )
      .returning({ id: bulkRequests.id, accountId: bulkRequests.accountId, count: bulkRequests.count });
    if (expired.length > 0) {
      await tx.insert(auditEvents).values(
        expired.map((r) => ({
          accountId: r.accountId,
          at: now,
          actor: "system",
          kind: "request.expired",
          summary: `Request ${r.id} expired after 7 days without a decision`,
          count: r.count,
          detail: { requestId: r.id },
        })),
      );
    }
    return expired.length;
  });
}

export async function listRequests(
  svc: Services,
  actor: Actor,
  statuses: string[] = ["open", "approved"],
): Promise<BulkRequestView[]> {
  await expireRequests(svc, actor.accountId);
  const rows = await svc.db
    .select()
    .from(bulkRequests)
    .where(and(eq(bulkRequests.accountId, actor.accountId), inArray(bulkRequests.status, statuses)))
    .orderBy(desc(bulkRequests.createdAt))
    .limit(100);
  return rows.map(view);
}
