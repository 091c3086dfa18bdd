// Polski: `rules`, `rules add|change`, `rules enable|disable|remove|test`, and why a rule is paused.
import type { rules as en } from "../en/rules.ts";
import type { Part } from "../part.ts";

export const rules: Part<typeof en> = {
  "rules.none": "Nie ma jeszcze reguł automatyzacji. Dodaj regułę: {example}.",
  "rules.header": "Reguły automatyzacji",
  "rules.line":
    "„{name}”: gdy {filter}, oznacz jako {action, select, marketing {marketingowe} other {niemarketingowe}} — {state}",
  "rules.enabled": "włączona",
  "rules.disabled": "wyłączona",
  "rules.paused": "wstrzymana ({reason}{request, select, none {} other {; żądanie {request}}})",
  "rules.showing":
    "Pokazano pierwsze {shown, number} z {total, number} reguł, od najstarszej; {command} pokazuje, co reguła by zrobiła.",
  "rules.added":
    "Reguła „{name}” {change, select, yes {zmieniona} other {dodana}}: gdy {filter}, oznacz jako {action, select, marketing {marketingowe} other {niemarketingowe}}.",
  "rules.waiting":
    "{what} Jeszcze nie działa: {reason}. Administrator zatwierdza żądanie {id}, aby ją uruchomić.{overridden}",
  "rules.needsApproval": "wymaga zatwierdzenia",
  "rules.runs":
    "{what} Działa na nowych i zmienionych kontaktach oraz według harmonogramu; uruchomienie, które zmieniłoby więcej kontaktów niż limit zmian bezpośrednich lub podwyższyłoby pakiet, najpierw prosi o zatwierdzenie.{overridden} Wypróbuj {command}.",
  "rules.overridden":
    " {items}: dla nich wygrywa starsza reguła, więc ta zostawia je w spokoju, zamiast przestawiać je co godzinę.",
  "rules.overriddenItem":
    "{count, plural, one {# kontakt pasuje} few {# kontakty pasują} many {# kontaktów pasuje} other {# kontaktu pasuje}} także do starszej reguły „{rule}” (która oznacza jako {action, select, marketing {marketingowe} other {niemarketingowe}})",
  "rules.testNone": "Reguła „{name}” nie zmieniłaby teraz żadnego kontaktu.",
  "rules.testSome":
    "Reguła „{name}” oznaczyłaby teraz {count, plural, one {# kontakt} few {# kontakty} many {# kontaktów} other {# kontaktu}} jako {action, select, marketing {marketingowe} other {niemarketingowe}}{action, select, marketing { ({become, number} z nich zacznie się liczyć do pakietu)} other { (pozostaną marketingowe do najbliższej daty aktualizacji)}}.{pause}",
  "rules.wouldPause": " Uruchomienie zostałoby wstrzymane i poprosiłoby o zatwierdzenie: {reason}.",
  "rules.done": "Reguła „{name}” {op, select, remove {usunięta} enable {włączona} other {wyłączona}}.",
  "rules.doneWaiting": "{done} Jeszcze nie działa: {reason}. Administrator zatwierdza żądanie {id}, aby ją uruchomić.",
  "rules.why.waiting":
    "czeka na zatwierdzenie, aby {verb, select, start {wystartować} again {znów działać} other {działać po zmianie}}: {reason}",
  "rules.why.overLimit":
    "oznaczyłaby {count, plural, one {# kontakt} few {# kontakty} many {# kontaktów} other {# kontaktu}} jako {action, select, marketing {marketingowe} other {niemarketingowe}}, więcej niż limit zmian bezpośrednich wynoszący {limit, number}",
  "rules.why.upgrade": "podwyższyłaby pakiet do {limit, number} kontaktów",
  "rules.why.owner": "jej właściciel {owner} nie ma już dostępu do kontaktów marketingowych",
};
