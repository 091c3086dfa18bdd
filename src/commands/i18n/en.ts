// The notices' messages in English, ICU MessageFormat: the reference every other catalog must
// match key for key and argument for argument (test/commands/i18n-catalogs.test.ts). English
// notices are still worded by src/commands/notices.ts; this is what translators translate.
// Arguments: numbers are `{x, number}` or plurals, everything else (money, dates, commands, user
// text) comes in already formatted. `<b>…</b>` is bold. Keep every command in an argument.
export const en = {
  standing: "{count, number} of {limit, number} ({usage})",
  "threshold.level": "{level} ({count, number})",
  "threshold.exceeding": "exceeding the tier ({count, number}, an automatic upgrade)",
  upgrade:
    "Tier upgraded automatically: {count, plural, one {# marketing contact} other {# marketing contacts}} exceeded the tier of {oldLimit, number}, so the account moved to {newLimit, number} contacts ({oldMonthly} → {newMonthly} per month).{charge} Usage is now {usage} of the new tier, and alerts count against it. The tier is never lowered automatically: an admin can schedule a downgrade for the renewal with {command}.",
  "upgrade.charge": " A prorated charge of {amount} is due on {due}.",
  "upgrade.chargeNextDay": " A prorated charge of {amount} is due the next day.",
  "threshold.over":
    "Marketing contacts exceed the tier: {standing}, and the pricing ladder has no larger tier to upgrade to.",
  threshold: "Marketing contacts reached {level} of the tier: {standing}. {next}",
  "threshold.pending":
    "{count, plural, one {# pending contact becomes} other {# pending contacts become}} non-marketing at the next update date, {when}.",
  "threshold.noPending":
    "More than {limit, number} upgrades the tier automatically; contacts set non-marketing keep counting until {when}.",
  "update-summary":
    "Update date {when} processed: {changed, plural, one {# contact} other {# contacts}} became non-marketing. Marketing contacts now: {standing}.",
  "downgrade-applied":
    "Scheduled downgrade applied at the renewal {when}: the tier is now {target, number} contacts ({count, plural, one {# marketing contact} other {# marketing contacts}}).",
  "downgrade-cancelled": "Scheduled downgrade to {target, number} contacts cancelled at the renewal {when}: {reason}",
  "downgrade-cancelled.noFit": "the count does not fit",
  spike:
    "Spike: marketing contacts grew by {growth, number}{share} within the last hour, from {baseline, number} to {standing}. New marketing contacts by source: {sources}. If an import or rule is running away, pause it and check {command}.",
  "spike.unknown": "unknown",
  "update-reminder":
    "Reminder: the next update date is {lead, plural, =1 {tomorrow} other {in # days}}, {when}. {count, plural, one {# contact} other {# contacts}} will become non-marketing; marketing contacts after it: {standing}. Contacts set non-marketing before then are included.",
  "renewal-reminder":
    "The renewal is {when}. After pending changes {after, plural, one {# marketing contact remains} other {# marketing contacts remain}}; {tier} {downgrade}",
  "renewal-reminder.lower":
    "the lowest tier that holds them is {lowest, number} contacts ({saving} less per month than the current {limit, number}).",
  "renewal-reminder.current": "the lowest tier that holds them is the current one, {limit, number} contacts.",
  "renewal-reminder.scheduled": "A downgrade to {target, number} contacts is scheduled for it.",
  "renewal-reminder.scheduledNoFit":
    "A downgrade to {target, number} contacts is scheduled for it, but {after, plural, one {# contact does} other {# contacts do}} not fit: it will be cancelled unless the count drops.",
  "renewal-reminder.canSchedule": "No downgrade is scheduled: an admin can schedule one with {command}.",
  "renewal-reminder.none": "No downgrade is scheduled.",
  forecast:
    "Forecast: at the recent growth of {perDay, plural, one {# marketing contact} other {# marketing contacts}} a day, usage reaches {reached}. Now {count, number} of {limit, number}.",
  "forecast.when": "{threshold} on {day} (in {days, plural, one {# day} other {# days}})",
  "setup.title": "<b>tierkeeper is set up.</b> Here is what it will do, and when.",
  "setup.tier":
    "<b>Your tier:</b> {limit, number} marketing contacts on the {plan} plan, {monthly}/month. Today {count, plural, one {# contact is} other {# contacts are}} marketing ({usage}).",
  "setup.updates":
    "<b>Update dates:</b> a contact set non-marketing keeps counting until the next update date, then stops. Update dates are {cadence}; the next is {next}.",
  "setup.monthly":
    "on the {day, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} of every month{late, select, yes { (the last day in shorter months)} other {}}, at 12:00 {zone} time",
  "setup.annual": "on the 1st of every month, at 12:00 {zone} time",
  "setup.alerts":
    "<b>Alerts</b> {to}: when marketing contacts reach {thresholds} of the tier, and if they go over it. Going over upgrades the tier automatically, with a prorated charge that can't be undone until renewal; the next renewal is {renewal}.",
  "setup.inChannel": "in {channel}",
  "setup.byDm": "by DM to {people}",
  "setup.both": "{inChannel} and {byDm}",
  "setup.nowhere": "nowhere yet: no alert channel or billing contact is set ({command} sets them)",
  "setup.reminders": "<b>Reminders:</b> {reminders}.",
  "setup.remindersOn":
    "{days} before each update date, and {renewal, plural, one {# day} other {# days}} before each renewal",
  "setup.remindersOff":
    "none before update dates ({command} turns them on); {renewal, plural, one {# day} other {# days}} before each renewal",
  days: "{days, plural, one {# day} other {# days}}",
  "setup.approvals":
    "<b>Approvals:</b> changes to more than {limit, plural, one {# contact} other {# contacts}} at once, and anything that would upgrade the tier, wait {here, select, yes {in this channel} other {({command})}} for an admin to approve.",
  "setup.help": "{help} lists everything; {settings} shows the settings and who changed them.",
  "intake-held":
    "{count, plural, one {# contact that came in through API key {key} would have been marketing, but the key's maker {owner} no longer has marketing contacts access, so it was created non-marketing.} other {# contacts that came in through API key {key} would have been marketing, but the key's maker {owner} no longer has marketing contacts access, so they were created non-marketing.}} Grant the access back ({grant}) or have an admin make a new key.",
  "request-reopened":
    "Scheduled request {id} (set {count, plural, one {# contact} other {# contacts}} {action, select, marketing {marketing} other {non-marketing}}) did not run: {reason}. It needs a new decision: {approve} or {reject}.",
  "rule-paused":
    "Automation rule “{rule}” (set marketing when {filter}) is paused: {reason}. Someone with marketing contacts access can {command} to run it as theirs, or remove it.",
  "webhook-disabled":
    "Webhook {id} to {origin} is turned off: every delivery failed since {since} ({attempts, plural, one {# attempt} other {# attempts}}; the last: {error}). Nothing was lost: once the endpoint works, {command} turns it back on and it catches up from where it stopped.",
  // The answers of `tier`, `status` and `can-market` (English answers are still worded by their handlers).
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
  // Bulk requests and their decisions (English is still worded by src/commands/requests-view.ts).
  "request.summary":
    "set {count, plural, one {# contacts} other {# contacts}} {action, select, marketing {marketing} other {non-marketing}} ({selector})",
  "request.from": "<b>Bulk request {id}</b> from {requester}{origin}: {summary}.",
  "request.originRule": " (their automation rule “{rule}”)",
  "request.originApi": " (through their API key {key})",
  "request.contacts": "Contacts",
  "request.contactsValue": "{count, number} → {action, select, marketing {marketing} other {non-marketing}}",
  "request.effective": "Effective",
  "request.immediately": "immediately on approval",
  "request.atUpdate": "at the update date {when}",
  "request.marketingCount": "Marketing count",
  "request.usage": "Usage",
  "request.usageValue": "{before} → {after} of {limit, number}",
  "request.upgrade": "Tier upgrade",
  "request.upgradeValue":
    "{oldLimit, number} → {newLimit, number} contacts, {oldMonthly} → {newMonthly}/month; prorated charge {charge} due {due}. It cannot be undone until renewal.",
  "request.tier": "Tier",
  "request.noUpgrade": "no upgrade",
  "request.saving": "Saving",
  "request.savingValue": "{saving}/month if the tier is lowered to {lowest, number} at renewal",
  "request.reopened": "Approved before, but it did not run at its time: {reason}. It needs a new decision.",
  "request.approve": "Approve",
  "request.reject": "Reject",
  "request.expires": "Expires {when} unless an admin decides.",
  "request.by": " by {who}",
  "request.on": " on {when}",
  "request.executed": "Approved{by}{at} and applied.",
  "request.approved": "Approved{by}{at}; runs {when}.",
  "request.soon": "soon",
  "request.rejected": "Rejected{by}{at}{reason}.",
  "request.expired": "Expired after 7 days without a decision.",
  "request.cancelled": "Withdrawn{at}{reason}.",
  "request.waiting": "Request {id} is waiting for approval: {summary}.",
  "request.posted": "Posted to {channel} for an admin to approve.",
  "request.noApprovals": "No approvals channel is set, so the request is posted here. An admin can set one: {command}.",
  "request.message": "Bulk request {id} from {requester}: {summary}.{status}",
  "request.yours": "Your bulk request {id} ({summary}): {status}",
  "decision.already": "Request {id} was already decided: {status} Nothing changed.",
  "decision.rejected": "Rejected request {id}. Nothing changed.",
  "decision.scheduled": "Approved request {id}; it runs {when}.",
  "decision.atItsTime": "at its time",
  "decision.marketing":
    "Approved request {id}: {changed, plural, one {# contacts are} other {# contacts are}} now marketing.",
  "decision.nonMarketing":
    "Approved request {id}: {changed, plural, one {# contacts stay} other {# contacts stay}} marketing until {when}, then become non-marketing.",
  "decision.upgrade":
    "The tier was upgraded from {oldLimit, number} to {newLimit, number} contacts; prorated charge {charge} due {due}.",
  "decision.standing": "Marketing contacts: {count, number} of {limit, number}.",
  "decision.clickAlready":
    "Request {id} was already decided ({status}); nothing changed. The message now shows the outcome.",
} as const;

/** Every message a notice may use: a catalog without one of them does not compile. */
export type MessageKey = keyof typeof en;

/** A language's messages: every key, nothing else. */
export type Catalog = Readonly<Record<MessageKey, string>>;
