// Nederlands: Bulk requests and their decisions: the approvals-channel message, the requester's answer, a decision's answer.
import type { requests as en } from "../en/requests.ts";
import type { Part } from "../part.ts";

export const requests: Part<typeof en> = {
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
