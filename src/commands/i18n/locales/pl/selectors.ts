// Polski: which contacts a bulk request targets, as its messages name them.
import type { selectors as en } from "../en/selectors.ts";
import type { Part } from "../part.ts";

export const selectors: Part<typeof en> = {
  "selector.unengaged": "niezaangażowane kontakty (odbite lub wypisane)",
  "selector.list": "lista „{name}”",
  "selector.filter": "kontakty, dla których {filter}",
  "selector.emails":
    "{count, plural, one {# kontakt} few {# kontakty} many {# kontaktów} other {# kontaktu}} według adresu e-mail",
  "selector.import": "kontakty z importu {label}",
  "selector.rule":
    "reguła „{name}”: kontakty, dla których {filter}{fresh, select, yes { (właśnie utworzone lub zmienione)} other {}}{except}",
  "selector.ruleExcept": ", z wyjątkiem tych, dla których {filters} (o nich decyduje starsza reguła)",
};
