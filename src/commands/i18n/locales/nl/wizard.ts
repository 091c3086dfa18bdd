// Nederlands: The manage wizard and the upgrade confirmation modal (a title, submit or close at most 24 characters).

import type { wizard as en } from "../en/wizard.ts";
import type { Part } from "../part.ts";

export const wizard: Part<typeof en> = {
  "modal.cancel": "Annuleren",
  "wizard.title": "Contacten beheren · {step, number}/4",
  "wizard.next": "Volgende",
  "wizard.toReview": "Controleren",
  "wizard.request": "Goedkeuring vragen",
  "wizard.intro.header": "Wat zijn marketingcontacten?",
  "wizard.intro.what":
    "Alleen <b>marketingcontacten</b> tellen mee voor je contactpakket, en alleen zij kunnen marketingmail krijgen of in advertentiedoelgroepen staan. <b>Niet-marketingcontacten</b> krijgen nog steeds persoonlijke verkoopmail, chats, registratie-, ticket- en transactiemail en enquêtes.",
  "wizard.intro.when":
    "Een contact niet-marketing maken gaat in op de <b>volgende updatedatum</b>, {when}: tot dan blijft het een marketingcontact en telt het mee.",
  "wizard.intro.standing":
    "Je hebt {count, plural, one {<b>#</b> marketingcontact} other {<b>#</b> marketingcontacten}} in een pakket van <b>{limit, number}</b> ({usage}). Het pakket gaat nooit vanzelf omlaag; met minder contacten kun je bij de verlenging een kleiner pakket kiezen.",
  "wizard.intro.next": "Volgende: niet-betrokken contacten die je misschien geen marketing hoeft te sturen.",
  "wizard.unengaged.header": "Niet-betrokken contacten",
  "wizard.unengaged.summary":
    "{count, plural, one {<b>#</b> marketingcontact is gebounced of heeft zich} other {<b>#</b> marketingcontacten zijn gebounced of hebben zich}} afgemeld voor alle e-mail: ze kunnen toch geen marketingmail ontvangen, maar tellen wel mee voor je pakket.",
  "wizard.unengaged.label": "Deze niet-marketing maken",
  "wizard.unengaged.bounced": "Gebounced ({count, number})",
  "wizard.unengaged.unsubscribed": "Afgemeld voor alle e-mail ({count, number})",
  "wizard.unengaged.next": "Volgende: of kies in plaats daarvan een lijst of een filter.",
  "wizard.select.header": "Of een lijst of een filter",
  "wizard.select.explain":
    "Laat beide leeg om de niet-betrokken contacten van stap 2 te gebruiken. Een lijst of een filter <b>vervangt</b> ze; met beide moeten contacten in de lijst staan <b>en</b> aan het filter voldoen.",
  "wizard.select.list": "Lijst",
  "wizard.select.listOption": "{name} ({size, number})",
  "wizard.select.choose": "Kies een lijst",
  "wizard.select.moreLists": "…en nog {count, number} lijsten: gebruik een filter zoals {example}.",
  "wizard.select.filter": "Filter",
  "wizard.select.hint": "Velden: {fields}. Datums mogen in woorden.",
  "wizard.select.noChoice": "Kies niet-betrokken contacten in stap 2, een lijst of een filter.",
  "wizard.select.tooLong":
    "Een filter mag hier hoogstens {max, number} tekens lang zijn (dit heeft er {length, number}). Gebruik een lijst, of {command}.",
  "wizard.select.noRoom":
    "Dit filter is te lang om mee te nemen naar de controlestap. Maak het korter, of gebruik een lijst.",
  "wizard.select.noMatch":
    "Geen enkel marketingcontact komt overeen met {selector} (wachtende tellen al als ingesteld). Kies iets anders.",
  "wizard.review.header": "Controleren",
  "wizard.review.match":
    "{count, plural, one {<b>#</b> marketingcontact komt} other {<b>#</b> marketingcontacten komen}} overeen: {selector}.",
  "wizard.review.now": "<b>Nu marketing:</b> {count, number} van {limit, number}",
  "wizard.review.becoming":
    "<b>Wordt niet-marketing</b> op de volgende updatedatum, {when}: {count, number} (met de al wachtende erbij daalt het aantal naar {after, number})",
  "wizard.review.usage": "<b>Gebruik daarna:</b> {usage} van {limit, number}",
  "wizard.review.saving": "<b>Besparing:</b> {saving}",
  "wizard.review.savingValue":
    "<b>{saving}/maand</b> minder als je het pakket bij de verlenging verlaagt naar {lowest, number} ({command}); het pakket gaat nooit vanzelf omlaag.",
  "wizard.review.noSaving":
    "Nog geen besparing: {count, plural, one {# contact heeft} other {# contacten hebben}} nog steeds het pakket van {limit, number} nodig.",
  "wizard.review.note":
    "Bij verzenden ontstaat een bulkverzoek dat een beheerder goedkeurt in het goedkeuringskanaal. Tot de updatedatum blijven het marketingcontacten.",
  "wizard.done.mismatch":
    "Ik kon deze inzending niet koppelen aan de contacten die je hebt gecontroleerd, dus er is niets aangevraagd. Voer {command} opnieuw uit.",
  "wizard.done.nothing": "Er komt geen marketingcontact meer overeen, dus er is niets aan te vragen.",
  "wizard.done.direct":
    "{count, plural, one {# contact is} other {# contacten zijn}} direct niet-marketing gemaakt (binnen de limiet voor directe wijzigingen): ze blijven marketing tot de volgende updatedatum.",
  "wizard.done.posted":
    "Verzoek {id} ({count, plural, one {# contact} other {# contacten}} niet-marketing) is geplaatst in {channel} zodat een beheerder het kan goedkeuren.",
  "wizard.done.waiting":
    "Verzoek {id} ({count, plural, one {# contact} other {# contacten}} niet-marketing) wacht op goedkeuring: {command}.",
  "wizard.done.setChannel": "Stel een goedkeuringskanaal in om het met knoppen te laten plaatsen: {command}.",
  "confirm.title": "Pakketupgrade bevestigen",
  "confirm.submit": "Goedkeuren en upgraden",
  "confirm.body":
    "Door <b>{id}</b> goed te keuren {count, plural, one {wordt <b>#</b> contact} other {worden <b>#</b> contacten}} marketing en gaat het pakket van <b>{oldLimit, number}</b> naar <b>{newLimit, number}</b> contacten ({oldMonthly} → {newMonthly}/maand). Naar rato berekende kosten van <b>{charge}</b> zijn verschuldigd op {due}. Het pakket kan tot de verlenging niet omlaag.",
  "confirm.label": "Typ het aantal contacten om te bevestigen",
  "confirm.note": "Het aantal staat in het bericht van het verzoek. Al het andere laat het verzoek openstaan.",
  "confirm.wrong": "Typ {count, number}, het aantal contacten in verzoek {id}, om de upgrade goed te keuren.",
};
