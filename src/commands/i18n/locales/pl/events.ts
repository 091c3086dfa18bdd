// Polski: co zapisał dziennik zdarzeń, tak jak pokazują to `history` i ekran główny aplikacji.
import type { events as en } from "../en/events.ts";
import type { Part } from "../part.ts";

export const events: Part<typeof en> = {
  "event.madeMarketing": "Oznaczono jako marketingowe",
  "event.madeMarketingByRequest": "Oznaczono jako marketingowe na podstawie wniosku {id}",
  "event.madeMarketingByRule": "Oznaczono jako marketingowe regułą „{rule}” (gdy {filter})",
  "event.madeMarketingByForm":
    "Oznaczono jako marketingowe: {count, plural, one {# kontakt niemarketingowy wysłał} few {# kontakty niemarketingowe wysłały} many {# kontaktów niemarketingowych wysłało} other {# kontaktu niemarketingowego wysłało}} formularz marketingowy (API przyjmowania kontaktów)",
  "event.cancelledPending": "Oznaczono jako marketingowe (oczekująca zmiana na niemarketingowe została anulowana)",
  "event.flaggedPending": "Oznaczono jako niemarketingowe: pozostają marketingowe do najbliższej daty aktualizacji",
  "event.flaggedPendingByRequest":
    "Oznaczono jako niemarketingowe na podstawie wniosku {id}: marketingowe do najbliższej daty aktualizacji",
  "event.flaggedPendingByRule":
    "Oznaczono jako niemarketingowe regułą „{rule}” (gdy {filter}): marketingowe do najbliższej daty aktualizacji",
  "event.becameNonMarketing": "Stały się niemarketingowe w dacie aktualizacji",
  "event.contactsCreated":
    "Utworzono {count, plural, one {# kontakt} few {# kontakty} many {# kontaktów} other {# kontaktu}} z API przyjmowania kontaktów (marketingowe: {marketing, number}, niemarketingowe: {other, number})",
  "event.contactsUpdated":
    "Zaktualizowano {count, plural, one {# kontakt} few {# kontakty} many {# kontaktów} other {# kontaktu}} z API przyjmowania kontaktów",
  "event.contactsCreatedImport":
    "Utworzono {count, plural, one {# kontakt} few {# kontakty} many {# kontaktów} other {# kontaktu}} z importu #{id}{file} (marketingowe: {marketing, number}, niemarketingowe: {other, number})",
  "event.contactsUpdatedImport":
    "Zaktualizowano {count, plural, one {# kontakt} few {# kontakty} many {# kontaktów} other {# kontaktu}} z importu #{id}{file}",
  "event.importFile": " ({name})",
  "event.listAddedImport":
    "Dodano do listy {count, plural, one {# zaimportowany kontakt} few {# zaimportowane kontakty} many {# zaimportowanych kontaktów} other {# zaimportowanego kontaktu}}",
  "event.contactsDeleted": "Usunięto {emails}",
  "event.requestCreated":
    "Złożono wniosek {id} o oznaczenie {count, plural, one {# kontaktu} few {# kontaktów} many {# kontaktów} other {# kontaktu}} jako {action, select, marketing {marketingowe} other {niemarketingowe}} ({selector})",
  "event.requestApproved": "Zatwierdzono wniosek {id}",
  "event.requestApprovedFor": "Zatwierdzono wniosek {id} na {when}",
  "event.requestAppliedDirectly": "Wniosek {id} wykonano od razu (w ramach limitu zmian bezpośrednich)",
  "event.requestRejected":
    "Odrzucono wniosek {id}{scheduled, select, yes { (wcześniej zatwierdzony, jeszcze nie został wykonany)} other {}}{reason}",
  "event.because": ": {reason}",
  "event.requestExpired": "Wniosek {id} wygasł po 7 dniach bez decyzji",
  "event.importFinished":
    "Zaimportowano {file}: utworzone: {created, number}, zaktualizowane: {updated, number}, bez zmian: {unchanged, number}, odrzucone: {rejected, number}{list}{request}",
  "event.aCsvFile": "plik CSV",
  "event.importList": "; lista „{name}”",
  "event.importRequest": "; oznaczenie wszystkich jako marketingowe we wniosku {id}",
  "event.listAdded": "Dodano do listy „{name}”",
  "event.listCreated": "Utworzono listę „{name}” dla importu",
  "event.settingChanged": "Ustawienie {key} zmieniono z {before} na {after}{fitted}",
  "event.tierFitted":
    " (najmniejszy pakiet {plan}, który mieści {count, plural, one {# kontakt marketingowy} few {# kontakty marketingowe} many {# kontaktów marketingowych} other {# kontaktu marketingowego}})",
  "event.sourceDefaultChanged":
    "Domyślny status dla źródła {source} zmieniono z {before, select, marketing {marketingowego} non {niemarketingowego} other {domyślnego}} na {after, select, marketing {marketingowy} other {niemarketingowy}}",
  "event.tierUpgrade":
    "Automatyczne podniesienie pakietu z {from, number} do {to, number} kontaktów marketingowych ({count, plural, one {# kontakt marketingowy} few {# kontakty marketingowe} many {# kontaktów marketingowych} other {# kontaktu marketingowego}} po zmianie)",
  "event.tierDowngrade": "Obniżono pakiet z {from, number} do {to, number} kontaktów przy odnowieniu",
  "event.downgradeCancelledAtRenewal": "Zaplanowane obniżenie pakietu do {target, number} anulowano: {reason}",
  "event.downgradeCancelled": "Anulowano zaplanowane obniżenie pakietu",
  "event.downgradeScheduled": "Zaplanowano obniżenie pakietu do {target, number} kontaktów przy najbliższym odnowieniu",
  "event.thresholdReached": "Kontakty marketingowe osiągnęły {percent} pakietu ({count, number} z {limit, number})",
  "event.ruleAdded":
    "Dodano regułę „{rule}”: gdy {filter}, oznacz jako {action, select, marketing {marketingowe} other {niemarketingowe}}",
  "event.ruleChanged":
    "Zmieniono regułę „{rule}”: gdy {filter}, oznacz jako {action, select, marketing {marketingowe} other {niemarketingowe}} (było: gdy {wasFilter}, oznacz jako {wasAction, select, marketing {marketingowe} other {niemarketingowe}})",
  "event.ruleDone": "{op, select, enable {Włączono} disable {Wyłączono} other {Usunięto}} regułę „{rule}”",
  "event.rulePaused": "Reguła „{rule}” wstrzymana: {reason}",
  "event.rulePausedRequest": "Reguła „{rule}” wstrzymana: {reason}. Prosi o zatwierdzenie we wniosku {id}",
  "event.ruleDisabledRejected":
    "Reguła „{rule}” wyłączona: jej wniosek {id} został odrzucony. Zmień ją i użyj {command}, aby znów działała",
  "event.ruleResumed":
    "Reguła „{rule}” wznowiona: jej wniosek {id} został {status, select, executed {wykonany} expired {uznany za wygasły} other {usunięty}}",
  "event.userChanged":
    "{change, select, accessGrant {Nadano dostęp do kontaktów marketingowych:} accessRevoke {Odebrano dostęp do kontaktów marketingowych:} adminsAdd {Nowy administrator:} adminsRemove {Odebrano uprawnienia administratora:} billingAdd {Dodano osobę do spraw rozliczeń:} other {Usunięto osobę do spraw rozliczeń:}} {user}",
  "event.apiKeyCreated": "Utworzono klucz API {id} ({scopes})",
  "event.apiKeyRevoked": "Unieważniono klucz API {id} do przyjmowania kontaktów",
  "event.webhookAdded": "Dodano webhook {id} do {origin}",
  "event.webhookRemoved": "Usunięto webhook {id}",
  "event.demoSeeded": "Wypełniono konto demonstracyjne przykładowymi danymi",
};
