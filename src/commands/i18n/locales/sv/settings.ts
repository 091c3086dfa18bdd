// Svenska: `settings` (the overview and each change), `settings api-key …`, `settings defaults …`,
// `settings webhook …`, and the reasons a webhook failed or a downgrade was cancelled.
import type { settings as en } from "../en/settings.ts";
import type { Part } from "../part.ts";

export const settings: Part<typeof en> = {
  "settings.header": "Inställningar",
  "settings.tierValue": "{limit, number} kontakter ({monthly}/månad)",
  "settings.notSet": "inte angiven",
  "settings.none": "inga",
  "settings.spike": "{percent} eller {min, number} kontakter inom en timme, det som är minst",
  "settings.default": "standard",
  "settings.changedBy": "ändrad av {who}, {when}",
  "settings.bySystem": "tierkeeper (automatisk uppgradering eller förnyelse)",
  "settings.byCli": "kommandoraden",
  "settings.notSetUp":
    "tierkeeper är inte konfigurerat än: {slack} (eller {cli} i en terminal) frågar efter allt detta på en gång.",
  "settings.howToChange":
    "Administratörer ändrar en eller flera på en gång, t.ex. {example}, eller alla i ett formulär med {setup}.",
  "settings.changed": "{key} är nu {after} (var {before}).",
  "settings.was": "{limit, number} kontakter, {monthly}/månad",
  "settings.wasPlan": "{limit, number} kontakter i planen {plan}, {monthly}/månad",
  "settings.tierFitted":
    "Planen är nu {plan}, och paketet {limit, number} kontakter: det minsta paketet i {plan} som rymmer era {count, plural, one {# marknadsföringskontakt} other {# marknadsföringskontakter}}, {monthly}/månad (var {was}). Ange det också för att välja ett annat: {command}.",
  "settings.tierGiven": "Paketet är nu {limit, number} kontakter i planen {plan}, {monthly}/månad (var {was}).",
  "settings.nothingChanged": "Inget ändrades: varje inställning du angav hade redan det värdet.",
  "settings.setupInSlack": "Konfigurationsformuläret öppnas i Slack: skriv {slack} där. Kör {cli} i en terminal.",
  "apiKey.new": "Ny API-nyckel {id}:",
  "apiKey.may": "Den får: {scopes}.",
  "apiKey.scope.contactsRead": "läsa kontakter, paketet, användningen, prognosen och begäranden; exportera kontakter",
  "apiKey.scope.contactsWrite":
    "skapa, uppdatera och ta bort kontakter: en ny kontakt börjar med sin källas standardstatus, och när ett marknadsföringsformulär skickas in blir en icke-marknadsföringskontakt marknadsföringskontakt, som i HubSpot (paketkontrollen och godkännanden gäller fortfarande)",
  "apiKey.scope.statusWrite": "ändra kontakter till marknadsföring eller icke-marknadsföring, och begära massändringar",
  "apiKey.scope.changesRead": "läsa ändringsflödet",
  "apiKey.copy":
    "Kopiera den nu: den visas inte igen. Skicka den som {header} till API:et (/api/v1, referens på /api/v1/reference). Återkalla den med {command}.",
  "apiKey.none": "Det finns inga API-nycklar för intag. Skapa en med {command}.",
  "apiKey.header": "API-nycklar",
  "apiKey.count": "API-nycklar ({active, number} aktiva, {revoked, number} återkallade):",
  "apiKey.line": "{id} ({scopes}): {state}; skapad {made} av {by}; {used}",
  "apiKey.revokedBy": "återkallad {when} av {who}",
  "apiKey.active": "aktiv",
  "apiKey.lastUsed": "senast använd {when}",
  "apiKey.neverUsed": "aldrig använd",
  "apiKey.showing": "Visar de senaste {shown, number} av {total, number} nycklar.",
  "apiKey.shownOnce": "Nycklar visas en gång, när de skapas. Återkalla en med {command}.",
  "apiKey.revoked": "API-nyckeln {id} är återkallad; begäranden med den får nu 401.",
  "defaults.set":
    "Nya kontakter från {source} börjar nu som {status, select, marketing {marknadsföringskontakter} other {icke-marknadsföringskontakter}}{before, select, marketing { (var marknadsföring)} non { (var icke-marknadsföring)} other {}}.{promotes, select, yes { En befintlig icke-marknadsföringskontakt som skickar in det blir marknadsföringskontakt.} other {}}",
  "defaults.header": "Standardstatus per källa",
  "defaults.line":
    "{source}: {status, select, marketing {marknadsföring} other {icke-marknadsföring}}{from, select, account { (angiven för det här kontot)} override { (undantag)} other {}}{note}",
  "defaults.note.form":
    " — en befintlig icke-marknadsföringskontakt som skickar in ett marknadsföringsformulär blir marknadsföringskontakt",
  "defaults.note.externalForm": " — samma regel som för formulär",
  "defaults.note.import": " — per import: {command} skapar en massbegäran",
  "defaults.note.integration": " — per app: {command}",
  "defaults.note.always": " — alltid icke-marknadsföring",
  "defaults.showing":
    "Visar {shown, number} av {total, number} standardvärden; ange eller kontrollera ett med {command}.",
  "defaults.change": "Ändra ett med {form}, {api} eller {integration} (administratörer).",
  "webhook.added": "Webhooken {id} skickar {events} till {url} från och med nu.",
  "webhook.everyChange": "alla ändringar",
  "webhook.secret": "Dess signeringshemlighet (Standard Webhooks): {secret}",
  "webhook.copy":
    "Kopiera hemligheten nu: den visas inte igen. Verifiera varje leverans med den (alla bibliotek för Standard Webhooks gör det). {command} skickar ett testmeddelande.",
  "webhook.none": "Det finns inga webhooks. Lägg till en med {command}; händelser: {events}.",
  "webhook.header": "Webhooks",
  "webhook.line": "{id}: {url} ({events}): {state}",
  "webhook.off": "avstängd {when} efter att ha misslyckats sedan {since}",
  "webhook.failing":
    "misslyckas sedan {when} ({attempts, plural, one {# försök} other {# försök}}; senast: {error}); försöker igen med ökande väntetid",
  "webhook.delivering": "levererar",
  "webhook.help": "{test} skickar ett testmeddelande (och slår på en avstängd igen); {remove} tar bort en.",
  "webhook.test":
    "Ett testmeddelande går till webhooken {id} ({url}) inom en minut; sedan kommer den ikapp med det den inte har fått.",
  "webhook.removed": "Webhooken {id} är borttagen; inget mer skickas till {url}.",
  "webhook.error.notHttps": "adressen är inte https",
  "webhook.error.timeout": "inget svar inom {seconds, number} s",
  "webhook.error.blocked": "{host} pekar inte på någon publik adress",
  "webhook.error.connect": "kunde inte ansluta ({error})",
  "webhook.error.status": "svarade {status}",
  "webhook.error.broken": "svarade {status}, sedan bröts anslutningen",
  "downgrade.notATier": "{target, number} är inte längre ett paket i planen.",
  "downgrade.noFit":
    "då fanns det {count, plural, one {# marknadsföringskontakt} other {# marknadsföringskontakter}}, fler än {target, number}.",
};
