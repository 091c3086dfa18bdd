import { DateTime } from "luxon";
import { escapeMrkdwn } from "../slack/mrkdwn.ts";

export const n = (x: number) => x.toLocaleString("en-US");

export const pct = (x: number) => `${x.toLocaleString("en-US", { maximumFractionDigits: 1 })} %`;

export const money = (cents: number) =>
  `$${(cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/** An instant in the user's zone. */
export function when(d: Date, userZone: string): string {
  return DateTime.fromJSDate(d).setZone(userZone).toFormat("ccc d LLL yyyy, HH:mm ZZZZ");
}

/**
 * An update instant: where the subsidiary zone decides it, show it there too
 * ("Tue 1 Dec 2026, 12:00 EST (America/New_York); 18:00 CET for you").
 */
export function updateWhen(d: Date, subsidiaryZone: string, userZone: string): string {
  const there = DateTime.fromJSDate(d).setZone(subsidiaryZone);
  const base = `${there.toFormat("ccc d LLL yyyy, HH:mm ZZZZ")} (${subsidiaryZone})`;
  if (userZone === subsidiaryZone) return base;
  const here = DateTime.fromJSDate(d).setZone(userZone);
  if (here.offset === there.offset) return base;
  return `${base}; ${here.toFormat("ccc d LLL, HH:mm ZZZZ")} for you`;
}

export function day(d: Date | string, zone: string): string {
  const dt = typeof d === "string" ? DateTime.fromISO(d, { zone }) : DateTime.fromJSDate(d).setZone(zone);
  return dt.toFormat("ccc d LLL yyyy");
}

/** Audit kinds whose summary is only our words and validated user ids, with mentions meant as mentions. */
const MARKUP_SUMMARY = /^(?:user\.|request\.reopened$)/;

/**
 * An audit summary for mrkdwn. Summaries mix our words with names people typed (lists, rules,
 * reasons, file names), so they are escaped whole; only role changes and reopened requests, which
 * name users by validated id and hold no typed text, keep their `<@U…>` mentions.
 */
export function eventSummary(kind: string, summary: string): string {
  const safe = escapeMrkdwn(summary);
  return MARKUP_SUMMARY.test(kind) ? safe.replace(/&lt;@([UW][A-Z0-9]+)&gt;/g, "<@$1>") : safe;
}
