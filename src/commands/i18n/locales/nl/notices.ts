// Nederlands: What a channel or a billing contact is told: alerts, reminders, summaries, the set-up summary.
import type { notices as en } from "../en/notices.ts";
import type { Part } from "../part.ts";

export const notices: Part<typeof en> = {
  standing: "{count, number} van {limit, number} ({usage})",
  "threshold.level": "{level} ({count, number})",
  "threshold.exceeding": "boven het pakket ({count, number}, een automatische upgrade)",
  upgrade:
    "Pakket automatisch geüpgraded: {count, plural, one {# marketingcontact ging} other {# marketingcontacten gingen}} over het pakket van {oldLimit, number}, dus het account is overgestapt naar {newLimit, number} contacten ({oldMonthly} → {newMonthly} per maand).{charge} Het gebruik is nu {usage} van het nieuwe pakket, en meldingen rekenen daarmee. Het pakket wordt nooit automatisch verlaagd: een beheerder kan met {command} een downgrade bij de verlenging inplannen.",
  "upgrade.charge": " Een naar rato berekend bedrag van {amount} moet op {due} betaald worden.",
  "upgrade.chargeNextDay": " Een naar rato berekend bedrag van {amount} moet de volgende dag betaald worden.",
  "threshold.over":
    "De marketingcontacten gaan over het pakket: {standing}, en de prijslijst heeft geen groter pakket om naar te upgraden.",
  threshold: "De marketingcontacten hebben {level} van het pakket bereikt: {standing}. {next}",
  "threshold.pending":
    "{count, plural, one {# wachtend contact is} other {# wachtende contacten zijn}} vanaf de volgende updatedatum, {when}, geen marketingcontact meer.",
  "threshold.noPending":
    "Boven {limit, number} wordt het pakket automatisch geüpgraded; contacten die op niet-marketing worden gezet, tellen mee tot {when}.",
  "update-summary":
    "Updatedatum {when} verwerkt: {changed, plural, one {# contact is geen marketingcontact meer} other {# contacten zijn geen marketingcontacten meer}}. Marketingcontacten nu: {standing}.",
  "downgrade-applied":
    "De geplande downgrade is uitgevoerd bij de verlenging {when}: het pakket is nu {target, number} contacten ({count, plural, one {# marketingcontact} other {# marketingcontacten}}).",
  "downgrade-cancelled":
    "De geplande downgrade naar {target, number} contacten is bij de verlenging {when} geannuleerd: {reason}",
  "downgrade-cancelled.noFit": "het aantal past niet",
  spike:
    "Piek: de marketingcontacten zijn in het afgelopen uur met {growth, number}{share} gegroeid, van {baseline, number} naar {standing}. Nieuwe marketingcontacten per bron: {sources}. Loopt een import of regel uit de hand, pauzeer die dan en kijk in {command}.",
  "spike.unknown": "onbekend",
  "update-reminder":
    "Herinnering: de volgende updatedatum is {lead, plural, =1 {morgen} other {over # dagen}}, {when}. {count, plural, one {# contact is dan geen marketingcontact meer} other {# contacten zijn dan geen marketingcontacten meer}}; marketingcontacten daarna: {standing}. Contacten die vóór die tijd op niet-marketing worden gezet, tellen ook mee.",
  "renewal-reminder":
    "De verlenging is {when}. Na de wachtende wijzigingen {after, plural, one {blijft # marketingcontact} other {blijven # marketingcontacten}} over; {tier} {downgrade}",
  "renewal-reminder.lower":
    "het kleinste pakket waar ze in passen is {lowest, number} contacten ({saving} per maand minder dan de huidige {limit, number}).",
  "renewal-reminder.current": "het kleinste pakket waar ze in passen is het huidige, {limit, number} contacten.",
  "renewal-reminder.scheduled": "Daarvoor staat een downgrade naar {target, number} contacten gepland.",
  "renewal-reminder.scheduledNoFit":
    "Daarvoor staat een downgrade naar {target, number} contacten gepland, maar {after, plural, one {# contact past} other {# contacten passen}} niet: die wordt geannuleerd als het aantal niet daalt.",
  "renewal-reminder.canSchedule": "Er is geen downgrade gepland: een beheerder kan er een inplannen met {command}.",
  "renewal-reminder.none": "Er is geen downgrade gepland.",
  forecast:
    "Prognose: bij de recente groei van {perDay, plural, one {# marketingcontact} other {# marketingcontacten}} per dag bereikt het gebruik {reached}. Nu {count, number} van {limit, number}.",
  "forecast.when": "{threshold} op {day} (over {days, plural, one {# dag} other {# dagen}})",
  "setup.title": "<b>tierkeeper is ingesteld.</b> Dit gaat het doen, en wanneer.",
  "setup.tier":
    "<b>Je pakket:</b> {limit, number} marketingcontacten op het {plan}-abonnement, {monthly}/maand. Vandaag {count, plural, one {is # contact een marketingcontact} other {zijn # contacten marketingcontacten}} ({usage}).",
  "setup.updates":
    "<b>Updatedatums:</b> een contact dat op niet-marketing wordt gezet, telt mee tot de volgende updatedatum en daarna niet meer. Updatedatums vallen {cadence}; de volgende is {next}.",
  "setup.monthly":
    "op de {day}e van elke maand{late, select, yes { (de laatste dag in kortere maanden)} other {}}, om 12:00 uur {zone}-tijd",
  "setup.annual": "op de 1e van elke maand, om 12:00 uur {zone}-tijd",
  "setup.alerts":
    "<b>Meldingen</b> {to}: als de marketingcontacten {thresholds} van het pakket bereiken, en als ze erboven gaan. Erboven gaan upgradet het pakket automatisch, met een naar rato berekend bedrag dat tot de verlenging niet terug te draaien is; de volgende verlenging is {renewal}.",
  "setup.inChannel": "in {channel}",
  "setup.byDm": "via een direct bericht aan {people}",
  "setup.both": "{inChannel} en {byDm}",
  "setup.nowhere": "nog nergens: er is geen meldingskanaal of factuurcontact ingesteld ({command} stelt ze in)",
  "setup.reminders": "<b>Herinneringen:</b> {reminders}.",
  "setup.remindersOn":
    "{days} voor elke updatedatum, en {renewal, plural, one {# dag} other {# dagen}} voor elke verlenging",
  "setup.remindersOff":
    "geen voor updatedatums ({command} zet ze aan); {renewal, plural, one {# dag} other {# dagen}} voor elke verlenging",
  days: "{days, plural, one {# dag} other {# dagen}}",
  "setup.approvals":
    "<b>Goedkeuringen:</b> wijzigingen van meer dan {limit, plural, one {# contact} other {# contacten}} tegelijk, en alles waardoor het pakket zou upgraden, wachten {here, select, yes {in dit kanaal} other {({command})}} tot een beheerder ze goedkeurt.",
  "setup.help": "{help} toont alles; {settings} toont de instellingen en wie ze heeft gewijzigd.",
  "intake-held":
    "{count, plural, one {# contact dat binnenkwam via API-sleutel {key} zou marketingcontact zijn geworden, maar de maker van de sleutel, {owner}, heeft geen toegang tot marketingcontacten meer, dus het is als niet-marketing aangemaakt.} other {# contacten die binnenkwamen via API-sleutel {key} zouden marketingcontact zijn geworden, maar de maker van de sleutel, {owner}, heeft geen toegang tot marketingcontacten meer, dus ze zijn als niet-marketing aangemaakt.}} Geef de toegang terug ({grant}) of laat een beheerder een nieuwe sleutel maken.",
  "request-reopened":
    "Geplande aanvraag {id} ({count, plural, one {# contact} other {# contacten}} op {action, select, marketing {marketing} other {niet-marketing}} zetten) is niet uitgevoerd: {reason}. Er is een nieuw besluit nodig: {approve} of {reject}.",
  "rule-paused":
    "Automatiseringsregel ‘{rule}’ (marketing zetten als {filter}) is gepauzeerd: {reason}. Iemand met toegang tot marketingcontacten kan met {command} de regel overnemen, of hem verwijderen.",
  "webhook-disabled":
    "Webhook {id} naar {origin} is uitgezet: elke aflevering mislukt sinds {since} ({attempts, plural, one {# poging} other {# pogingen}}; de laatste: {error}). Er is niets verloren: zodra het endpoint werkt, zet {command} hem weer aan en haalt hij in vanaf waar hij stopte.",
};
