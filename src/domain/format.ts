// Numbers, money and dates as people read them: plain text, no markup, one place for all of them.
import { DateTime } from "luxon";

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

/** Up to `max` items joined with commas, then "and N more". */
export function shortList(items: string[], max: number): string {
  if (items.length <= max) return items.join(", ");
  return `${items.slice(0, max).join(", ")} and ${n(items.length - max)} more`;
}
