import { describe, expect, it } from "vitest";
import { groupDays, groupEndOf, groupStartOf, usageWindow } from "../../src/domain/usage-window.ts";

const now = new Date("2026-05-15T14:00:00Z");
const NY = "America/New_York";

describe("usageWindow", () => {
  it("is the last 30 days without dates, and ends today at the latest", () => {
    expect(usageWindow({ from: null, to: null }, now, NY)).toEqual({
      ok: true,
      from: "2026-04-15",
      to: "2026-05-15",
      bucketDays: 1,
    });
    expect(
      usageWindow({ from: new Date("2026-05-01T04:00:00Z"), to: new Date("9999-12-31T12:00:00Z") }, now, NY),
    ).toEqual({ ok: true, from: "2026-05-01", to: "2026-05-15", bucketDays: 1 });
  });

  it("goes back exactly 3 years, in groups of days beyond 400", () => {
    expect(usageWindow({ from: new Date("2023-05-15T04:00:00Z"), to: null }, now, NY)).toEqual({
      ok: true,
      from: "2023-05-15",
      to: "2026-05-15",
      bucketDays: 3,
    });
    expect(usageWindow({ from: new Date("2025-04-11T04:00:00Z"), to: null }, now, NY)).toMatchObject({ bucketDays: 1 });
    expect(usageWindow({ from: new Date("2025-04-10T04:00:00Z"), to: null }, now, NY)).toMatchObject({ bucketDays: 2 });
    expect(usageWindow({ from: new Date("2023-05-14T04:00:00Z"), to: null }, now, NY)).toEqual({
      ok: false,
      error: "Usage goes back at most 3 years, to 2023-05-15; start there or later, e.g. `usage since 2023-05-15`.",
    });
  });
});

describe("groupDays", () => {
  it("keeps the peak count and tier of each run of days, given by its first day", () => {
    const points = [
      { day: "2026-01-01", marketingCount: 5, tierLimit: 10 },
      { day: "2026-01-02", marketingCount: 9, tierLimit: 10 },
      { day: "2026-01-04", marketingCount: 3, tierLimit: 20 },
      { day: "2026-01-07", marketingCount: 1, tierLimit: 20 },
    ];
    expect(groupDays(points, "2026-01-01", 3)).toEqual([
      { day: "2026-01-01", marketingCount: 9, tierLimit: 10 },
      { day: "2026-01-04", marketingCount: 3, tierLimit: 20 },
      { day: "2026-01-07", marketingCount: 1, tierLimit: 20 },
    ]);
    expect(groupStartOf("2026-01-06", "2026-01-01", 3)).toBe("2026-01-04");
    expect(groupEndOf("2026-01-07", "2026-01-08", 3)).toBe("2026-01-08");
  });
});
