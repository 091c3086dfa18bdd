// Usage thresholds that raise alerts (R11).

export const THRESHOLDS = [75, 90, 98] as const;
type ThresholdPercent = (typeof THRESHOLDS)[number];
/** A percentage threshold, or the tier being exceeded (the upgrade notice, R11). */
export type ThresholdLevel = ThresholdPercent | "exceeded";
/** All alert levels, lowest first. */
export const THRESHOLD_LEVELS: readonly ThresholdLevel[] = [...THRESHOLDS, "exceeded"];

/** Highest level `count` has reached against `tierLimit`, or null; exact integer comparison (R11). */
export function highestReached(count: number, tierLimit: number): ThresholdLevel | null {
  // An empty account reaches nothing, even against a degenerate zero limit.
  if (count <= 0) return null;
  if (count > tierLimit) return "exceeded";
  for (let i = THRESHOLDS.length - 1; i >= 0; i -= 1) {
    const pct = THRESHOLDS[i] as ThresholdPercent;
    // count/limit >= pct/100 without floating point.
    if (count * 100 >= pct * tierLimit) return pct;
  }
  return null;
}

function rank(level: ThresholdLevel | null): number {
  return level === null ? -1 : THRESHOLD_LEVELS.indexOf(level);
}

/**
 * R11: the highest level newly reached by going from `before` to `after`, or null. Several
 * crossed at once give one answer naming the highest; only upward crossings count.
 */
export function crossedThreshold(input: { before: number; after: number; tierLimit: number }): ThresholdLevel | null {
  if (input.after <= input.before) return null;
  const reached = highestReached(input.after, input.tierLimit);
  return rank(reached) > rank(highestReached(input.before, input.tierLimit)) ? reached : null;
}

/** Usage (R8) as a percentage rounded to one decimal: 1234 of 2000 → 61.7. */
export function usagePercent(count: number, limit: number): number {
  if (limit <= 0) throw new RangeError(`A tier limit must be positive, got ${limit}.`);
  return Math.round((count * 1000) / limit) / 10;
}
