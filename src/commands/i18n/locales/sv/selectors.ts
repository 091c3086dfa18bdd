// Svenska: which contacts a bulk request targets, as its messages name them.
import type { selectors as en } from "../en/selectors.ts";
import type { Part } from "../part.ts";

export const selectors: Part<typeof en> = {
  "selector.unengaged": "inte engagerade kontakter (studsade eller avregistrerade)",
  "selector.list": "listan ”{name}”",
  "selector.filter": "kontakter där {filter}",
  "selector.emails": "{count, plural, one {# kontakt} other {# kontakter}} efter e-postadress",
  "selector.import": "kontakterna från import {label}",
  "selector.rule":
    "regeln ”{name}”: kontakter där {filter}{fresh, select, yes { (nyss skapade eller ändrade)} other {}}{except}",
  "selector.ruleExcept": ", utom där {filters} (där avgör en äldre regel)",
};
