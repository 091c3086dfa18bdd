// Automatic upgrades with prorated charges (R9) and scheduled downgrades (R10).

import { DateTime } from "luxon";
import { n } from "./format.ts";
import { isLadderLimit, ladderLimits, monthlyPriceCents, type PricingLadder, smallestTierHolding } from "./pricing.ts";
import { type DowngradeCancelWhy, downgradeCancelText } from "./reasons.ts";
import type { BillingTerms, Term } from "./types.ts";
import { currentTermBounds } from "./update-dates.ts";
import { type Wording, wording } from "./wording.ts";

/**
 * R9: (new − old monthly price) × months in the term × (time left ÷ term length), in integer
 * cents rounded half up. Time is measured in milliseconds between instants; never negative.
 */
export function proratedChargeCents(input: {
  oldMonthlyCents: number;
  newMonthlyCents: number;
  term: Term;
  termStart: Date;
  termEnd: Date;
  at: Date;
}): number {
  const difference = input.newMonthlyCents - input.oldMonthlyCents;
  const termLength = input.termEnd.getTime() - input.termStart.getTime();
  if (difference <= 0 || termLength <= 0) return 0;
  const timeLeft = Math.min(termLength, Math.max(0, input.termEnd.getTime() - input.at.getTime()));
  const months = input.term === "monthly" ? 1 : 12;
  // BigInt because cents × 12 × milliseconds in a year overflows exact doubles.
  const numerator = BigInt(Math.round(difference)) * BigInt(months) * BigInt(timeLeft);
  const denominator = BigInt(termLength);
  return Number((2n * numerator + denominator) / (2n * denominator));
}

/** R9: the charge is due the calendar day after `at` in the subsidiary time zone, `YYYY-MM-DD`. */
export function chargeDueDate(at: Date, timeZone: string): string {
  const due = DateTime.fromJSDate(at, { zone: timeZone }).plus({ days: 1 }).toISODate();
  if (due === null) throw new RangeError(`"${timeZone}" is not an IANA time zone.`);
  return due;
}

/** R9: the tier to move to when the count exceeds the limit, or null when it still fits. Never lower. */
export function upgradeFor(input: {
  ladder: PricingLadder;
  tierLimit: number;
  marketingCount: number;
}): { newLimit: number } | null {
  if (input.marketingCount <= input.tierLimit) return null;
  return { newLimit: Math.max(input.tierLimit, smallestTierHolding(input.ladder, input.marketingCount)) };
}

export interface UpgradeQuote {
  oldLimit: number;
  newLimit: number;
  oldMonthlyCents: number;
  newMonthlyCents: number;
  chargeCents: number;
  /** `YYYY-MM-DD` in the subsidiary zone. */
  dueDate: string;
  termStart: Date;
  termEnd: Date;
}

/** R9 in one call: the upgrade a count forces at `at`, what it costs and when it is due; null when it fits. */
export function upgradeQuote(input: {
  ladder: PricingLadder;
  terms: BillingTerms;
  tierLimit: number;
  marketingCount: number;
  at: Date;
}): UpgradeQuote | null {
  const upgrade = upgradeFor(input);
  if (upgrade === null) return null;
  const { start, end } = currentTermBounds(input.terms, input.at);
  const oldMonthlyCents = monthlyPriceCents(input.ladder, input.tierLimit);
  const newMonthlyCents = monthlyPriceCents(input.ladder, upgrade.newLimit);
  return {
    oldLimit: input.tierLimit,
    newLimit: upgrade.newLimit,
    oldMonthlyCents,
    newMonthlyCents,
    chargeCents: proratedChargeCents({
      oldMonthlyCents,
      newMonthlyCents,
      term: input.terms.term,
      termStart: start,
      termEnd: end,
      at: input.at,
    }),
    dueDate: chargeDueDate(input.at, input.terms.timeZone),
    termStart: start,
    termEnd: end,
  };
}

/** R10: at the renewal a scheduled downgrade applies only if the count then fits the target. */
export function downgradeOutcome(input: {
  ladder: PricingLadder;
  targetLimit: number;
  countAtRenewal: number;
}): { apply: true } | { apply: false; reason: string; why: DowngradeCancelWhy } {
  const cancelled = (why: DowngradeCancelWhy) => ({ apply: false as const, reason: downgradeCancelText(why), why });
  if (!isLadderLimit(input.ladder, input.targetLimit)) {
    return cancelled({ code: "not-a-tier", target: input.targetLimit });
  }
  if (input.countAtRenewal > input.targetLimit) {
    return cancelled({ code: "no-fit", target: input.targetLimit, count: input.countAtRenewal });
  }
  return { apply: true };
}

/** R10: a downgrade target must be a ladder limit strictly below the current one. */
export function validateDowngradeTarget(input: {
  ladder: PricingLadder;
  currentLimit: number;
  target: number;
}): { ok: true } | { ok: false; reason: string; wording: Wording } {
  const allowed = ladderLimits(input.ladder, input.currentLimit - 1);
  if (allowed.length === 0) {
    return {
      ok: false,
      reason: `Your tier of ${n(input.currentLimit)} contacts is already the smallest on your plan.`,
      wording: wording("refusal.downgradeSmallest", { current: input.currentLimit }),
    };
  }
  if (input.target >= input.currentLimit) {
    return {
      ok: false,
      reason: `A downgrade must go below your current tier of ${n(input.currentLimit)} contacts; allowed: ${listLimits(allowed)}.`,
      wording: wording("refusal.downgradeBelow", {
        current: input.currentLimit,
        allowed: { numbers: shownLimits(allowed) },
      }),
    };
  }
  if (!isLadderLimit(input.ladder, input.target)) {
    return {
      ok: false,
      reason: `${n(input.target)} is not a tier of your plan; allowed: ${listLimits(allowed)}.`,
      wording: wording("refusal.downgradeNotTier", {
        target: input.target,
        allowed: { numbers: shownLimits(allowed) },
      }),
    };
  }
  return { ok: true };
}

// Long ladders are cut to their first few rungs so the message stays readable.
function listLimits(limits: number[]): string {
  const shown = limits.slice(0, 6).map(n);
  return limits.length > 6 ? `${shown.join(", ")}, …, ${n(limits.at(-1) ?? 0)}` : shown.join(", ");
}

/** The same rungs as `listLimits`, as numbers for a wording ("…" where the ladder is cut). */
function shownLimits(limits: number[]): (number | "…")[] {
  return limits.length > 6 ? [...limits.slice(0, 6), "…", limits.at(-1) ?? 0] : limits;
}
