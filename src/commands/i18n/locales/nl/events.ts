// Nederlands: wat het auditlogboek vastlegde, zoals `history` en het startscherm van de app het tonen.
import type { events as en } from "../en/events.ts";
import type { Part } from "../part.ts";

export const events: Part<typeof en> = {
  "event.madeMarketing": "Marketing gemaakt",
  "event.madeMarketingByRequest": "Marketing gemaakt door verzoek {id}",
  "event.madeMarketingByRule": "Marketing gemaakt door regel ‘{rule}’ (als {filter})",
  "event.madeMarketingByForm":
    "Marketing gemaakt: {count, plural, one {# niet-marketingcontact} other {# niet-marketingcontacten}} vulde een marketingformulier in (de intake-API)",
  "event.cancelledPending": "Marketing gemaakt (de geplande wijziging naar niet-marketing is geannuleerd)",
  "event.flaggedPending": "Niet-marketing gemaakt: blijft marketing tot de volgende updatedatum",
  "event.flaggedPendingByRequest": "Niet-marketing gemaakt door verzoek {id}: marketing tot de volgende updatedatum",
  "event.flaggedPendingByRule":
    "Niet-marketing gemaakt door regel ‘{rule}’ (als {filter}): marketing tot de volgende updatedatum",
  "event.becameNonMarketing": "Niet-marketing geworden op de updatedatum",
  "event.contactsCreated":
    "{count, plural, one {# contact} other {# contacten}} aangemaakt via de intake-API ({marketing, number} marketing, {other, number} niet-marketing)",
  "event.contactsUpdated": "{count, plural, one {# contact} other {# contacten}} bijgewerkt via de intake-API",
  "event.contactsCreatedImport":
    "{count, plural, one {# contact} other {# contacten}} aangemaakt via import #{id}{file} ({marketing, number} marketing, {other, number} niet-marketing)",
  "event.contactsUpdatedImport":
    "{count, plural, one {# contact} other {# contacten}} bijgewerkt via import #{id}{file}",
  "event.importFile": " ({name})",
  "event.listAddedImport":
    "{count, plural, one {# geïmporteerd contact} other {# geïmporteerde contacten}} aan een lijst toegevoegd",
  "event.contactsDeleted": "Verwijderd: {emails}",
  "event.requestCreated":
    "{action, select, marketing {Marketing} other {Niet-marketing}} aangevraagd voor {count, plural, one {# contact} other {# contacten}} ({selector}), verzoek {id}",
  "event.requestApproved": "Verzoek {id} goedgekeurd",
  "event.requestApprovedFor": "Verzoek {id} goedgekeurd voor {when}",
  "event.requestAppliedDirectly": "Verzoek {id} direct uitgevoerd (binnen de limiet voor directe wijzigingen)",
  "event.requestRejected":
    "Verzoek {id} afgewezen{scheduled, select, yes { (eerder goedgekeurd, het was nog niet uitgevoerd)} other {}}{reason}",
  "event.because": ": {reason}",
  "event.requestExpired": "Verzoek {id} verlopen na 7 dagen zonder besluit",
  "event.importFinished":
    "{file} geïmporteerd: {created, number} aangemaakt, {updated, number} bijgewerkt, {unchanged, number} ongewijzigd, {rejected, number} geweigerd{list}{request}",
  "event.aCsvFile": "Een CSV-bestand",
  "event.importList": "; lijst ‘{name}’",
  "event.importRequest": "; alles als marketing aangevraagd in verzoek {id}",
  "event.listAdded": "Toegevoegd aan lijst ‘{name}’",
  "event.listCreated": "Lijst ‘{name}’ aangemaakt voor een import",
  "event.settingChanged": "Instelling {key} gewijzigd van {before} naar {after}{fitted}",
  "event.tierFitted":
    " (het kleinste {plan}-pakket dat {count, plural, one {# marketingcontact} other {# marketingcontacten}} bevat)",
  "event.sourceDefaultChanged":
    "Standaardstatus voor bron {source} gewijzigd van {before, select, marketing {marketing} non {niet-marketing} other {de standaard}} naar {after, select, marketing {marketing} other {niet-marketing}}",
  "event.tierUpgrade":
    "Automatische upgrade van {from, number} naar {to, number} marketingcontacten ({count, plural, one {# marketingcontact} other {# marketingcontacten}} na de wijziging)",
  "event.tierDowngrade": "Pakket bij de verlenging verlaagd van {from, number} naar {to, number} contacten",
  "event.downgradeCancelledAtRenewal": "Geplande verlaging naar {target, number} geannuleerd: {reason}",
  "event.downgradeCancelled": "De geplande verlaging is geannuleerd",
  "event.downgradeScheduled": "Verlaging naar {target, number} contacten gepland voor de volgende verlenging",
  "event.thresholdReached":
    "Marketingcontacten bereikten {percent} van het pakket ({count, number} van {limit, number})",
  "event.ruleAdded":
    "Regel ‘{rule}’ toegevoegd: als {filter}, dan {action, select, marketing {marketing} other {niet-marketing}}",
  "event.ruleChanged":
    "Regel ‘{rule}’ gewijzigd: als {filter}, dan {action, select, marketing {marketing} other {niet-marketing}} (was: als {wasFilter}, dan {wasAction, select, marketing {marketing} other {niet-marketing}})",
  "event.ruleDone": "Regel ‘{rule}’ {op, select, enable {aangezet} disable {uitgezet} other {verwijderd}}",
  "event.rulePaused": "Regel ‘{rule}’ gepauzeerd: {reason}",
  "event.rulePausedRequest": "Regel ‘{rule}’ gepauzeerd: {reason}. Hij vraagt om goedkeuring in verzoek {id}",
  "event.ruleDisabledRejected":
    "Regel ‘{rule}’ uitgezet: zijn verzoek {id} is afgewezen. Wijzig hem en zet hem aan met {command} om hem weer te laten draaien",
  "event.ruleResumed":
    "Regel ‘{rule}’ hervat: zijn verzoek {id} is {status, select, executed {uitgevoerd} expired {verlopen} other {verwijderd}}",
  "event.userChanged":
    "{change, select, accessGrant {Toegang tot marketingcontacten gegeven aan} accessRevoke {Toegang tot marketingcontacten ingetrokken voor} adminsAdd {Beheerder gemaakt:} adminsRemove {Geen beheerder meer:} billingAdd {Factuurcontact toegevoegd:} other {Factuurcontact verwijderd:}} {user}",
  "event.apiKeyCreated": "API-sleutel {id} aangemaakt ({scopes})",
  "event.apiKeyRevoked": "Intake-API-sleutel {id} ingetrokken",
  "event.webhookAdded": "Webhook {id} toegevoegd naar {origin}",
  "event.webhookRemoved": "Webhook {id} verwijderd",
  "event.demoSeeded": "Het demo-account gevuld met voorbeeldgegevens",
};
