import { and, eq, getTableColumns, inArray } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { contacts, listMembers, lists, contactStatus as statuses } from "../db/schema.ts";
import { canAdminister, canSetMarketing } from "../domain/permissions.ts";
import {
  canReceiveMarketing,
  pendingEffectiveAt,
  setMarketingOutcome,
  setNonMarketingOutcome,
} from "../domain/status.ts";
import type { MarketingStatus } from "../domain/types.ts";
import { wording } from "../domain/wording.ts";
import { billingTermsOf, ensureUser, getAccount } from "./accounts.ts";
import { recordAudit } from "./audit.ts";
import { createBulkRequest } from "./bulk/index.ts";
import { type Actor, Refusal, type Services, type UpgradeRecord } from "./context.ts";
import { changeContacts, UpgradeNeedsApproval } from "./tier.ts";

/** A contact's fields with its marketing status (kept in `contact_status`). */
export type Contact = typeof contacts.$inferSelect & { marketing: boolean; pendingSince: Date | null };

async function findContacts(ex: Executor, accountId: number, emails: string[]): Promise<Contact[]> {
  if (emails.length === 0) return [];
  return ex
    .select({ ...getTableColumns(contacts), marketing: statuses.marketing, pendingSince: statuses.pendingSince })
    .from(contacts)
    .innerJoin(statuses, eq(statuses.contactId, contacts.id))
    .where(and(eq(contacts.accountId, accountId), inArray(contacts.email, emails)));
}

/** Every email must name a contact of the account; otherwise nothing is changed. */
export async function requireContacts(ex: Executor, accountId: number, emails: string[]): Promise<Contact[]> {
  const found = await findContacts(ex, accountId, emails);
  const known = new Set(found.map((c) => c.email));
  const unknown = emails.filter((e) => !known.has(e));
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 5).join(", ") + (unknown.length > 5 ? ` and ${unknown.length - 5} more` : "");
    throw new Refusal(
      `No contact with the email ${shown} in this account, so nothing was changed. Check the spelling, or import the contact first.`,
      "invalid",
      false,
      wording("refusal.unknownEmail", {
        emails: unknown.slice(0, 5).join(", "),
        more: Math.max(0, unknown.length - 5),
      }),
    );
  }
  return found;
}

export interface ContactStatus {
  email: string;
  status: MarketingStatus;
  pending: boolean;
  pendingSince: Date | null;
  effectiveAt: Date | null;
  source: string;
  sourceId: string | null;
  lifecycle: string | null;
  bounced: boolean;
  unsubscribed: boolean;
  lists: string[];
  createdAt: Date;
  timeZone: string;
}

export async function contactStatus(svc: Services, actor: Actor, email: string): Promise<ContactStatus> {
  const account = await getAccount(svc.db, actor.accountId);
  const [contact] = await requireContacts(svc.db, actor.accountId, [email]);
  if (!contact) throw new Error("unreachable");
  const memberOf = await svc.db
    .select({ name: lists.name })
    .from(listMembers)
    .innerJoin(lists, eq(lists.id, listMembers.listId))
    .where(eq(listMembers.contactId, contact.id))
    .orderBy(lists.name);
  return {
    email: contact.email,
    status: contact.marketing ? "marketing" : "non-marketing",
    pending: contact.pendingSince !== null,
    pendingSince: contact.pendingSince,
    effectiveAt: contact.pendingSince ? pendingEffectiveAt(billingTermsOf(account), contact.pendingSince) : null,
    source: contact.source,
    sourceId: contact.sourceId,
    lifecycle: contact.lifecycle,
    bounced: contact.bounced,
    unsubscribed: contact.unsubscribed,
    lists: memberOf.map((l) => l.name),
    createdAt: contact.createdAt,
    timeZone: account.timeZone,
  };
}

export async function canMarket(svc: Services, actor: Actor, email: string) {
  const s = await contactStatus(svc, actor, email);
  return {
    ...canReceiveMarketing(s.status),
    email: s.email,
    status: s.status,
    pending: s.pending,
    effectiveAt: s.effectiveAt,
  };
}

type Outcome =
  | "made-marketing"
  | "cancelled-pending"
  | "already-marketing"
  | "flagged-pending"
  | "already-pending"
  | "already-non-marketing";

export interface SetStatusResult {
  to: MarketingStatus;
  changed: number;
  unchanged: number;
  pending: number;
  requestId: string | null;
  /** Why the change became a request instead of applying: more than the direct-change limit, or an upgrade. */
  requestReason: "limit" | "upgrade" | null;
  outcomes: { email: string; outcome: Outcome; effectiveAt: Date | null }[];
  upgrade: UpgradeRecord | null;
  marketingCount: number;
  tierLimit: number;
  /** The account's time zone (the billing subsidiary's), in which its dates are told. */
  accountTimeZone: string;
}

/**
 * `set marketing|non-marketing <email>…` (R2, R3). Up to the direct-change limit it applies at
 * once; more becomes a bulk request (R14). Unknown emails refuse the whole command.
 */
export async function setStatus(
  svc: Services,
  actor: Actor,
  to: MarketingStatus,
  emails: string[],
): Promise<SetStatusResult> {
  const user = await ensureUser(svc, actor.accountId, actor.userId);
  if (to === "marketing") {
    const allowed = canSetMarketing(user);
    if (!allowed.ok) throw Refusal.of(allowed);
  }
  const account = await getAccount(svc.db, actor.accountId);
  const unique = [...new Set(emails)];
  await requireContacts(svc.db, actor.accountId, unique);
  const request =
    unique.length > account.directLimit
      ? await createBulkRequest(svc, actor, { action: to, selector: { type: "emails", emails: unique }, at: null })
      : null;
  // More than the direct-change limit needs approval (R14); if none of them would change, report the no-ops below.
  if (request) return asRequest(request.id, "limit");
  const terms = billingTermsOf(account);
  const applied = await applyDirect().catch(async (e: unknown) => {
    // A direct change that would upgrade the tier waits for an admin who confirms it (R9, R14).
    if (!(e instanceof UpgradeNeedsApproval)) throw e;
    const upgradeRequest = await createBulkRequest(svc, actor, {
      action: to,
      selector: { type: "emails", emails: unique },
      at: null,
    });
    return upgradeRequest ? asRequest(upgradeRequest.id, "upgrade") : applyDirect();
  });
  return applied;

  function asRequest(requestId: string, reason: "limit" | "upgrade"): SetStatusResult {
    return {
      to,
      changed: 0,
      unchanged: 0,
      pending: 0,
      requestId,
      requestReason: reason,
      outcomes: [],
      upgrade: null,
      marketingCount: account.marketingCount,
      tierLimit: account.tierLimit,
      accountTimeZone: account.timeZone,
    };
  }

  async function applyDirect(): Promise<SetStatusResult> {
    const { result, change } = await changeContacts(
      svc,
      actor.accountId,
      `set ${to} by ${actor.userId}`,
      async (tx, _a, at) => {
        const found = await requireContacts(tx, actor.accountId, unique);
        const outcomes = found.map((c) => {
          const state = {
            status: (c.marketing ? "marketing" : "non-marketing") as MarketingStatus,
            pendingSince: c.pendingSince,
          };
          const kind = to === "marketing" ? setMarketingOutcome(state).kind : setNonMarketingOutcome(state, at).kind;
          return { id: c.id, email: c.email, outcome: kind as Outcome, pendingSince: c.pendingSince };
        });
        const byOutcome = (o: Outcome) => outcomes.filter((x) => x.outcome === o);
        const made = byOutcome("made-marketing");
        const cancelled = byOutcome("cancelled-pending");
        const flagged = byOutcome("flagged-pending");
        const toMarketing = [...made, ...cancelled].map((x) => x.id);
        if (toMarketing.length > 0) {
          await tx
            .update(statuses)
            .set({ marketing: true, pendingSince: null })
            .where(inArray(statuses.contactId, toMarketing));
        }
        if (flagged.length > 0) {
          await tx
            .update(statuses)
            .set({ pendingSince: at })
            .where(
              inArray(
                statuses.contactId,
                flagged.map((x) => x.id),
              ),
            );
        }
        const effective = pendingEffectiveAt(terms, at);
        const audits: [Outcome, string, Date | null][] = [
          ["made-marketing", "Set marketing", at],
          ["cancelled-pending", "Set marketing (cancelled the pending non-marketing change)", at],
          ["flagged-pending", "Set non-marketing: stays marketing until the next update date", effective],
        ];
        for (const [o, summary, effectiveAt] of audits) {
          const rows = byOutcome(o);
          if (rows.length === 0) continue;
          await recordAudit(tx, {
            accountId: actor.accountId,
            at,
            effectiveAt,
            actor: actor.userId,
            kind: `status.${o}`,
            summary,
            count: rows.length,
            contactIds: rows.map((r) => r.id),
          });
        }
        return outcomes.map((o) => ({
          email: o.email,
          outcome: o.outcome,
          effectiveAt:
            o.outcome === "flagged-pending"
              ? effective
              : o.outcome === "already-pending" && o.pendingSince
                ? pendingEffectiveAt(terms, o.pendingSince)
                : null,
        }));
      },
    );
    const count = (...kinds: Outcome[]) => result.filter((r) => kinds.includes(r.outcome)).length;
    return {
      to,
      changed: count("made-marketing", "cancelled-pending"),
      unchanged: count("already-marketing", "already-pending", "already-non-marketing"),
      pending: count("flagged-pending"),
      requestId: null,
      requestReason: null,
      outcomes: result,
      upgrade: change.upgrade,
      marketingCount: change.after,
      tierLimit: change.tierLimitAfter,
      accountTimeZone: account.timeZone,
    };
  }
}

/** R4: deleting frees capacity at once; the tier is never lowered by it (R9). Admins only. */
export async function deleteContacts(svc: Services, actor: Actor, emails: string[]) {
  const user = await ensureUser(svc, actor.accountId, actor.userId);
  const allowed = canAdminister(user);
  if (!allowed.ok) throw Refusal.of(allowed);
  const unique = [...new Set(emails)];
  await requireContacts(svc.db, actor.accountId, unique);
  const { result, change } = await changeContacts(
    svc,
    actor.accountId,
    `delete by ${actor.userId}`,
    async (tx, _a, at) => {
      const found = await findContacts(tx, actor.accountId, unique);
      const ids = found.map((c) => c.id);
      // The status rows first (one statement for the counters), then the contacts.
      await tx.delete(statuses).where(inArray(statuses.contactId, ids));
      await tx.delete(contacts).where(inArray(contacts.id, ids));
      const deleted = found.map((c) => ({ id: c.id, email: c.email, marketing: c.marketing }));
      await recordAudit(tx, {
        accountId: actor.accountId,
        at,
        effectiveAt: at,
        actor: actor.userId,
        kind: "contact.deleted",
        summary: `Deleted ${deleted.map((d) => d.email).join(", ")}`,
        count: deleted.length,
        contactIds: deleted.map((d) => d.id),
        detail: { emails: deleted.map((d) => d.email) },
      });
      return deleted;
    },
  );
  return {
    deleted: result.length,
    marketingFreed: result.filter((r) => r.marketing).length,
    marketingCount: change.after,
    tierLimit: change.tierLimitAfter,
  };
}
