// Bulk requests and their decisions: the approvals-channel message, the requester's answer, a decision's answer.
// English, ICU MessageFormat: the reference every other language's part must match key for key and
// argument for argument (test/commands/i18n-catalogs.test.ts).
export const requests = {
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
