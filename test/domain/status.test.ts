import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canReceiveMarketing,
  pendingEffectiveAt,
  setMarketingOutcome,
  setNonMarketingOutcome,
  takenByRollover,
} from "../../src/domain/status.ts";
import type { BillingTerms, ContactState } from "../../src/domain/types.ts";
import { previousUpdateInstant } from "../../src/domain/update-dates.ts";

const at = (s: string) => new Date(s);
const plain: ContactState = { status: "marketing", pendingSince: null };
const pending: ContactState = { status: "marketing", pendingSince: at("2025-05-15T14:00:00Z") };
const nonMarketing: ContactState = { status: "non-marketing", pendingSince: null };

describe("set marketing (R2)", () => {
  it("makes a non-marketing contact marketing at once", () => {
    expect(setMarketingOutcome(nonMarketing)).toEqual({ kind: "made-marketing", next: plain });
  });

  it("cancels a pending change on a marketing contact", () => {
    expect(setMarketingOutcome(pending)).toEqual({ kind: "cancelled-pending", next: plain });
  });

  it("is a no-op on a plain marketing contact", () => {
    expect(setMarketingOutcome(plain)).toEqual({ kind: "already-marketing", next: plain });
  });
});

describe("set non-marketing (R3)", () => {
  const now = at("2025-05-20T09:00:00Z");

  it("flags a marketing contact, which stays marketing and remembers when", () => {
    expect(setNonMarketingOutcome(plain, now)).toEqual({
      kind: "flagged-pending",
      next: { status: "marketing", pendingSince: now },
    });
  });

  it("is a no-op on a pending contact and keeps the original flag time", () => {
    expect(setNonMarketingOutcome(pending, now)).toEqual({ kind: "already-pending", next: pending });
  });

  it("is a no-op on a non-marketing contact", () => {
    expect(setNonMarketingOutcome(nonMarketing, now)).toEqual({
      kind: "already-non-marketing",
      next: nonMarketing,
    });
  });

  it("set non-marketing then set marketing gets back the plain marketing contact", () => {
    const flagged = setNonMarketingOutcome(plain, now).next;
    expect(setMarketingOutcome(flagged).next).toEqual(plain);
  });
});

describe("rollover (R6)", () => {
  const u = at("2025-06-01T16:00:00Z");

  it("takes a flag set before or exactly at the update instant", () => {
    expect(takenByRollover(at("2025-05-15T14:00:00Z"), u)).toBe(true);
    expect(takenByRollover(u, u)).toBe(true);
  });

  it("a flag set after the update instant waits for the next one, even if processing runs late", () => {
    expect(takenByRollover(at("2025-06-01T16:00:00.001Z"), u)).toBe(false);
  });

  it("R7: a flag set on 15 May on an annual term takes effect on 1 June at 12:00 New York", () => {
    const terms: BillingTerms = { term: "annual", contractStart: "2024-08-20", timeZone: "America/New_York" };
    expect(pendingEffectiveAt(terms, at("2025-05-15T14:00:00Z")).toISOString()).toBe("2025-06-01T16:00:00.000Z");
  });

  it("a pending flag takes effect at the first update instant that takes it", () => {
    const terms: BillingTerms = { term: "monthly", contractStart: "2024-01-31", timeZone: "Europe/Berlin" };
    fc.assert(
      fc.property(
        fc.date({ min: at("2024-02-01T00:00:00Z"), max: at("2030-01-01T00:00:00Z"), noInvalidDate: true }),
        (pendingSince) => {
          const effective = pendingEffectiveAt(terms, pendingSince);
          expect(takenByRollover(pendingSince, effective)).toBe(true);
          // The update instant before it (if any) came before the flag and did not take it.
          const earlier = previousUpdateInstant(terms, new Date(effective.getTime() - 1));
          if (earlier !== null) expect(takenByRollover(pendingSince, earlier)).toBe(false);
        },
      ),
    );
  });
});

describe("who can be marketed to (R1)", () => {
  it("a marketing contact can receive marketing email and be in ad audiences", () => {
    expect(canReceiveMarketing("marketing").yes).toBe(true);
  });

  it("a non-marketing contact cannot, but still gets sales, chat, transactional email and surveys", () => {
    const answer = canReceiveMarketing("non-marketing");
    expect(answer.yes).toBe(false);
    expect(answer.reason).toMatch(/can't receive marketing email or be in ad audiences/);
    expect(answer.reason).toMatch(/Sales 1:1 email, chat, registration, ticket and transactional email, and surveys/);
  });
});
