// What the columns and rows of an import mean: HubSpot export headers (matched
// case-insensitively) mapped to contact fields, and each record read into a contact or rejected
// with its line number.
import { z } from "zod";
import { BAD_UTF8, MAX_LINE_CHARS, OVERSIZED, UNSTORABLE } from "./reader.ts";
import type { Rejection } from "./report.ts";

type Field = "email" | "firstName" | "lastName" | "lifecycle";

const HEADER_FIELDS: Record<string, Field> = {
  email: "email",
  "email address": "email",
  "e-mail": "email",
  "first name": "firstName",
  firstname: "firstName",
  "last name": "lastName",
  lastname: "lastName",
  "lifecycle stage": "lifecycle",
  lifecycle: "lifecycle",
  lifecyclestage: "lifecycle",
};

/** Columns of a HubSpot export that tierkeeper decides itself: read past, never stored. */
const IGNORED_HEADERS = new Set([
  "marketing contact status",
  "hs_marketable_status",
  "create date",
  "createdate",
  "record id",
  "contact id",
  "hs_object_id",
  "last modified date",
  "lastmodifieddate",
]);

const normalizeHeader = (h: string) =>
  h
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, " ");

export interface ColumnMap {
  fields: Partial<Record<Field, number>>;
  /** Other columns, stored in the contact's properties under their header. */
  extra: { index: number; name: string }[];
}

export function mapHeaders(header: string[]): ColumnMap {
  const fields: Partial<Record<Field, number>> = {};
  const extra: { index: number; name: string }[] = [];
  header.forEach((raw, index) => {
    const h = normalizeHeader(raw);
    const field = HEADER_FIELDS[h] ?? HEADER_FIELDS[h.replace(/ /g, "")];
    if (field !== undefined) {
      if (fields[field] === undefined) fields[field] = index;
      return;
    }
    if (h === "" || IGNORED_HEADERS.has(h) || IGNORED_HEADERS.has(h.replace(/ /g, ""))) return;
    extra.push({
      index,
      name: raw
        .replace(/^\uFEFF/, "")
        .replaceAll("\u0000", "")
        .trim()
        .slice(0, 100),
    });
  });
  return { fields, extra };
}

/** The address check of `z.email()`, as a plain regex: it runs once per row. */
const EMAIL = z.regexes.email;
const MAX_FIELD = 1000;

export interface ValidRow {
  email: string;
  firstName: string | null;
  lastName: string | null;
  lifecycle: string | null;
  properties: Record<string, string> | null;
}

export function readRow(record: string[], columns: ColumnMap, line: number): ValidRow | Rejection {
  const get = (f: Field) => {
    const i = columns.fields[f];
    const v = i === undefined ? undefined : record[i];
    return v === undefined ? null : v.trim() || null;
  };
  // One scan for what a contact can't hold: the oversized-line marker, bytes that weren't UTF-8
  // (decoded as U+FFFD), and NUL, which Postgres text refuses.
  if (record.some((v) => UNSTORABLE.test(v))) {
    if (record.some((v) => v.includes(OVERSIZED))) {
      return {
        line,
        email: null,
        reason: `the line is longer than ${MAX_LINE_CHARS.toLocaleString("en-US")} characters`,
      };
    }
    const email = get("email")?.slice(0, 254) ?? null;
    if (record.some((v) => v.includes(BAD_UTF8)))
      return { line, email, reason: "the row has bytes that are not UTF-8" };
    if (record.some((v) => v.includes("\u0000"))) {
      return { line, email: email?.replaceAll("\u0000", "") ?? null, reason: "the row has a NUL character" };
    }
  }
  const rawEmail = get("email");
  if (!rawEmail) return { line, email: null, reason: "no email" };
  const email = rawEmail.toLowerCase();
  if (email.length > 254 || !EMAIL.test(email)) {
    return { line, email: email.slice(0, 254), reason: `"${email.slice(0, 100)}" is not a valid email address` };
  }
  const firstName = get("firstName");
  const lastName = get("lastName");
  const lifecycle = get("lifecycle");
  const tooLong = (
    [
      ["firstName", firstName],
      ["lastName", lastName],
      ["lifecycle", lifecycle],
    ] as const
  ).find(([, v]) => (v?.length ?? 0) > MAX_FIELD);
  if (tooLong) return { line, email, reason: `${tooLong[0]} is longer than ${MAX_FIELD} characters` };
  let properties: Record<string, string> | null = null;
  for (const { index, name } of columns.extra) {
    const v = record[index]?.trim();
    if (v) {
      properties ??= {};
      properties[name] = v.slice(0, MAX_FIELD);
    }
  }
  return { email, firstName, lastName, lifecycle, properties };
}
