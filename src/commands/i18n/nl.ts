// De meldingen in het Nederlands (ICU MessageFormat): dezelfde sleutels en argumenten als en.ts.
import type { Catalog } from "./en.ts";

export const nl: Catalog = {
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
  "tier.header": "Contactpakket",
  "tier.summary":
    "Marketingcontacten: {count, number} van {limit, number} ({usage}) op het {plan}-abonnement, {monthly}/maand.",
  "tier.all": "Alle contacten",
  "tier.allValue": "{total, number}, waarvan {nonMarketing, number} niet-marketing",
  "tier.pending": "Wordt niet-marketing",
  "tier.nextUpdate": "Volgende update",
  "tier.afterUpdate": "Na de update",
  "tier.lowestAfter": "Kleinste pakket dat daarna past",
  "tier.downgrade": "Downgrade naar {target, number} ingepland voor de verlenging op {when}.",
  "when.forYou": "{there}; {here} voor jou",
  "list.more": "{items} en nog {count, number}",
  "status.is":
    "{email} is een <b>{status, select, marketing {marketingcontact} other {niet-marketingcontact}}</b>{pending, select, yes { ({note})} other {}}.",
  "status.pendingNote": "wachtend: marketingcontact tot de volgende update",
  "status.pendingLine": "Marketingcontact tot de volgende updatedatum: wordt niet-marketing op {when}",
  "status.source": "Bron",
  "status.lists": "Lijsten",
  "status.noLists": "geen",
  "status.lifecycle": "Levenscyclusfase",
  "status.created": "Aangemaakt",
  "status.unengaged": "Niet betrokken",
  "status.bounced": "gebounced",
  "status.unsubscribed": "afgemeld",
  "canMarket.yes":
    "<b>Ja</b> — {email}: Het is een marketingcontact, dus het kan marketingmail ontvangen en in advertentiedoelgroepen staan.",
  "canMarket.no":
    "<b>Nee</b> — {email}: Het is een niet-marketingcontact, dus het kan geen marketingmail ontvangen en niet in advertentiedoelgroepen staan. Persoonlijke verkoopmail, chat, registratie-, ticket- en transactionele mail en enquêtes bereiken het nog wel.",
  "request.summary":
    "{count, plural, one {# contact} other {# contacten}} {action, select, marketing {marketing} other {niet-marketing}} maken ({selector})",
  "request.from": "<b>Bulkverzoek {id}</b> van {requester}{origin}: {summary}.",
  "request.originRule": " (hun automatiseringsregel ‘{rule}’)",
  "request.originApi": " (via hun API-sleutel {key})",
  "request.contacts": "Contacten",
  "request.contactsValue": "{count, number} → {action, select, marketing {marketing} other {niet-marketing}}",
  "request.effective": "Van kracht",
  "request.immediately": "direct na goedkeuring",
  "request.atUpdate": "op de updatedatum {when}",
  "request.marketingCount": "Aantal marketingcontacten",
  "request.usage": "Gebruik",
  "request.usageValue": "{before} → {after} van {limit, number}",
  "request.upgrade": "Pakketupgrade",
  "request.upgradeValue":
    "{oldLimit, number} → {newLimit, number} contacten, {oldMonthly} → {newMonthly}/maand; naar rato berekende kosten {charge} verschuldigd op {due}. Dit kan tot de verlenging niet ongedaan worden gemaakt.",
  "request.tier": "Pakket",
  "request.noUpgrade": "geen upgrade",
  "request.saving": "Besparing",
  "request.savingValue": "{saving}/maand als het pakket bij de verlenging naar {lowest, number} wordt verlaagd",
  "request.reopened": "Eerder goedgekeurd, maar niet op tijd uitgevoerd: {reason}. Er is een nieuw besluit nodig.",
  "request.approve": "Goedkeuren",
  "request.reject": "Afwijzen",
  "request.expires": "Verloopt {when} tenzij een beheerder beslist.",
  "request.by": " door {who}",
  "request.on": " op {when}",
  "request.executed": "Goedgekeurd{by}{at} en uitgevoerd.",
  "request.approved": "Goedgekeurd{by}{at}; wordt uitgevoerd {when}.",
  "request.soon": "binnenkort",
  "request.rejected": "Afgewezen{by}{at}{reason}.",
  "request.expired": "Verlopen na 7 dagen zonder besluit.",
  "request.cancelled": "Ingetrokken{at}{reason}.",
  "request.waiting": "Verzoek {id} wacht op goedkeuring: {summary}.",
  "request.posted": "Geplaatst in {channel} zodat een beheerder het kan goedkeuren.",
  "request.noApprovals":
    "Er is geen goedkeuringskanaal ingesteld, dus het verzoek wordt hier geplaatst. Een beheerder kan er een instellen: {command}.",
  "request.message": "Bulkverzoek {id} van {requester}: {summary}.{status}",
  "request.yours": "Je bulkverzoek {id} ({summary}): {status}",
  "decision.already": "Over verzoek {id} was al besloten: {status} Er is niets gewijzigd.",
  "decision.rejected": "Verzoek {id} afgewezen. Er is niets gewijzigd.",
  "decision.scheduled": "Verzoek {id} goedgekeurd; het wordt uitgevoerd {when}.",
  "decision.atItsTime": "op het geplande moment",
  "decision.marketing":
    "Verzoek {id} goedgekeurd: {changed, plural, one {# contact is} other {# contacten zijn}} nu marketing.",
  "decision.nonMarketing":
    "Verzoek {id} goedgekeurd: {changed, plural, one {# contact blijft} other {# contacten blijven}} marketing tot {when} en {changed, plural, one {wordt} other {worden}} daarna niet-marketing.",
  "decision.upgrade":
    "Het pakket is geüpgraded van {oldLimit, number} naar {newLimit, number} contacten; naar rato berekende kosten {charge} verschuldigd op {due}.",
  "decision.standing": "Marketingcontacten: {count, number} van {limit, number}.",
  "decision.clickAlready":
    "Over verzoek {id} was al besloten: {status} Er is niets gewijzigd. Het bericht toont nu de uitkomst.",
};
