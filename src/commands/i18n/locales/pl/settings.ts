// Polski: `settings` (the overview and each change), `settings api-key …`, `settings defaults …`,
// `settings webhook …`, and the reasons a webhook failed or a downgrade was cancelled.
import type { settings as en } from "../en/settings.ts";
import type { Part } from "../part.ts";

export const settings: Part<typeof en> = {
  "settings.header": "Ustawienia",
  "settings.tierValue": "{limit, number} kontaktów ({monthly}/miesiąc)",
  "settings.notSet": "nie ustawiono",
  "settings.none": "brak",
  "settings.spike": "{percent} lub {min, number} kontaktów w ciągu godziny, zależnie od tego, co mniejsze",
  "settings.default": "domyślne",
  "settings.changedBy": "zmienił(a) {who}, {when}",
  "settings.bySystem": "tierkeeper (automatyczne podwyższenie lub odnowienie)",
  "settings.byCli": "wiersz poleceń",
  "settings.notSetUp":
    "tierkeeper nie jest jeszcze skonfigurowany: {slack} (lub {cli} w terminalu) pyta o to wszystko za jednym razem.",
  "settings.howToChange":
    "Administratorzy zmieniają jedno lub kilka ustawień naraz, np. {example}, albo wszystkie w formularzu poleceniem {setup}.",
  "settings.changed": "{key} ma teraz wartość {after} (było {before}).",
  "settings.was": "{limit, number} kontaktów, {monthly}/miesiąc",
  "settings.wasPlan": "{limit, number} kontaktów w planie {plan}, {monthly}/miesiąc",
  "settings.tierFitted":
    "Plan to teraz {plan}, a pakiet {limit, number} kontaktów: najmniejszy pakiet planu {plan}, który mieści {count, plural, one {# kontakt marketingowy} few {# kontakty marketingowe} many {# kontaktów marketingowych} other {# kontaktu marketingowego}}, {monthly}/miesiąc (było {was}). Aby wybrać inny, podaj go również: {command}.",
  "settings.tierGiven": "Pakiet to teraz {limit, number} kontaktów w planie {plan}, {monthly}/miesiąc (było {was}).",
  "settings.nothingChanged": "Nic się nie zmieniło: każde podane ustawienie miało już tę wartość.",
  "settings.setupInSlack": "Formularz konfiguracji otwiera się w Slacku: wpisz tam {slack}. W terminalu uruchom {cli}.",
  "apiKey.new": "Nowy klucz API {id}:",
  "apiKey.may": "Może: {scopes}.",
  "apiKey.scope.contactsRead": "odczytywać kontakty, pakiet, wykorzystanie, prognozę i żądania; eksportować kontakty",
  "apiKey.scope.contactsWrite":
    "tworzyć, aktualizować i usuwać kontakty: nowy kontakt zaczyna z domyślnym statusem swojego źródła, a wysłanie formularza marketingowego zmienia kontakt niemarketingowy w marketingowy, jak w HubSpot (sprawdzanie pakietu i zatwierdzenia nadal obowiązują)",
  "apiKey.scope.statusWrite": "oznaczać kontakty jako marketingowe lub niemarketingowe i prosić o zmiany zbiorcze",
  "apiKey.scope.changesRead": "odczytywać strumień zmian",
  "apiKey.copy":
    "Skopiuj go teraz: nie zostanie pokazany ponownie. Wysyłaj go jako {header} do API (/api/v1, dokumentacja pod /api/v1/reference). Unieważnij go poleceniem {command}.",
  "apiKey.none": "Nie ma kluczy API do przyjmowania kontaktów. Utwórz klucz poleceniem {command}.",
  "apiKey.header": "Klucze API",
  "apiKey.count": "Klucze API (aktywne: {active, number}, unieważnione: {revoked, number}):",
  "apiKey.line": "{id} ({scopes}): {state}; utworzył(a) {by} {made}; {used}",
  "apiKey.revokedBy": "unieważniony {when} przez {who}",
  "apiKey.active": "aktywny",
  "apiKey.lastUsed": "ostatnio użyty {when}",
  "apiKey.neverUsed": "nigdy nieużyty",
  "apiKey.showing": "Pokazano najnowsze {shown, number} z {total, number} kluczy.",
  "apiKey.shownOnce": "Klucze są pokazywane raz, przy tworzeniu. Unieważnij klucz poleceniem {command}.",
  "apiKey.revoked": "Klucz API {id} jest unieważniony; żądania z nim dostają teraz 401.",
  "defaults.set":
    "Nowe kontakty ze źródła {source} zaczynają teraz jako {status, select, marketing {marketingowe} other {niemarketingowe}}{before, select, marketing { (wcześniej marketingowe)} non { (wcześniej niemarketingowe)} other {}}.{promotes, select, yes { Istniejący kontakt niemarketingowy, który go wyśle, staje się marketingowy.} other {}}",
  "defaults.header": "Domyślny status według źródła",
  "defaults.line":
    "{source}: {status, select, marketing {marketingowe} other {niemarketingowe}}{from, select, account { (ustawione dla tego konta)} override { (wyjątek)} other {}}{note}",
  "defaults.note.form":
    " — istniejący kontakt niemarketingowy, który wyśle formularz marketingowy, staje się marketingowy",
  "defaults.note.externalForm": " — ta sama zasada co dla formularzy",
  "defaults.note.import": " — dla każdego importu: {command} tworzy żądanie zbiorcze",
  "defaults.note.integration": " — dla każdej aplikacji: {command}",
  "defaults.note.always": " — zawsze niemarketingowe",
  "defaults.showing":
    "Pokazano {shown, number} z {total, number} ustawień domyślnych; ustaw lub sprawdź jedno poleceniem {command}.",
  "defaults.change": "Zmień jedno poleceniem {form}, {api} lub {integration} (administratorzy).",
  "webhook.added": "Webhook {id} wysyła od teraz {events} do {url}.",
  "webhook.everyChange": "każdą zmianę",
  "webhook.secret": "Jego sekret do podpisów (Standard Webhooks): {secret}",
  "webhook.copy":
    "Skopiuj sekret teraz: nie zostanie pokazany ponownie. Weryfikuj nim każde doręczenie (robi to każda biblioteka Standard Webhooks). {command} wysyła wiadomość testową.",
  "webhook.none": "Nie ma webhooków. Dodaj webhook poleceniem {command}; zdarzenia: {events}.",
  "webhook.header": "Webhooki",
  "webhook.line": "{id}: {url} ({events}): {state}",
  "webhook.off": "wyłączony {when} po błędach od {since}",
  "webhook.failing":
    "błędy od {when} ({attempts, plural, one {# próba} few {# próby} many {# prób} other {# próby}}; ostatni: {error}); ponawiany z rosnącym odstępem",
  "webhook.delivering": "doręcza",
  "webhook.help": "{test} wysyła wiadomość testową (i włącza wyłączony z powrotem); {remove} usuwa webhook.",
  "webhook.test":
    "Wiadomość testowa trafi do webhooka {id} ({url}) w ciągu minuty; potem nadrobi on to, czego jeszcze nie otrzymał.",
  "webhook.removed": "Webhook {id} jest usunięty; nic więcej nie jest wysyłane do {url}.",
  "webhook.error.notHttps": "adres URL nie jest https",
  "webhook.error.timeout": "brak odpowiedzi w ciągu {seconds, number} s",
  "webhook.error.blocked": "{host} nie wskazuje żadnego adresu publicznego",
  "webhook.error.connect": "nie udało się połączyć ({error})",
  "webhook.error.status": "odpowiedź {status}",
  "webhook.error.broken": "odpowiedź {status}, potem połączenie zostało przerwane",
  "downgrade.notATier": "{target, number} nie jest już pakietem w tym planie.",
  "downgrade.noFit":
    "{count, plural, one {był wtedy # kontakt marketingowy} few {były wtedy # kontakty marketingowe} many {było wtedy # kontaktów marketingowych} other {było wtedy # kontaktu marketingowego}}, więcej niż {target, number}.",
};
