import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  chargeDueDate,
  downgradeOutcome,
  proratedChargeCents,
  upgradeFor,
  upgradeQuote,
  validateDowngradeTarget,
} from "../../src/domain/billing.ts";
import { DEFAULT_PRICING } from "../../src/domain/pricing.ts";

const { starter, professional } = DEFAULT_PRICING;
const at = (s: string) => new Date(s);

describe("prorated upgrade charge (R9)", () => {
  const termStart = at("2025-01-01T17:00:00Z");
  const termEnd = at("2026-01-01T17:00:00Z");
  const half = new Date((termStart.getTime() + termEnd.getTime()) / 2);

  it("charges the price difference × 12 months × the share of the annual term left", () => {
    // Starter 1,000 → 2,000: $15 → $65 a month; half the year left: $50 × 12 × ½ = $300.
    expect(
      proratedChargeCents({
        oldMonthlyCents: 1_500,
        newMonthlyCents: 6_500,
        term: "annual",
        termStart,
        termEnd,
        at: half,
      }),
    ).toBe(30_000);
  });

  it("charges the full difference at term start and nothing at term end", () => {
    const base = { oldMonthlyCents: 1_500, newMonthlyCents: 6_500, termStart, termEnd };
    expect(proratedChargeCents({ ...base, term: "annual", at: termStart })).toBe(60_000);
    expect(proratedChargeCents({ ...base, term: "monthly", at: termStart })).toBe(5_000);
    expect(proratedChargeCents({ ...base, term: "annual", at: termEnd })).toBe(0);
  });

  it("rounds half a cent up and less than half down", () => {
    const start = new Date(0);
    const end = new Date(4);
    const charge = (newMonthlyCents: number, atMs: number) =>
      proratedChargeCents({
        oldMonthlyCents: 0,
        newMonthlyCents,
        term: "monthly",
        termStart: start,
        termEnd: end,
        at: new Date(atMs),
      });
    expect(charge(1, 2)).toBe(1); // 0.5 → 1
    expect(charge(5, 2)).toBe(3); // 2.5 → 3
    expect(charge(1, 3)).toBe(0); // 0.25 → 0
    expect(charge(3, 1)).toBe(2); // 2.25 → 2
    expect(charge(3, 2)).toBe(2); // 1.5 → 2
  });

  it("is exact for large prices over a year of milliseconds", () => {
    expect(
      proratedChargeCents({
        oldMonthlyCents: 0,
        newMonthlyCents: 987_654_321,
        term: "annual",
        termStart,
        termEnd,
        at: termStart,
      }),
    ).toBe(987_654_321 * 12);
  });

  it("is never negative, full at term start, zero at term end and shrinks as the term runs out", () => {
    const instant = fc.integer({ min: 0, max: 4_000_000_000_000 });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.constantFrom("monthly" as const, "annual" as const),
        instant,
        fc.integer({ min: 1, max: 40_000_000_000 }),
        instant,
        instant,
        (oldMonthlyCents, newMonthlyCents, term, startMs, lengthMs, aMs, bMs) => {
          const termStart = new Date(startMs);
          const termEnd = new Date(startMs + lengthMs);
          const charge = (atMs: number) =>
            proratedChargeCents({
              oldMonthlyCents,
              newMonthlyCents,
              term,
              termStart,
              termEnd,
              at: new Date(atMs),
            });
          const months = term === "monthly" ? 1 : 12;
          expect(charge(aMs)).toBeGreaterThanOrEqual(0);
          expect(charge(startMs)).toBe(Math.max(0, newMonthlyCents - oldMonthlyCents) * months);
          expect(charge(startMs + lengthMs)).toBe(0);
          const [early, late] = aMs <= bMs ? [aMs, bMs] : [bMs, aMs];
          expect(charge(early)).toBeGreaterThanOrEqual(charge(late));
        },
      ),
    );
  });

  it("is due the following calendar day in the subsidiary time zone", () => {
    // 02:00Z on 1 March is still 28 February in New York.
    expect(chargeDueDate(at("2025-03-01T02:00:00Z"), "America/New_York")).toBe("2025-03-01");
    expect(chargeDueDate(at("2025-03-01T02:00:00Z"), "Europe/Berlin")).toBe("2025-03-02");
    expect(chargeDueDate(at("2024-12-31T14:00:00Z"), "Australia/Sydney")).toBe("2025-01-02");
  });
});

describe("automatic upgrade (R9)", () => {
  it("does nothing while the count fits, even at exactly the limit", () => {
    expect(upgradeFor({ ladder: starter, tierLimit: 2_000, marketingCount: 2_000 })).toBeNull();
  });

  it("moves to the smallest ladder tier that holds the count, skipping tiers if needed", () => {
    expect(upgradeFor({ ladder: starter, tierLimit: 2_000, marketingCount: 2_001 })).toEqual({
      newLimit: 3_000,
    });
    expect(upgradeFor({ ladder: professional, tierLimit: 2_000, marketingCount: 15_000 })).toEqual({
      newLimit: 17_000,
    });
  });

  it("never lands below the current tier, and always holds the count", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000 }), fc.integer({ min: 0, max: 2_000_000 }), (steps, count) => {
        const tierLimit = starter.included + (steps - 1) * starter.step;
        const upgrade = upgradeFor({ ladder: starter, tierLimit, marketingCount: count });
        if (count <= tierLimit) expect(upgrade).toBeNull();
        else {
          expect(upgrade?.newLimit).toBeGreaterThan(tierLimit);
          expect(upgrade?.newLimit).toBeGreaterThanOrEqual(count);
        }
      }),
    );
  });

  it("quotes the new tier, the prorated charge for the current term and its due date", () => {
    const quote = upgradeQuote({
      ladder: starter,
      terms: { term: "monthly", contractStart: "2025-01-15", timeZone: "America/New_York" },
      tierLimit: 1_000,
      marketingCount: 1_500,
      at: at("2025-03-15T16:00:00Z"),
    });
    // The March renewal starts a term, so the whole $50 difference of one month is due.
    expect(quote).toMatchObject({
      oldLimit: 1_000,
      newLimit: 2_000,
      chargeCents: 5_000,
      dueDate: "2025-03-16",
    });
    expect(quote?.termEnd.toISOString()).toBe("2025-04-15T16:00:00.000Z");
  });
});

describe("scheduled downgrade (R10)", () => {
  it("applies when the count at renewal fits the target", () => {
    expect(downgradeOutcome({ ladder: starter, targetLimit: 2_000, countAtRenewal: 2_000 })).toEqual({
      apply: true,
    });
  });

  it("is cancelled, with the reason, when the count at renewal does not fit", () => {
    expect(downgradeOutcome({ ladder: starter, targetLimit: 2_000, countAtRenewal: 2_345 })).toEqual({
      apply: false,
      reason:
        "The scheduled downgrade to 2,000 contacts was cancelled: at renewal you had 2,345 marketing contacts, more than 2,000.",
      why: { code: "no-fit", target: 2_000, count: 2_345 },
    });
  });

  it("accepts only a ladder limit strictly below the current tier", () => {
    expect(validateDowngradeTarget({ ladder: starter, currentLimit: 5_000, target: 3_000 })).toEqual({
      ok: true,
    });
    expect(validateDowngradeTarget({ ladder: starter, currentLimit: 5_000, target: 2_500 })).toEqual({
      ok: false,
      reason: "2,500 is not a tier of your plan; allowed: 1,000, 2,000, 3,000, 4,000.",
      wording: {
        key: "refusal.downgradeNotTier",
        args: { target: 2_500, allowed: { numbers: [1_000, 2_000, 3_000, 4_000] } },
      },
    });
    expect(validateDowngradeTarget({ ladder: starter, currentLimit: 5_000, target: 5_000 })).toEqual({
      ok: false,
      reason: "A downgrade must go below your current tier of 5,000 contacts; allowed: 1,000, 2,000, 3,000, 4,000.",
      wording: {
        key: "refusal.downgradeBelow",
        args: { current: 5_000, allowed: { numbers: [1_000, 2_000, 3_000, 4_000] } },
      },
    });
    expect(validateDowngradeTarget({ ladder: starter, currentLimit: 1_000, target: 500 })).toEqual({
      ok: false,
      reason: "Your tier of 1,000 contacts is already the smallest on your plan.",
      wording: { key: "refusal.downgradeSmallest", args: { current: 1_000 } },
    });
  });

  it("keeps the list of allowed tiers short on long ladders", () => {
    const result = validateDowngradeTarget({ ladder: starter, currentLimit: 50_000, target: 1 });
    expect(result).toEqual({
      ok: false,
      reason: "1 is not a tier of your plan; allowed: 1,000, 2,000, 3,000, 4,000, 5,000, 6,000, …, 49,000.",
      wording: {
        key: "refusal.downgradeNotTier",
        args: { target: 1, allowed: { numbers: [1_000, 2_000, 3_000, 4_000, 5_000, 6_000, "…", 49_000] } },
      },
    });
  });
});
