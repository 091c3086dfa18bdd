import { and, not, or, type SQL, sql } from "drizzle-orm";
import { timestamptz } from "../db/client.ts";
import { contactStatus, contacts, listMembers, lists } from "../db/schema.ts";
import type { Filter, FilterCondition } from "../domain/filter.ts";
import { NAMED_EMAILS, type SelectorWords } from "../domain/selector-words.ts";

export type { SelectorWords };

/** Which contacts a bulk request targets (SPEC §2 selectors). */
export type Selector =
  | { type: "list"; name: string }
  | { type: "unengaged" }
  | { type: "filter"; filter: Filter }
  | { type: "emails"; emails: string[] }
  /** The contacts of one CSV import ("set all as marketing", R15/R14). */
  | { type: "import"; importId: number; label: string }
  /** The contacts an automation rule matches (R16); `contactIds` narrows a run to the contacts it was triggered by. */
  | {
      type: "rule";
      name: string;
      filter: Filter;
      contactIds: ContactScope;
      /** Filters of older rules with the opposite action: contacts they match are left out (rule precedence). */
      unless?: Filter[];
    };

export function selectorWords(selector: Selector): SelectorWords {
  switch (selector.type) {
    case "list":
      return { type: "list", name: selector.name };
    case "unengaged":
      return { type: "unengaged" };
    case "filter":
      return { type: "filter", filter: selector.filter.text };
    case "emails":
      return {
        type: "emails",
        count: selector.emails.length,
        emails: selector.emails.length <= NAMED_EMAILS ? selector.emails : [],
      };
    case "import":
      return { type: "import", label: selector.label };
    case "rule":
      return {
        type: "rule",
        name: selector.name,
        filter: selector.filter.text,
        fresh: Boolean(selector.contactIds),
        unless: (selector.unless ?? []).map((f) => f.text),
      };
  }
}

export function describeSelector(selector: Selector): string {
  switch (selector.type) {
    case "list":
      return `list "${selector.name}"`;
    case "unengaged":
      return "unengaged contacts (bounced or unsubscribed)";
    case "filter":
      return `contacts where ${selector.filter.text}`;
    case "emails":
      return selector.emails.length <= NAMED_EMAILS
        ? selector.emails.join(", ")
        : `${selector.emails.length.toLocaleString("en-US")} contacts by email`;
    case "import":
      return `the contacts of import ${selector.label}`;
    case "rule":
      return `rule "${selector.name}": contacts where ${selector.filter.text}${selector.contactIds ? " (just created or changed)" : ""}${selector.unless?.length ? `, except where ${selector.unless.map((f) => f.text).join(" or ")} (an older rule decides those)` : ""}`;
  }
}

/**
 * `contacts` joined with each contact's status: the FROM of every query whose conditions read both
 * (selectors, filters and `applicable` read `contacts.*` and `contact_status.*` by these names).
 */
export const CONTACTS_WITH_STATUS = sql`${contacts} join ${contactStatus} on ${contactStatus.contactId} = ${contacts.id}`;

/** SQL: the contacts (with their status) that setting `action` would actually change. */
export function applicable(action: "marketing" | "non-marketing"): SQL {
  return action === "marketing"
    ? sql`(${contactStatus.marketing} = false or ${contactStatus.pendingSince} is not null)`
    : sql`(${contactStatus.marketing} = true and ${contactStatus.pendingSince} is null)`;
}

/** A SQL condition on `contacts` (joined with `contact_status`) for the selector (one statement selects them all). */
export function selectorCondition(selector: Selector): SQL {
  switch (selector.type) {
    case "list":
      return inListNamed(selector.name);
    case "unengaged":
      return sql`(${contacts.bounced} or ${contacts.unsubscribed})`;
    case "filter":
      return filterCondition(selector.filter);
    case "emails":
      return selector.emails.length === 0
        ? sql`false`
        : sql`${contacts.email} in (${sql.join(
            selector.emails.map((e) => sql`${e}`),
            sql`, `,
          )})`;
    case "import":
      return sql`exists (select 1 from import_rows r where r.import_id = ${selector.importId} and r.contact_id = ${contacts.id})`;
    case "rule": {
      const matched = sql`(${filterCondition(selector.filter)} and ${unlessCondition(selector.unless ?? [])})`;
      return selector.contactIds === null ? matched : sql`(${matched} and ${scopeCondition(selector.contactIds)})`;
    }
  }
}

/**
 * Which contacts a rule run looks at: all of them (null), these ids, or a SQL condition on
 * `contacts` (an import's contacts: an id list that size would be one huge parameter).
 */
export type ContactScope = number[] | SQL | null;

export function scopeCondition(scope: ContactScope): SQL {
  if (scope === null) return sql`true`;
  return Array.isArray(scope) ? idsCondition(scope) : scope;
}

/** `contacts.id` among `ids`, as one JSON parameter (both drivers bind it the same way). */
function idsCondition(ids: number[]): SQL {
  if (ids.length === 0) return sql`false`;
  return sql`${contacts.id} in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::bigint)`;
}

function inListNamed(name: string): SQL {
  return sql`exists (select 1 from ${listMembers} join ${lists} on ${lists.id} = ${listMembers.listId}
    where ${listMembers.contactId} = ${contacts.id} and lower(${lists.name}) = lower(${name}))`;
}

/** Contacts none of `filters` match (a NULL match, e.g. a missing lifecycle, is no match). */
export function unlessCondition(filters: Filter[]): SQL {
  if (filters.length === 0) return sql`true`;
  return and(...filters.map((f) => sql`not coalesce(${filterCondition(f)}, false)`)) as SQL;
}

export function filterCondition(filter: Filter): SQL {
  const parts = filter.conditions.map(conditionSql);
  return parts.length === 0 ? sql`true` : (and(...parts) as SQL);
}

const DAY_MS = 86_400_000;

function conditionSql(c: FilterCondition): SQL {
  switch (c.field) {
    case "bounced":
    case "unsubscribed":
    case "marketing": {
      const col =
        c.field === "bounced"
          ? contacts.bounced
          : c.field === "unsubscribed"
            ? contacts.unsubscribed
            : contactStatus.marketing;
      const eqv = sql`${col} = ${c.value}`;
      return c.op === "!=" ? sql`${col} <> ${c.value}` : eqv;
    }
    case "created":
    case "last_engaged": {
      const col = c.field === "created" ? contacts.createdAt : contacts.lastEngagedAt;
      const at = c.value;
      const dayEnd = new Date(at.getTime() + DAY_MS);
      switch (c.op) {
        case "<":
          return sql`${col} < ${timestamptz(at)}`;
        case ">":
          return sql`${col} > ${timestamptz(at)}`;
        case "=":
          // "= <date>" means within that day, starting at the resolved instant.
          return sql`(${col} >= ${timestamptz(at)} and ${col} < ${timestamptz(dayEnd)})`;
        case "!=":
          return sql`(${col} is null or ${col} < ${timestamptz(at)} or ${col} >= ${timestamptz(dayEnd)})`;
        default:
          return sql`false`;
      }
    }
    case "list": {
      if (c.op === "=") return inListNamed(c.value);
      if (c.op === "!=") return not(inListNamed(c.value));
      if (c.op === "contains")
        return sql`exists (select 1 from ${listMembers} join ${lists} on ${lists.id} = ${listMembers.listId}
          where ${listMembers.contactId} = ${contacts.id} and position(lower(${c.value}) in lower(${lists.name})) > 0)`;
      return sql`false`;
    }
    default: {
      const col =
        c.field === "email"
          ? sql`${contacts.email}`
          : c.field === "domain"
            ? sql`split_part(${contacts.email}, '@', 2)`
            : c.field === "source"
              ? sql`lower(${contacts.source})`
              : sql`lower(${contacts.lifecycle})`;
      const v = c.value.toLowerCase();
      switch (c.op) {
        case "=":
          return sql`${col} = ${v}`;
        case "!=":
          return or(sql`${col} is null`, sql`${col} <> ${v}`) as SQL;
        case "<":
          return sql`${col} < ${v}`;
        case ">":
          return sql`${col} > ${v}`;
        case "contains":
          return sql`position(${v} in ${col}) > 0`;
      }
    }
  }
  return sql`false`;
}
