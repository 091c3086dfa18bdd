// Text cut to Slack's limits: within the limit, marked as cut, and never half an emoji.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { truncate } from "../../src/slack/render/blocks.ts";

const loneHalf = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe("truncate", () => {
  it("leaves text within the limit as it is; no room leaves nothing", () => {
    expect(truncate("Vår lista 😀", 40)).toBe("Vår lista 😀");
    expect(truncate("Vår lista", 0)).toBe("");
    expect(truncate("Vår lista", 1)).toBe("…");
  });

  it("cuts a list name of emoji between characters, never inside one", () => {
    const name = "😀".repeat(100);
    for (const max of [10, 11, 75, 76, 150]) {
      const cut = truncate(name, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut.endsWith("…")).toBe(true);
      expect(cut).not.toMatch(loneHalf);
    }
  });

  it("any text: within the limit, and no lone half of a pair that the text did not have", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), fc.integer({ min: 0, max: 300 }), (text, max) => {
        const cut = truncate(text, max);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(cut).not.toMatch(loneHalf);
        if (text.length <= max) expect(cut).toBe(text);
      }),
    );
  });
});
