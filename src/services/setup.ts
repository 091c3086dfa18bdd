// Setup: the main settings, the billing contacts and "set up" in one transaction, from the Slack
// modal or `tierkeeper setup`; the first one also queues a note to the approvals channel that
// says, in plain words, what tierkeeper will do and when.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "../db/client.ts";
import { accounts, users } from "../db/schema.ts";
import type { SettingChange } from "../domain/command/index.ts";
import { thresholdCount } from "../domain/forecast.ts";
import { n } from "../domain/format.ts";
import { canAdminister } from "../domain/permissions.ts";
import { monthlyPriceCents } from "../domain/pricing.ts";
import { THRESHOLDS } from "../domain/thresholds.ts";
import type { Plan } from "../domain/types.ts";
import { nextRenewalInstant, nextUpdateInstant } from "../domain/update-dates.ts";
import { wording } from "../domain/wording.ts";
import { type Account, billingTermsOf, ensureUser, getAccount } from "./accounts.ts";
import { recordAudit } from "./audit.ts";
import { type Actor, Refusal, type Services } from "./context.ts";
import { type NoticeOf, notice } from "./notices.ts";
import { billingContactIds, queueMessage } from "./outbox.ts";
import { RENEWAL_REMINDER_DAYS } from "./reminders.ts";
import { applySettings, type SettingsChangeResult } from "./settings.ts";

/** The most billing contacts setup takes (each gets every alert by DM). */
export const MAX_BILLING_CONTACTS = 20;

export interface SetupRequest {
  settings: SettingChange[];
  /** The billing contacts to have after setup (Slack user ids); null leaves them as they are. */
  billingContacts: string[] | null;
}

export interface SetupResult extends SettingsChangeResult {
  /** This was the account's first setup: the note to the approvals channel was made. */
  firstSetup: boolean;
  billingContacts: string[];
  /** What tierkeeper will do and when: queued to the approvals channel on the first setup. */
  note: NoticeOf<"setup">;
  /** Where the note was queued; null when it was not (a later setup, or no approvals channel). */
  noteChannel: string | null;
}

/** What a setup form starts from: the account as it is. */
export interface SetupState {
  account: Account;
  billingContacts: string[];
  configured: boolean;
  /** The asking user may set tierkeeper up. */
  isAdmin: boolean;
  /** The account's admins (the first few), to tell a member whom to ask. */
  admins: string[];
}

export async function setupState(svc: Services, actor: Actor): Promise<SetupState> {
  const user = await ensureUser(svc, actor.accountId, actor.userId);
  const account = await getAccount(svc.db, actor.accountId);
  const admins = await svc.db
    .select({ userId: users.userId })
    .from(users)
    .where(and(eq(users.accountId, account.id), eq(users.role, "admin")))
    .orderBy(users.userId)
    .limit(10);
  return {
    account,
    billingContacts: await billingContactIds(svc.db, account.id),
    configured: account.configuredAt !== null,
    isAdmin: canAdminister(user).ok,
    admins: [...new Set([...admins.map((a) => a.userId), ...svc.configAdmins])].slice(0, 10),
  };
}

/** A setup refused because of the billing contacts (a form shows it beside that field). */
export class BillingContactsRefusal extends Refusal {}

/**
 * Sets the account up (admin; `operator`: the CLI's operator, who needs no Slack role): the
 * settings, the billing contacts and the set-up mark together, or nothing. A refused value
 * throws a SettingRefusal naming its setting, or a Refusal for the billing contacts.
 */
export async function setupAccount(
  svc: Services,
  actor: Actor,
  request: SetupRequest,
  opts: { operator?: boolean } = {},
): Promise<SetupResult> {
  if (!opts.operator) {
    const user = await ensureUser(svc, actor.accountId, actor.userId);
    const ok = canAdminister(user, "set tierkeeper up");
    if (!ok.ok) throw Refusal.of(ok);
  }
  const wanted = request.billingContacts === null ? null : [...new Set(request.billingContacts)];
  if (wanted && wanted.length > MAX_BILLING_CONTACTS) {
    throw new BillingContactsRefusal(
      `That's ${wanted.length} billing contacts; setup takes at most ${MAX_BILLING_CONTACTS} (each gets every alert by DM).`,
      "invalid",
      false,
      wording("setupModal.tooManyBilling", { count: wanted.length, max: MAX_BILLING_CONTACTS }),
    );
  }
  const by = opts.operator ? "cli" : actor.userId;
  const now = svc.clock.now();
  return svc.db.transaction(async (tx) => {
    const result = await applySettings(svc, tx, actor.accountId, by, request.settings);
    const billing = wanted ? await setBillingContacts(tx, actor.accountId, wanted, by, now) : null;
    const marked = await tx
      .update(accounts)
      .set({ configuredAt: now })
      .where(and(eq(accounts.id, actor.accountId), isNull(accounts.configuredAt)))
      .returning({ id: accounts.id });
    const firstSetup = marked.length > 0;
    const account = await getAccount(tx, actor.accountId);
    const contacts = billing ?? (await billingContactIds(tx, account.id));
    const note = setupNote(svc, account, contacts, now);
    let noteChannel: string | null = null;
    if (firstSetup && account.approvalsChannel) {
      await queueMessage(
        tx,
        account,
        now,
        { key: `setup:${account.id}`, notice: note },
        { channel: account.approvalsChannel, users: [] },
      );
      noteChannel = account.approvalsChannel;
    }
    if (firstSetup) {
      await recordAudit(tx, {
        accountId: account.id,
        at: now,
        actor: by,
        kind: "account.setup",
        summary: `tierkeeper set up: ${account.plan} plan, ${n(account.tierLimit)} contacts, ${account.term} term from ${account.contractStart}`,
      });
    }
    return { ...result, firstSetup, billingContacts: contacts, note, noteChannel };
  });
}

/** Makes exactly `wanted` the billing contacts, audited per user added or removed; returns them sorted. */
async function setBillingContacts(tx: Tx, accountId: number, wanted: string[], by: string, at: Date) {
  const current = await billingContactIds(tx, accountId);
  const added = wanted.filter((u) => !current.includes(u));
  const removed = current.filter((u) => !wanted.includes(u));
  if (added.length > 0) {
    await tx
      .insert(users)
      .values(added.map((userId) => ({ accountId, userId, billingContact: true, createdAt: at })))
      .onConflictDoUpdate({ target: [users.accountId, users.userId], set: { billingContact: sql`true` } });
  }
  if (removed.length > 0) {
    await tx
      .update(users)
      .set({ billingContact: false })
      .where(and(eq(users.accountId, accountId), inArray(users.userId, removed)));
  }
  for (const [op, ids] of [
    ["add", added],
    ["remove", removed],
  ] as const) {
    for (const userId of ids) {
      await recordAudit(tx, {
        accountId,
        at,
        actor: by,
        kind: `user.billing-contacts.${op}`,
        summary: `${op === "add" ? "Added billing contact" : "Removed billing contact"} <@${userId}>`,
        detail: { what: "billing-contacts", op, userId },
      });
    }
  }
  return [...wanted].sort();
}

/**
 * What a new admin reads first: what tierkeeper will do for this account and when (the tier and
 * its price, the update dates, the alert thresholds, the reminders, the approvals), as a notice.
 */
export function setupNote(svc: Services, account: Account, billingContacts: string[], now: Date): NoticeOf<"setup"> {
  const terms = billingTermsOf(account);
  return notice("setup", {
    plan: account.plan,
    monthlyCents: priceOf(svc, account),
    term: account.term,
    startDay: Number(account.contractStart.slice(8, 10)),
    nextUpdate: nextUpdateInstant(terms, now).toISOString(),
    renewal: nextRenewalInstant(terms, now).toISOString(),
    alertChannel: account.alertChannel,
    approvalsChannel: account.approvalsChannel,
    billingContacts,
    thresholds: THRESHOLDS.map((percent) => ({ percent, count: thresholdCount(percent, account.tierLimit) })),
    reminderDays: account.reminderDays,
    renewalReminderDays: RENEWAL_REMINDER_DAYS,
    directLimit: account.directLimit,
    marketingCount: account.marketingCount,
    tierLimit: account.tierLimit,
    timeZone: account.timeZone,
  });
}

function priceOf(svc: Services, account: Account): number {
  return monthlyPriceCents(svc.pricing[account.plan as Plan], account.tierLimit);
}
