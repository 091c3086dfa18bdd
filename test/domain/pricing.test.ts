import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { money, n } from "../../src/domain/format.ts";
import {
  DEFAULT_PRICING,
  isLadderLimit,
  ladderLimits,
  monthlyPriceCents,
  type PricingLadder,
  parsePricingFile,
  smallestTierHolding,
} from "../../src/domain/pricing.ts";

const { starter, professional, enterprise } = DEFAULT_PRICING;

describe("default pricing ladder (section 6)", () => {
  it("has the section 6 figures in integer cents", () => {
    expect(starter).toEqual({
      included: 1_000,
      step: 1_000,
      basePriceCents: 1_500,
      stepPriceCents: 5_000,
      maxLimit: 10_000_000,
    });
    expect(monthlyPriceCents(professional, 2_000)).toBe(80_000);
    expect(monthlyPriceCents(professional, 12_000)).toBe(80_000 + 2 * 25_000);
    expect(monthlyPriceCents(enterprise, 30_000)).toBe(360_000 + 2 * 10_000);
  });

  it("allows included, included + step, included + 2·step … and nothing in between", () => {
    expect(isLadderLimit(professional, 2_000)).toBe(true);
    expect(isLadderLimit(professional, 7_000)).toBe(true);
    expect(isLadderLimit(professional, 5_000)).toBe(false);
    expect(isLadderLimit(professional, 1_000)).toBe(false);
    expect(isLadderLimit(starter, 10_001_000)).toBe(false);
    expect(isLadderLimit(starter, 1_500.5)).toBe(false);
    expect(ladderLimits(professional, 20_000)).toEqual([2_000, 7_000, 12_000, 17_000]);
  });

  it("the smallest tier holding a count is never below the included contacts", () => {
    expect(smallestTierHolding(starter, 0)).toBe(1_000);
    expect(smallestTierHolding(starter, 1_000)).toBe(1_000);
    expect(smallestTierHolding(starter, 1_001)).toBe(2_000);
    expect(smallestTierHolding(professional, 7_001)).toBe(12_000);
  });

  it("the smallest tier holding a count is a ladder limit that holds it, and the one below does not", () => {
    const ladderArb = fc.record({
      included: fc.integer({ min: 1, max: 50_000 }),
      step: fc.integer({ min: 1, max: 50_000 }),
      basePriceCents: fc.integer({ min: 0, max: 1_000_000 }),
      stepPriceCents: fc.integer({ min: 0, max: 1_000_000 }),
      maxLimit: fc.constant(10_000_000),
    });
    fc.assert(
      fc.property(ladderArb, fc.integer({ min: 0, max: 9_000_000 }), (ladder: PricingLadder, count) => {
        const limit = smallestTierHolding(ladder, count);
        expect(isLadderLimit(ladder, limit)).toBe(true);
        expect(limit).toBeGreaterThanOrEqual(count);
        if (limit > ladder.included) expect(limit - ladder.step).toBeLessThan(count);
      }),
    );
  });

  it("formats counts and cents for messages", () => {
    expect(n(12_345)).toBe("12,345");
    expect(money(123_456)).toBe("$1,234.56");
  });
});

describe("pricing file", () => {
  it("replaces only the plans it names", () => {
    const result = parsePricingFile({
      starter: { included: 500, step: 500, basePriceCents: 1_000, stepPriceCents: 2_500 },
    });
    expect(result).toEqual({
      ok: true,
      pricing: {
        ...DEFAULT_PRICING,
        starter: {
          included: 500,
          step: 500,
          basePriceCents: 1_000,
          stepPriceCents: 2_500,
          maxLimit: 10_000_000,
        },
      },
    });
  });

  it.each([
    [[], "The pricing file must be a JSON object keyed by plan (starter, professional, enterprise)."],
    [{}, "The pricing file names no plan (expected one or more of starter, professional, enterprise)."],
    [{ basic: {} }, 'The pricing file\'s "basic" is not a plan (expected starter, professional, enterprise).'],
    [
      { starter: { step: 1, basePriceCents: 1, stepPriceCents: 1 } },
      'The pricing file\'s "starter.included" is missing.',
    ],
    [
      { professional: { included: 2_000, step: 0, basePriceCents: 1, stepPriceCents: 1 } },
      'The pricing file\'s "professional.step" must be a whole number, 1 or more.',
    ],
    [
      { starter: { included: 1_000, step: 1_000, basePriceCents: 15.5, stepPriceCents: 1 } },
      'The pricing file\'s "starter.basePriceCents" must be a whole number, 0 or more.',
    ],
    [
      { starter: { included: 1_000, step: 1_000, basePrice: 15, basePriceCents: 1, stepPriceCents: 1 } },
      'The pricing file\'s "starter.basePrice" is not a known field (expected included, step, basePriceCents, stepPriceCents, maxLimit; prices are in cents).',
    ],
    [
      { enterprise: { included: 10_000, step: 1, basePriceCents: 1, stepPriceCents: 1, maxLimit: 5 } },
      'The pricing file\'s "enterprise.maxLimit" must be at least the included contacts.',
    ],
  ])("rejects %j with one sentence naming the bad field", (json, error) => {
    expect(parsePricingFile(json)).toEqual({ ok: false, error });
  });
});
