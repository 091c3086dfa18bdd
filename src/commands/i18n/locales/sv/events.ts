// Svenska: vad granskningsloggen registrerade, som `history` och appens startsida visar det.
import type { events as en } from "../en/events.ts";
import type { Part } from "../part.ts";

export const events: Part<typeof en> = {
  "event.madeMarketing": "Markerade som marknadsföring",
  "event.madeMarketingByRequest": "Markerade som marknadsföring genom begäran {id}",
  "event.madeMarketingByRule": "Markerade som marknadsföring genom regeln ”{rule}” (när {filter})",
  "event.madeMarketingByForm":
    "Markerade som marknadsföring: {count, plural, one {# icke-marknadsföringskontakt} other {# icke-marknadsföringskontakter}} skickade in ett marknadsföringsformulär (API:t för inkommande kontakter)",
  "event.cancelledPending": "Markerade som marknadsföring (den väntande ändringen till icke-marknadsföring avbröts)",
  "event.flaggedPending":
    "Markerade som icke-marknadsföring: förblir marknadsföringskontakt till nästa uppdateringsdatum",
  "event.flaggedPendingByRequest":
    "Markerade som icke-marknadsföring genom begäran {id}: marknadsföringskontakt till nästa uppdateringsdatum",
  "event.flaggedPendingByRule":
    "Markerade som icke-marknadsföring genom regeln ”{rule}” (när {filter}): marknadsföringskontakt till nästa uppdateringsdatum",
  "event.becameNonMarketing": "Blev icke-marknadsföring vid uppdateringsdatumet",
  "event.contactsCreated":
    "Skapade {count, plural, one {# kontakt} other {# kontakter}} från API:t för inkommande kontakter ({marketing, number} marknadsföring, {other, number} icke-marknadsföring)",
  "event.contactsUpdated":
    "Uppdaterade {count, plural, one {# kontakt} other {# kontakter}} från API:t för inkommande kontakter",
  "event.contactsCreatedImport":
    "Skapade {count, plural, one {# kontakt} other {# kontakter}} från import #{id}{file} ({marketing, number} marknadsföring, {other, number} icke-marknadsföring)",
  "event.contactsUpdatedImport":
    "Uppdaterade {count, plural, one {# kontakt} other {# kontakter}} från import #{id}{file}",
  "event.importFile": " ({name})",
  "event.listAddedImport":
    "Lade till {count, plural, one {# importerad kontakt} other {# importerade kontakter}} i en lista",
  "event.contactsDeleted": "Tog bort {emails}",
  "event.requestCreated":
    "Begärde {action, select, marketing {marknadsföring} other {icke-marknadsföring}} för {count, plural, one {# kontakt} other {# kontakter}} ({selector}), begäran {id}",
  "event.requestApproved": "Godkände begäran {id}",
  "event.requestApprovedFor": "Godkände begäran {id} till {when}",
  "event.requestAppliedDirectly": "Begäran {id} genomfördes direkt (inom gränsen för direkta ändringar)",
  "event.requestRejected":
    "Avslog begäran {id}{scheduled, select, yes { (godkänd tidigare, den hade inte körts än)} other {}}{reason}",
  "event.because": ": {reason}",
  "event.requestExpired": "Begäran {id} upphörde efter 7 dagar utan beslut",
  "event.importFinished":
    "Importerade {file}: {created, number} skapade, {updated, number} uppdaterade, {unchanged, number} oförändrade, {rejected, number} avvisade{list}{request}",
  "event.aCsvFile": "en CSV-fil",
  "event.importList": "; listan ”{name}”",
  "event.importRequest": "; alla som marknadsföring begärdes i begäran {id}",
  "event.listAdded": "Lade till i listan ”{name}”",
  "event.listCreated": "Skapade listan ”{name}” för en import",
  "event.settingChanged": "Inställningen {key} ändrades från {before} till {after}{fitted}",
  "event.tierFitted":
    " (det minsta {plan}-paketet som rymmer {count, plural, one {# marknadsföringskontakt} other {# marknadsföringskontakter}})",
  "event.sourceDefaultChanged":
    "Standardstatus för källan {source} ändrades från {before, select, marketing {marknadsföring} non {icke-marknadsföring} other {standardvärdet}} till {after, select, marketing {marknadsföring} other {icke-marknadsföring}}",
  "event.tierUpgrade":
    "Automatisk uppgradering från {from, number} till {to, number} marknadsföringskontakter ({count, plural, one {# marknadsföringskontakt} other {# marknadsföringskontakter}} efter ändringen)",
  "event.tierDowngrade": "Nedgraderade paketet från {from, number} till {to, number} kontakter vid förnyelsen",
  "event.downgradeCancelledAtRenewal": "Den schemalagda nedgraderingen till {target, number} avbröts: {reason}",
  "event.downgradeCancelled": "Avbröt den schemalagda nedgraderingen",
  "event.downgradeScheduled": "Schemalade en nedgradering till {target, number} kontakter vid nästa förnyelse",
  "event.thresholdReached":
    "Marknadsföringskontakterna nådde {percent} av paketet ({count, number} av {limit, number})",
  "event.ruleAdded":
    "Lade till regeln ”{rule}”: när {filter}, gör till {action, select, marketing {marknadsföring} other {icke-marknadsföring}}",
  "event.ruleChanged":
    "Ändrade regeln ”{rule}”: när {filter}, gör till {action, select, marketing {marknadsföring} other {icke-marknadsföring}} (var: när {wasFilter}, gör till {wasAction, select, marketing {marknadsföring} other {icke-marknadsföring}})",
  "event.ruleDone": "{op, select, enable {Slog på} disable {Stängde av} other {Tog bort}} regeln ”{rule}”",
  "event.rulePaused": "Regeln ”{rule}” pausades: {reason}",
  "event.rulePausedRequest": "Regeln ”{rule}” pausades: {reason}. Den ber om godkännande i begäran {id}",
  "event.ruleDisabledRejected":
    "Regeln ”{rule}” stängdes av: dess begäran {id} avslogs. Ändra den och använd {command} för att den ska köras igen",
  "event.ruleResumed":
    "Regeln ”{rule}” återupptogs: dess begäran {id} {status, select, executed {genomfördes} expired {upphörde} other {togs bort}}",
  "event.userChanged":
    "{change, select, accessGrant {Gav åtkomst till marknadsföringskontakter åt} accessRevoke {Tog bort åtkomsten till marknadsföringskontakter för} adminsAdd {Gjorde till administratör:} adminsRemove {Tog bort som administratör:} billingAdd {Lade till faktureringskontakt} other {Tog bort faktureringskontakt}} {user}",
  "event.apiKeyCreated": "Skapade API-nyckeln {id} ({scopes})",
  "event.apiKeyRevoked": "Återkallade API-nyckeln {id} för inkommande kontakter",
  "event.webhookAdded": "Lade till webhooken {id} till {origin}",
  "event.webhookRemoved": "Tog bort webhooken {id}",
  "event.demoSeeded": "Fyllde demokontot med exempeldata",
};
