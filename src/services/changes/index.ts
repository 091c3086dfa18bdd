// The changes feed (API v1): an account's changes of contacts, the tier and requests, read from the
// audit in the order their transactions make safe, page after page from an opaque cursor.
import { type SQL, sql } from "drizzle-orm";
import { rowsOf } from "../../db/client.ts";
import { Refusal, type Services } from "../context.ts";
import { decodeCursor, encodeCursor, type FeedPosition, START, WHOLE_ROW } from "./cursor.ts";
import { CHANGE_TYPES, type ChangeEvent, type ChangeType } from "./events.ts";
import { KIND_READINGS, TIER_SETTING_KINDS } from "./kinds.ts";
import { type EventRow, eventOf } from "./rows.ts";

export { INVALID_CURSOR } from "./cursor.ts";
export * from "./events.ts";

export const MAX_CHANGES_LIMIT = 1000;

/**
 * The most audit rows one page looks at. Rows of other kinds or types (a list change, a rule
 * edit) give no event but are read past; a page that met this many returns what it found, maybe
 * nothing, with `hasMore`, so a page costs a bounded amount however sparse the events are.
 */
export const MAX_SCANNED_ROWS = 2000;

export interface ChangesPage {
  events: ChangeEvent[];
  /** Where the next read starts: pass it as `after`. The `after` given when nothing new was read past. */
  next: string;
  /** More events may be readable now: read again at once rather than waiting. */
  hasMore: boolean;
}

export interface ChangesQuery {
  /** A `next` from an earlier page, or null to read from the beginning. */
  after: string | null;
  /** At most this many events (1 to MAX_CHANGES_LIMIT); a page may hold fewer while `hasMore`. */
  limit: number;
  /** Only events of these types (all of them when absent or empty); the cursor moves past the others. */
  types?: readonly ChangeType[];
}

/**
 * A page of the account's changes after `after`, oldest first.
 *
 * Events come in (transaction id, audit id, position in the row) order, and only events of
 * transactions older than every transaction still running (below the snapshot's xmin) are read.
 * Audit ids are taken in one order and committed in another: reading by id alone, a poller could
 * pass id 12 while the transaction holding id 11 had yet to commit, and never see it. Every
 * transaction that may still commit has a transaction id at or above the xmin, so its events sort
 * after all that this read returns. The cost is latency: a long-running writing transaction (anywhere on the
 * server) holds the feed back until it ends.
 *
 * A bulk change is one audit row of many contacts; a page may end inside it and the next page go
 * on from the next contact, so a rollover of 100,000 contacts reads as 100 pages of 1,000.
 */
export async function readChanges(svc: Services, accountId: number, q: ChangesQuery): Promise<ChangesPage> {
  if (!Number.isInteger(q.limit) || q.limit < 1 || q.limit > MAX_CHANGES_LIMIT) {
    throw new Refusal(`The limit must be a whole number from 1 to ${MAX_CHANGES_LIMIT}.`, "invalid");
  }
  const unknown = (q.types ?? []).filter((t) => !(CHANGE_TYPES as readonly string[]).includes(t));
  if (unknown.length > 0) {
    throw new Refusal(`Unknown event type ${unknown[0]}: the types are ${CHANGE_TYPES.join(", ")}.`, "invalid");
  }
  const from = q.after === null ? START : decodeCursor(q.after);
  const types = new Set<ChangeType>(q.types?.length ? q.types : CHANGE_TYPES);
  const walked = await walk(svc, accountId, from, q.limit, types);

  // How much of each walked row this page takes, in order, until `limit` events.
  const picks: RowPart[] = [];
  let taken = 0;
  let next: FeedPosition | null = null;
  let more = false;
  for (const [i, row] of walked.entries()) {
    if (row.step > MAX_SCANNED_ROWS) {
      more = true;
      break;
    }
    const skip = BigInt(row.id) === from.auditId ? from.position : 0;
    const take = Math.min(row.avail, q.limit - taken);
    if (take > 0) picks.push({ id: row.id, lo: skip + 1, hi: skip + take });
    taken += take;
    const rowEnd = take === row.avail;
    next = { txid: BigInt(row.k), auditId: BigInt(row.id), position: rowEnd ? WHOLE_ROW : skip + take };
    if (taken === q.limit) {
      // The walk read one row past the one that filled the page, if there is one.
      more = !rowEnd || i + 1 < walked.length;
      break;
    }
  }
  const events = picks.length === 0 ? [] : await eventsOf(svc, accountId, picks);
  return {
    events,
    next: q.after !== null && next === null ? q.after : encodeCursor(next ?? from),
    hasMore: more,
  };
}

/**
 * The cursor past every event readable now: where a new reader that wants only what happens from
 * now on starts (a new webhook endpoint). One index read, however long the account's history.
 */
export async function feedEnd(svc: Services, accountId: number): Promise<string> {
  const [row] = await rowsOf<{ k: string; id: string }>(
    svc.db,
    sql`select coalesce(a.txid, '0'::xid8)::text as k, a.id::text as id
        from audit_events a
        where a.account_id = ${accountId} and coalesce(a.txid, '0'::xid8) < pg_snapshot_xmin(pg_current_snapshot())
        order by coalesce(a.txid, '0'::xid8) desc, a.id desc
        limit 1`,
  );
  return encodeCursor(row ? { txid: BigInt(row.k), auditId: BigInt(row.id), position: WHOLE_ROW } : START);
}

/** Positions `lo` to `hi` of the audit row `id`: the part of it a page takes. */
interface RowPart {
  id: string;
  lo: number;
  hi: number;
}

interface WalkedRow {
  id: string;
  k: string;
  step: number;
  /** The row's events after the cursor that `types` selects. */
  avail: number;
}

/** A list of SQL string literals, from constants of this module (kinds and types, never input). */
function literals(values: readonly string[]): SQL {
  for (const v of values) if (!/^[a-z._-]+$/.test(v)) throw new Error(`not a kind: ${v}`);
  return sql.raw(values.length === 0 ? "(null)" : `(${values.map((v) => `'${v}'`).join(", ")})`);
}

/**
 * The audit rows from `from` on, one index step at a time (a recursive walk, so no row past what
 * the page needs is read, nor its contact ids counted), with how many selected events each holds
 * after the cursor. It stops at the row that makes them `limit` events (one row further when that
 * row ends exactly there: whether one follows says if there is more), or after MAX_SCANNED_ROWS + 1
 * rows.
 */
async function walk(
  svc: Services,
  accountId: number,
  from: FeedPosition,
  limit: number,
  types: Set<ChangeType>,
): Promise<WalkedRow[]> {
  const kinds = Object.entries(KIND_READINGS).filter(([, r]) => types.has(r.type));
  const contactKinds = literals(kinds.filter(([, r]) => r.perContact).map(([k]) => k));
  const rowKinds = literals(kinds.filter(([, r]) => !r.perContact).map(([k]) => k));
  const tierSettings = types.has("tier.changed")
    ? sql`(a.kind in ${literals(TIER_SETTING_KINDS)} and a.detail->>'key' = 'tier')`
    : sql`false`;
  const avail = (skip: SQL) => sql`case
    when a.kind in ${contactKinds} then greatest(coalesce(cardinality(a.contact_ids), 0) - ${skip}, 0)
    when a.kind in ${rowKinds} or ${tierSettings} then case when ${skip} = 0 then 1 else 0 end
    else 0 end`;
  const key = sql`coalesce(a.txid, '0'::xid8)`;
  const txid = sql`${from.txid.toString()}::xid8`;
  const auditId = sql`${from.auditId.toString()}::bigint`;
  const rows = await rowsOf<WalkedRow>(
    svc.db,
    sql`with recursive snap as (
      select pg_snapshot_xmin(pg_current_snapshot()) as xmin
    ), walk as (
      (select head.id, head.k, head.xmin, 1 as step, head.avail, head.avail as upto
       from (
         select a.id, ${key} as k, snap.xmin,
           ${avail(sql`(case when a.id = ${auditId} then ${from.position}::int else 0 end)`)} as avail
         from audit_events a, snap
         where a.account_id = ${accountId} and ${key} < snap.xmin and (${key}, a.id) >= (${txid}, ${auditId})
         order by ${key}, a.id
         limit 1
       ) head)
      union all
      (select n.id, n.k, w.xmin, w.step + 1, n.avail, w.upto + n.avail
       from walk w cross join lateral (
         select a.id, ${key} as k, ${avail(sql`0`)} as avail
         from audit_events a
         where a.account_id = ${accountId} and ${key} < w.xmin and (${key}, a.id) > (w.k, w.id)
         order by ${key}, a.id
         limit 1
       ) n
       where (w.upto < ${limit}::int or (w.upto = ${limit}::int and w.avail > 0)) and w.step <= ${MAX_SCANNED_ROWS}::int)
    )
    select id::text as id, k::text as k, step, avail from walk order by step`,
  );
  return rows.map((r) => ({ ...r, step: Number(r.step), avail: Number(r.avail) }));
}

/** The events of the picked parts of audit rows, in feed order, with what they name looked up. */
async function eventsOf(svc: Services, accountId: number, picks: RowPart[]): Promise<ChangeEvent[]> {
  const iso = (ts: SQL) => sql`to_char(${ts} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  const rows = await rowsOf<EventRow>(
    svc.db,
    sql`select a.id::text as audit_id, a.kind, ${iso(sql`a.at`)} as at,
      ${iso(sql`coalesce(a.effective_at, a.at)`)} as effective_at, a.actor,
      coalesce(e.pos, 1)::int as pos, e.contact_id::float8 as contact_id, c.email,
      a.detail->>'requestId' as request_id, r.action as request_action, r.count as request_count,
      a.detail->>'key' as setting_key, a.detail->>'before' as setting_before, a.detail->>'after' as setting_after,
      a.detail->>'oldLimit' as old_limit, a.detail->>'newLimit' as new_limit,
      a.detail->>'chargeCents' as charge_cents, a.detail->>'chargeDue' as charge_due,
      a.detail->>'target' as target, td.old_limit as downgraded_from,
      a.detail->>'percent' as threshold_percent, a.detail->>'marketingCount' as marketing_count,
      a.detail->>'tierLimit' as tier_limit
    from jsonb_to_recordset(${JSON.stringify(picks)}::jsonb) as p(id bigint, lo int, hi int)
    join audit_events a on a.id = p.id and a.account_id = ${accountId}
    left join lateral (
      select u.contact_id, (u.ord + p.lo - 1)::int as pos
      from unnest(a.contact_ids[p.lo:p.hi]) with ordinality as u(contact_id, ord)
      where a.kind in ${literals(Object.keys(KIND_READINGS).filter((k) => KIND_READINGS[k]?.perContact))}
    ) e on true
    left join contacts c on c.id = e.contact_id and c.account_id = a.account_id
    left join bulk_requests r on r.id = a.detail->>'requestId' and r.account_id = a.account_id
    left join lateral (
      select t.old_limit from tier_changes t
      where a.kind = 'tier.downgrade' and t.account_id = a.account_id and t.kind = 'downgrade'
        and t.at = a.effective_at
      order by t.id desc limit 1
    ) td on true
    order by coalesce(a.txid, '0'::xid8), a.id, e.pos`,
  );
  return rows.flatMap((r) => eventOf(r) ?? []);
}
