// Svenska: Bulk requests and their decisions: the approvals-channel message, the requester's answer, a decision's answer.
import type { requests as en } from "../en/requests.ts";
import type { Part } from "../part.ts";

export const requests: Part<typeof en> = {
  "request.summary":
    "ändra {count, plural, one {# kontakt} other {# kontakter}} till {action, select, marketing {marknadsföring} other {icke-marknadsföring}} ({selector})",
  "request.from": "<b>Massbegäran {id}</b> från {requester}{origin}: {summary}.",
  "request.originRule": " (deras automatiseringsregel ”{rule}”)",
  "request.originApi": " (via deras API-nyckel {key})",
  "request.contacts": "Kontakter",
  "request.contactsValue": "{count, number} → {action, select, marketing {marknadsföring} other {icke-marknadsföring}}",
  "request.effective": "Gäller från",
  "request.immediately": "direkt vid godkännande",
  "request.atUpdate": "vid uppdateringsdatumet {when}",
  "request.marketingCount": "Marknadsföringskontakter",
  "request.usage": "Användning",
  "request.usageValue": "{before} → {after} av {limit, number}",
  "request.upgrade": "Paketuppgradering",
  "request.upgradeValue":
    "{oldLimit, number} → {newLimit, number} kontakter, {oldMonthly} → {newMonthly}/månad; proportionerlig avgift {charge} förfaller {due}. Den kan inte ångras före förnyelsen.",
  "request.tier": "Paket",
  "request.noUpgrade": "ingen uppgradering",
  "request.saving": "Besparing",
  "request.savingValue": "{saving}/månad om paketet sänks till {lowest, number} vid förnyelsen",
  "request.reopened": "Godkänd tidigare, men den kördes inte vid sin tid: {reason}. Den behöver ett nytt beslut.",
  "request.approve": "Godkänn",
  "request.reject": "Avslå",
  "request.expires": "Upphör {when} om ingen administratör beslutar.",
  "request.by": " av {who}",
  "request.on": " {when}",
  "request.executed": "Godkänd{by}{at} och genomförd.",
  "request.approved": "Godkänd{by}{at}; körs {when}.",
  "request.soon": "snart",
  "request.rejected": "Avslagen{by}{at}{reason}.",
  "request.expired": "Upphörde efter 7 dagar utan beslut.",
  "request.cancelled": "Återkallad{at}{reason}.",
  "request.waiting": "Begäran {id} väntar på godkännande: {summary}.",
  "request.posted": "Publicerad i {channel} för en administratör att godkänna.",
  "request.noApprovals":
    "Ingen godkännandekanal är angiven, så begäran publiceras här. En administratör kan ange en: {command}.",
  "request.message": "Massbegäran {id} från {requester}: {summary}.{status}",
  "request.yours": "Din massbegäran {id} ({summary}): {status}",
  "decision.already": "Begäran {id} var redan beslutad: {status} Inget ändrades.",
  "decision.rejected": "Begäran {id} avslogs. Inget ändrades.",
  "decision.scheduled": "Begäran {id} godkändes; den körs {when}.",
  "decision.atItsTime": "vid sin tid",
  "decision.marketing":
    "Begäran {id} godkändes: {changed, plural, one {# kontakt är} other {# kontakter är}} nu marknadsföringskontakter.",
  "decision.nonMarketing":
    "Begäran {id} godkändes: {changed, plural, one {# kontakt förblir marknadsföringskontakt} other {# kontakter förblir marknadsföringskontakter}} till {when} och blir sedan icke-marknadsföring.",
  "decision.upgrade":
    "Paketet uppgraderades från {oldLimit, number} till {newLimit, number} kontakter; proportionerlig avgift {charge} förfaller {due}.",
  "decision.standing": "Marknadsföringskontakter: {count, number} av {limit, number}.",
  "decision.clickAlready": "Begäran {id} var redan beslutad: {status} Inget ändrades. Meddelandet visar nu utfallet.",
};
