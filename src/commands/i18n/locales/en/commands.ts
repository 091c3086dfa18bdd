// The answers of `set`, `delete`, `bulk`, `requests`, `lists`, `list …`, `access`, `admins`,
// `billing-contacts`, `tier downgrade` and of a file import (English keeps the handlers' wording).
// English, ICU MessageFormat: the reference every other language's part must match key for key and
// argument for argument (test/commands/i18n-catalogs.test.ts).
export const commands = {
  "set.needsUpgrade":
    "This would upgrade the tier from {oldLimit, number} to {newLimit, number} contacts (prorated charge {charge}), so it needs an admin's approval: request {id}.",
  "set.overLimit":
    "{count, plural, one {# contacts is} other {# contacts is}} more than the direct-change limit, so this needs approval: request {id}.",
  "set.outcome":
    "{email}: {outcome, select, madeMarketing {now a marketing contact.} cancelledPending {stays marketing; its pending non-marketing change is cancelled.} alreadyMarketing {already a marketing contact; nothing changed.} flaggedPending {stays marketing until the next update date, then becomes non-marketing: {when}.} alreadyPending {already set to become non-marketing{when}; nothing changed.} other {already non-marketing; nothing changed.}}",
  "set.pendingAt": " at {when}",
  "set.more": "…and {count, number} more: {counts}.",
  "set.moreCount":
    "{count, number} {outcome, select, madeMarketing {made marketing} cancelledPending {kept marketing (pending change cancelled)} flaggedPending {non-marketing at the next update} alreadyMarketing {already marketing} alreadyPending {already pending} other {already non-marketing}}",
  "set.upgraded":
    "This change upgraded the tier from {oldLimit, number} to {newLimit, number} contacts; a prorated charge of {charge} is due {due}.",
  "delete.done":
    "Deleted {deleted, plural, one {# contacts} other {# contacts}} ({freed, number} of them marketing). Marketing contacts: {count, number} of {limit, number}; the tier stays as it is.",
  "bulk.nothing": "No contact matches that would change, so there is nothing to request.",
  "bulk.marketing":
    "Set {count, plural, one {# contacts} other {# contacts}} marketing (within the direct-change limit, no approval needed).",
  "bulk.nonMarketing":
    "Set {count, plural, one {# contacts} other {# contacts}} non-marketing: they stay marketing until {when}.",
  "requests.none": "No open requests.",
  "requests.header": "Open requests",
  "requests.item":
    "• {id} — {summary} — {status, select, open {open} approved {approved} other {{status}}}, asked by {requester}",
  "requests.more":
    "Showing the latest {shown, number} of {total, number} open or approved requests; {approve} and {reject} work on any of them.",
  "lists.none": "No lists yet. Create one with {command}.",
  "lists.noneNamed": "No list has “{contains}” in its name.",
  "lists.header": "Lists",
  "lists.headerNamed": "Lists with “{contains}” in the name",
  "lists.item": "• {name} — {size, plural, one {# contacts} other {# contacts}}",
  "lists.more": "Showing the first {shown, number} of {total, number} lists by name; narrow with {command}.",
  "lists.moreNamed":
    "Showing the first {shown, number} of {total, number} lists with “{contains}” in the name by name; narrow with {command}.",
  "list.created": "Created the list “{name}”.",
  "list.added":
    "Added {added, plural, one {# contacts} other {# contacts}} to “{list}”{already, plural, =0 {} one { (# were already in it)} other { (# were already in it)}}.",
  "people.billingContacts": "Billing contacts: {users}{more, plural, =0 {} one { and # more} other { and # more}}",
  "people.noBillingContacts": "No billing contacts yet.",
  "people.access": "{user} {op, select, grant {now has} other {no longer has}} marketing contacts access.",
  "people.admin": "{user} is {op, select, add {now an admin} other {no longer an admin}}.",
  "people.billingContact": "{user} is {op, select, add {now a billing contact} other {no longer a billing contact}}.",
  "downgrade.cancelled": "The scheduled downgrade is cancelled.",
  "downgrade.scheduled":
    "Downgrade to {target, number} contacts scheduled for the renewal on {when}. It happens only if the marketing count then fits (now {count, number}, {after, number} after pending changes).",
  "import.summary":
    "Imported {file}: {rows, plural, one {# rows} other {# rows}} — {created, number} created, {updated, number} updated, {unchanged, number} unchanged, {rejected, number} rejected.",
  "import.theFile": "the file",
  "import.created": "Created",
  "import.updated": "Updated",
  "import.unchanged": "Unchanged",
  "import.rejected": "Rejected",
  "import.nonMarketing": "New contacts from an import are non-marketing.",
  "import.list":
    "List “{name}”{created, select, yes { (new)} other {}}: {added, plural, one {# contacts} other {# contacts}} added.",
  "import.ruleChanges": "Automation rules changed {count, number} of the imported contacts.",
  "import.rulePaused": "A rule paused and asks for approval: request {id} ({summary}).",
  "import.marketingRequest":
    "Set all as marketing needs approval: request {id} would make {count, plural, one {# contacts} other {# contacts}} marketing, {before, number} → {after, number} of {limit, number} ({usage}){upgrade, select, yes {, upgrading the tier to {newLimit, number}} other {}}.",
  "import.nothingToRequest":
    "Set all as marketing: no imported contact would change (they are all marketing already, or none was imported), so there is nothing to request.",
  "import.nothingImported": "Nothing was imported.",
  "import.waits":
    "No approvals channel is set, so request {id} waits in {requests}; an admin approves it with {approve} (or sets one: {settings}).",
  "import.rejectedRows": "Rejected rows:",
  "import.rejectedLine": "line {line}{email}: {reason}",
  "import.moreRejected": "… and {count, plural, one {# more rejected rows} other {# more rejected rows}}.",
} as const;
