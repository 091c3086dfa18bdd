import { DateTime } from "luxon";
import { accounts } from "../db/schema.ts";
import { money, n, pct, updateWhen } from "../domain/format.ts";
import { monthlyPriceCents, smallestTierHolding } from "../domain/pricing.ts";
import { usagePercent } from "../domain/thresholds.ts";
import { nextRenewalInstant, nextUpdateInstant } from "../domain/update-dates.ts";
import { section } from "../slack/blocks.ts";
import { type Account, billingTermsOf, getAccount, ladderOf } from "./accounts.ts";
import type { Services } from "./context.ts";
import { queueOnce } from "./outbox.ts";

/** R12: the renewal reminder goes out this many days before each renewal. */
export const RENEWAL_REMINDER_DAYS = 7;

export interface ReminderSent {
  accountId: number;
  kind: "update-reminder" | "renewal-reminder";
  key: string;
  text: string;
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

function leadText(days: number): string {
  return days === 1 ? "tomorrow" : `in ${days} days`;
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
      let text = "";
      const done = await queueOnce(svc, account, now, key, async (tx) => {
        const a = await getAccount(tx, id);
        const after = a.marketingCount - a.pendingCount;
        text =
          `:hourglass_flowing_sand: Reminder: the next update date is ${leadText(update.lead)}, ${updateWhen(update.instant, a.timeZone, a.timeZone)}. ` +
          `${n(a.pendingCount)} contact${a.pendingCount === 1 ? "" : "s"} will become non-marketing; marketing contacts after it: ` +
          `${n(after)} of ${n(a.tierLimit)} (${pct(usagePercent(after, a.tierLimit))}). ` +
          "Contacts set non-marketing before then are included.";
        return {
          message: { key, kind: "update-reminder", text, blocks: [section(text)] },
          to: { channel: a.alertChannel, users: [] },
        };
      });
      if (done) sent.push({ accountId: id, kind: "update-reminder", key, text });
    }
    const renewal = dueRenewalReminder(account, now);
    if (renewal) {
      const key = `reminder:renewal:${id}:${renewal.toISOString()}`;
      let text = "";
      const done = await queueOnce(svc, account, now, key, async (tx) => {
        const a = await getAccount(tx, id);
        text = renewalText(svc, a, renewal);
        return {
          message: { key, kind: "renewal-reminder", text, blocks: [section(text)] },
          to: { channel: a.alertChannel, users: [] },
        };
      });
      if (done) sent.push({ accountId: id, kind: "renewal-reminder", key, text });
    }
  }
  return sent;
}

function renewalText(svc: Services, a: Account, renewal: Date): string {
  const ladder = ladderOf(svc, a);
  const after = a.marketingCount - a.pendingCount;
  const lowest = Math.min(a.tierLimit, smallestTierHolding(ladder, after));
  const saving = monthlyPriceCents(ladder, a.tierLimit) - monthlyPriceCents(ladder, lowest);
  const head = `:spiral_calendar_pad: The renewal is ${updateWhen(renewal, a.timeZone, a.timeZone)}. After pending changes ${n(after)} marketing contacts remain; `;
  const tier =
    lowest < a.tierLimit
      ? `the lowest tier that holds them is ${n(lowest)} contacts (${money(saving)} less per month than the current ${n(a.tierLimit)}). `
      : `the lowest tier that holds them is the current one, ${n(a.tierLimit)} contacts. `;
  const downgrade =
    a.downgradeTo !== null
      ? `A downgrade to ${n(a.downgradeTo)} contacts is scheduled for it${after <= a.downgradeTo ? "" : `, but ${n(after)} contacts do not fit: it will be cancelled unless the count drops`}.`
      : lowest < a.tierLimit
        ? "No downgrade is scheduled: an admin can schedule one with `/contacts tier downgrade <limit>`."
        : "No downgrade is scheduled.";
  return head + tier + downgrade;
}
