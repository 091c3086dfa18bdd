// Contacts coming in from outside: the intake API and CSV imports share one set-based upsert
// that applies the creation-source defaults (R15) and then the automation rules (R16), inside
// changeContacts so the tier check (R9) and the count-change event (R11) follow.
import { sql } from "drizzle-orm";
import { z } from "zod";
import { rowsOf, type Tx, timestamptz } from "../db/client.ts";
import { canSetMarketing } from "../domain/permissions.ts";
import { initialStatusFor, parseSource, type SourceOverrides } from "../domain/sources.ts";
import { canReceiveMarketing } from "../domain/status.ts";
import type { CreationSource, MarketingStatus } from "../domain/types.ts";
import { getAccount, rightsOf } from "./accounts.ts";
import { recordAudit } from "./audit.ts";
import { type BulkRequestView, createBulkRequestIn, getRequest } from "./bulk.ts";
import type { Services } from "./context.ts";
import { notice } from "./notices.ts";
import { queueMessage } from "./outbox.ts";
import { applyRulesInTx, finishRulePauses, refreshPausedRules } from "./rules.ts";
import { sourceOverridesOf } from "./source-defaults.ts";
import { changeContacts, upgradeNeeded } from "./tier.ts";

/** Most contacts one `POST /api/contacts` may carry. */
export const MAX_BATCH = 1000;

/** One contact as it comes in, already validated. `email` is lower-cased. */
export interface IntakeContact {
  email: string;
  firstName?: string | null;
  lastName?: string | null;
  lifecycle?: string | null;
  source: CreationSource;
  sourceId?: string | null;
  properties?: Record<string, unknown> | null;
}

export interface UpsertedContact {
  id: number;
  email: string;
  created: boolean;
  /** An existing contact whose fields or status this upsert changed. */
  updated: boolean;
  marketing: boolean;
  pending: boolean;
  /** An existing non-marketing contact made marketing by a marketing form (R15). */
  promoted: boolean;
}

/**
 * What an upsert into `contacts as c` does when the email exists, shared by the intake API and CSV
 * imports: fields that come in empty never clear stored ones, properties merge, the creation
 * source stays; a row that would change nothing is not touched, so re-imports are no-ops. The
 * status is not here: it lives in `contact_status` (a marketing form's promotion, R15, is a
 * separate statement on it).
 */
export const CONTACT_CONFLICT = sql.raw(`on conflict (account_id, email) do update set
        first_name = coalesce(excluded.first_name, c.first_name),
        last_name = coalesce(excluded.last_name, c.last_name),
        lifecycle = coalesce(excluded.lifecycle, c.lifecycle),
        properties = case when excluded.properties is null then c.properties
          else coalesce(c.properties, '{}'::jsonb) || excluded.properties end,
        updated_at = excluded.updated_at
      where (excluded.first_name is not null and excluded.first_name is distinct from c.first_name)
        or (excluded.last_name is not null and excluded.last_name is distinct from c.last_name)
        or (excluded.lifecycle is not null and excluded.lifecycle is distinct from c.lifecycle)
        or (excluded.properties is not null and not (coalesce(c.properties, '{}'::jsonb) @> excluded.properties))`);

/**
 * Upserts contacts by email in ONE multi-row INSERT … ON CONFLICT. New contacts start with the
 * status of their creation source (R15); an existing contact keeps its status and creation source,
 * except that a marketing form promotes a non-marketing contact (R15). Fields that come in empty
 * never clear stored ones; a row that would change nothing is not touched (so re-imports are no-ops).
 * Emails must be unique within `rows`.
 */
export async function upsertContacts(
  tx: Tx,
  accountId: number,
  rows: IntakeContact[],
  at: Date,
  overrides: SourceOverrides,
  /** False when whoever sends the contacts may not set contacts marketing (R13): all start non-marketing. */
  allowMarketing = true,
): Promise<UpsertedContact[]> {
  if (rows.length === 0) return [];
  const input = rows.map((r) => ({
    email: r.email,
    first_name: r.firstName ?? null,
    last_name: r.lastName ?? null,
    lifecycle: r.lifecycle ?? null,
    source: r.source,
    source_id: r.sourceId ?? null,
    properties: r.properties && Object.keys(r.properties).length > 0 ? r.properties : null,
    // For a form kind, "starts marketing" and "promotes an existing contact" are the same condition (R15).
    marketing:
      allowMarketing && initialStatusFor({ source: r.source, sourceId: r.sourceId ?? null, overrides }) === "marketing",
  }));
  // The main query sees contacts as they were before the INSERT (one snapshot), so joining
  // contacts directly gives each row's prior state; no CTE is joined to another (their row
  // estimates are blind, and a nested loop over two 5,000-row CTEs is quadratic).
  const out = await rowsOf<{
    kind: "upserted" | "prior";
    id: number;
    email: string;
    inserted: boolean;
    marketing: boolean;
    pending: boolean;
  }>(
    tx,
    sql`with input as (
      select * from jsonb_to_recordset(${JSON.stringify(input)}::jsonb) as x(
        email text, first_name text, last_name text, lifecycle text, source text, source_id text,
        properties jsonb)
    ), up as (
      insert into contacts as c (account_id, email, first_name, last_name, lifecycle, source, source_id,
        properties, created_at, updated_at)
      select ${accountId}, email, first_name, last_name, lifecycle, source, source_id, properties,
        ${timestamptz(at)}, ${timestamptz(at)}
      from input
      ${CONTACT_CONFLICT}
      returning c.id, c.email, (c.xmax::text = '0') as inserted
    )
    select 'upserted' as kind, up.id::float8 as id, up.email, up.inserted, false as marketing, false as pending from up
    union all
    select 'prior', p.id::float8, p.email, false, s.marketing, s.pending_since is not null
      from contacts p join contact_status s on s.contact_id = p.id
      where p.account_id = ${accountId} and p.email in (select email from input)`,
  );
  const prior = new Map<string, { id: number; marketing: boolean; pending: boolean }>();
  const upserted = new Map<string, { id: number; inserted: boolean }>();
  for (const r of out) {
    if (r.kind === "prior") prior.set(r.email, { id: Number(r.id), marketing: r.marketing, pending: r.pending });
    else upserted.set(r.email, { id: Number(r.id), inserted: r.inserted });
  }
  // New contacts start with their source's status (R15); an existing non-marketing contact who
  // submits a marketing form becomes marketing. Both are one statement on contact_status.
  const results = input.flatMap((i): UpsertedContact[] => {
    const before = prior.get(i.email);
    const touched = upserted.get(i.email);
    const id = before?.id ?? touched?.id;
    if (id === undefined) return [];
    const created = touched?.inserted === true;
    const promoted =
      !created && before?.marketing === false && i.marketing && (i.source === "form" || i.source === "external-form");
    return [
      {
        id,
        email: i.email,
        created,
        updated: (touched !== undefined && !created) || promoted,
        marketing: created ? i.marketing : (before?.marketing ?? false) || promoted,
        pending: !created && !promoted && (before?.pending ?? false),
        promoted,
      },
    ];
  });
  const makeMarketing = results.filter((r) => r.marketing && (r.created || r.promoted)).map((r) => r.id);
  if (makeMarketing.length > 0) {
    await rowsOf(
      tx,
      sql`update contact_status set marketing = true, pending_since = null
          where contact_id in (select jsonb_array_elements_text(${JSON.stringify(makeMarketing)}::jsonb)::bigint)`,
    );
  }
  const byEmail = new Map(results.map((r) => [r.email, r]));
  return rows.flatMap((r) => {
    const u = byEmail.get(r.email);
    return u ? [u] : [];
  });
}

const n = (x: number) => x.toLocaleString("en-US");

/** The audit summary of contacts created by an intake call or an import. */
export const createdSummary = (created: number, marketing: number, what: string) =>
  `Created ${n(created)} contacts from ${what} (${n(marketing)} marketing, ${n(created - marketing)} non-marketing)`;

/** The audit summary of existing contacts an intake call or an import changed. */
export const updatedSummary = (updated: number, what: string) => `Updated ${n(updated)} contacts from ${what}`;

/** Audit rows for one upsert: created, updated and promoted contacts, one row each (set-based). */
export async function auditUpsert(
  tx: Tx,
  accountId: number,
  at: Date,
  actor: string,
  what: string,
  results: UpsertedContact[],
): Promise<void> {
  const created = results.filter((r) => r.created);
  const updated = results.filter((r) => r.updated && !r.promoted);
  const promoted = results.filter((r) => r.promoted);
  if (created.length > 0) {
    const marketing = created.filter((r) => r.marketing).length;
    await recordAudit(tx, {
      accountId,
      at,
      effectiveAt: at,
      actor,
      kind: "contact.created",
      summary: createdSummary(created.length, marketing, what),
      count: created.length,
      contactIds: created.map((r) => r.id),
    });
  }
  if (updated.length > 0) {
    await recordAudit(tx, {
      accountId,
      at,
      actor,
      kind: "contact.updated",
      summary: updatedSummary(updated.length, what),
      count: updated.length,
      contactIds: updated.map((r) => r.id),
    });
  }
  if (promoted.length > 0) {
    await recordAudit(tx, {
      accountId,
      at,
      effectiveAt: at,
      actor,
      kind: "status.made-marketing",
      summary: `Set marketing: ${promoted.length.toLocaleString("en-US")} non-marketing contacts submitted a marketing form (${what})`,
      count: promoted.length,
      contactIds: promoted.map((r) => r.id),
    });
  }
}

// ---------------------------------------------------------------------------------------------
// API bodies (zod).

// Postgres text cannot hold U+0000, and jsonb (the batch travels as JSON) refuses it and unpaired
// surrogates: such a value would fail the whole statement, so it is refused here, per item.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why `s` cannot be stored as text, or null when it can. */
export function unstorableText(s: string): string | null {
  if (s.includes("\u0000")) return "contains a NUL character (U+0000), which cannot be stored";
  if (LONE_SURROGATE.test(s)) return "contains an unpaired UTF-16 surrogate, which is not valid text";
  return null;
}

/** Deepest nesting of `properties` accepted (Postgres refuses very deep jsonb). */
const MAX_PROPERTIES_DEPTH = 32;

/** Why a `properties` object cannot be stored, naming the top-level property; walks without recursion. */
function unstorableProperties(properties: Record<string, unknown>): string | null {
  for (const [top, value] of Object.entries(properties)) {
    const why = unstorableText(top);
    if (why) return `a property name ${why}`;
    const stack: [unknown, number][] = [[value, 1]];
    for (let next = stack.pop(); next; next = stack.pop()) {
      const [v, depth] = next;
      if (typeof v === "string") {
        const bad = unstorableText(v);
        if (bad) return `"${top.slice(0, 100)}" ${bad}`;
      } else if (v !== null && typeof v === "object") {
        if (depth >= MAX_PROPERTIES_DEPTH)
          return `"${top.slice(0, 100)}" nests more than ${MAX_PROPERTIES_DEPTH} levels deep`;
        for (const [k, inner] of Object.entries(v)) {
          const bad = Array.isArray(v) ? null : unstorableText(k);
          if (bad) return `"${top.slice(0, 100)}" has a key that ${bad}`;
          stack.push([inner, depth + 1]);
        }
      }
    }
  }
  return null;
}

const storableText = (params?: { error: string }) =>
  z.string(params).refine((s) => unstorableText(s) === null, { error: (i) => unstorableText(String(i.input)) ?? "" });

const optionalText = (max: number) =>
  storableText()
    .trim()
    .max(max, { error: `must be at most ${max} characters` })
    .nullish()
    .transform((s) => (s ? s : null));

export const intakeContactSchema = z.object({
  email: storableText({ error: "email is required" })
    .trim()
    .toLowerCase()
    .max(254, { error: "email must be at most 254 characters" })
    .pipe(z.email({ error: "is not a valid email address" })),
  firstName: optionalText(200),
  lastName: optionalText(200),
  lifecycle: optionalText(100),
  source: z.string({ error: "source is required" }).transform((s, ctx) => {
    const parsed = parseSource(s);
    if (parsed === null) {
      ctx.addIssue({
        code: "custom",
        message: `"${s.slice(0, 80)}" is not a source; use form, external-form, chatflow, integration:<app>, api, import, manual, mobile-app, logged-email, extension or meetings-link`,
      });
      return z.NEVER;
    }
    return parsed;
  }),
  sourceId: optionalText(200),
  properties: z
    .record(z.string().max(100), z.unknown(), { error: "properties must be an object" })
    .nullish()
    .superRefine((p, ctx) => {
      if (p == null) return;
      const why = unstorableProperties(p);
      if (why) ctx.addIssue({ code: "custom", message: why });
      else if (JSON.stringify(p).length > 64_000) {
        ctx.addIssue({ code: "custom", message: "properties must be at most 64 KB of JSON" });
      }
    }),
});

/** The email of `GET /api/contacts/:email`, checked as a body's email is; a clear sentence when it is not one. */
export function parseLookupEmail(raw: string): { ok: true; email: string } | { ok: false; error: string } {
  const parsed = intakeContactSchema.shape.email.safeParse(raw);
  if (parsed.success) return { ok: true, email: parsed.data };
  const issue = parsed.error.issues[0];
  if (issue?.code === "too_big") return { ok: false, error: "the email in the path is longer than 254 characters" };
  if (issue?.code === "custom") return { ok: false, error: `the email in the path ${issue.message}` };
  return { ok: false, error: `"${raw.slice(0, 254)}" is not a valid email address` };
}

export type IntakeBodyItem = z.input<typeof intakeContactSchema>;

/** Every reason a body item is invalid, as `field: message`. */
export function validateContact(
  raw: unknown,
): { ok: true; contact: IntakeContact } | { ok: false; errors: string[]; email: string | null } {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return { ok: false, errors: ["each contact must be a JSON object"], email: null };
  }
  const parsed = intakeContactSchema.safeParse(raw);
  if (parsed.success) return { ok: true, contact: parsed.data };
  const errors = parsed.error.issues.map((i) => {
    const field = i.path.join(".");
    if (field === "email" && i.code === "invalid_format") {
      return `email: "${String((raw as { email?: unknown }).email).slice(0, 254)}" ${i.message}`;
    }
    return field ? `${field}: ${i.message}` : i.message;
  });
  const email = (raw as { email?: unknown }).email;
  return { ok: false, errors, email: typeof email === "string" ? email.trim().toLowerCase() : null };
}

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
    await auditUpsert(tx, accountId, at, actor, "the intake API", upserted);
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
