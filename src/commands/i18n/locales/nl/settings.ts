// Nederlands: `settings` (the overview and each change), `settings api-key …`, `settings defaults …`,
// `settings webhook …`, and the reasons a webhook failed or a downgrade was cancelled.
import type { settings as en } from "../en/settings.ts";
import type { Part } from "../part.ts";

export const settings: Part<typeof en> = {
  "settings.header": "Instellingen",
  "settings.tierValue": "{limit, number} contacten ({monthly}/maand)",
  "settings.notSet": "niet ingesteld",
  "settings.none": "geen",
  "settings.spike": "{percent} of {min, number} contacten binnen een uur, wat het kleinst is",
  "settings.default": "standaard",
  "settings.changedBy": "gewijzigd door {who}, {when}",
  "settings.bySystem": "tierkeeper (automatische upgrade of verlenging)",
  "settings.byCli": "de opdrachtregel",
  "settings.notSetUp":
    "tierkeeper is nog niet ingesteld: {slack} (of {cli} in een terminal) vraagt dit allemaal in één keer.",
  "settings.howToChange":
    "Beheerders wijzigen er één of meer tegelijk, bijv. {example}, of alles in een formulier met {setup}.",
  "settings.changed": "{key} is nu {after} (was {before}).",
  "settings.was": "{limit, number} contacten, {monthly}/maand",
  "settings.wasPlan": "{limit, number} contacten op het {plan}-abonnement, {monthly}/maand",
  "settings.tierFitted":
    "Het abonnement is nu {plan}, en het pakket {limit, number} contacten: het kleinste {plan}-pakket waar je {count, plural, one {# marketingcontact} other {# marketingcontacten}} in passen, {monthly}/maand (was {was}). Geef het pakket ook op om een ander te kiezen: {command}.",
  "settings.tierGiven":
    "Het pakket is nu {limit, number} contacten op het {plan}-abonnement, {monthly}/maand (was {was}).",
  "settings.nothingChanged": "Er is niets gewijzigd: elke instelling die je opgaf had die waarde al.",
  "settings.setupInSlack": "Het instelformulier opent in Slack: typ daar {slack}. Voer in een terminal {cli} uit.",
  "apiKey.new": "Nieuwe API-sleutel {id}:",
  "apiKey.may": "Hij mag: {scopes}.",
  "apiKey.scope.contactsRead":
    "contacten, het pakket, het gebruik, de prognose en aanvragen lezen; contacten exporteren",
  "apiKey.scope.contactsWrite":
    "contacten aanmaken, bijwerken en verwijderen: een nieuw contact begint met de standaardstatus van zijn bron, en het insturen van een marketingformulier maakt een niet-marketingcontact een marketingcontact, zoals in HubSpot (de pakketcontrole en goedkeuringen blijven gelden)",
  "apiKey.scope.statusWrite": "contacten op marketing of niet-marketing zetten, en bulkwijzigingen aanvragen",
  "apiKey.scope.changesRead": "de wijzigingenfeed lezen",
  "apiKey.copy":
    "Kopieer hem nu: hij wordt niet opnieuw getoond. Stuur hem als {header} naar de API (/api/v1, naslag op /api/v1/reference). Trek hem in met {command}.",
  "apiKey.none": "Er zijn geen API-sleutels voor invoer. Maak er een met {command}.",
  "apiKey.header": "API-sleutels",
  "apiKey.count": "API-sleutels ({active, number} actief, {revoked, number} ingetrokken):",
  "apiKey.line": "{id} ({scopes}): {state}; gemaakt {made} door {by}; {used}",
  "apiKey.revokedBy": "ingetrokken {when} door {who}",
  "apiKey.active": "actief",
  "apiKey.lastUsed": "laatst gebruikt {when}",
  "apiKey.neverUsed": "nooit gebruikt",
  "apiKey.showing": "De nieuwste {shown, number} van {total, number} sleutels worden getoond.",
  "apiKey.shownOnce": "Sleutels worden één keer getoond, bij het maken. Trek er een in met {command}.",
  "apiKey.revoked": "API-sleutel {id} is ingetrokken; verzoeken ermee krijgen nu 401.",
  "defaults.set":
    "Nieuwe contacten uit {source} beginnen nu als {status, select, marketing {marketingcontact} other {niet-marketing}}{before, select, marketing { (was marketing)} non { (was niet-marketing)} other {}}.{promotes, select, yes { Een bestaand niet-marketingcontact dat het instuurt, wordt marketingcontact.} other {}}",
  "defaults.header": "Standaardstatus per bron",
  "defaults.line":
    "{source}: {status, select, marketing {marketing} other {niet-marketing}}{from, select, account { (ingesteld voor dit account)} override { (uitzondering)} other {}}{note}",
  "defaults.note.form":
    " — een bestaand niet-marketingcontact dat een marketingformulier instuurt, wordt marketingcontact",
  "defaults.note.externalForm": " — dezelfde regel als bij formulieren",
  "defaults.note.import": " — per import: {command} maakt een bulkaanvraag",
  "defaults.note.integration": " — per app: {command}",
  "defaults.note.always": " — altijd niet-marketing",
  "defaults.showing":
    "{shown, number} van {total, number} standaardwaarden getoond; stel er een in of bekijk er een met {command}.",
  "defaults.change": "Wijzig er een met {form}, {api} of {integration} (beheerders).",
  "webhook.added": "Webhook {id} stuurt vanaf nu {events} naar {url}.",
  "webhook.everyChange": "elke wijziging",
  "webhook.secret": "Het ondertekeningsgeheim (Standard Webhooks): {secret}",
  "webhook.copy":
    "Kopieer het geheim nu: het wordt niet opnieuw getoond. Controleer er elke aflevering mee (elke Standard Webhooks-bibliotheek doet dat). {command} stuurt een testbericht.",
  "webhook.none": "Er zijn geen webhooks. Voeg er een toe met {command}; gebeurtenissen: {events}.",
  "webhook.header": "Webhooks",
  "webhook.line": "{id}: {url} ({events}): {state}",
  "webhook.off": "uitgezet {when} na mislukkingen sinds {since}",
  "webhook.failing":
    "mislukt sinds {when} ({attempts, plural, one {# poging} other {# pogingen}}; laatste: {error}); wordt met toenemende wachttijd opnieuw geprobeerd",
  "webhook.delivering": "levert af",
  "webhook.help": "{test} stuurt een testbericht (en zet een uitgezette weer aan); {remove} verwijdert er een.",
  "webhook.test":
    "Binnen een minuut gaat er een testbericht naar webhook {id} ({url}); daarna haalt hij in wat hij nog niet heeft ontvangen.",
  "webhook.removed": "Webhook {id} is verwijderd; er wordt niets meer naar {url} gestuurd.",
  "webhook.error.notHttps": "de URL is geen https",
  "webhook.error.timeout": "geen antwoord binnen {seconds, number} s",
  "webhook.error.blocked": "{host} verwijst naar geen enkel openbaar adres",
  "webhook.error.connect": "kon geen verbinding maken ({error})",
  "webhook.error.status": "antwoordde {status}",
  "webhook.error.broken": "antwoordde {status}, daarna werd de verbinding verbroken",
  "downgrade.notATier": "{target, number} is geen pakket van het abonnement meer.",
  "downgrade.noFit":
    "er {count, plural, one {was toen # marketingcontact} other {waren toen # marketingcontacten}}, meer dan {target, number}.",
};
