// The answers of `tier`, `status` and `can-market`.
// English, ICU MessageFormat: the reference every other language's part must match key for key and
// argument for argument (test/commands/i18n-catalogs.test.ts).
export const answers = {
  "tier.header": "Contact tier",
  "tier.summary":
    "Marketing contacts: {count, number} of {limit, number} ({usage}) on the {plan} plan, {monthly}/month.",
  "tier.all": "All contacts",
  "tier.allValue": "{total, number}, of which {nonMarketing, number} non-marketing",
  "tier.pending": "Pending non-marketing",
  "tier.nextUpdate": "Next update",
  "tier.afterUpdate": "After the update",
  "tier.lowestAfter": "Lowest tier that fits after it",
  "tier.downgrade": "Downgrade to {target, number} scheduled for the renewal on {when}.",
  "when.forYou": "{there}; {here} for you",
  "list.more": "{items} and {count, number} more",
  "status.is":
    "{email} is a <b>{status, select, marketing {marketing} other {non-marketing}}</b> contact{pending, select, yes { ({note})} other {}}.",
  "status.pendingNote": "pending: marketing until next update",
  "status.pendingLine": "Marketing until the next update date: becomes non-marketing {when}",
  "status.source": "Source",
  "status.lists": "Lists",
  "status.noLists": "none",
  "status.lifecycle": "Lifecycle",
  "status.created": "Created",
  "status.unengaged": "Unengaged",
  "status.bounced": "bounced",
  "status.unsubscribed": "unsubscribed",
  "canMarket.yes":
    "<b>Yes</b> — {email}: It's a marketing contact, so it can receive marketing email and be in ad audiences.",
  "canMarket.no":
    "<b>No</b> — {email}: It's a non-marketing contact, so it can't receive marketing email or be in ad audiences. Sales 1:1 email, chat, registration, ticket and transactional email, and surveys still reach it.",
} as const;
