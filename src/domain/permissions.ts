// Who may do what (R13) and which changes need an approver (R14).
import type { Role } from "./types.ts";
import { type Wording, wording } from "./wording.ts";

/** Allowed, or not with the sentence why (English) and its wording for the other languages. */
export type Permission = { ok: true } | { ok: false; reason: string; wording?: Wording };

export interface Actor {
  role: Role;
  marketingAccess: boolean;
}

const OK: Permission = { ok: true };

/** R13: setting contacts marketing, by any route, needs marketing contacts access. */
export function canSetMarketing(user: Actor): Permission {
  if (user.marketingAccess) return OK;
  return {
    ok: false,
    reason:
      user.role === "admin"
        ? "You don't have marketing contacts access, so you can't set contacts marketing. Grant it to yourself with `/contacts access grant @you`."
        : "You don't have marketing contacts access, so you can't set contacts marketing. Ask an admin to run `/contacts access grant @you`.",
    wording: wording("refusal.noMarketingAccess", {
      role: user.role === "admin" ? "admin" : "member",
      command: { code: "/contacts access grant @you" },
    }),
  };
}

/** What only admins may do, as a refusal names it: each one worded in the catalogs (others stay English). */
const ADMIN_ACTIONS: Readonly<Record<string, string>> = {
  "do that": "other",
  "set tierkeeper up": "setup",
  "manage API keys": "apiKeys",
  "change creation-source defaults": "sourceDefaults",
  "manage webhooks": "webhooks",
};

/** R13: settings, access, admins, billing contacts and downgrades are for admins. */
export function canAdminister(user: { role: Role }, action = "do that"): Permission {
  if (user.role === "admin") return OK;
  const reason = `Only admins can ${action}. Ask an admin of this workspace.`;
  const known = Object.hasOwn(ADMIN_ACTIONS, action) ? ADMIN_ACTIONS[action] : undefined;
  return known
    ? { ok: false, reason, wording: wording("refusal.onlyAdmins", { action: known }) }
    : { ok: false, reason };
}

/**
 * R14: an approver is an admin other than the requester, unless the account allows self-approval.
 * Approving a marketing change is a route to setting contacts marketing, so it also needs access (R13).
 */
export function canApprove(input: {
  approver: { id: string; role: Role; marketingAccess?: boolean };
  requesterId: string;
  /** Who fed a rule the contacts its request is about (an import, an API key), if not the requester. */
  causedBy?: string | null;
  selfApproval: boolean;
  action?: "marketing" | "non-marketing";
}): Permission {
  const { approver } = input;
  if (approver.role !== "admin") {
    return {
      ok: false,
      reason: "Only admins can approve or reject bulk changes.",
      wording: wording("refusal.onlyAdminsApprove"),
    };
  }
  if (approver.id === input.requesterId && !input.selfApproval) {
    return {
      ok: false,
      reason:
        "You made this request, so another admin has to approve it (self-approval is off in this workspace's settings).",
      wording: wording("refusal.selfApproval"),
    };
  }
  if (input.causedBy && approver.id === input.causedBy && !input.selfApproval) {
    return {
      ok: false,
      reason:
        "Your import or API key brought in the contacts this rule's request is about, so another admin has to approve it (self-approval is off in this workspace's settings).",
      wording: wording("refusal.selfApprovalCause"),
    };
  }
  if (input.action === "marketing" && approver.marketingAccess === false) {
    return {
      ok: false,
      reason:
        "You don't have marketing contacts access, so you can't approve setting contacts marketing. Grant it with `/contacts access grant @you`.",
      wording: wording("refusal.approveNoAccess", { command: { code: "/contacts access grant @you" } }),
    };
  }
  return OK;
}

/** R14: more contacts than the direct-change limit, or any list/filter/import that sets marketing. */
export function needsApproval(input: {
  action: "marketing" | "non-marketing";
  count: number;
  directLimit: number;
  viaSelector: boolean;
}): boolean {
  return input.count > input.directLimit || (input.action === "marketing" && input.viaSelector);
}
