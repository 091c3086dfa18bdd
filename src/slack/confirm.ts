// The upgrade confirmation modal (R14): the approver types the number of contacts.
import { money, n } from "../domain/format.ts";
import type { BulkRequestView } from "../services/bulk/index.ts";
import type { UpgradeRecord } from "../services/context.ts";
import { context, section } from "./render/blocks.ts";

export const CONFIRM_VIEW = "approve_confirm";
export const CONFIRM_BLOCK = "count";
export const CONFIRM_INPUT = "typed";

export interface ConfirmMetadata {
  requestId: string;
  count: number;
  message: { channel: string; ts: string } | null;
}

export function confirmUpgradeView(
  request: BulkRequestView,
  upgrade: UpgradeRecord,
  message: ConfirmMetadata["message"],
) {
  const metadata: ConfirmMetadata = { requestId: request.id, count: request.count, message };
  return {
    type: "modal" as const,
    callback_id: CONFIRM_VIEW,
    title: { type: "plain_text" as const, text: "Confirm tier upgrade" },
    submit: { type: "plain_text" as const, text: "Approve and upgrade" },
    close: { type: "plain_text" as const, text: "Cancel" },
    private_metadata: JSON.stringify(metadata),
    blocks: [
      section(
        `Approving *${request.id}* sets *${n(request.count)}* contacts marketing and upgrades the tier from *${n(upgrade.oldLimit)}* to *${n(upgrade.newLimit)}* contacts (${money(upgrade.oldMonthlyCents)} → ${money(upgrade.newMonthlyCents)}/month). A prorated charge of *${money(upgrade.chargeCents)}* is due ${upgrade.chargeDue}. The tier cannot be lowered until renewal.`,
      ),
      {
        type: "input",
        block_id: CONFIRM_BLOCK,
        label: { type: "plain_text", text: "Type the number of contacts to confirm" },
        element: {
          type: "plain_text_input",
          action_id: CONFIRM_INPUT,
          placeholder: { type: "plain_text", text: String(request.count) },
        },
      },
      context("The number is in the request message. Anything else leaves the request open."),
    ],
  };
}

/** "12,345", "12 345" or "12345" → 12345; null if it is not a whole number. */
export function readTypedCount(text: string): number | null {
  const digits = text.trim().replace(/[\s,._’']/g, "");
  return /^\d{1,9}$/.test(digits) ? Number(digits) : null;
}
