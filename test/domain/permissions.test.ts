import { describe, expect, it } from "vitest";
import { canAdminister, canApprove, canSetMarketing, needsApproval } from "../../src/domain/permissions.ts";

describe("marketing contacts access (R13)", () => {
  it("a member with access can set contacts marketing", () => {
    expect(canSetMarketing({ role: "member", marketingAccess: true })).toEqual({ ok: true });
  });

  it("a member without access is told why and whom to ask", () => {
    expect(canSetMarketing({ role: "member", marketingAccess: false })).toEqual({
      ok: false,
      reason:
        "You don't have marketing contacts access, so you can't set contacts marketing. Ask an admin to run `/contacts access grant @you`.",
      wording: {
        key: "refusal.noMarketingAccess",
        args: { role: "member", command: { code: "/contacts access grant @you" } },
      },
    });
  });

  it("an admin whose access was revoked cannot either, but is told they can grant it", () => {
    const result = canSetMarketing({ role: "admin", marketingAccess: false });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/Grant it to yourself/);
  });

  it("only admins administer", () => {
    expect(canAdminister({ role: "admin" })).toEqual({ ok: true });
    expect(canAdminister({ role: "member" }, "change settings")).toEqual({
      ok: false,
      reason: "Only admins can change settings. Ask an admin of this workspace.",
    });
  });
});

describe("approvals (R14)", () => {
  const admin = { id: "U1", role: "admin" as const, marketingAccess: true };

  it("another admin may approve", () => {
    expect(canApprove({ approver: admin, requesterId: "U2", selfApproval: false })).toEqual({ ok: true });
  });

  it("a member may not approve", () => {
    const result = canApprove({
      approver: { ...admin, role: "member" },
      requesterId: "U2",
      selfApproval: true,
    });
    expect(result).toEqual({
      ok: false,
      reason: "Only admins can approve or reject bulk changes.",
      wording: { key: "refusal.onlyAdminsApprove" },
    });
  });

  it("the requester may not approve their own request unless self-approval is on", () => {
    expect(canApprove({ approver: admin, requesterId: "U1", selfApproval: false }).ok).toBe(false);
    expect(canApprove({ approver: admin, requesterId: "U1", selfApproval: true })).toEqual({ ok: true });
  });

  it("approving a marketing change needs marketing contacts access (no route around R13)", () => {
    const approver = { ...admin, marketingAccess: false };
    expect(canApprove({ approver, requesterId: "U2", selfApproval: false, action: "marketing" }).ok).toBe(false);
    expect(canApprove({ approver, requesterId: "U2", selfApproval: false, action: "non-marketing" }).ok).toBe(true);
  });

  it("more contacts than the direct-change limit need approval", () => {
    expect(needsApproval({ action: "non-marketing", count: 10, directLimit: 10, viaSelector: false })).toBe(false);
    expect(needsApproval({ action: "non-marketing", count: 11, directLimit: 10, viaSelector: false })).toBe(true);
  });

  it("any list, filter or import that sets marketing needs approval, however small", () => {
    expect(needsApproval({ action: "marketing", count: 1, directLimit: 10, viaSelector: true })).toBe(true);
    expect(needsApproval({ action: "non-marketing", count: 1, directLimit: 10, viaSelector: true })).toBe(false);
    expect(needsApproval({ action: "marketing", count: 3, directLimit: 10, viaSelector: false })).toBe(false);
  });
});
