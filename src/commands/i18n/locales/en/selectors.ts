// Which contacts a bulk request targets, as its messages name them. The list's name, the filter
// as typed and the import's label are arguments.
export const selectors = {
  "selector.unengaged": "unengaged contacts (bounced or unsubscribed)",
  "selector.list": "list “{name}”",
  "selector.filter": "contacts where {filter}",
  "selector.emails": "{count, plural, one {# contact} other {# contacts}} by email",
  "selector.import": "the contacts of import {label}",
  "selector.rule":
    "rule “{name}”: contacts where {filter}{fresh, select, yes { (just created or changed)} other {}}{except}",
  "selector.ruleExcept": ", except where {filters} (an older rule decides those)",
} as const;
