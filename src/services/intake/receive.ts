// Contacts coming in through the intake API: the upsert, the automation rules and the tier check in
// one change, held for approval where the key's maker may not make them marketing or it would upgrade.
import { sql } from "drizzle-orm";
import { rowsOf } from "../../db/client.ts";
import { canSetMarketing } from "../../domain/permissions.ts";
import { initialStatusFor } from "../../domain/sources.ts";
import { canReceiveMarketing } from "../../domain/status.ts";
import type { MarketingStatus } from "../../domain/types.ts";
import { getAccount, rightsOf } from "../accounts.ts";
import { type BulkRequestView, createBulkRequestIn, getRequest } from "../bulk/index.ts";
import type { Services } from "../context.ts";
import { notice } from "../notices.ts";
import { queueMessage } from "../outbox.ts";
import { applyRulesInTx, finishRulePauses, refreshPausedRules } from "../rules/index.ts";
import { sourceOverridesOf } from "../source-defaults.ts";
import { changeContacts, upgradeNeeded } from "../tier.ts";
import { auditUpsert, INTAKE_API, type IntakeContact, upsertContacts } from "./upsert.ts";

// ---------------------------------------------------------------------------------------------
// The intake use case.

export interface IntakeResult {
  email: string;
  status: MarketingStatus;
  pending: boolean;
  created: boolean;
  updated: boolean;
}

export interface IntakeOutcome {
  results: IntakeResult[];
  /** Bulk requests made by rules that paused (R16); the Slack app posts them for approval. */
  ruleRequests: BulkRequestView[];
  /**
   * Contacts that came in as marketing by their source's default but were created (or kept)
   * non-marketing instead: `access` when the key's owner has no marketing contacts access (R13),
   * `upgrade` when they would have taken the tier up (R9, R14), `limit` when one call would make more of
   * them marketing than the direct-change limit (R14); then `request` asks to set them marketing.
   */
  held: { reason: "access" | "upgrade" | "limit"; emails: string[]; request: BulkRequestView | null } | null;
}

/** Who sends contacts through the intake: the API key (for the audit) and the user it acts for. */
export interface IntakeSender {
  /** `api:<key id>`. */
  actor: string;
  /** The key's maker: the key acts with this user's rights as they are when it is used (R13, R14). */
  ownerId: string;
}

/**
 * Upserts contacts for an account from the intake API (R15, R16, R9, R11). Duplicate emails in
 * one call: the first wins (later ones answer with the same result). Contacts whose source makes
 * them marketing start non-marketing when the key's owner lacks marketing access, or when they
 * would upgrade the tier: then one bulk request, requested by the owner, asks to set them marketing.
 */
export async function intakeContacts(
  svc: Services,
  accountId: number,
  sender: IntakeSender,
  contacts: IntakeContact[],
): Promise<IntakeOutcome> {
  const unique = new Map<string, IntakeContact>();
  for (const c of contacts) if (!unique.has(c.email)) unique.set(c.email, c);
  const rows = [...unique.values()];
  if (rows.length === 0) return { results: [], ruleRequests: [], held: null };
  const { actor, ownerId } = sender;
  const account = await getAccount(svc.db, accountId);
  const overrides = sourceOverridesOf(account);
  const wanted = new Set(
    rows
      .filter((r) => initialStatusFor({ source: r.source, sourceId: r.sourceId ?? null, overrides }) === "marketing")
      .map((r) => r.email),
  );
  await refreshPausedRules(svc, accountId);
  const { result } = await changeContacts(svc, accountId, `intake (${actor})`, async (tx, before, at) => {
    const owner = await rightsOf(svc, tx, accountId, ownerId);
    const allowMarketing = canSetMarketing(owner).ok;
    let upserted = await upsertContacts(tx, accountId, rows, at, overrides, allowMarketing);
    let held: { reason: "access" | "upgrade" | "limit"; emails: string[]; requestId: string | null } | null = null;
    if (!allowMarketing) {
      const emails = upserted.filter((u) => wanted.has(u.email) && !u.marketing).map((u) => u.email);
      if (emails.length > 0) {
        held = { reason: "access", emails, requestId: null };
        await queueMessage(
          tx,
          before,
          at,
          {
            key: `intake-held:${actor}:${at.getTime()}`,
            notice: notice("intake-held", { count: emails.length, keyId: actor.replace(/^api:/, ""), ownerId }),
          },
          { channel: before.approvalsChannel, users: [] },
        );
      }
    } else {
      const after = await getAccount(tx, accountId);
      const madeMarketing = upserted.filter((u) => (u.created && u.marketing) || u.promoted);
      const upgrade =
        after.marketingCount > before.marketingCount && upgradeNeeded(svc, after, after.marketingCount, at);
      if (upgrade || madeMarketing.length > before.directLimit) {
        // More than the direct-change limit becoming marketing in one call, or a tier upgrade: they
        // wait, non-marketing, for an approver (R9, R14), in one request made by the key's maker.
        await rowsOf(
          tx,
          sql`update contact_status set marketing = false
              where contact_id in (select jsonb_array_elements_text(${JSON.stringify(madeMarketing.map((u) => u.id))}::jsonb)::bigint)
                and pending_since is null`,
        );
        const ids = new Set(madeMarketing.map((u) => u.id));
        upserted = upserted.map((u) => (ids.has(u.id) ? { ...u, marketing: false, promoted: false } : u));
        const emails = madeMarketing.map((u) => u.email);
        const requestId = await createBulkRequestIn(
          svc,
          tx,
          { accountId, userId: ownerId },
          { action: "marketing", selector: { type: "emails", emails }, at: null, origin: actor, viaSelector: true },
        );
        held = { reason: upgrade ? "upgrade" : "limit", emails, requestId };
      }
    }
    await auditUpsert(tx, accountId, at, actor, INTAKE_API, upserted);
    const touched = upserted.filter((u) => u.created || u.updated).map((u) => u.id);
    const rules = await applyRulesInTx(svc, tx, accountId, at, touched, ownerId);
    // Rules may have changed statuses: read them back for the answer.
    const ids = upserted.map((u) => u.id);
    const now = await rowsOf<{ id: number; marketing: boolean; pending: boolean }>(
      tx,
      sql`select contact_id::float8 as id, marketing, pending_since is not null as pending from contact_status
          where contact_id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::bigint)`,
    );
    const byId = new Map(now.map((r) => [Number(r.id), r]));
    return {
      upserted: upserted.map((u) => ({
        ...u,
        marketing: byId.get(u.id)?.marketing ?? u.marketing,
        pending: byId.get(u.id)?.pending ?? u.pending,
      })),
      pauses: rules.pauses,
      held,
    };
  });
  const ruleRequests = await finishRulePauses(svc, accountId, result.pauses);
  const byEmail = new Map(result.upserted.map((u) => [u.email, u]));
  const held = result.held
    ? {
        reason: result.held.reason,
        emails: result.held.emails,
        request: result.held.requestId ? await getRequest(svc, accountId, result.held.requestId) : null,
      }
    : null;
  return {
    results: contacts.map((c) => {
      const u = byEmail.get(c.email);
      if (!u) throw new Error(`intake lost ${c.email}`);
      return {
        email: u.email,
        status: u.marketing ? "marketing" : "non-marketing",
        pending: u.pending,
        created: u.created,
        updated: u.updated,
      };
    }),
    ruleRequests,
    held,
  };
}

/** `GET /api/contacts/:email`: status and whether marketing may reach it (R1); null when unknown. */
export async function intakeLookup(svc: Services, accountId: number, email: string) {
  const [row] = await rowsOf<{ email: string; marketing: boolean; pending: boolean }>(
    svc.db,
    sql`select c.email, s.marketing, s.pending_since is not null as pending
        from contacts c join contact_status s on s.contact_id = c.id
        where c.account_id = ${accountId} and c.email = ${email.trim().toLowerCase()}`,
  );
  if (!row) return null;
  const status: MarketingStatus = row.marketing ? "marketing" : "non-marketing";
  return { email: row.email, status, pending: row.pending, marketable: canReceiveMarketing(status).yes };
}
