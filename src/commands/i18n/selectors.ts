// Which contacts a bulk request targets, in the languages besides English (English keeps
// `describeSelector`'s words): what people typed (a list's name, a filter) goes in as an argument.
import type { SelectorWords } from "../../domain/selector-words.ts";
import type { Rich } from "../rich.ts";
import type { AnswerLocale } from "./answers.ts";
import { INTL_LOCALE } from "./format.ts";
import { message } from "./messages.ts";

/** The selector in the language, e.g. "listan ”Vårwebbinarium”", "kontakter där lifecycle = lead". */
export function localSelector(locale: AnswerLocale, selector: SelectorWords): Rich {
  const say = (key: Parameters<typeof message>[1], args?: Parameters<typeof message>[2]) => message(locale, key, args);
  switch (selector.type) {
    case "unengaged":
      return say("selector.unengaged");
    case "list":
      return say("selector.list", { name: [selector.name] });
    case "filter":
      return say("selector.filter", { filter: [selector.filter] });
    case "emails":
      return selector.emails.length > 0
        ? [selector.emails.join(", ")]
        : say("selector.emails", { count: selector.count });
    case "import":
      return say("selector.import", { label: [selector.label] });
    case "rule": {
      const filters = new Intl.ListFormat(INTL_LOCALE[locale], { type: "disjunction" }).format(selector.unless);
      return say("selector.rule", {
        name: [selector.name],
        filter: [selector.filter],
        fresh: selector.fresh ? "yes" : "no",
        except: selector.unless.length > 0 ? say("selector.ruleExcept", { filters: [filters] }) : [],
      });
    }
  }
}
