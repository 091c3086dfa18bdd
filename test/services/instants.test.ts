import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextRenewalInstant, nextUpdateInstant } from "../../src/domain/update-dates.ts";
import { nextRenewalAt, nextUpdateAt } from "../../src/services/instants.ts";

describe("memoized update and renewal instants", () => {
  it("always agree with the domain functions, in any order of questions", () => {
    const terms = fc.record({
      term: fc.constantFrom("monthly" as const, "annual" as const),
      contractStart: fc.constantFrom("2026-01-31", "2026-01-15", "2025-02-28", "2024-02-29"),
      timeZone: fc.constantFrom("America/New_York", "Europe/Berlin", "Australia/Sydney"),
    });
    const instant = fc.date({
      min: new Date("2026-01-01T00:00:00Z"),
      max: new Date("2028-12-31T00:00:00Z"),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(terms, instant), { minLength: 1, maxLength: 20 }), (questions) => {
        for (const [t, at] of questions) {
          expect(nextUpdateAt(t, at).toISOString()).toBe(nextUpdateInstant(t, at).toISOString());
          expect(nextRenewalAt(t, at).toISOString()).toBe(nextRenewalInstant(t, at).toISOString());
        }
      }),
      { numRuns: 100 },
    );
  });

  it("an instant exactly at an update date moves on to the next one", () => {
    const terms = { term: "annual" as const, contractStart: "2026-01-15", timeZone: "America/New_York" };
    expect(nextUpdateAt(terms, new Date("2026-05-31T12:00:00Z")).toISOString()).toBe("2026-06-01T16:00:00.000Z");
    expect(nextUpdateAt(terms, new Date("2026-06-01T16:00:00Z")).toISOString()).toBe("2026-07-01T16:00:00.000Z");
    expect(nextUpdateAt(terms, new Date("2026-06-01T15:59:59.999Z")).toISOString()).toBe("2026-06-01T16:00:00.000Z");
  });
});
