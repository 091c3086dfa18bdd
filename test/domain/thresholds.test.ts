import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { crossedThreshold, highestReached, THRESHOLD_LEVELS, usagePercent } from "../../src/domain/thresholds.ts";

describe("usage thresholds (R11)", () => {
  it("going from 70 % to 99 % in one step alerts once, naming 98 %", () => {
    expect(crossedThreshold({ before: 700, after: 990, tierLimit: 1_000 })).toBe(98);
  });

  it("exceeding the tier gives the exceed alert", () => {
    expect(crossedThreshold({ before: 700, after: 1_001, tierLimit: 1_000 })).toBe("exceeded");
    expect(crossedThreshold({ before: 990, after: 1_001, tierLimit: 1_000 })).toBe("exceeded");
  });

  it("reaching exactly the limit is 98 %, not exceeded", () => {
    expect(crossedThreshold({ before: 900, after: 1_000, tierLimit: 1_000 })).toBe(98);
  });

  it("reaching a threshold is computed exactly: 75 % of 2,001 needs 1,501 contacts", () => {
    expect(highestReached(1_500, 2_001)).toBeNull();
    expect(highestReached(1_501, 2_001)).toBe(75);
    expect(highestReached(750, 1_000)).toBe(75);
    expect(highestReached(749, 1_000)).toBeNull();
  });

  it("only upward crossings count; staying within a band or dropping alerts nothing", () => {
    expect(crossedThreshold({ before: 760, after: 800, tierLimit: 1_000 })).toBeNull();
    expect(crossedThreshold({ before: 990, after: 700, tierLimit: 1_000 })).toBeNull();
    expect(crossedThreshold({ before: 800, after: 800, tierLimit: 1_000 })).toBeNull();
    expect(crossedThreshold({ before: 800, after: 900, tierLimit: 1_000 })).toBe(90);
  });

  it("an empty account reaches nothing", () => {
    expect(highestReached(0, 1_000)).toBeNull();
  });

  it("a crossing names the highest level reached after the change, and one that was not reached before", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30_000 }),
        fc.integer({ min: 0, max: 30_000 }),
        fc.integer({ min: 1, max: 20_000 }),
        (before, after, tierLimit) => {
          const crossed = crossedThreshold({ before, after, tierLimit });
          if (crossed === null) return;
          expect(after).toBeGreaterThan(before);
          expect(crossed).toBe(highestReached(after, tierLimit));
          const reachedBefore = highestReached(before, tierLimit);
          const rankBefore = reachedBefore === null ? -1 : THRESHOLD_LEVELS.indexOf(reachedBefore);
          expect(THRESHOLD_LEVELS.indexOf(crossed)).toBeGreaterThan(rankBefore);
        },
      ),
    );
  });

  it("usage is a percentage rounded to one decimal", () => {
    expect(usagePercent(1_234, 2_000)).toBe(61.7);
    expect(usagePercent(1, 8)).toBe(12.5);
    expect(usagePercent(2_001, 2_000)).toBe(100.1);
    expect(usagePercent(0, 2_000)).toBe(0);
  });
});
