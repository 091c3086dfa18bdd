import { DateTime } from "luxon";
import { accounts } from "../db/schema.ts";
import { lowestTierHolding } from "../domain/pricing.ts";
import { nextRenewalInstant, nextUpdateInstant } from "../domain/update-dates.ts";
import { type Account, billingTermsOf, getAccount, ladderOf } from "./accounts.ts";
import type { Services } from "./context.ts";
import { type Notice, notice } from "./notices.ts";
import { queueOnce } from "./outbox.ts";

/** R12: the renewal reminder goes out this many days before each renewal. */
export const RENEWAL_REMINDER_DAYS = 7;

export interface ReminderSent {
  accountId: number;
  kind: "update-reminder" | "renewal-reminder";
  key: string;
  notice: Notice;
}

/** `days` calendar days before `instant` in the subsidiary zone (noon stays noon across DST). */
function daysBefore(instant: Date, days: number, zone: string): Date {
  return DateTime.fromJSDate(instant).setZone(zone).minus({ days }).toJSDate();
}

/**
 * R12 update-date reminder due at `now`: of the leads whose time has come before the next update
 * instant, the shortest one (a service that was down past the 3-day lead sends the 1-day one, not both).
 */
export function dueUpdateReminder(account: Account, now: Date): { instant: Date; lead: number } | null {
  const instant = nextUpdateInstant(billingTermsOf(account), now);
  const due = [...new Set(account.reminderDays)]
    .filter((d) => d > 0 && now.getTime() >= daysBefore(instant, d, account.timeZone).getTime())
    .sort((a, b) => a - b);
  return due.length ? { instant, lead: due[0] as number } : null;
}

/** R12 renewal reminder due at `now`: within 7 days before the next renewal. */
export function dueRenewalReminder(account: Account, now: Date): Date | null {
  const renewal = nextRenewalInstant(billingTermsOf(account), now);
  return now.getTime() >= daysBefore(renewal, RENEWAL_REMINDER_DAYS, account.timeZone).getTime() ? renewal : null;
}

/** Sends the reminders due now for every account, each once per account, instant and lead. */
export async function processReminders(svc: Services, now = svc.clock.now()): Promise<ReminderSent[]> {
  const all = await svc.db.select({ id: accounts.id }).from(accounts);
  const sent: ReminderSent[] = [];
  for (const { id } of all) {
    const account = await getAccount(svc.db, id);
    const update = dueUpdateReminder(account, now);
    if (update) {
      const key = `reminder:update:${id}:${update.instant.toISOString()}:${update.lead}d`;
      let said: Notice | null = null;
      const done = await queueOnce(svc, account, now, key, async (tx) => {
        const a = await getAccount(tx, id);
        said = notice("update-reminder", {
          lead: update.lead,
          instant: update.instant.toISOString(),
          pendingCount: a.pendingCount,
          after: a.marketingCount - a.pendingCount,
          marketingCount: a.marketingCount,
          tierLimit: a.tierLimit,
          timeZone: a.timeZone,
        });
        return { message: { key, notice: said }, to: { channel: a.alertChannel, users: [] } };
      });
      if (done && said) sent.push({ accountId: id, kind: "update-reminder", key, notice: said });
    }
    const renewal = dueRenewalReminder(account, now);
    if (renewal) {
      const key = `reminder:renewal:${id}:${renewal.toISOString()}`;
      let said: Notice | null = null;
      const done = await queueOnce(svc, account, now, key, async (tx) => {
        const a = await getAccount(tx, id);
        said = renewalNotice(svc, a, renewal);
        return { message: { key, notice: said }, to: { channel: a.alertChannel, users: [] } };
      });
      if (done && said) sent.push({ accountId: id, kind: "renewal-reminder", key, notice: said });
    }
  }
  return sent;
}

function renewalNotice(svc: Services, a: Account, renewal: Date): Notice {
  const after = a.marketingCount - a.pendingCount;
  const { limit: lowest, savingCents } = lowestTierHolding(ladderOf(svc, a), a.tierLimit, after);
  return notice("renewal-reminder", {
    renewal: renewal.toISOString(),
    after,
    lowest,
    savingCents,
    downgradeTo: a.downgradeTo,
    marketingCount: a.marketingCount,
    tierLimit: a.tierLimit,
    timeZone: a.timeZone,
  });
}
