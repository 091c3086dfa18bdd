// Polski: The answers of `set`, `delete`, `bulk`, `requests`, `lists`, `list …`, the people commands and an import.
import type { commands as en } from "../en/commands.ts";
import type { Part } from "../part.ts";

export const commands: Part<typeof en> = {
  "set.needsUpgrade":
    "To podniosłoby pakiet z {oldLimit, number} do {newLimit, number} kontaktów (proporcjonalna opłata {charge}), więc wymaga zatwierdzenia przez administratora: wniosek {id}.",
  "set.overLimit":
    "{count, plural, one {# kontakt to} few {# kontakty to} many {# kontaktów to} other {# kontaktu to}} więcej niż limit zmian bezpośrednich, więc wymaga to zatwierdzenia: wniosek {id}.",
  "set.outcome":
    "{email}: {outcome, select, madeMarketing {teraz kontakt marketingowy.} cancelledPending {pozostaje marketingowy; oczekująca zmiana na niemarketingowy została anulowana.} alreadyMarketing {już jest kontaktem marketingowym; nic się nie zmieniło.} flaggedPending {pozostaje marketingowy do najbliższej daty aktualizacji, a potem staje się niemarketingowy: {when}.} alreadyPending {już ma stać się niemarketingowy{when}; nic się nie zmieniło.} other {już jest niemarketingowy; nic się nie zmieniło.}}",
  "set.pendingAt": " {when}",
  "set.more": "…i jeszcze {count, number}: {counts}.",
  "set.moreCount":
    "{outcome, select, madeMarketing {oznaczone jako marketingowe} cancelledPending {pozostają marketingowe (oczekująca zmiana anulowana)} flaggedPending {niemarketingowe od najbliższej aktualizacji} alreadyMarketing {już marketingowe} alreadyPending {już oczekujące} other {już niemarketingowe}}: {count, number}",
  "set.upgraded":
    "Ta zmiana podniosła pakiet z {oldLimit, number} do {newLimit, number} kontaktów; proporcjonalna opłata {charge} jest płatna {due}.",
  "delete.done":
    "Usunięto {deleted, plural, one {# kontakt} few {# kontakty} many {# kontaktów} other {# kontaktu}} (w tym marketingowe: {freed, number}). Kontakty marketingowe: {count, number} z {limit, number}; pakiet pozostaje bez zmian.",
  "bulk.nothing": "Żaden pasujący kontakt by się nie zmienił, więc nie ma o co wnioskować.",
  "bulk.marketing":
    "Oznaczono {count, plural, one {# kontakt} few {# kontakty} many {# kontaktów} other {# kontaktu}} jako marketingowe (w ramach limitu zmian bezpośrednich, bez zatwierdzenia).",
  "bulk.nonMarketing":
    "Oznaczono {count, plural, one {# kontakt} few {# kontakty} many {# kontaktów} other {# kontaktu}} jako niemarketingowe: pozostają marketingowe do {when}.",
  "requests.none": "Brak otwartych wniosków.",
  "requests.header": "Otwarte wnioski",
  "requests.item":
    "• {id} — {summary} — {status, select, open {otwarty} approved {zatwierdzony} other {{status}}}, złożony przez {requester}",
  "requests.more":
    "Najnowsze {shown, number} z {total, number} otwartych lub zatwierdzonych wniosków; {approve} i {reject} działają na każdym z nich.",
  "lists.none": "Nie ma jeszcze list. Utwórz listę poleceniem {command}.",
  "lists.noneNamed": "Żadna lista nie ma „{contains}” w nazwie.",
  "lists.header": "Listy",
  "lists.headerNamed": "Listy z „{contains}” w nazwie",
  "lists.item": "• {name} — {size, plural, one {# kontakt} few {# kontakty} many {# kontaktów} other {# kontaktu}}",
  "lists.more": "Pierwsze {shown, number} z {total, number} list według nazwy; zawęź poleceniem {command}.",
  "lists.moreNamed":
    "Pierwsze {shown, number} z {total, number} list z „{contains}” w nazwie, według nazwy; zawęź poleceniem {command}.",
  "list.created": "Utworzono listę „{name}”.",
  "list.added":
    "Dodano {added, plural, one {# kontakt} few {# kontakty} many {# kontaktów} other {# kontaktu}} do listy „{list}”{already, plural, =0 {} one { (# już na niej był)} few { (# już na niej były)} many { (# już na niej było)} other { (# już na niej było)}}.",
  "people.billingContacts":
    "Osoby do spraw rozliczeń: {users}{more, plural, =0 {} one { i jeszcze #} few { i jeszcze #} many { i jeszcze #} other { i jeszcze #}}",
  "people.noBillingContacts": "Nie ma jeszcze osób do spraw rozliczeń.",
  "people.access":
    "{user} {op, select, grant {ma teraz dostęp} other {nie ma już dostępu}} do kontaktów marketingowych.",
  "people.admin": "{user} {op, select, add {jest teraz administratorem} other {nie jest już administratorem}}.",
  "people.billingContact":
    "{user} {op, select, add {jest teraz osobą do spraw rozliczeń} other {nie jest już osobą do spraw rozliczeń}}.",
  "downgrade.cancelled": "Zaplanowane obniżenie pakietu zostało anulowane.",
  "downgrade.scheduled":
    "Obniżenie pakietu do {target, number} kontaktów zaplanowano na odnowienie {when}. Nastąpi tylko wtedy, gdy liczba kontaktów marketingowych będzie się wtedy mieścić (teraz {count, number}, po oczekujących zmianach {after, number}).",
  "import.summary":
    "Zaimportowano {file}: {rows, plural, one {# wiersz} few {# wiersze} many {# wierszy} other {# wiersza}} — utworzone: {created, number}, zaktualizowane: {updated, number}, bez zmian: {unchanged, number}, odrzucone: {rejected, number}.",
  "import.theFile": "plik",
  "import.created": "Utworzone",
  "import.updated": "Zaktualizowane",
  "import.unchanged": "Bez zmian",
  "import.rejected": "Odrzucone",
  "import.nonMarketing": "Nowe kontakty z importu są niemarketingowe.",
  "import.list":
    "Lista „{name}”{created, select, yes { (nowa)} other {}}: dodano {added, plural, one {# kontakt} few {# kontakty} many {# kontaktów} other {# kontaktu}}.",
  "import.ruleChanges": "Reguły automatyzacji zmieniły zaimportowane kontakty: {count, number}.",
  "import.rulePaused": "Reguła została wstrzymana i czeka na zatwierdzenie: wniosek {id} ({summary}).",
  "import.marketingRequest":
    "Oznaczenie wszystkich jako marketingowe wymaga zatwierdzenia: wniosek {id} oznaczyłby {count, plural, one {# kontakt} few {# kontakty} many {# kontaktów} other {# kontaktu}} jako marketingowe, {before, number} → {after, number} z {limit, number} ({usage}){upgrade, select, yes {, podnosząc pakiet do {newLimit, number}} other {}}.",
  "import.nothingToRequest":
    "Oznaczenie wszystkich jako marketingowe: żaden zaimportowany kontakt by się nie zmienił (wszystkie są już marketingowe albo nic nie zaimportowano), więc nie ma o co wnioskować.",
  "import.nothingImported": "Nic nie zostało zaimportowane.",
  "import.waits":
    "Nie ustawiono kanału zatwierdzeń, więc wniosek {id} czeka w {requests}; administrator zatwierdza go poleceniem {approve} (albo ustawia kanał: {settings}).",
  "import.rejectedRows": "Odrzucone wiersze:",
  "import.rejectedLine": "wiersz {line}{email}: {reason}",
  "import.moreRejected":
    "… i jeszcze {count, plural, one {# odrzucony wiersz} few {# odrzucone wiersze} many {# odrzuconych wierszy} other {# odrzuconego wiersza}}.",
};
