import { and, asc, eq, gt, gte, lte, min, sql } from "drizzle-orm";
import { type Executor, rowsOf, timestamptz } from "../db/client.ts";
import { countSamples, notifications, tierChanges } from "../db/schema.ts";
import type { DowngradeCancelWhy } from "../domain/reasons.ts";
import { highestReached, THRESHOLD_LEVELS, type ThresholdLevel } from "../domain/thresholds.ts";
import { nextUpdateInstant, previousUpdateInstant } from "../domain/update-dates.ts";
import { type Account, billingTermsOf, getAccount } from "./accounts.ts";
import { recordAudit } from "./audit.ts";
import type { Services } from "./context.ts";
import { type Notice, notice } from "./notices.ts";
import { alertRecipients, claimKeys, queueMessage, queueOnce } from "./outbox.ts";

const HOUR_MS = 3_600_000;
/** Upgrades older than this are not announced any more (a first start on an old database stays quiet). */
const UPGRADE_NOTICE_WINDOW_MS = 7 * 86_400_000;

/**
 * The update period containing `at` (R11 "once per update period"): it starts at the latest update
 * instant at or before `at`, or at the contract start before the first one.
 */
export function periodKey(account: Account, at: Date): string {
  return previousUpdateInstant(billingTermsOf(account), at)?.toISOString() ?? `start:${account.contractStart}`;
}

/** Marks for every level up to `level`: reaching 98 % also settles 75 % and 90 % for this limit and period. */
function levelKeys(accountId: number, period: string, tierLimit: number, level: ThresholdLevel): string[] {
  const upTo = THRESHOLD_LEVELS.indexOf(level);
  return THRESHOLD_LEVELS.slice(0, upTo + 1).map((l) => `threshold:${accountId}:${period}:${tierLimit}:${l}`);
}

export interface QueuedAlert {
  accountId: number;
  notice: Notice;
}

/**
 * R11 for one account: announces automatic upgrades not yet announced (the exceed alert), then
 * the highest threshold the count has reached against the current tier limit in this update
 * period, if not alerted yet. Exactly once across replicas: every alert claims its key first.
 * Runs right after a change (count-change listener) and on every tick (changes made elsewhere).
 */
export async function checkTierAlerts(svc: Services, accountId: number, at = svc.clock.now()): Promise<QueuedAlert[]> {
  const queued: QueuedAlert[] = [];
  const upgrades = await svc.db
    .select()
    .from(tierChanges)
    .where(
      and(
        eq(tierChanges.accountId, accountId),
        eq(tierChanges.kind, "upgrade"),
        gt(tierChanges.at, new Date(at.getTime() - UPGRADE_NOTICE_WINDOW_MS)),
        lte(tierChanges.at, at),
      ),
    )
    .orderBy(asc(tierChanges.id));
  for (const up of upgrades) {
    const account = await getAccount(svc.db, accountId);
    const said = upgradeNotice(account, up);
    const done = await queueOnce(svc, account, at, `upgrade:${up.id}`, async (tx) => {
      // The notice already tells where the count stands in the new tier: no second alert for it (R11).
      const level = highestReached(up.marketingCount, up.newLimit);
      if (level && level !== "exceeded")
        await claimKeys(tx, levelKeys(accountId, periodKey(account, up.at), up.newLimit, level), at);
      await claimKeys(tx, levelKeys(accountId, periodKey(account, up.at), up.oldLimit, "exceeded"), at);
      return {
        message: { key: `upgrade:${up.id}`, notice: said },
        to: await alertRecipients(tx, account),
      };
    });
    if (done) queued.push({ accountId, notice: said });
  }

  const account = await getAccount(svc.db, accountId);
  const level = highestReached(account.marketingCount, account.tierLimit);
  if (!level) return queued;
  const keys = levelKeys(accountId, periodKey(account, at), account.tierLimit, level);
  const said = thresholdNotice(account, level, at);
  const done = await svc.db.transaction(async (tx) => {
    const claimed = await claimKeys(tx, keys, at);
    const top = keys.at(-1) ?? "";
    if (!claimed.has(top)) return false;
    await queueMessage(tx, account, at, { key: top, notice: said }, await alertRecipients(tx, account));
    // Also an event of the changes feed (and so of webhooks): the threshold first reached here.
    if (level !== "exceeded") {
      await recordAudit(tx, {
        accountId,
        at,
        actor: "system",
        kind: "tier.threshold-reached",
        summary: `Marketing contacts reached ${level} % of the tier (${account.marketingCount} of ${account.tierLimit})`,
        detail: { percent: level, marketingCount: account.marketingCount, tierLimit: account.tierLimit },
      });
    }
    return true;
  });
  if (done) queued.push({ accountId, notice: said });
  return queued;
}

function thresholdNotice(account: Account, level: ThresholdLevel, at: Date): Notice {
  return notice("threshold", {
    level,
    marketingCount: account.marketingCount,
    tierLimit: account.tierLimit,
    pendingCount: account.pendingCount,
    nextUpdate: nextUpdateInstant(billingTermsOf(account), at).toISOString(),
    timeZone: account.timeZone,
  });
}

function upgradeNotice(account: Account, up: typeof tierChanges.$inferSelect): Notice {
  return notice("upgrade", {
    marketingCount: up.marketingCount,
    oldLimit: up.oldLimit,
    newLimit: up.newLimit,
    oldMonthlyCents: up.oldMonthlyCents,
    newMonthlyCents: up.newMonthlyCents,
    chargeCents: up.chargeCents,
    chargeDue: up.chargeDue ? String(up.chargeDue) : null,
    timeZone: account.timeZone,
  });
}

/** R6 summary after an update instant, queued in the rollover's own transaction (so exactly once with it). */
export async function queueRolloverSummary(
  ex: Executor,
  account: Account,
  instant: Date,
  changed: number,
  at: Date,
): Promise<void> {
  const said = notice("update-summary", {
    instant: instant.toISOString(),
    changed,
    marketingCount: account.marketingCount,
    tierLimit: account.tierLimit,
    timeZone: account.timeZone,
  });
  await queueMessage(
    ex,
    account,
    at,
    { key: `update:${account.id}:${instant.toISOString()}`, notice: said },
    { channel: account.alertChannel, users: [] },
  );
}

/** R10 outcome at renewal, to the admin who scheduled it and the alert channel; queued in the downgrade's transaction. */
export async function queueDowngradeNotice(
  ex: Executor,
  account: Account,
  outcome: {
    renewalAt: Date;
    target: number;
    applied: boolean;
    reason: string | null;
    why?: DowngradeCancelWhy | null;
    requestedBy: string | null;
    marketingCount: number;
  },
  at: Date,
): Promise<void> {
  const payload = {
    renewalAt: outcome.renewalAt.toISOString(),
    target: outcome.target,
    reason: outcome.reason,
    ...(outcome.why ? { why: outcome.why } : {}),
    marketingCount: outcome.marketingCount,
    timeZone: account.timeZone,
  };
  await queueMessage(
    ex,
    account,
    at,
    {
      key: `downgrade:${account.id}:${outcome.renewalAt.toISOString()}`,
      notice: notice(outcome.applied ? "downgrade-applied" : "downgrade-cancelled", payload),
    },
    { channel: account.alertChannel, users: outcome.requestedBy ? [outcome.requestedBy] : [] },
  );
}

/** A point of the marketing count over time (spike detection). */
export async function recordCountSample(
  ex: Executor,
  accountId: number,
  at: Date,
  marketingCount: number,
): Promise<void> {
  await ex.insert(countSamples).values({ accountId, at, marketingCount }).onConflictDoNothing();
}

/** Samples older than two days are no longer needed (the window is one hour). */
export async function pruneCountSamples(svc: Services, now = svc.clock.now()): Promise<void> {
  await svc.db
    .delete(countSamples)
    .where(sql`${countSamples.at} < ${timestamptz(new Date(now.getTime() - 2 * 86_400_000))}`);
}

/**
 * The growth that counts as a spike: more than `spikePercent` % of the count an hour ago or more
 * than `spikeMin` contacts, whichever is smaller (so large accounts hear about 500, small ones
 * about 10 %), and always more than the direct-change limit (a change anyone may make directly is no spike).
 */
export function spikeThreshold(
  account: Pick<Account, "spikePercent" | "spikeMin" | "directLimit">,
  baseline: number,
): number {
  const share = Math.ceil((baseline * account.spikePercent) / 100);
  return Math.max(Math.min(share, account.spikeMin), account.directLimit);
}

export interface SpikeSource {
  source: string;
  count: number;
}

/**
 * Spike alert: the marketing count grew by more than `spikeThreshold` within the last hour
 * (measured from the lowest sample in the hour). Names the sources of the contacts made marketing
 * in that hour. At most one per account and hour.
 */
export async function checkSpike(svc: Services, accountId: number, at = svc.clock.now()): Promise<QueuedAlert | null> {
  const account = await getAccount(svc.db, accountId);
  await recordCountSample(svc.db, accountId, at, account.marketingCount);
  const since = new Date(at.getTime() - HOUR_MS);
  const [row] = await svc.db
    .select({ low: min(countSamples.marketingCount) })
    .from(countSamples)
    .where(and(eq(countSamples.accountId, accountId), gte(countSamples.at, since), lte(countSamples.at, at)));
  const baseline = row?.low ?? account.marketingCount;
  const growth = account.marketingCount - baseline;
  if (growth <= spikeThreshold(account, baseline)) return null;
  let said: Notice | null = null;
  const done = await queueOnce(
    svc,
    account,
    at,
    `spike:${accountId}:${Math.floor(at.getTime() / HOUR_MS)}`,
    async (tx) => {
      const [recent] = await tx
        .select({ id: notifications.id })
        .from(notifications)
        .where(
          and(
            eq(notifications.accountId, accountId),
            eq(notifications.kind, "spike"),
            gt(notifications.createdAt, since),
          ),
        )
        .limit(1);
      if (recent) return null;
      const sources = await spikeSources(tx, accountId, since, at);
      said = notice("spike", {
        growth,
        baseline,
        sources,
        marketingCount: account.marketingCount,
        tierLimit: account.tierLimit,
        timeZone: account.timeZone,
      });
      return {
        message: { key: `spike:${accountId}:${at.toISOString()}`, notice: said },
        to: await alertRecipients(tx, account),
      };
    },
  );
  return done && said ? { accountId, notice: said } : null;
}

/** Where the contacts made marketing between `since` and `at` came from (contacts.source). */
export async function spikeSources(ex: Executor, accountId: number, since: Date, at: Date): Promise<SpikeSource[]> {
  return rowsOf<SpikeSource>(
    ex,
    sql`select c.source, count(*)::int as count from contacts c join contact_status s on s.contact_id = c.id
        where c.account_id = ${accountId} and s.marketing and (
          c.id in (select unnest(a.contact_ids) from audit_events a
                   where a.account_id = ${accountId} and a.kind = 'status.made-marketing'
                     and a.at > ${timestamptz(since)} and a.at <= ${timestamptz(at)})
          or (c.created_at > ${timestamptz(since)} and c.created_at <= ${timestamptz(at)}))
        group by c.source order by count desc, c.source`,
  );
}
