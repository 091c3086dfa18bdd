// The upgrade confirmation modal (R14): the approver types the number of contacts. In the
// approver's language, with the money and the charge's day in it (English keeps its wording here).
import { isTranslated, speak } from "../commands/i18n/answers.ts";
import { plain } from "../commands/rich.ts";
import type { DateLocale } from "../domain/dates.ts";
import { money, n } from "../domain/format.ts";
import type { BulkRequestView } from "../services/bulk/index.ts";
import type { UpgradeRecord } from "../services/context.ts";
import { context, section } from "./render/blocks.ts";
import { toMrkdwn } from "./render/mrkdwn.ts";

export const CONFIRM_VIEW = "approve_confirm";
export const CONFIRM_BLOCK = "count";
export const CONFIRM_INPUT = "typed";

export interface ConfirmMetadata {
  requestId: string;
  count: number;
  message: { channel: string; ts: string } | null;
  /** The language the modal is drawn in, for its error (absent in modals opened before: English). */
  locale?: string;
}

export function confirmUpgradeView(
  request: BulkRequestView,
  upgrade: UpgradeRecord,
  message: ConfirmMetadata["message"],
  drawIn: { locale: DateLocale; zone: string } = { locale: "en", zone: "UTC" },
) {
  const { locale, zone } = drawIn;
  if (isTranslated(locale)) {
    const { f, say } = speak(locale);
    const metadata: ConfirmMetadata = { requestId: request.id, count: request.count, message, locale };
    const text = (key: Parameters<typeof say>[0]) => ({ type: "plain_text" as const, text: plain(say(key)) });
    return {
      type: "modal" as const,
      callback_id: CONFIRM_VIEW,
      title: text("confirm.title"),
      submit: text("confirm.submit"),
      close: text("modal.cancel"),
      private_metadata: JSON.stringify(metadata),
      blocks: [
        section(
          toMrkdwn(
            say("confirm.body", {
              id: [request.id],
              count: request.count,
              oldLimit: upgrade.oldLimit,
              newLimit: upgrade.newLimit,
              oldMonthly: f.money(upgrade.oldMonthlyCents),
              newMonthly: f.money(upgrade.newMonthlyCents),
              charge: f.money(upgrade.chargeCents),
              due: f.day(upgrade.chargeDue, zone),
            }),
          ),
        ),
        {
          type: "input",
          block_id: CONFIRM_BLOCK,
          label: text("confirm.label"),
          element: {
            type: "plain_text_input",
            action_id: CONFIRM_INPUT,
            placeholder: { type: "plain_text", text: String(request.count) },
          },
        },
        context(toMrkdwn(say("confirm.note"))),
      ],
    };
  }
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
