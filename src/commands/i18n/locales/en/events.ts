// What the audit log recorded, one message per kind of event (or kind and variant), as `history`
// and App Home's recent activity show it. English readers see the stored summary itself; these
// English messages are the reference the other languages match (test/commands/i18n-catalogs.test.ts).
// Names people typed (lists, rules, filters, reasons, file names) and ids come in as arguments.
export const events = {
  "event.madeMarketing": "Set marketing",
  "event.madeMarketingByRequest": "Set marketing by request {id}",
  "event.madeMarketingByRule": "Set marketing by rule “{rule}” (when {filter})",
  "event.madeMarketingByForm":
    "Set marketing: {count, plural, one {# non-marketing contact} other {# non-marketing contacts}} submitted a marketing form (the intake API)",
  "event.cancelledPending": "Set marketing (cancelled the pending non-marketing change)",
  "event.flaggedPending": "Set non-marketing: stays marketing until the next update date",
  "event.flaggedPendingByRequest": "Set non-marketing by request {id}: marketing until the next update date",
  "event.flaggedPendingByRule":
    "Set non-marketing by rule “{rule}” (when {filter}): marketing until the next update date",
  "event.becameNonMarketing": "Became non-marketing at the update date",
  "event.contactsCreated":
    "Created {count, plural, one {# contact} other {# contacts}} from the intake API ({marketing, number} marketing, {other, number} non-marketing)",
  "event.contactsUpdated": "Updated {count, plural, one {# contact} other {# contacts}} from the intake API",
  "event.contactsCreatedImport":
    "Created {count, plural, one {# contact} other {# contacts}} from import #{id}{file} ({marketing, number} marketing, {other, number} non-marketing)",
  "event.contactsUpdatedImport": "Updated {count, plural, one {# contact} other {# contacts}} from import #{id}{file}",
  "event.importFile": " ({name})",
  "event.listAddedImport": "Added {count, plural, one {# imported contact} other {# imported contacts}} to a list",
  "event.contactsDeleted": "Deleted {emails}",
  "event.requestCreated":
    "Requested {action, select, marketing {marketing} other {non-marketing}} for {count, plural, one {# contact} other {# contacts}} ({selector}), request {id}",
  "event.requestApproved": "Approved request {id}",
  "event.requestApprovedFor": "Approved request {id} for {when}",
  "event.requestAppliedDirectly": "Request {id} applied directly (within the direct-change limit)",
  "event.requestRejected":
    "Rejected request {id}{scheduled, select, yes { (approved before, it had not run yet)} other {}}{reason}",
  "event.because": ": {reason}",
  "event.requestExpired": "Request {id} expired after 7 days without a decision",
  "event.importFinished":
    "Imported {file}: {created, number} created, {updated, number} updated, {unchanged, number} unchanged, {rejected, number} rejected{list}{request}",
  "event.aCsvFile": "a CSV file",
  "event.importList": "; list “{name}”",
  "event.importRequest": "; set all as marketing asked in request {id}",
  "event.listAdded": "Added to list “{name}”",
  "event.listCreated": "Created list “{name}” for an import",
  "event.settingChanged": "Setting {key} changed from {before} to {after}{fitted}",
  "event.tierFitted":
    " (the smallest {plan} tier that holds {count, plural, one {# marketing contact} other {# marketing contacts}})",
  "event.sourceDefaultChanged":
    "Creation-source default for {source} changed from {before, select, marketing {marketing} non {non-marketing} other {the default}} to {after, select, marketing {marketing} other {non-marketing}}",
  "event.tierUpgrade":
    "Automatic upgrade from {from, number} to {to, number} marketing contacts ({count, plural, one {# marketing contact} other {# marketing contacts}} after the change)",
  "event.tierDowngrade": "Downgraded from {from, number} to {to, number} contacts at renewal",
  "event.downgradeCancelledAtRenewal": "Scheduled downgrade to {target, number} cancelled: {reason}",
  "event.downgradeCancelled": "Cancelled the scheduled downgrade",
  "event.downgradeScheduled": "Scheduled a downgrade to {target, number} contacts at the next renewal",
  "event.thresholdReached": "Marketing contacts reached {percent} of the tier ({count, number} of {limit, number})",
  "event.ruleAdded":
    "Added rule “{rule}”: when {filter} then {action, select, marketing {marketing} other {non-marketing}}",
  "event.ruleChanged":
    "Changed rule “{rule}”: when {filter} then {action, select, marketing {marketing} other {non-marketing}} (was: when {wasFilter} then {wasAction, select, marketing {marketing} other {non-marketing}})",
  "event.ruleDone": "{op, select, enable {Enabled} disable {Disabled} other {Removed}} rule “{rule}”",
  "event.rulePaused": "Rule “{rule}” paused: {reason}",
  "event.rulePausedRequest": "Rule “{rule}” paused: {reason}. It asks for approval in request {id}",
  "event.ruleDisabledRejected":
    "Rule “{rule}” disabled: its request {id} was rejected. Change it and {command} it to run again",
  "event.ruleResumed":
    "Rule “{rule}” resumed: its request {id} was {status, select, executed {executed} expired {expired} other {removed}}",
  "event.userChanged":
    "{change, select, accessGrant {Granted marketing contacts access for} accessRevoke {Revoked marketing contacts access for} adminsAdd {Made admin:} adminsRemove {Removed admin:} billingAdd {Added billing contact} other {Removed billing contact}} {user}",
  "event.apiKeyCreated": "Created API key {id} ({scopes})",
  "event.apiKeyRevoked": "Revoked intake API key {id}",
  "event.webhookAdded": "Added webhook {id} to {origin}",
  "event.webhookRemoved": "Removed webhook {id}",
  "event.demoSeeded": "Seeded the demo account",
} as const;
