// What a channel or a billing contact is told: alerts, reminders, summaries, the set-up summary.
// English, ICU MessageFormat: the reference every other language's part must match key for key and
// argument for argument (test/commands/i18n-catalogs.test.ts).
export const notices = {
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
} as const;
