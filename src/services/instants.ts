import type { BillingTerms } from "../domain/types.ts";
import { nextRenewalInstant, nextUpdateInstant, previousUpdateInstant } from "../domain/update-dates.ts";

// The next update and renewal instants change only when one passes, but computing them with
// calendar math costs a few tenths of a millisecond: more than the whole `tier` query. Cache
// each per billing terms with the window [from, next) in which the answer holds.
interface Window {
  from: number;
  next: Date;
}
const updates = new Map<string, Window>();
const renewals = new Map<string, Window>();
const MAX_ENTRIES = 10_000;

const keyOf = (t: BillingTerms) => `${t.term}|${t.contractStart}|${t.timeZone}`;

function cached(map: Map<string, Window>, terms: BillingTerms, after: Date, compute: () => Window): Date {
  const key = keyOf(terms);
  const hit = map.get(key);
  const t = after.getTime();
  if (hit && t >= hit.from && t < hit.next.getTime()) return hit.next;
  const w = compute();
  if (map.size >= MAX_ENTRIES) map.clear();
  map.set(key, w);
  return w.next;
}

/** nextUpdateInstant (R5), memoized: the first update instant strictly after `after`. */
export function nextUpdateAt(terms: BillingTerms, after: Date): Date {
  return cached(updates, terms, after, () => {
    const next = nextUpdateInstant(terms, after);
    // For any t in [previous instant, next), the next instant strictly after t is `next`.
    const prev = previousUpdateInstant(terms, after);
    return { from: prev ? prev.getTime() : after.getTime(), next };
  });
}

/** nextRenewalInstant (R10), memoized the same way (valid from `after` until the renewal). */
export function nextRenewalAt(terms: BillingTerms, after: Date): Date {
  return cached(renewals, terms, after, () => ({ from: after.getTime(), next: nextRenewalInstant(terms, after) }));
}
