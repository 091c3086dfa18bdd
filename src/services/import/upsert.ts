// From staging into contacts: set-based upserts, a bounded range of staging pages per statement,
// each writing its own audit rows; the list, the import's rows and the automation rules after.
import { type SQL, sql } from "drizzle-orm";
import { rowsOf, type Tx, timestamptz } from "../../db/client.ts";
import { contacts } from "../../db/schema.ts";
import { recordAudit } from "../audit.ts";
import type { Actor, Services } from "../context.ts";
import { CONTACT_CONFLICT, createdSummary, updatedSummary } from "../intake/index.ts";
import { applyRulesInTx, type RulePause } from "../rules/index.ts";

export interface UpsertOutcome {
  created: number;
  updated: number;
  list: { id: number; name: string; created: boolean; added: number } | null;
  ruleChanges: number;
  pauses: RulePause[];
}

/**
 * Staging pages one statement takes (8 MB of rows, about 100,000 HubSpot rows): each statement's
 * memory (trigger events, RETURNING, id arrays) stays bounded whatever the file's size, which
 * matters on PGlite, whose WebAssembly memory never shrinks once grown.
 */
export const PAGES_PER_STATEMENT = 1024;

/**
 * Inside changeContacts: upserts the staged rows, one statement per PAGES_PER_STATEMENT pages of
 * staging (a TID range scan), each writing its own audit rows (created, updated); fills the list
 * and, for "set all as marketing", the import's rows; then runs the automation rules on the
 * contacts created or changed (R16).
 */
export async function upsertStaged(
  svc: Services,
  tx: Tx,
  p: {
    actor: Actor;
    importId: number;
    staging: string;
    at: Date;
    startsMarketing: boolean;
    what: string;
    /** The file's name as uploaded, kept with the audit rows (null when it had none). */
    fileName: string | null;
    listName: string | null;
    marketing: boolean;
    pagesPerStatement: number;
  },
): Promise<UpsertOutcome> {
  const { accountId, userId } = p.actor;
  const withRules = await hasActiveRules(tx, accountId);
  const list = p.listName ? await ensureListInTx(tx, accountId, userId, p.listName, p.at) : null;
  const [size] = await rowsOf<{ pages: number }>(
    tx,
    sql`select (pg_relation_size(${p.staging}) / current_setting('block_size')::int)::int as pages`,
  );
  const totals = { created: 0, updated: 0 };
  // The audit rows of the contacts created or changed: they hold every id, so the rules' scope is
  // a SQL condition over them, never an array of (up to millions of) ids in JavaScript.
  const auditIds: number[] = [];
  const step = Math.max(1, Math.trunc(p.pagesPerStatement));
  for (let page = 0; page < (size?.pages ?? 0); page += step) {
    const rows = sql.raw(
      `(select * from ${p.staging} where ctid >= '(${page},0)'::tid and ctid < '(${page + step},0)'::tid)`,
    );
    const chunk = await upsertChunk(tx, { ...p, rows });
    totals.created += chunk.created;
    totals.updated += chunk.updated;
    for (const id of chunk.auditIds) auditIds.push(id);
    // The file's contacts, whether created, changed or already as in the file.
    const fileContacts = sql`select s.email, s.line, c.id from ${rows} s
      join contacts c on c.account_id = ${accountId} and c.email = s.email`;
    if (p.marketing) {
      await rowsOf(
        tx,
        sql`insert into import_rows (import_id, email, line, contact_id)
            select ${p.importId}, email, line, id from (${fileContacts}) f`,
      );
    }
    if (list) list.added += await addToList(tx, p, list.id, fileContacts);
  }
  const rules =
    withRules && auditIds.length > 0
      ? await applyRulesInTx(svc, tx, accountId, p.at, touchedBy(accountId, auditIds), p.actor.userId)
      : { runs: [], pauses: [] };
  return {
    ...totals,
    list,
    ruleChanges: rules.runs.reduce((sum, r) => sum + r.changed, 0),
    pauses: rules.pauses,
  };
}

/**
 * The contacts the audit rows `auditIds` (an import's contact.created / contact.updated rows) hold,
 * as a condition on `contacts`. It still holds after the import commits, for a paused rule's request.
 * `is true` keeps it a hashed subplan checked while scanning the account's contacts: as a join,
 * the planner (guessing 10 ids per array) would probe the primary key once per id, 3× slower at 300,000.
 */
function touchedBy(accountId: number, auditIds: number[]): SQL {
  return sql`(${contacts.id} in (select unnest(a.contact_ids) from audit_events a
    where a.account_id = ${accountId} and a.id in (select jsonb_array_elements_text(${JSON.stringify(auditIds)}::jsonb)::bigint))) is true`;
}

/** One upsert statement over `rows` of staging, with its audit rows written by the same statement. */
async function upsertChunk(
  tx: Tx,
  p: {
    actor: Actor;
    at: Date;
    startsMarketing: boolean;
    what: string;
    importId: number;
    fileName: string | null;
    rows: SQL;
  },
) {
  const source = { source: "import", importId: p.importId, fileName: p.fileName };
  const { accountId, userId } = p.actor;
  const at = timestamptz(p.at);
  const [out] = await rowsOf<{
    created: number;
    updated: number;
    created_audit: number | null;
    updated_audit: number | null;
  }>(
    tx,
    sql`with up as (
      insert into contacts as c (account_id, email, first_name, last_name, lifecycle, source, properties,
        created_at, updated_at)
      select ${accountId}, email, first_name, last_name, lifecycle, 'import', properties, ${at}, ${at}
      from ${p.rows} s
      ${CONTACT_CONFLICT}
      returning c.id, (c.xmax::text = '0') as inserted
    ), agg as (
      select count(*) filter (where inserted)::int as created,
        count(*) filter (where not inserted)::int as updated,
        array_agg(id) filter (where inserted) as created_ids,
        array_agg(id) filter (where not inserted) as updated_ids
      from up
    ), created_audit as (
      insert into audit_events (account_id, at, effective_at, actor, kind, summary, count, contact_ids)
      select ${accountId}, ${at}, ${at}, ${userId}, 'contact.created', '', created, created_ids from agg where created > 0
      returning id
    ), updated_audit as (
      insert into audit_events (account_id, at, actor, kind, summary, count, contact_ids)
      select ${accountId}, ${at}, ${userId}, 'contact.updated', '', updated, updated_ids from agg where updated > 0
      returning id
    )
    select created, updated,
      (select id::float8 from created_audit) as created_audit, (select id::float8 from updated_audit) as updated_audit
    from agg`,
  );
  const created = out?.created ?? 0;
  const updated = out?.updated ?? 0;
  if (out?.created_audit != null && p.startsMarketing) {
    // New contacts got their status row non-marketing; this import's source starts them marketing (R15).
    await rowsOf(
      tx,
      sql`update contact_status set marketing = true where contact_id in
          (select unnest(contact_ids) from audit_events where id = ${out.created_audit})`,
    );
  }
  if (out?.created_audit != null) {
    const marketing = p.startsMarketing ? created : 0;
    await setSummary(tx, out.created_audit, createdSummary(created, marketing, p.what), { ...source, marketing });
  }
  if (out?.updated_audit != null) await setSummary(tx, out.updated_audit, updatedSummary(updated, p.what), source);
  const auditIds = [out?.created_audit, out?.updated_audit].filter((id): id is number => id != null).map(Number);
  return { created, updated, auditIds };
}

/** Adds the file's contacts to the list (those not in it yet), with one audit row; returns how many. */
async function addToList(
  tx: Tx,
  p: { actor: Actor; at: Date; importId: number },
  listId: number,
  fileContacts: SQL,
): Promise<number> {
  const [added] = await rowsOf<{ n: number; audit: number | null }>(
    tx,
    sql`with added as (
      insert into list_members (list_id, contact_id) select ${listId}, id from (${fileContacts}) f
      on conflict do nothing returning contact_id
    ), audit as (
      insert into audit_events (account_id, at, actor, kind, summary, count, contact_ids, detail)
      select ${p.actor.accountId}, ${timestamptz(p.at)}, ${p.actor.userId}, 'list.added', '', count(*), array_agg(contact_id),
        ${JSON.stringify({ listId, importId: p.importId })}::jsonb
      from added having count(*) > 0
      returning id, count
    )
    select coalesce((select count from audit), 0)::int as n, (select id::float8 from audit) as audit`,
  );
  const n = added?.n ?? 0;
  if (added?.audit != null) {
    await setSummary(tx, added.audit, `Added ${n.toLocaleString("en-US")} imported contacts to a list`);
  }
  return n;
}

/** The summary of an audit row written by a set-based statement, and the facts it words (when given). */
async function setSummary(tx: Tx, auditId: number, summary: string, detail?: object): Promise<void> {
  await rowsOf(
    tx,
    detail
      ? sql`update audit_events set summary = ${summary}, detail = ${JSON.stringify(detail)}::jsonb where id = ${auditId}`
      : sql`update audit_events set summary = ${summary} where id = ${auditId}`,
  );
}

async function hasActiveRules(tx: Tx, accountId: number): Promise<boolean> {
  const [row] = await rowsOf<{ any: boolean }>(
    tx,
    sql`select exists (select 1 from automation_rules where account_id = ${accountId} and enabled
        and paused_reason is null) as any`,
  );
  return Boolean(row?.any);
}

/** The list named `name` (any case), created with its audit row when missing. */
async function ensureListInTx(tx: Tx, accountId: number, userId: string, name: string, at: Date) {
  const [row] = await rowsOf<{ id: number; name: string }>(
    tx,
    sql`insert into lists (account_id, name, created_by) values (${accountId}, ${name}, ${userId})
        on conflict do nothing returning id::float8 as id, name`,
  );
  if (row) {
    await recordAudit(tx, {
      accountId,
      at,
      actor: userId,
      kind: "list.created",
      summary: `Created list "${name}" for an import`,
      detail: { list: name },
    });
    return { id: Number(row.id), name: row.name, created: true, added: 0 };
  }
  const [existing] = await rowsOf<{ id: number; name: string }>(
    tx,
    sql`select id::float8 as id, name from lists where account_id = ${accountId} and lower(name) = lower(${name})`,
  );
  if (!existing) throw new Error(`list ${name} could not be created`);
  return { id: Number(existing.id), name: existing.name, created: false, added: 0 };
}
