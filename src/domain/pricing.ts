// Pricing ladders per plan (R8, SPEC section 6) and the pricing file that replaces them.
import { z } from "zod";
import { PLANS, type Plan } from "./types.ts";

/** One plan's ladder: allowed limits are included, included + step, included + 2·step … up to maxLimit. */
export interface PricingLadder {
  /** Contacts in the base tier. */
  included: number;
  /** Contacts added by each step above the base tier. */
  step: number;
  /** Monthly price of the base tier, in cents. */
  basePriceCents: number;
  /** Monthly price of each step, in cents. */
  stepPriceCents: number;
  /** Largest limit sold on this plan. */
  maxLimit: number;
}

export type Pricing = Record<Plan, PricingLadder>;

const DEFAULT_MAX_LIMIT = 10_000_000;

/** SPEC section 6 example figures. */
export const DEFAULT_PRICING: Pricing = {
  starter: {
    included: 1_000,
    step: 1_000,
    basePriceCents: 1_500,
    stepPriceCents: 5_000,
    maxLimit: DEFAULT_MAX_LIMIT,
  },
  professional: {
    included: 2_000,
    step: 5_000,
    basePriceCents: 80_000,
    stepPriceCents: 25_000,
    maxLimit: DEFAULT_MAX_LIMIT,
  },
  enterprise: {
    included: 10_000,
    step: 10_000,
    basePriceCents: 360_000,
    stepPriceCents: 10_000,
    maxLimit: DEFAULT_MAX_LIMIT,
  },
};

const LADDER_FIELDS = ["included", "step", "basePriceCents", "stepPriceCents", "maxLimit"] as const;

// Messages are the predicate of "The pricing file's "<field>" …", so a whole error reads as one sentence.
function wholeNumber(min: 0 | 1) {
  const bound = min === 0 ? "0 or more" : "1 or more";
  return z
    .int({ error: (iss) => (iss.input === undefined ? "is missing" : `must be a whole number, ${bound}`) })
    .min(min, { error: `must be a whole number, ${bound}` });
}

const ladderSchema = z
  .strictObject(
    {
      included: wholeNumber(1),
      step: wholeNumber(1),
      basePriceCents: wholeNumber(0),
      stepPriceCents: wholeNumber(0),
      maxLimit: wholeNumber(1).default(DEFAULT_MAX_LIMIT),
    },
    {
      error: (iss) =>
        iss.code === "unrecognized_keys"
          ? `is not a known field (expected ${LADDER_FIELDS.join(", ")}; prices are in cents)`
          : iss.input === undefined
            ? "is missing"
            : `must be an object with ${LADDER_FIELDS.join(", ")}`,
    },
  )
  .refine((ladder) => ladder.maxLimit >= ladder.included, {
    path: ["maxLimit"],
    error: "must be at least the included contacts",
  });

/** A pricing file: a JSON object keyed by plan; each plan it names replaces that plan's default ladder. */
const pricingFileSchema = z
  .strictObject(
    {
      starter: ladderSchema.optional(),
      professional: ladderSchema.optional(),
      enterprise: ladderSchema.optional(),
    },
    {
      error: (iss) =>
        iss.code === "unrecognized_keys"
          ? `is not a plan (expected ${PLANS.join(", ")})`
          : `must be a JSON object keyed by plan (${PLANS.join(", ")})`,
    },
  )
  .refine((file) => PLANS.some((plan) => file[plan] !== undefined), {
    error: `names no plan (expected one or more of ${PLANS.join(", ")})`,
  });

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String);
  if (issue.code === "unrecognized_keys") path.push(issue.keys[0] ?? "");
  const subject = path.length === 0 ? "The pricing file" : `The pricing file's "${path.join(".")}"`;
  return `${subject} ${issue.message}.`;
}

/** Parse a pricing file's JSON and lay it over `base`; the error is one sentence naming the bad field. */
export function parsePricingFile(
  json: unknown,
  base: Pricing = DEFAULT_PRICING,
): { ok: true; pricing: Pricing } | { ok: false; error: string } {
  const parsed = pricingFileSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, error: first ? describeIssue(first) : "The pricing file is invalid." };
  }
  const pricing = { ...base };
  for (const plan of PLANS) {
    const ladder = parsed.data[plan];
    if (ladder) pricing[plan] = ladder;
  }
  return { ok: true, pricing };
}

/** True when `limit` is a rung of the ladder (R8). */
export function isLadderLimit(ladder: PricingLadder, limit: number): boolean {
  return (
    Number.isSafeInteger(limit) &&
    limit >= ladder.included &&
    limit <= ladder.maxLimit &&
    (limit - ladder.included) % ladder.step === 0
  );
}

/**
 * The smallest ladder limit that holds `count` contacts (R9, R12); never below `included`.
 * Above `maxLimit` it still returns the rung that would hold the count, so contacts are never
 * left unbilled; callers can tell with `isLadderLimit`.
 */
export function smallestTierHolding(ladder: PricingLadder, count: number): number {
  if (count <= ladder.included) return ladder.included;
  return ladder.included + Math.ceil((count - ladder.included) / ladder.step) * ladder.step;
}

/**
 * The lowest tier that holds `count` contacts, never above the current `limit`, and what it saves
 * a month against the current one (0 when the current tier is already the lowest).
 */
export function lowestTierHolding(
  ladder: PricingLadder,
  limit: number,
  count: number,
): { limit: number; savingCents: number } {
  const lowest = Math.min(limit, smallestTierHolding(ladder, count));
  return { limit: lowest, savingCents: monthlyPriceCents(ladder, limit) - monthlyPriceCents(ladder, lowest) };
}

/** Monthly price of a limit: base + steps × step price, in cents; an off-ladder limit is priced as the rung holding it. */
export function monthlyPriceCents(ladder: PricingLadder, limit: number): number {
  const steps = Math.max(0, Math.ceil((limit - ladder.included) / ladder.step));
  return ladder.basePriceCents + steps * ladder.stepPriceCents;
}

/** The ladder's limits from `included` up to `upTo` (and `maxLimit`), for "allowed: 1,000, 2,000, …" messages. */
export function ladderLimits(ladder: PricingLadder, upTo: number): number[] {
  const limits: number[] = [];
  const top = Math.min(upTo, ladder.maxLimit);
  for (let limit = ladder.included; limit <= top; limit += ladder.step) limits.push(limit);
  return limits;
}
