// Polski: The manage wizard and the upgrade confirmation modal (a title, submit or close at most 24 characters).

import type { wizard as en } from "../en/wizard.ts";
import type { Part } from "../part.ts";

export const wizard: Part<typeof en> = {
  "modal.cancel": "Anuluj",
  "wizard.title": "Kontakty · krok {step, number}/4",
  "wizard.next": "Dalej",
  "wizard.toReview": "Przejrzyj",
  "wizard.request": "Poproś o zatwierdzenie",
  "wizard.intro.header": "Czym są kontakty marketingowe?",
  "wizard.intro.what":
    "Tylko <b>kontakty marketingowe</b> wliczają się do Twojego pakietu kontaktów i tylko one mogą otrzymywać e-maile marketingowe lub trafiać do grup odbiorców reklam. <b>Kontakty niemarketingowe</b> nadal otrzymują indywidualne e-maile handlowe, czaty, e-maile rejestracyjne, zgłoszeniowe i transakcyjne oraz ankiety.",
  "wizard.intro.when":
    "Oznaczenie kontaktu jako niemarketingowego obowiązuje od <b>najbliższej daty aktualizacji</b>, {when}: do tego czasu pozostaje on marketingowy i nadal się liczy.",
  "wizard.intro.standing":
    "Masz {count, plural, one {<b>#</b> kontakt marketingowy} few {<b>#</b> kontakty marketingowe} many {<b>#</b> kontaktów marketingowych} other {<b>#</b> kontaktu marketingowego}} w pakiecie <b>{limit, number}</b> ({usage}). Pakiet nigdy nie obniża się sam; mniejsza liczba pozwala wybrać niższy pakiet przy odnowieniu.",
  "wizard.intro.next": "Dalej: niezaangażowane kontakty, do których być może nie musisz kierować marketingu.",
  "wizard.unengaged.header": "Niezaangażowane kontakty",
  "wizard.unengaged.summary":
    "{count, plural, one {<b>#</b> kontakt marketingowy ma} few {<b>#</b> kontakty marketingowe mają} many {<b>#</b> kontaktów marketingowych ma} other {<b>#</b> kontaktu marketingowego ma}} odbite wiadomości lub wypisanie ze wszystkich e-maili: i tak nie mogą otrzymywać e-maili marketingowych, ale wliczają się do Twojego pakietu.",
  "wizard.unengaged.label": "Oznacz je jako niemarketingowe",
  "wizard.unengaged.bounced": "Odbite ({count, number})",
  "wizard.unengaged.unsubscribed": "Wypisane ze wszystkich e-maili ({count, number})",
  "wizard.unengaged.next": "Dalej: możesz zamiast tego wybrać listę lub filtr.",
  "wizard.select.header": "Albo lista lub filtr",
  "wizard.select.explain":
    "Zostaw oba pola puste, aby użyć niezaangażowanych kontaktów z kroku 2. Lista lub filtr je <b>zastępuje</b>; przy obu kontakty muszą być na liście <b>i</b> pasować do filtra.",
  "wizard.select.list": "Lista",
  "wizard.select.listOption": "{name} ({size, number})",
  "wizard.select.choose": "Wybierz listę",
  "wizard.select.moreLists":
    "…i jeszcze {count, plural, one {# lista} few {# listy} many {# list} other {# listy}}: użyj filtra, np. {example}.",
  "wizard.select.filter": "Filtr",
  "wizard.select.hint": "Pola: {fields}. Daty można podać słowami.",
  "wizard.select.noChoice": "Wybierz niezaangażowane kontakty w kroku 2, listę lub filtr.",
  "wizard.select.tooLong":
    "Filtr może tu mieć najwyżej {max, number} znaków (ten ma {length, number}). Użyj listy albo {command}.",
  "wizard.select.noRoom": "Ten filtr jest za długi, by przenieść go do kroku przeglądu. Skróć go albo użyj listy.",
  "wizard.select.noMatch":
    "Żaden kontakt marketingowy nie pasuje do {selector} (oczekujące już liczą się jako zmienione). Wybierz coś innego.",
  "wizard.review.header": "Przegląd",
  "wizard.review.match":
    "{count, plural, one {Pasuje <b>#</b> kontakt marketingowy} few {Pasują <b>#</b> kontakty marketingowe} many {Pasuje <b>#</b> kontaktów marketingowych} other {Pasuje <b>#</b> kontaktu marketingowego}}: {selector}.",
  "wizard.review.now": "<b>Marketingowe teraz:</b> {count, number} z {limit, number}",
  "wizard.review.becoming":
    "<b>Staną się niemarketingowe</b> w najbliższej dacie aktualizacji, {when}: {count, number} (razem z już oczekującymi liczba spadnie do {after, number})",
  "wizard.review.usage": "<b>Wykorzystanie potem:</b> {usage} z {limit, number}",
  "wizard.review.saving": "<b>Oszczędność:</b> {saving}",
  "wizard.review.savingValue":
    "<b>{saving}/miesiąc</b> mniej, jeśli przy odnowieniu obniżysz pakiet do {lowest, number} ({command}); pakiet nigdy nie obniża się sam.",
  "wizard.review.noSaving":
    "Na razie bez oszczędności: {count, plural, one {# kontakt nadal wymaga} few {# kontakty nadal wymagają} many {# kontaktów nadal wymaga} other {# kontaktu nadal wymaga}} pakietu {limit, number}.",
  "wizard.review.note":
    "Wysłanie tworzy wniosek zbiorczy, który administrator zatwierdza na kanale zatwierdzeń. Do daty aktualizacji kontakty pozostają marketingowe.",
  "wizard.done.mismatch":
    "Nie udało się dopasować tego zgłoszenia do przejrzanych kontaktów, więc o nic nie wnioskowano. Uruchom ponownie {command}.",
  "wizard.done.nothing": "Żaden kontakt marketingowy już nie pasuje, więc nie ma o co wnioskować.",
  "wizard.done.direct":
    "{count, plural, one {# kontakt oznaczono} few {# kontakty oznaczono} many {# kontaktów oznaczono} other {# kontaktu oznaczono}} bezpośrednio jako niemarketingowe (w ramach limitu zmian bezpośrednich): pozostają marketingowe do najbliższej daty aktualizacji.",
  "wizard.done.posted":
    "Wniosek {id} ({count, plural, one {# kontakt} few {# kontakty} many {# kontaktów} other {# kontaktu}} na niemarketingowe) opublikowano w {channel} do zatwierdzenia przez administratora.",
  "wizard.done.waiting":
    "Wniosek {id} ({count, plural, one {# kontakt} few {# kontakty} many {# kontaktów} other {# kontaktu}} na niemarketingowe) czeka na zatwierdzenie: {command}.",
  "wizard.done.setChannel": "Ustaw kanał zatwierdzeń, aby wnioski były publikowane z przyciskami: {command}.",
  "confirm.title": "Potwierdź zmianę pakietu",
  "confirm.submit": "Zatwierdź i podwyższ",
  "confirm.body":
    "Zatwierdzenie <b>{id}</b> oznacza {count, plural, one {<b>#</b> kontakt} few {<b>#</b> kontakty} many {<b>#</b> kontaktów} other {<b>#</b> kontaktu}} jako marketingowe i podwyższa pakiet z <b>{oldLimit, number}</b> do <b>{newLimit, number}</b> kontaktów ({oldMonthly} → {newMonthly}/miesiąc). Proporcjonalna opłata <b>{charge}</b> jest płatna {due}. Pakietu nie można obniżyć przed odnowieniem.",
  "confirm.label": "Wpisz liczbę kontaktów, aby potwierdzić",
  "confirm.note": "Liczba jest w wiadomości z wnioskiem. Cokolwiek innego pozostawia wniosek otwarty.",
  "confirm.wrong": "Wpisz {count, number} (liczbę kontaktów we wniosku {id}), aby zatwierdzić zmianę pakietu.",
};
