// Nederlands: `rules`, `rules add|change`, `rules enable|disable|remove|test`, and why a rule is paused.
import type { rules as en } from "../en/rules.ts";
import type { Part } from "../part.ts";

export const rules: Part<typeof en> = {
  "rules.none": "Nog geen automatiseringsregels. Voeg er een toe: {example}.",
  "rules.header": "Automatiseringsregels",
  "rules.line": "‘{name}’: als {filter}, dan {action, select, marketing {marketing} other {niet-marketing}} — {state}",
  "rules.enabled": "aan",
  "rules.disabled": "uit",
  "rules.paused": "gepauzeerd ({reason}{request, select, none {} other {; aanvraag {request}}})",
  "rules.showing":
    "De eerste {shown, number} van {total, number} regels getoond, oudste eerst; {command} laat zien wat een regel zou doen.",
  "rules.added":
    "Regel ‘{name}’ {change, select, yes {gewijzigd} other {toegevoegd}}: als {filter}, dan {action, select, marketing {marketing} other {niet-marketing}}.",
  "rules.waiting":
    "{what} Hij draait nog niet: {reason}. Een beheerder keurt aanvraag {id} goed om hem te starten.{overridden}",
  "rules.needsApproval": "hij moet goedgekeurd worden",
  "rules.runs":
    "{what} Hij draait op nieuwe en gewijzigde contacten en volgens schema; een run die meer contacten zou wijzigen dan de limiet voor directe wijzigingen, of het pakket zou upgraden, vraagt eerst om goedkeuring.{overridden} Probeer {command}.",
  "rules.overridden":
    " {items}: voor hen geldt de oudere regel, dus deze laat ze met rust in plaats van ze elk uur heen en weer te zetten.",
  "rules.overriddenItem":
    "{count, plural, one {# contact valt} other {# contacten vallen}} ook onder de oudere regel ‘{rule}’ (dan {action, select, marketing {marketing} other {niet-marketing}})",
  "rules.testNone": "Regel ‘{name}’ zou nu geen enkel contact wijzigen.",
  "rules.testSome":
    "Regel ‘{name}’ zou nu {count, plural, one {# contact} other {# contacten}} op {action, select, marketing {marketing} other {niet-marketing}} zetten{action, select, marketing { (waarvan er {become, number} gaan meetellen voor het pakket)} other { (ze blijven marketingcontact tot de volgende updatedatum)}}.{pause}",
  "rules.wouldPause": " Een run zou pauzeren en om goedkeuring vragen: {reason}.",
  "rules.done": "Regel ‘{name}’ {op, select, remove {verwijderd} enable {aangezet} other {uitgezet}}.",
  "rules.doneWaiting":
    "{done} Hij draait nog niet: {reason}. Een beheerder keurt aanvraag {id} goed om hem te starten.",
  "rules.why.waiting":
    "wacht op goedkeuring om {verb, select, start {te starten} again {weer te draaien} other {gewijzigd te draaien}}: {reason}",
  "rules.why.overLimit":
    "hij zou {count, plural, one {# contact} other {# contacten}} op {action, select, marketing {marketing} other {niet-marketing}} zetten, meer dan de limiet voor directe wijzigingen van {limit, number}",
  "rules.why.upgrade": "hij zou het pakket upgraden naar {limit, number} contacten",
  "rules.why.owner": "de eigenaar {owner} heeft geen toegang tot marketingcontacten meer",
};
