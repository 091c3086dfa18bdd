// The manage wizard (`/contacts manage`, R17) and the upgrade confirmation modal (R14): titles,
// labels, options, buttons, hints, validation errors and the answers after submission.
// English, ICU MessageFormat: the reference every other language's part must match key for key and
// argument for argument (test/commands/i18n-catalogs.test.ts). English itself keeps the wording in
// src/slack/manage.ts, confirm.ts and listeners/views.ts. Slack's limits: a modal's title, submit
// and close at most 24 characters, an option's text 75 (test/slack/modal-limits.test.ts).
export const wizard = {
  "modal.cancel": "Cancel",
  "wizard.title": "Manage contacts · {step, number}/4",
  "wizard.next": "Next",
  "wizard.toReview": "Review",
  "wizard.request": "Request approval",
  "wizard.intro.header": "What are marketing contacts?",
  "wizard.intro.what":
    "Only <b>marketing contacts</b> count toward your contact tier, and only they can get marketing email or be in ad audiences. <b>Non-marketing</b> contacts still get sales 1:1 email, chats, registration, ticket and transactional email and surveys.",
  "wizard.intro.when":
    "Setting a contact non-marketing takes effect at the <b>next update date</b>, {when}: until then it stays marketing and keeps counting.",
  "wizard.intro.standing":
    "You have <b>{count, number}</b> marketing contacts of a <b>{limit, number}</b> tier ({usage}). The tier never goes down by itself; a smaller count lets you choose a lower tier at renewal.",
  "wizard.intro.next": "Next: unengaged contacts you may not need to market to.",
  "wizard.unengaged.header": "Unengaged contacts",
  "wizard.unengaged.summary":
    "<b>{count, number}</b> marketing contacts have bounced or unsubscribed from all email: they cannot receive marketing email anyway, but they count toward your tier.",
  "wizard.unengaged.label": "Set these non-marketing",
  "wizard.unengaged.bounced": "Bounced ({count, number})",
  "wizard.unengaged.unsubscribed": "Unsubscribed from all email ({count, number})",
  "wizard.unengaged.next": "Next: or choose a list or a filter instead.",
  "wizard.select.header": "Or a list or a filter",
  "wizard.select.explain":
    "Leave both empty to use the unengaged contacts of step 2. A list or a filter <b>replaces</b> them; with both, contacts must be in the list <b>and</b> match the filter.",
  "wizard.select.list": "List",
  "wizard.select.listOption": "{name} ({size, number})",
  "wizard.select.choose": "Choose a list",
  "wizard.select.moreLists": "…and {count, number} more lists: use a filter such as {example}.",
  "wizard.select.filter": "Filter",
  "wizard.select.hint": "Fields: {fields}. Dates in words.",
  "wizard.select.noChoice": "Choose unengaged contacts in step 2, a list or a filter.",
  "wizard.select.tooLong":
    "A filter here can be at most {max, number} characters (this one has {length, number}). Use a list, or {command}.",
  "wizard.select.noRoom": "This filter is too long to carry to the review step. Shorten it, or use a list.",
  "wizard.select.noMatch":
    "No marketing contact matches {selector} (pending ones already count as set). Choose something else.",
  "wizard.review.header": "Review",
  "wizard.review.match": "<b>{count, number}</b> marketing contacts match: {selector}.",
  "wizard.review.now": "<b>Marketing now:</b> {count, number} of {limit, number}",
  "wizard.review.becoming":
    "<b>Becoming non-marketing</b> at the next update date, {when}: {count, number} (with the ones already pending, the count drops to {after, number})",
  "wizard.review.usage": "<b>Usage after:</b> {usage} of {limit, number}",
  "wizard.review.saving": "<b>Saving:</b> {saving}",
  "wizard.review.savingValue":
    "<b>{saving}/month</b> less if you lower the tier to {lowest, number} at renewal ({command}); the tier never goes down by itself.",
  "wizard.review.noSaving": "No saving yet: {count, number} contacts still need the {limit, number} tier.",
  "wizard.review.note":
    "Submitting makes a bulk request that an admin approves in the approvals channel. Until the update date they stay marketing.",
  "wizard.done.mismatch":
    "I couldn't match this submission to the contacts you reviewed, so nothing was requested. Run {command} again.",
  "wizard.done.nothing": "No marketing contact matches any more, so there is nothing to request.",
  "wizard.done.direct":
    "Set {count, number} contacts non-marketing directly (within the direct-change limit): they stay marketing until the next update date.",
  "wizard.done.posted":
    "Request {id} ({count, number} contacts non-marketing) is posted to {channel} for an admin to approve.",
  "wizard.done.waiting": "Request {id} ({count, number} contacts non-marketing) is waiting for approval: {command}.",
  "wizard.done.setChannel": "Set an approvals channel to get it posted with buttons: {command}.",
  "confirm.title": "Confirm tier upgrade",
  "confirm.submit": "Approve and upgrade",
  "confirm.body":
    "Approving <b>{id}</b> sets <b>{count, number}</b> contacts marketing and upgrades the tier from <b>{oldLimit, number}</b> to <b>{newLimit, number}</b> contacts ({oldMonthly} → {newMonthly}/month). A prorated charge of <b>{charge}</b> is due {due}. The tier cannot be lowered until renewal.",
  "confirm.label": "Type the number of contacts to confirm",
  "confirm.note": "The number is in the request message. Anything else leaves the request open.",
  "confirm.wrong": "Type {count, number}, the number of contacts in request {id}, to approve the upgrade.",
} as const;
