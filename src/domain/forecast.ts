// Growth forecast for `/contacts forecast` and forecast alerts: least squares over daily counts.

export interface DailyCount {
  /** Days since the first point (may be fractional). */
  x: number;
  count: number;
}

/** Least-squares line through the points: contacts per day and the fitted count at x = 0; null with fewer than 2 distinct days. */
export function fitGrowth(points: DailyCount[]): { perDay: number; intercept: number } | null {
  if (points.length < 2) return null;
  const meanX = points.reduce((s, p) => s + p.x, 0) / points.length;
  const meanY = points.reduce((s, p) => s + p.count, 0) / points.length;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sxx += (p.x - meanX) ** 2;
    sxy += (p.x - meanX) * (p.count - meanY);
  }
  if (sxx === 0) return null;
  const perDay = sxy / sxx;
  return { perDay, intercept: meanY - perDay * meanX };
}

/**
 * Whole days from today until `count` growing by `perDay` reaches `target` (0 when already there),
 * or null when it never does at this rate (flat or shrinking) or not within `horizonDays`.
 */
export function daysUntil(count: number, target: number, perDay: number, horizonDays = 730): number | null {
  if (count >= target) return 0;
  if (!(perDay > 0)) return null;
  const days = Math.ceil((target - count) / perDay);
  return days <= horizonDays ? days : null;
}

/** The count at which a threshold is reached (R11): `percent` % of the limit, rounded up; 100 means exceeding it. */
export function thresholdCount(percent: number, tierLimit: number): number {
  if (percent >= 100) return tierLimit + 1;
  return Math.ceil((percent * tierLimit) / 100);
}
