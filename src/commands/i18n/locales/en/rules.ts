// `rules`, `rules add|change`, `rules enable|disable|remove|test`, and why a rule is paused.
// English, ICU MessageFormat: the reference every other language's part must match key for key and
// argument for argument (test/commands/i18n-catalogs.test.ts). A rule's name and filter are always
// arguments (people typed them).
export const rules = {
  "rules.none": "No automation rules yet. Add one: {example}.",
  "rules.header": "Automation rules",
  "rules.line": "“{name}”: when {filter} then {action, select, marketing {marketing} other {non-marketing}} — {state}",
  "rules.enabled": "enabled",
  "rules.disabled": "disabled",
  "rules.paused": "paused ({reason}{request, select, none {} other {; request {request}}})",
  "rules.showing":
    "Showing the first {shown, number} of {total, number} rules, oldest first; {command} shows what one would do.",
  "rules.added":
    "Rule “{name}” {change, select, yes {changed} other {added}}: when {filter} then {action, select, marketing {marketing} other {non-marketing}}.",
  "rules.waiting": "{what} It doesn't run yet: {reason}. An admin approves request {id} to start it.{overridden}",
  "rules.needsApproval": "it needs approval",
  "rules.runs":
    "{what} It runs on new and changed contacts and on a schedule; a run that would change more contacts than the direct-change limit or upgrade the tier asks for approval first.{overridden} Try {command}.",
  "rules.overridden":
    " {items}: the older rule wins for them, so this one leaves them alone instead of flipping them every hour.",
  "rules.overriddenItem":
    "{count, plural, one {# contact also matches} other {# contacts also match}} the older rule “{rule}” (then {action, select, marketing {marketing} other {non-marketing}})",
  "rules.testNone": "Rule “{name}” would change no contact now.",
  "rules.testSome":
    "Rule “{name}” would set {count, plural, one {# contact} other {# contacts}} {action, select, marketing {marketing} other {non-marketing}} now{action, select, marketing { ({become, number} of them start counting toward the tier)} other { (they stay marketing until the next update date)}}.{pause}",
  "rules.wouldPause": " A run would pause and ask for approval: {reason}.",
  "rules.done": "Rule “{name}” {op, select, remove {removed} enable {enabled} other {disabled}}.",
  "rules.doneWaiting": "{done} It doesn't run yet: {reason}. An admin approves request {id} to start it.",
  "rules.why.waiting":
    "waiting for approval to {verb, select, start {start} again {run again} other {run as changed}}: {reason}",
  "rules.why.overLimit":
    "it would set {count, plural, one {# contact} other {# contacts}} {action, select, marketing {marketing} other {non-marketing}}, more than the direct-change limit of {limit, number}",
  "rules.why.upgrade": "it would upgrade the tier to {limit, number} contacts",
  "rules.why.owner": "its owner {owner} no longer has marketing contacts access",
} as const;
