import { describe, expect, it } from "vitest";
import { readTypedCount } from "../../src/slack/confirm.ts";
import { readState, selectionOf } from "../../src/slack/manage.ts";

const now = new Date("2026-05-15T14:00:00Z");

describe("manage wizard selection", () => {
  const base = readState("{}");
  it("both unengaged boxes are the unengaged selector", () => {
    expect(selectionOf(base, now, "UTC")).toEqual({ ok: true, selector: { type: "unengaged" } });
  });
  it("one box is a filter on that flag", () => {
    const r = selectionOf({ ...base, unsubscribed: false }, now, "UTC");
    expect(r.ok && r.selector.type === "filter" && r.selector.filter.text).toBe("bounced = true");
  });
  it("a list replaces the unengaged contacts; list and filter combine with and", () => {
    expect(selectionOf({ ...base, list: "Webinar" }, now, "UTC")).toEqual({
      ok: true,
      selector: { type: "list", name: "Webinar" },
    });
    const both = selectionOf({ ...base, list: "Webinar", filter: "domain = acme.com" }, now, "UTC");
    expect(both.ok && both.selector.type === "filter" && both.selector.filter.conditions).toHaveLength(2);
  });
  it("nothing chosen, or a bad filter, is a field error", () => {
    expect(selectionOf({ ...base, bounced: false, unsubscribed: false }, now, "UTC")).toMatchObject({
      ok: false,
      block: "filter",
    });
    expect(selectionOf({ ...base, filter: "colour = blue" }, now, "UTC")).toMatchObject({ ok: false, block: "filter" });
  });
  it("forged metadata falls back to the defaults", () => {
    expect(readState("not json")).toMatchObject({ bounced: true, unsubscribed: true, list: null });
  });
});

describe("typed confirmation count", () => {
  it("reads digits with separators and rejects anything else", () => {
    expect(readTypedCount("12,345")).toBe(12345);
    expect(readTypedCount(" 100 ")).toBe(100);
    expect(readTypedCount("one hundred")).toBeNull();
    expect(readTypedCount("")).toBeNull();
  });
});
