// Values the settings, rules, webhooks and API keys refuse (a Refusal's, a SettingRefusal's or a
// parse error's `wording`). English, ICU MessageFormat: each reads, word for word, as the English
// sentence kept beside its wording (test/commands/refusals.test.ts). Setting names, plans, values
// people type and commands are arguments; `{values}` names what a setting takes.
export const invalid = {
  "refusal.setting.giveValue":
    "Give a value for {key}: {example}{values, select, plan { (starter, professional or enterprise)} term { (monthly or annual)} selfApproval { (on or off)} spikePercent { (1 to 100)} language { (en, sv, nl or pl)} other {}}.",
  "refusal.setting.oneValue":
    '{key} takes one value, e.g. {example}{values, select, plan { (starter, professional or enterprise)} term { (monthly or annual)} selfApproval { (on or off)} spikePercent { (1 to 100)} language { (en, sv, nl or pl)} other {}}; I got "{got}". To change several settings, name each one: {command}.',
  "refusal.setting.unreadable": "I couldn't read that value for {key}.",
  "refusal.setting.notPlan": '"{value}" isn\'t a plan; plans are {plans}.',
  "refusal.setting.notTerm": '"{value}" isn\'t a billing term; use monthly or annual.',
  "refusal.setting.notZone": '"{value}" isn\'t a time zone I know; use an IANA name such as America/New_York.',
  "refusal.setting.notPercent": '"{value}" isn\'t a percentage from 1 to 100, e.g. {example} (1 to 100).',
  "refusal.setting.notNumber": '"{value}" isn\'t a positive whole number, e.g. {example}.',
  "refusal.setting.notLanguage": '"{value}" isn\'t a language tierkeeper speaks; use en, sv, nl or pl.',
  "refusal.setting.selfApproval": '{key} is {on} or {off}, not "{value}".',
  "refusal.setting.notDays": '"{value}" isn\'t a number of days; write reminders like {example}.',
  "refusal.setting.daysRange": "Reminders are 1 to 28 days before the update date; {value, number} is outside that.",
  "refusal.setting.oneChannel": "Give one channel, e.g. {example}.",
  "refusal.setting.notChannel": '"{value}" isn\'t a channel; give #name or its id (like C0123ABCD), e.g. {example}.',
  "refusal.setting.twice": "{key} is given twice; give each setting once.",
  "refusal.setting.notTier":
    "{tier, number} is not a tier of the {plan} plan. {none, select, yes {None of its tiers holds your {count, number} marketing contacts.} other {Its tiers that hold your {count, number} marketing contacts are {tiers} contacts.}}{others, plural, =0 {} one { {tier, number} is a tier of the {first} plan: name the plan too to switch, e.g. {command}.} other { {tier, number} is a tier of the {first} and {second} plans: name the plan too to switch, e.g. {command}.}}",
  "refusal.setting.belowCount":
    "The account has {count, number} marketing contacts, more than {tier, number}.{samePlan, select, yes { To lower the tier at renewal, use {command}.} other { The smallest {plan} tier that holds them is {smallest, number}.}}",
  "refusal.setting.planTooSmall":
    "The {plan} plan's largest tier is {max, number} contacts, fewer than your {count, number} marketing contacts.",
  "refusal.ruleExists": 'A rule named "{name}" already exists; remove it first or pick another name.',
  "refusal.ruleExistsNow": 'A rule named "{name}" already exists.',
  "refusal.ruleWaiting":
    'Rule "{rule}" is waiting for approval of request {id}: an admin approves or rejects it with {approve} or {reject}.',
  "refusal.ruleFilterUnreadable": 'Rule "{rule}" has a filter I can no longer read: {error}',
  "refusal.webhook.tooLong": "The URL is longer than {max} characters.",
  "refusal.webhook.notUrl": "That is not a URL; give the full address, e.g. {example}.",
  "refusal.webhook.credentials":
    "The URL must not carry a user name or password; the webhook's signature proves the sender.",
  "refusal.webhook.fragment": "The URL must not have a #fragment.",
  "refusal.webhook.https": "Webhook URLs must start with https://.",
  "refusal.webhook.privateAddress": "{host} is not a public address; webhooks go to public https endpoints only.",
  "refusal.webhook.privateHost": "{host} is not a public host name; webhooks go to public https endpoints only.",
  "refusal.webhook.noAddress": "{host} does not resolve to an address; webhooks go to public https endpoints only.",
  "refusal.webhook.resolvesPrivate":
    "{host} resolves to {address}, which is not a public address; webhooks go to public https endpoints only.",
  "refusal.webhook.notEvent":
    "{unknown} {count, plural, one {is not an event} other {are not events}}. Events: {events}.",
  "refusal.apiKey.notScope":
    "{unknown} {count, plural, one {is not a scope} other {are not scopes}}. A key's scopes: {scopes}, or {all}; e.g. {command}.",
} as const;
