// The setup modal as the e2e tests read and fill it: a view Slack would hold, a block of it, and
// the view state Slack would send for a set of answers.
import { SETUP_PLAN_ACTION } from "../../src/slack/setup.ts";

export type View = {
  type: string;
  callback_id?: string;
  private_metadata?: string;
  title?: { text: string };
  blocks: Record<string, unknown>[];
};

export const blockOf = (view: View, blockId: string) =>
  view.blocks.find((b) => b.block_id === blockId) as Record<
    string,
    // biome-ignore lint/suspicious/noExplicitAny: a Block Kit element read in a test
    any
  >;

/** The view state Slack would send for the setup modal with these answers. */
export function setupValues(a: {
  plan: string;
  tier: string;
  term: string;
  start: string;
  timezone: string;
  alerts: string | null;
  approvals: string | null;
  billing: string[];
  reminders: number[];
}) {
  return {
    plan: { [SETUP_PLAN_ACTION]: { type: "static_select", selected_option: { value: a.plan } } },
    [`tier_${a.plan}`]: { value: { type: "static_select", selected_option: { value: a.tier } } },
    term: { value: { type: "radio_buttons", selected_option: { value: a.term } } },
    start: { value: { type: "datepicker", selected_date: a.start } },
    timezone: { value: { type: "plain_text_input", value: a.timezone } },
    alert_channel: { value: { type: "conversations_select", selected_conversation: a.alerts } },
    approvals_channel: { value: { type: "conversations_select", selected_conversation: a.approvals } },
    billing_contacts: { value: { type: "multi_users_select", selected_users: a.billing } },
    reminders: {
      value: { type: "multi_static_select", selected_options: a.reminders.map((d) => ({ value: String(d) })) },
    },
  };
}
