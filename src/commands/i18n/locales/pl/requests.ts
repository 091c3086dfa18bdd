// Polski: Bulk requests and their decisions: the approvals-channel message, the requester's answer, a decision's answer.
import type { requests as en } from "../en/requests.ts";
import type { Part } from "../part.ts";

export const requests: Part<typeof en> = {
  "request.summary":
    "zmiana {count, plural, one {# kontaktu} few {# kontaktów} many {# kontaktów} other {# kontaktu}} na {action, select, marketing {marketingowe} other {niemarketingowe}} ({selector})",
  "request.from": "<b>Wniosek zbiorczy {id}</b> od {requester}{origin}: {summary}.",
  "request.originRule": " (jego reguła automatyzacji „{rule}”)",
  "request.originApi": " (przez jego klucz API {key})",
  "request.contacts": "Kontakty",
  "request.contactsValue": "{count, number} → {action, select, marketing {marketingowe} other {niemarketingowe}}",
  "request.effective": "Obowiązuje",
  "request.immediately": "od razu po zatwierdzeniu",
  "request.atUpdate": "w dniu aktualizacji {when}",
  "request.marketingCount": "Liczba kontaktów marketingowych",
  "request.usage": "Wykorzystanie",
  "request.usageValue": "{before} → {after} z {limit, number}",
  "request.upgrade": "Zmiana pakietu na wyższy",
  "request.upgradeValue":
    "{oldLimit, number} → {newLimit, number} kontaktów, {oldMonthly} → {newMonthly}/miesiąc; proporcjonalna opłata {charge} płatna {due}. Nie można tego cofnąć przed odnowieniem.",
  "request.tier": "Pakiet",
  "request.noUpgrade": "bez zmiany na wyższy",
  "request.saving": "Oszczędność",
  "request.savingValue": "{saving}/miesiąc, jeśli pakiet zostanie obniżony do {lowest, number} przy odnowieniu",
  "request.reopened":
    "Zatwierdzony wcześniej, ale nie został wykonany w swoim terminie: {reason}. Wymaga nowej decyzji.",
  "request.approve": "Zatwierdź",
  "request.reject": "Odrzuć",
  "request.expires": "Wygasa {when}, jeśli administrator nie podejmie decyzji.",
  "request.by": " przez {who}",
  "request.on": " {when}",
  "request.executed": "Zatwierdzony{by}{at} i wykonany.",
  "request.approved": "Zatwierdzony{by}{at}; zostanie wykonany {when}.",
  "request.soon": "wkrótce",
  "request.rejected": "Odrzucony{by}{at}{reason}.",
  "request.expired": "Wygasł po 7 dniach bez decyzji.",
  "request.cancelled": "Wycofany{at}{reason}.",
  "request.waiting": "Wniosek {id} czeka na zatwierdzenie: {summary}.",
  "request.posted": "Opublikowano w {channel} do zatwierdzenia przez administratora.",
  "request.noApprovals":
    "Nie ustawiono kanału zatwierdzeń, więc wniosek jest publikowany tutaj. Administrator może go ustawić: {command}.",
  "request.message": "Wniosek zbiorczy {id} od {requester}: {summary}.{status}",
  "request.yours": "Twój wniosek zbiorczy {id} ({summary}): {status}",
  "decision.already": "Wniosek {id} został już rozpatrzony: {status} Nic się nie zmieniło.",
  "decision.rejected": "Odrzucono wniosek {id}. Nic się nie zmieniło.",
  "decision.scheduled": "Zatwierdzono wniosek {id}; zostanie wykonany {when}.",
  "decision.atItsTime": "w swoim terminie",
  "decision.marketing":
    "Zatwierdzono wniosek {id}: {changed, plural, one {# kontakt jest} few {# kontakty są} many {# kontaktów jest} other {# kontaktu jest}} teraz {changed, plural, one {marketingowy} few {marketingowe} many {marketingowych} other {marketingowego}}.",
  "decision.nonMarketing":
    "Zatwierdzono wniosek {id}: {changed, plural, one {# kontakt pozostaje marketingowy} few {# kontakty pozostają marketingowe} many {# kontaktów pozostaje marketingowych} other {# kontaktu pozostaje marketingowego}} do {when}, a potem {changed, plural, one {staje} few {stają} many {staje} other {staje}} się niemarketingowy.",
  "decision.upgrade":
    "Pakiet zmieniono z {oldLimit, number} na {newLimit, number} kontaktów; proporcjonalna opłata {charge} płatna {due}.",
  "decision.standing": "Kontakty marketingowe: {count, number} z {limit, number}.",
  "decision.clickAlready":
    "Wniosek {id} został już rozpatrzony: {status} Nic się nie zmieniło. Wiadomość pokazuje teraz wynik.",
};
