import { describe, expect, it } from "vitest";
import { readSetupAnswers, readUserId } from "../../src/domain/setup.ts";

const ctx = { now: new Date("2026-05-15T14:00:00Z"), timeZone: "America/New_York" };

describe("reading the setup form's answers", () => {
  it("reads each answer as `settings` reads it, and user ids or mentions as billing contacts", () => {
    const r = readSetupAnswers(
      {
        plan: "Enterprise",
        tier: "20k",
        term: "yearly",
        start: "15 March 2026",
        timezone: "europe/berlin",
        "alert-channel": "<#C0ALERTS|alerts>",
        "approvals-channel": "#approvals",
        reminders: "1d, 7d",
        "billing-contacts": ["U1", "<@U0BILL2|ana>", "U1"],
      },
      ctx,
      ["plan"],
    );
    expect(r.ok).toBe(true);
    expect(r.settings).toEqual([
      { key: "plan", value: "enterprise" },
      { key: "tier", value: 20000 },
      { key: "term", value: "annual" },
      { key: "start", value: "2026-03-15" },
      { key: "timezone", value: "Europe/Berlin" },
      { key: "alert-channel", value: { channel: "C0ALERTS" } },
      { key: "approvals-channel", value: { channel: "#approvals" } },
      { key: "reminders", value: [7, 1] },
    ]);
    expect(r.billingContacts).toEqual(["U1", "U0BILL2"]);
    expect(readUserId("<@W0X>")).toBe("W0X");
    expect(readUserId("@ana")).toBeNull();
  });

  it("gives every field's error at once, and names the missing required ones", () => {
    const r = readSetupAnswers({ tier: "0", timezone: "Mars/Base", "billing-contacts": ["ana"] }, ctx, [
      "plan",
      "start",
    ]);
    expect(r.ok).toBe(false);
    expect(Object.keys(r.errors).sort()).toEqual(["billing-contacts", "plan", "start", "tier", "timezone"]);
    expect(r.errors.plan).toBe("Choose a plan: starter, professional or enterprise.");
  });

  it("refuses what isn't an answer at all", () => {
    const r = readSetupAnswers({ plan: "x".repeat(600), colour: "blue" }, ctx, []);
    expect(r.ok).toBe(false);
    expect(r.errors.plan).toBe("That answer is too long.");
  });
});
