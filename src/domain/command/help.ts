// The usage text of `/contacts` (Slack mrkdwn): one topic per subcommand, and which topic each
// subcommand (and alias) belongs to.
import { FILTER_EXAMPLE, FILTER_FIELDS } from "../filter.ts";
import { normalizeQuotes } from "../lexer.ts";
import { MAX_EMAILS } from "./limits.ts";
import { canonicalSubcommand, lookup } from "./words.ts";

interface HelpTopic {
  topic: string;
  title: string;
  lines: string[];
}

const HELP_TOPICS: HelpTopic[] = [
  {
    topic: "help",
    title: "Help",
    lines: ["`/contacts help [<subcommand>]` — this help, or the help for one subcommand"],
  },
  {
    topic: "status",
    title: "Contact status",
    lines: ["`/contacts status <email>` — marketing status, pending change and when it takes effect, source, lists"],
  },
  {
    topic: "can-market",
    title: "Can we market to them?",
    lines: ["`/contacts can-market <email>` — yes or no, and why"],
  },
  {
    topic: "set",
    title: "Set marketing status",
    lines: [
      "`/contacts set marketing <email>…` — counts toward the tier at once",
      "`/contacts set non-marketing <email>…` — stops counting at the next update date",
      `Up to the direct-change limit at once; more become a bulk request. At most ${MAX_EMAILS.toLocaleString("en-US")} emails per command.`,
    ],
  },
  {
    topic: "bulk",
    title: "Bulk changes (need approval)",
    lines: [
      "`/contacts bulk marketing|non-marketing <selector> [at <date>]`",
      'Selectors: `list:"Spring webinar"`, `unengaged` (bounced or unsubscribed), `where <filter>`, or email addresses.',
      'Examples: `/contacts bulk non-marketing unengaged`, `/contacts bulk non-marketing where last_engaged < "6 months ago" at 9am next friday`',
    ],
  },
  {
    topic: "delete",
    title: "Delete contacts",
    lines: ["`/contacts delete <email>…` — frees capacity at once; never lowers the tier"],
  },
  {
    topic: "manage",
    title: "Manage wizard",
    lines: ["`/contacts manage` — step by step: unengaged contacts, filters or lists, review, request"],
  },
  {
    topic: "tier",
    title: "Tier",
    lines: [
      "`/contacts tier` — marketing count, tier, usage, pending changes and the next update date",
      "`/contacts tier downgrade <limit>` — schedule a downgrade at the next renewal (admins)",
      "`/contacts tier downgrade cancel` — cancel a scheduled downgrade (admins)",
    ],
  },
  {
    topic: "usage",
    title: "Usage over time",
    lines: [
      "`/contacts usage [since <date> | from <date> to <date>]` — chart of the daily marketing count against the tier",
      "Example: `/contacts usage from 1 March to yesterday`",
    ],
  },
  {
    topic: "forecast",
    title: "Forecast",
    lines: ["`/contacts forecast` — when usage will reach each threshold at the recent growth rate"],
  },
  {
    topic: "next-update",
    title: "Next update",
    lines: ["`/contacts next-update` — when pending changes take effect and what will change"],
  },
  {
    topic: "history",
    title: "History",
    lines: [
      "`/contacts history [<email>] [since <date>]` — status, tier and setting changes",
      "Example: `/contacts history ana@example.com since last monday`",
    ],
  },
  {
    topic: "lists",
    title: "Lists",
    lines: [
      "`/contacts lists [<part of a name>]` — static lists, the first 50 by name",
      '`/contacts list create "<name>"` — create a list',
      '`/contacts list add "<name>" <email>…` — add contacts to a list',
    ],
  },
  {
    topic: "rules",
    title: "Automation rules",
    lines: [
      "`/contacts rules` — the rules",
      "`/contacts rules add <name> when <filter> then marketing|non-marketing` — a new rule",
      "`/contacts rules change <name> when <filter> then marketing|non-marketing` — a new filter or action for a rule",
      "`/contacts rules enable|disable|remove|test <name>` — switch, delete or dry-run a rule",
      "A rule that would change more contacts than the direct-change limit, or upgrade the tier, waits for an admin's approval first.",
      `Example: \`/contacts rules add "Stale leads" when lifecycle = lead and last_engaged < "1 year ago" then non-marketing\``,
    ],
  },
  {
    topic: "requests",
    title: "Bulk requests",
    lines: [
      "`/contacts requests` — open bulk requests",
      "`/contacts approve <id> [confirm <count>]` — approve; an upgrade needs the contact count typed to confirm",
      "`/contacts reject <id> [reason]` — reject",
    ],
  },
  {
    topic: "import",
    title: "Import",
    lines: [
      '`/contacts import [list:"<name>"] [marketing]` — import the CSV file shared with the bot; `marketing` sets all as marketing (a bulk request)',
    ],
  },
  {
    topic: "settings",
    title: "Settings (admins)",
    lines: [
      "`/contacts settings` — show the settings, and who changed each last",
      "`/contacts setup` — all of the main settings in one form",
      "Several at once, applied together or not at all: `/contacts settings plan enterprise tier 400,000 term monthly start 2026-03-15`",
      "`/contacts settings plan starter|professional|enterprise` — the tier moves to the smallest of that plan's tiers that holds your marketing contacts, unless you give `tier` too",
      "`/contacts settings term monthly|annual`",
      "`/contacts settings start <date>` — contract start (purchase) date, e.g. `2026-04-15`",
      "`/contacts settings timezone <IANA zone>` — e.g. `America/New_York`",
      "`/contacts settings tier <limit>` — current tier limit, e.g. `10,000` or `10k`",
      "`/contacts settings alert-channel #channel`, `/contacts settings approvals-channel #channel`",
      "`/contacts settings direct-limit <n>` — most contacts changed without approval",
      "`/contacts settings self-approval on|off`",
      "`/contacts settings reminders 3d,1d` — days before each update date (`off` for none)",
      "`/contacts settings spike-percent 10`, `/contacts settings spike-min 500` — spike alert: growth within an hour above that share or that many contacts, whichever is smaller",
      "`/contacts settings language en|sv|nl|pl` — the language of alerts, reminders and summaries in the account's channels (English, Swedish, Dutch or Polish)",
      "`/contacts settings defaults [<source>[:<id>] marketing|non-marketing]` — defaults for new contacts, e.g. `form:contact-us marketing`",
      "`/contacts settings api-key create [scopes]`, `/contacts settings api-key list`, `/contacts settings api-key revoke <id>` — keys for the HTTP API; scopes `contacts:read`, `contacts:write`, `status:write`, `changes:read` or `all`",
      "`/contacts settings webhook add <https-url> [events]`, `/contacts settings webhook list`, `… test <n>`, `… remove <n>` — signed webhooks of the changes feed",
    ],
  },
  {
    topic: "access",
    title: "Access (admins)",
    lines: [
      "`/contacts access grant|revoke @user` — marketing contacts access",
      "`/contacts admins add|remove @user`",
      "`/contacts billing-contacts [add|remove @user]` — who gets tier alerts by DM",
    ],
  },
  {
    topic: "filters",
    title: "Filters",
    lines: [
      "`field op value`, joined by `and`. Quote values with spaces.",
      `Fields: ${FILTER_FIELDS.map((field) => `\`${field}\``).join(", ")}. Operators: \`=\`, \`!=\`, \`<\`, \`>\`, \`contains\`.`,
      'Dates in words for `created` and `last_engaged` (`< "1 March"`, `> "6 months ago"`, `= yesterday` for a whole day); `bounced`, `unsubscribed` and `marketing` take `true` or `false`.',
      `Example: \`${FILTER_EXAMPLE}\``,
    ],
  },
];

/** Which help topic each subcommand (and alias) belongs to. */
const TOPIC_OF: Record<string, string> = {
  help: "help",
  status: "status",
  "can-market": "can-market",
  set: "set",
  bulk: "bulk",
  delete: "delete",
  manage: "manage",
  tier: "tier",
  "tier-downgrade": "tier",
  usage: "usage",
  forecast: "forecast",
  "next-update": "next-update",
  history: "history",
  lists: "lists",
  list: "lists",
  rules: "rules",
  rule: "rules",
  requests: "requests",
  request: "requests",
  approve: "requests",
  reject: "requests",
  import: "import",
  settings: "settings",
  setting: "settings",
  setup: "settings",
  access: "access",
  admins: "access",
  admin: "access",
  "billing-contacts": "access",
  "billing-contact": "access",
  filters: "filters",
  filter: "filters",
  where: "filters",
  dates: "filters",
};

function renderTopic(topic: HelpTopic): string {
  return [`*${topic.title}*`, ...topic.lines].join("\n");
}

export const USAGE: string = [
  "*tierkeeper* keeps your marketing contacts inside the tier you pay for. `/contacts <subcommand>`:",
  ...HELP_TOPICS.filter((topic) => topic.topic !== "help").map(renderTopic),
  "Dates are read in your time zone: `yesterday`, `last monday`, `1 March`, `2026-03-01`, `at 9am next friday`. `/contacts help <subcommand>` for one subcommand.",
].join("\n\n");

/**
 * The help topic of what follows `help` (aliases and sub-subcommands included, "tier downgrade"),
 * or undefined for the full usage (unknown, or `help` itself).
 */
export function helpTopicFor(subcommand: string): string | undefined {
  const words = normalizeQuotes(subcommand).trim().split(/\s+/).map(canonicalSubcommand);
  const joined = words.slice(0, 2).join("-");
  const key = lookup(TOPIC_OF, joined) !== undefined ? joined : (words[0] ?? "");
  const topicName = lookup(TOPIC_OF, key);
  return topicName === "help" || !HELP_TOPICS.some((candidate) => candidate.topic === topicName)
    ? undefined
    : topicName;
}

/** The help for one subcommand (aliases and sub-subcommands included); the full usage if unknown. */
export function usageFor(subcommand: string): string {
  const topicName = helpTopicFor(subcommand);
  const topic = HELP_TOPICS.find((candidate) => candidate.topic === topicName);
  return topic === undefined ? USAGE : renderTopic(topic);
}

/** The help topic a subcommand (or alias) belongs to, or undefined. */
export function topicOf(subcommand: string): string | undefined {
  return lookup(TOPIC_OF, subcommand);
}
