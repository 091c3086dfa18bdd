// Refusals: what the services and the rules say when they won't do something (a Refusal's or a
// Permission's `wording`). English, ICU MessageFormat: each message here reads, word for word, as
// the English sentence the service keeps beside its wording (test/commands/refusals.test.ts), and is
// the reference every other language's part must match key for key and argument for argument.
export const refusals = {
  "refusal.noMarketingAccess":
    "You don't have marketing contacts access, so you can't set contacts marketing. {role, select, admin {Grant it to yourself with {command}.} other {Ask an admin to run {command}.}}",
  "refusal.onlyAdmins":
    "Only admins can {action, select, setup {set tierkeeper up} apiKeys {manage API keys} sourceDefaults {change creation-source defaults} webhooks {manage webhooks} other {do that}}. Ask an admin of this workspace.",
  "refusal.onlyAdminsApprove": "Only admins can approve or reject bulk changes.",
  "refusal.selfApproval":
    "You made this request, so another admin has to approve it (self-approval is off in this workspace's settings).",
  "refusal.selfApprovalCause":
    "Your import or API key brought in the contacts this rule's request is about, so another admin has to approve it (self-approval is off in this workspace's settings).",
  "refusal.approveNoAccess":
    "You don't have marketing contacts access, so you can't approve setting contacts marketing. Grant it with {command}.",
  "refusal.downgradeSmallest": "Your tier of {current, number} contacts is already the smallest on your plan.",
  "refusal.downgradeBelow":
    "A downgrade must go below your current tier of {current, number} contacts; allowed: {allowed}.",
  "refusal.downgradeNotTier": "{target, number} is not a tier of your plan; allowed: {allowed}.",
  "refusal.unknownEmail":
    "No contact with the email {emails}{more, plural, =0 {} one { and # more} other { and # more}} in this account, so nothing was changed. Check the spelling, or import the contact first.",
  "refusal.listExists": 'A list named "{name}" already exists.',
  "refusal.noList": 'There is no list "{name}". Create it with {command}.',
  "refusal.confirmUpgrade":
    "Approving {id} upgrades the tier to {newLimit, number} contacts. To confirm, type the number of contacts: {command}.",
  "refusal.noRequest": "There is no request {id}.",
  "refusal.unknownRequest": "There is no request {id}. {command} lists the open ones.",
  "refusal.requesterNoAccess":
    "{requester}, who asked for request {id}, no longer has marketing contacts access, so it can't be approved. Reject it, or make the request yourself.",
  "refusal.rejectNotAllowed": "Only an admin or the person who asked can reject a request.",
  "refusal.onlyAdmin": "{user} is the only admin; add another admin first.",
  "refusal.noRule": 'There is no rule "{name}". {command} lists them.',
  "refusal.noRuleNow": 'There is no rule "{name}".',
  "refusal.ruleNotYours":
    'Only an admin or the rule\'s author can {op, select, enable {enable} disable {disable} remove {remove} other {change}} rule "{rule}".',
  "refusal.tooManyRules":
    "This workspace has {max, number} automation rules, the most it can have. Remove one you no longer need ({command}) before adding another.",
  "refusal.tooManyWebhooks": "This workspace has {max, number} webhooks, the most it can have; remove one first.",
  "refusal.noWebhook": "There is no webhook {id}. {command} lists them.",
  "refusal.noApiKey": "There is no active API key {id} in this workspace. {command} lists the keys.",
  "filter.unreadable": "I couldn't read that filter. Try {example}.",
  "filter.empty": "The filter is empty. Try {example}.",
  "filter.unknownField": '"{field}" isn\'t a field I can filter on; fields are {fields}.',
  "filter.needsOperator": "{field} needs an operator and a value, e.g. {example}.",
  "filter.notOperator": '"{op}" isn\'t an operator; use =, !=, <, > or contains, e.g. {example}.',
  "filter.needsValue": "{condition} needs a value, e.g. {example}.",
  "filter.noOr": "Only `and` can join conditions; `or` isn't supported yet.",
  "filter.joinWithAnd": 'Join conditions with `and` (near "{near}").',
  "filter.endsWithAnd": "The filter ends with `and`; add another condition.",
} as const;
