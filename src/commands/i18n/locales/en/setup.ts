// The setup modal (`/contacts setup`, App Home's button): its title, fields, options, hints, the
// errors shown beside a field, and the answer after saving. (`setup.*` in notices is the note the
// approvals channel gets; these are `setupModal.*`.) Plans, commands and channel names are arguments.
export const setup = {
  "setupModal.title": "{configured, select, yes {tierkeeper settings} other {Set up tierkeeper}}",
  "setupModal.save": "Save",
  "setupModal.cancel": "Cancel",
  "setupModal.close": "Close",
  "setupModal.introSettings":
    "These are tierkeeper's settings. You have <b>{count, plural, one {# marketing contact} other {# marketing contacts}}</b> today. Saving changes them all at once.",
  "setupModal.introNew":
    "Tell tierkeeper what you bought and where to talk to you. You have <b>{count, plural, one {# marketing contact} other {# marketing contacts}}</b> today. You can change all of this later from App Home or with {command}.",
  "setupModal.plan": "Plan",
  "setupModal.tier": "Contact tier: the marketing contacts you pay for",
  "setupModal.tierChoose": "Choose a tier",
  "setupModal.tierOption": "{limit, number} contacts — {monthly}/month",
  "setupModal.tierHint":
    "Tiers that hold your {count, plural, one {# marketing contact} other {# marketing contacts}}, with their monthly price.",
  "setupModal.term": "Billing term",
  "setupModal.termAnnual": "Annual",
  "setupModal.termAnnualHint": "Update dates on the 1st of every month",
  "setupModal.termMonthly": "Monthly",
  "setupModal.termMonthlyHint": "Update dates on the contract start day each month",
  "setupModal.start": "Contract start (purchase date)",
  "setupModal.startHint": "Monthly terms renew on this day of the month; annual terms on this date each year.",
  "setupModal.timezone": "Billing time zone",
  "setupModal.timezoneHint": "An IANA name such as {example1} or {example2}: update dates fall at noon there.",
  "setupModal.channelChoose": "Choose a channel",
  "setupModal.alertChannel": "Channel for tier alerts",
  "setupModal.alertChannelHint":
    "Alerts at {first}, {second} and {third} of the tier, upgrades and reminders. For a private channel, invite {bot} first.",
  "setupModal.approvalsChannel": "Channel for approvals",
  "setupModal.approvalsChannelHint": "Bulk changes and anything that would upgrade the tier wait here for an admin.",
  "setupModal.billing": "Billing contacts",
  "setupModal.billingChoose": "Choose people",
  "setupModal.billingHint": "They get every tier alert by DM.",
  "setupModal.reminders": "Reminders before each update date",
  "setupModal.remindersNone": "None",
  "setupModal.reminderDay": "{days, plural, one {# day before} other {# days before}}",
  "setupModal.noteSettings": "Saving applies every field together, or nothing if one is refused.",
  "setupModal.noteNew":
    "Saving applies every field together. tierkeeper then posts a short note to the approvals channel saying what it will do and when.",
  "setupModal.noAccess":
    "Only admins can set tierkeeper up or change its settings. Ask an admin of this workspace; {command} shows the settings to anyone.",
  "setupModal.missing.plan": "Choose a plan: starter, professional or enterprise.",
  "setupModal.missing.tier": "Choose a contact tier.",
  "setupModal.missing.term": "Choose a billing term: monthly or annual.",
  "setupModal.missing.start": "Give the contract start (purchase) date, e.g. 2026-03-15.",
  "setupModal.missing.timezone": "Give the billing time zone, an IANA name such as America/New_York.",
  "setupModal.missing.alertChannel": "Choose the channel for tier alerts.",
  "setupModal.missing.approvalsChannel": "Choose the channel where admins approve bulk changes.",
  "setupModal.missing.reminders": "Give the reminder days, e.g. 3d,1d, or off.",
  "setupModal.missing.billingContacts": "Choose the billing contacts.",
  "setupModal.notUser": '"{value}" isn\'t a Slack user; give user ids like U0123ABCD or mentions.',
  "setupModal.unreadable":
    "{field, select, start {That isn't a date I can read; pick the contract start in the calendar.} other {I couldn't read that answer; choose or type it again.}}",
  "setupModal.tooManyBilling":
    "That's {count, number} billing contacts; setup takes at most {max, number} (each gets every alert by DM).",
  "setupModal.done.first": "tierkeeper is set up.",
  "setupModal.done.saved": "Settings saved.",
  "setupModal.done.note": "A note on what tierkeeper will do is on its way to {channel}.",
} as const;
