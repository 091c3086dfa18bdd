// Contacts coming in: one set-based upsert that applies the creation-source defaults, and its audit.

import { sql } from "drizzle-orm";
import { rowsOf, type Tx, timestamptz } from "../../db/client.ts";
import { n } from "../../domain/format.ts";
import { initialStatusFor, type SourceOverrides } from "../../domain/sources.ts";
import type { CreationSource } from "../../domain/types.ts";
import { recordAudit } from "../audit.ts";

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

/** The audit summary of contacts created by an intake call or an import. */
export const createdSummary = (created: number, marketing: number, what: string) =>
  `Created ${n(created)} contacts from ${what} (${n(marketing)} marketing, ${n(created - marketing)} non-marketing)`;

/** What the intake API's audit summaries say it came from. */
export const INTAKE_API = "the intake API";

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
      detail: what === INTAKE_API ? { source: "api", marketing } : null,
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
      detail: what === INTAKE_API ? { source: "api" } : null,
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
      detail: what === INTAKE_API ? { source: "api", form: true } : null,
    });
  }
}
