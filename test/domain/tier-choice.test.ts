import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_PRICING, isLadderLimit } from "../../src/domain/pricing.ts";
import { chooseTier } from "../../src/domain/tier-choice.ts";
import { PLANS, type Plan } from "../../src/domain/types.ts";

const base = {
  pricing: DEFAULT_PRICING,
  currentPlan: "professional" as Plan,
  currentLimit: 2000,
  marketingCount: 1500,
};

describe("choosing the plan and tier of a settings change", () => {
  it("a new plan alone takes the smallest of its tiers that holds today's count", () => {
    expect(chooseTier({ ...base, plan: "enterprise" })).toEqual({
      ok: true,
      plan: "enterprise",
      limit: 10000,
      how: "fitted",
    });
    expect(
      chooseTier({
        ...base,
        currentPlan: "enterprise",
        currentLimit: 400000,
        marketingCount: 1500,
        plan: "professional",
      }),
    ).toEqual({ ok: true, plan: "professional", limit: 2000, how: "fitted" });
    expect(chooseTier({ ...base, marketingCount: 7001, currentLimit: 12000, plan: "starter" })).toMatchObject({
      limit: 8000,
    });
  });

  it("a tier given with the plan is checked against that plan's ladder, not the current one", () => {
    expect(chooseTier({ ...base, plan: "enterprise", tier: 400000 })).toEqual({
      ok: true,
      plan: "enterprise",
      limit: 400000,
      how: "given",
    });
    const refused = chooseTier({ ...base, tier: 400000 });
    expect(refused).toMatchObject({ ok: false, key: "tier" });
    if (!refused.ok) {
      expect(refused.error).toContain("400,000 is not a tier of the professional plan");
      expect(refused.error).toContain("2,000, 7,000, 12,000, 17,000, … contacts");
      expect(refused.error).toContain("`settings plan enterprise tier 400,000`");
    }
  });

  it("never leaves the account over its tier", () => {
    const under = chooseTier({ ...base, plan: "starter", tier: 1000 });
    expect(under).toMatchObject({ ok: false, key: "tier" });
    if (!under.ok) expect(under.error).toContain("The smallest starter tier that holds them is 2,000");
    const same = chooseTier({ ...base, marketingCount: 2500, currentLimit: 7000, tier: 2000 });
    if (!same.ok) expect(same.error).toContain("`tier downgrade 2,000`");
    const capped = { ...DEFAULT_PRICING, starter: { ...DEFAULT_PRICING.starter, maxLimit: 1000 } };
    expect(chooseTier({ ...base, pricing: capped, plan: "starter" })).toMatchObject({ ok: false, key: "plan" });
  });

  it("keeps the plan and tier when neither is named", () => {
    expect(chooseTier(base)).toEqual({ ok: true, plan: "professional", limit: 2000, how: "kept" });
    expect(chooseTier({ ...base, plan: "professional" })).toMatchObject({ how: "kept", limit: 2000 });
  });

  it("whatever is asked, an accepted choice is a tier of the chosen plan that holds the count", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PLANS),
        fc.option(fc.constantFrom(...PLANS), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 2_000_000 }), { nil: undefined }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (currentPlan, plan, tier, marketingCount) => {
          const currentLimit = Math.max(
            DEFAULT_PRICING[currentPlan].included,
            DEFAULT_PRICING[currentPlan].included +
              Math.ceil((marketingCount - DEFAULT_PRICING[currentPlan].included) / DEFAULT_PRICING[currentPlan].step) *
                DEFAULT_PRICING[currentPlan].step,
          );
          const choice = chooseTier({
            pricing: DEFAULT_PRICING,
            currentPlan,
            currentLimit,
            marketingCount,
            plan,
            tier,
          });
          if (!choice.ok) return;
          expect(choice.limit).toBeGreaterThanOrEqual(marketingCount);
          expect(isLadderLimit(DEFAULT_PRICING[choice.plan], choice.limit)).toBe(true);
        },
      ),
    );
  });
});
