// Nederlands: which contacts a bulk request targets, as its messages name them.
import type { selectors as en } from "../en/selectors.ts";
import type { Part } from "../part.ts";

export const selectors: Part<typeof en> = {
  "selector.unengaged": "niet-betrokken contacten (gebounced of afgemeld)",
  "selector.list": "lijst ‘{name}’",
  "selector.filter": "contacten waarvoor {filter}",
  "selector.emails": "{count, plural, one {# contact} other {# contacten}} op e-mailadres",
  "selector.import": "de contacten van import {label}",
  "selector.rule":
    "regel ‘{name}’: contacten waarvoor {filter}{fresh, select, yes { (net aangemaakt of gewijzigd)} other {}}{except}",
  "selector.ruleExcept": ", behalve waar {filters} (daar beslist een oudere regel)",
};
