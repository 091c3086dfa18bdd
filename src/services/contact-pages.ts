// Contacts read page by page, in id order, for the API's list and its exports: one bounded query
// per page (keyset: `id > after … limit n`), so a million contacts are read in flat memory and no
// page costs more than the last one.
import { sql } from "drizzle-orm";
import { rowsOf } from "../db/client.ts";
import { parseFilter } from "../domain/filter.ts";
import { pendingEffectiveAt } from "../domain/status.ts";
import type { BillingTerms } from "../domain/types.ts";
import { billingTermsOf, getAccount } from "./accounts.ts";
import { Refusal, type Services } from "./context.ts";
import { CONTACTS_WITH_STATUS, filterCondition } from "./selectors.ts";

export const CONTACT_STATUS_FILTERS = ["marketing", "non-marketing", "pending"] as const;
export type ContactStatusFilter = (typeof CONTACT_STATUS_FILTERS)[number];

export interface ContactQuery {
  /** In the filter language of `bulk … where`, e.g. `lifecycle = lead and created > "30 days ago"`. */
  filter: string | null;
  /**
   * `marketing`: the contacts marketing email may reach now, pending ones included (they stay
   * marketing until the update date); `pending`: those that become non-marketing at the next one.
   */
  status: ContactStatusFilter | null;
}

export interface ContactRow {
  id: number;
  email: string;
  firstName: string | null;
  lastName: string | null;
  lifecycle: string | null;
  source: string;
  sourceId: string | null;
  status: "marketing" | "non-marketing";
  pending: boolean;
  /** When a pending non-marketing change takes effect (the next update date); null otherwise. */
  effectiveAt: Date | null;
  bounced: boolean;
  unsubscribed: boolean;
  properties: Record<string, unknown> | null;
  createdAt: Date;
  updatedAt: Date;
}

/** A reader of pages: parses the query once, then `page(after, limit)` as often as needed. */
export interface ContactReader {
  /** `withProperties: false` leaves `properties` null (a CSV has no column for them: up to 64 KB each). */
  page(afterId: number, limit: number, opts?: { withProperties?: boolean }): Promise<ContactRow[]>;
}

/** The filter and status of `query` for `accountId`, checked (a bad filter is refused with its sentence). */
export async function contactReader(svc: Services, accountId: number, query: ContactQuery): Promise<ContactReader> {
  const account = await getAccount(svc.db, accountId);
  const terms = billingTermsOf(account);
  let condition = sql`true`;
  if (query.filter !== null) {
    const parsed = parseFilter(query.filter, { now: svc.clock.now(), timeZone: account.timeZone });
    if (!parsed.ok) throw new Refusal(`filter: ${parsed.error}`, "invalid");
    condition = filterCondition(parsed.filter);
  }
  const status = statusCondition(query.status);
  return {
    async page(afterId, limit, opts = {}) {
      const rows = await rowsOf<RawRow>(
        svc.db,
        sql`select ${opts.withProperties === false ? COLUMNS_BUT_PROPERTIES : COLUMNS} from ${PAGE_FROM}
            where contacts.account_id = ${accountId} and contacts.id > ${afterId} and ${status} and ${condition}
            order by contacts.id
            limit ${limit}`,
      );
      return rows.map((r) => toContactRow(r, terms));
    },
  };
}

/** One contact by email (any case), or null. */
export async function contactByEmail(svc: Services, accountId: number, email: string): Promise<ContactRow | null> {
  const account = await getAccount(svc.db, accountId);
  const [row] = await rowsOf<RawRow>(
    svc.db,
    sql`select ${COLUMNS} from ${CONTACTS_WITH_STATUS}
        where contacts.account_id = ${accountId} and contacts.email = ${email.trim().toLowerCase()}`,
  );
  return row ? toContactRow(row, billingTermsOf(account)) : null;
}

/**
 * The contacts in id order (the index on account and id), each joined to its status row by its key:
 * a page costs the rows it reads, never a scan of the account (a hash join would read every status
 * row of the account for every page: quadratic over an export). `offset 0` keeps the planner from
 * flattening the lateral read into such a join. The alias keeps the filter's `contact_status.*`.
 */
const PAGE_FROM = sql.raw(`contacts cross join lateral (
  select s.marketing, s.pending_since from contact_status s where s.contact_id = contacts.id offset 0
) as contact_status`);

const COLUMNS = sql.raw(`contacts.id, contacts.email, contacts.first_name, contacts.last_name, contacts.lifecycle,
  contacts.source, contacts.source_id, contact_status.marketing, contact_status.pending_since,
  contacts.bounced, contacts.unsubscribed, contacts.properties, contacts.created_at, contacts.updated_at`);

const COLUMNS_BUT_PROPERTIES = sql.raw(`contacts.id, contacts.email, contacts.first_name, contacts.last_name,
  contacts.lifecycle, contacts.source, contacts.source_id, contact_status.marketing, contact_status.pending_since,
  contacts.bounced, contacts.unsubscribed, null::jsonb as properties, contacts.created_at, contacts.updated_at`);

function toContactRow(r: RawRow, terms: BillingTerms): ContactRow {
  const pendingSince = r.pending_since === null ? null : new Date(r.pending_since);
  return {
    id: Number(r.id),
    email: r.email,
    firstName: r.first_name,
    lastName: r.last_name,
    lifecycle: r.lifecycle,
    source: r.source,
    sourceId: r.source_id,
    status: r.marketing ? "marketing" : "non-marketing",
    pending: pendingSince !== null,
    effectiveAt: pendingSince ? pendingEffectiveAt(terms, pendingSince) : null,
    bounced: r.bounced,
    unsubscribed: r.unsubscribed,
    properties: r.properties,
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  };
}

interface RawRow {
  id: number | string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  lifecycle: string | null;
  source: string;
  source_id: string | null;
  marketing: boolean;
  pending_since: Date | string | null;
  bounced: boolean;
  unsubscribed: boolean;
  properties: Record<string, unknown> | null;
  created_at: Date | string;
  updated_at: Date | string;
}

function statusCondition(status: ContactStatusFilter | null) {
  switch (status) {
    case null:
      return sql`true`;
    case "marketing":
      return sql`contact_status.marketing`;
    case "non-marketing":
      return sql`not contact_status.marketing`;
    case "pending":
      return sql`contact_status.pending_since is not null`;
  }
}
