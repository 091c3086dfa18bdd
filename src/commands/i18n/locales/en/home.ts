// App Home: the dashboard a user sees in the bot's Home tab.
// English, ICU MessageFormat: the reference every other language's part must match key for key and
// argument for argument (test/commands/i18n-catalogs.test.ts). The English Home keeps its own
// wording in src/slack/home.ts; these are the words the other languages translate.
export const home = {
  "home.title": "Marketing contacts",
  "home.usage":
    "<b>{count, number}</b> of <b>{limit, number}</b> — <b>{usage}</b> of your {plan} tier ({monthly}/month)",
  "home.nextUpdate": "Next update",
  "home.changes": "It changes",
  "home.changesValue": "{pending, plural, one {# becomes} other {# become}} non-marketing → {after, number} ({usage})",
  "home.all": "All contacts",
  "home.allValue": "{total, number} ({nonMarketing, number} non-marketing)",
  "home.lowestAfter": "Lowest tier after the update",
  "home.cleanUp": "Clean up contacts",
  "home.showTier": "Show the tier",
  "home.openRequests": "Open requests ({count, number})",
  "home.noRequests": "Nothing waiting for approval.",
  "home.moreRequests": "…and {count, number} more: {command}",
  "home.recent": "Recent activity",
  "home.nothingYet": "Nothing yet.",
  "home.help": "{command} lists everything tierkeeper can do.",
  "home.capped": "…more in {requests} and {history}.",
  "home.intro":
    "tierkeeper keeps your marketing contacts inside the contact tier you pay for. Before it watches your tier, it needs to know what you bought and where to post: plan, tier, billing term and dates, channels and billing contacts.",
  "home.welcome": "Welcome to tierkeeper",
  "home.introAdmin": "{intro} It takes a minute.",
  "home.setUp": "Set up tierkeeper",
  "home.notSetUp": "tierkeeper isn't set up yet",
  "home.askAdmin": "{intro} Ask an admin to set it up here: {admins}.",
  "home.noAdmin":
    "{intro} This workspace has no tierkeeper admin yet: whoever runs tierkeeper makes one with {env} or {cli} (your member id is in your Slack profile, under ⋮ → Copy member ID).",
  "home.planTier": "Plan and tier",
  "home.planTierValue": "{plan}, {limit, plural, one {# contact} other {# contacts}}, {monthly}/month",
  "home.term": "Billing term",
  "home.termValue": "{term, select, monthly {monthly} other {annual}}, from {start} ({zone})",
  "home.alerts": "Alerts",
  "home.approvals": "Approvals",
  "home.notSet": "not set",
  "home.billingContacts": "Billing contacts",
  "home.none": "none",
  "home.reminders": "Reminders",
  "home.remindersValue": "{days} before each update date",
  "home.off": "off",
  "home.changeSettings": "Change settings",
} as const;
