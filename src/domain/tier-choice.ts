// Which plan and tier a settings change leaves the account on (R8). A tier set by an admin is a
// statement of what they bought, not an upgrade: it is never smaller than today's marketing count,
// so the guard's `marketing_count <= tier_limit` always holds after it (R9).
import { isLadderLimit, type Pricing, smallestTierHolding } from "./pricing.ts";
import { PLANS, type Plan } from "./types.ts";
import { type Wording, wording } from "./wording.ts";

export interface TierChoiceInput {
  pricing: Pricing;
  currentPlan: Plan;
  currentLimit: number;
  marketingCount: number;
  /** The plan named in the command, if any. */
  plan?: Plan;
  /** The tier named in the command, if any. */
  tier?: number;
}

/**
 * `given`: the tier named in the command; `fitted`: the smallest tier of a new plan's ladder that
 * holds today's count; `kept`: nothing about the tier changed.
 */
export type TierChoiceHow = "given" | "fitted" | "kept";

export type TierChoice =
  | { ok: true; plan: Plan; limit: number; how: TierChoiceHow }
  | { ok: false; key: "plan" | "tier"; error: string; wording: Wording };

const fmt = (n: number) => n.toLocaleString("en-US");

/** The plan and tier after a change of plan and/or tier; refused with a sentence naming what would fit. */
export function chooseTier(input: TierChoiceInput): TierChoice {
  const plan = input.plan ?? input.currentPlan;
  const ladder = input.pricing[plan];
  const count = input.marketingCount;
  const smallest = smallestTierHolding(ladder, count);
  if (input.tier !== undefined) {
    const tier = input.tier;
    if (!isLadderLimit(ladder, tier)) {
      const elsewhere = PLANS.filter((p) => p !== plan && isLadderLimit(input.pricing[p], tier));
      const last = elsewhere.at(-1);
      const hint =
        last === undefined
          ? ""
          : ` ${fmt(tier)} is a tier of the ${elsewhere.join(" and ")} plan${elsewhere.length > 1 ? "s" : ""}: name the plan too to switch, e.g. \`settings plan ${last} tier ${fmt(tier)}\`.`;
      const tiers = tierLimitsFrom(input.pricing, plan, count);
      return {
        ok: false,
        key: "tier",
        error: `${fmt(tier)} is not a tier of the ${plan} plan. ${tiersFrom(input.pricing, plan, count)}${hint}`,
        wording: wording("refusal.setting.notTier", {
          tier,
          plan,
          count,
          none: tiers.length === 0 ? "yes" : "no",
          tiers: { numbers: tiers },
          others: elsewhere.length,
          first: elsewhere[0] ?? "",
          second: elsewhere[1] ?? "",
          command: { code: last === undefined ? "" : `settings plan ${last} tier ${fmt(tier)}` },
        }),
      };
    }
    if (tier < count) {
      const downgrade =
        plan === input.currentPlan
          ? ` To lower the tier at renewal, use \`tier downgrade ${fmt(tier)}\`.`
          : ` The smallest ${plan} tier that holds them is ${fmt(smallest)}.`;
      return {
        ok: false,
        key: "tier",
        error: `The account has ${fmt(count)} marketing contacts, more than ${fmt(tier)}.${downgrade}`,
        wording: wording("refusal.setting.belowCount", {
          count,
          tier,
          samePlan: plan === input.currentPlan ? "yes" : "no",
          command: { code: `tier downgrade ${fmt(tier)}` },
          plan,
          smallest,
        }),
      };
    }
    return {
      ok: true,
      plan,
      limit: tier,
      how: tier === input.currentLimit && plan === input.currentPlan ? "kept" : "given",
    };
  }
  if (plan === input.currentPlan) return { ok: true, plan, limit: input.currentLimit, how: "kept" };
  if (!isLadderLimit(ladder, smallest)) {
    return {
      ok: false,
      key: "plan",
      error: `The ${plan} plan's largest tier is ${fmt(ladder.maxLimit)} contacts, fewer than your ${fmt(count)} marketing contacts.`,
      wording: wording("refusal.setting.planTooSmall", { plan, max: ladder.maxLimit, count }),
    };
  }
  return { ok: true, plan, limit: smallest, how: "fitted" };
}

/** The first four tiers of the plan that hold `count`, and "…" when there are more. */
function tierLimitsFrom(pricing: Pricing, plan: Plan, count: number): (number | "…")[] {
  const ladder = pricing[plan];
  const first = smallestTierHolding(ladder, count);
  const limits: (number | "…")[] = [];
  for (let limit = first; limit <= ladder.maxLimit && limits.length < 4; limit += ladder.step) limits.push(limit);
  if (limits.length > 0 && first + 4 * ladder.step <= ladder.maxLimit) limits.push("…");
  return limits;
}

/** "Its tiers that hold your 1,500 marketing contacts are 10,000, 20,000, 30,000, … contacts." */
function tiersFrom(pricing: Pricing, plan: Plan, count: number): string {
  const ladder = pricing[plan];
  const first = smallestTierHolding(ladder, count);
  const limits: string[] = [];
  for (let limit = first; limit <= ladder.maxLimit && limits.length < 4; limit += ladder.step) limits.push(fmt(limit));
  if (limits.length === 0) return `None of its tiers holds your ${fmt(count)} marketing contacts.`;
  const more = first + 4 * ladder.step <= ladder.maxLimit ? ", …" : "";
  return `Its tiers that hold your ${fmt(count)} marketing contacts are ${limits.join(", ")}${more} contacts.`;
}
