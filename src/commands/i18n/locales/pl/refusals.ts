// Polski: Refusals: what the services and the rules say when they won't do something.
import type { refusals as en } from "../en/refusals.ts";
import type { Part } from "../part.ts";

export const refusals: Part<typeof en> = {
  "refusal.noMarketingAccess":
    "Nie masz dostępu do kontaktów marketingowych, więc nie możesz oznaczać kontaktów jako marketingowe. {role, select, admin {Nadaj go sobie poleceniem {command}.} other {Poproś administratora o uruchomienie {command}.}}",
  "refusal.onlyAdmins":
    "Tylko administratorzy mogą {action, select, setup {skonfigurować tierkeepera} apiKeys {zarządzać kluczami API} sourceDefaults {zmieniać ustawienia domyślne źródeł} webhooks {zarządzać webhookami} other {to zrobić}}. Poproś administratora tego obszaru roboczego.",
  "refusal.onlyAdminsApprove": "Tylko administratorzy mogą zatwierdzać lub odrzucać zmiany zbiorcze.",
  "refusal.selfApproval":
    "To Twój wniosek, więc musi go zatwierdzić inny administrator (samodzielne zatwierdzanie jest wyłączone w ustawieniach tego obszaru roboczego).",
  "refusal.selfApprovalCause":
    "Twój import lub klucz API wprowadził kontakty, których dotyczy wniosek tej reguły, więc musi go zatwierdzić inny administrator (samodzielne zatwierdzanie jest wyłączone w ustawieniach tego obszaru roboczego).",
  "refusal.approveNoAccess":
    "Nie masz dostępu do kontaktów marketingowych, więc nie możesz zatwierdzić oznaczenia kontaktów jako marketingowe. Nadaj go sobie poleceniem {command}.",
  "refusal.downgradeSmallest": "Twój pakiet {current, number} kontaktów jest już najmniejszy w Twoim planie.",
  "refusal.downgradeBelow":
    "Obniżenie musi zejść poniżej obecnego pakietu {current, number} kontaktów; dozwolone: {allowed}.",
  "refusal.downgradeNotTier": "{target, number} nie jest pakietem Twojego planu; dozwolone: {allowed}.",
  "refusal.unknownEmail":
    "Na tym koncie nie ma kontaktu z adresem e-mail {emails}{more, plural, =0 {} one { i jeszcze #} few { i jeszcze #} many { i jeszcze #} other { i jeszcze #}}, więc nic nie zostało zmienione. Sprawdź pisownię albo najpierw zaimportuj kontakt.",
  "refusal.listExists": "Lista o nazwie „{name}” już istnieje.",
  "refusal.noList": "Nie ma listy „{name}”. Utwórz ją poleceniem {command}.",
  "refusal.confirmUpgrade":
    "Zatwierdzenie {id} podniesie pakiet do {newLimit, number} kontaktów. Aby potwierdzić, wpisz liczbę kontaktów: {command}.",
  "refusal.noRequest": "Nie ma wniosku {id}.",
  "refusal.unknownRequest": "Nie ma wniosku {id}. {command} pokazuje otwarte wnioski.",
  "refusal.requesterNoAccess":
    "{requester}, autor wniosku {id}, nie ma już dostępu do kontaktów marketingowych, więc nie można go zatwierdzić. Odrzuć go albo złóż wniosek samodzielnie.",
  "refusal.rejectNotAllowed": "Wniosek może odrzucić tylko administrator lub osoba, która go złożyła.",
  "refusal.onlyAdmin": "{user} jest jedynym administratorem; najpierw dodaj innego administratora.",
  "refusal.noRule": "Nie ma reguły „{name}”. {command} pokazuje reguły.",
  "refusal.noRuleNow": "Nie ma reguły „{name}”.",
  "refusal.ruleNotYours":
    "Tylko administrator lub autor reguły może {op, select, enable {włączyć} disable {wyłączyć} remove {usunąć} other {zmienić}} regułę „{rule}”.",
  "refusal.tooManyRules":
    "Ten obszar roboczy ma {max, number} reguł automatyzacji, czyli najwięcej, ile może mieć. Usuń niepotrzebną ({command}), zanim dodasz kolejną.",
  "refusal.tooManyWebhooks":
    "Ten obszar roboczy ma {max, number} webhooków, czyli najwięcej, ile może mieć; najpierw usuń jeden.",
  "refusal.noWebhook": "Nie ma webhooka {id}. {command} pokazuje webhooki.",
  "refusal.noApiKey": "W tym obszarze roboczym nie ma aktywnego klucza API {id}. {command} pokazuje klucze.",
  "filter.unreadable": "Nie udało mi się odczytać tego filtra. Spróbuj {example}.",
  "filter.empty": "Filtr jest pusty. Spróbuj {example}.",
  "filter.unknownField": "„{field}” nie jest polem, po którym mogę filtrować; pola to {fields}.",
  "filter.needsOperator": "{field} wymaga operatora i wartości, np. {example}.",
  "filter.notOperator": "„{op}” nie jest operatorem; użyj =, !=, <, > lub contains, np. {example}.",
  "filter.needsValue": "{condition} wymaga wartości, np. {example}.",
  "filter.noOr": "Warunki można łączyć tylko przez `and`; `or` nie jest jeszcze obsługiwane.",
  "filter.joinWithAnd": "Połącz warunki przez `and` (w pobliżu „{near}”).",
  "filter.endsWithAnd": "Filtr kończy się na `and`; dodaj kolejny warunek.",
};
