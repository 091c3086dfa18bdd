// Polski: formularz konfiguracji (`/contacts setup`, przycisk w App Home).
import type { setup as en } from "../en/setup.ts";
import type { Part } from "../part.ts";

export const setup: Part<typeof en> = {
  "setupModal.title": "{configured, select, yes {Ustawienia tierkeeper} other {Skonfiguruj tierkeeper}}",
  "setupModal.save": "Zapisz",
  "setupModal.cancel": "Anuluj",
  "setupModal.close": "Zamknij",
  "setupModal.introSettings":
    "Oto ustawienia tierkeeper. Masz dziś <b>{count, plural, one {# kontakt marketingowy} few {# kontakty marketingowe} many {# kontaktów marketingowych} other {# kontaktu marketingowego}}</b>. Zapisanie zmienia je wszystkie naraz.",
  "setupModal.introNew":
    "Powiedz tierkeeper, co kupiliście i gdzie ma się z wami kontaktować. Masz dziś <b>{count, plural, one {# kontakt marketingowy} few {# kontakty marketingowe} many {# kontaktów marketingowych} other {# kontaktu marketingowego}}</b>. Wszystko to możesz później zmienić w App Home lub poleceniem {command}.",
  "setupModal.plan": "Plan",
  "setupModal.tier": "Pakiet kontaktów: kontakty marketingowe, za które płacicie",
  "setupModal.tierChoose": "Wybierz pakiet",
  "setupModal.tierOption":
    "{limit, plural, one {# kontakt} few {# kontakty} many {# kontaktów} other {# kontaktu}} – {monthly}/miesiąc",
  "setupModal.tierHint":
    "Pakiety, które mieszczą {count, plural, one {Twój # kontakt marketingowy} few {Twoje # kontakty marketingowe} many {Twoich # kontaktów marketingowych} other {Twoje # kontaktu marketingowego}}, z ceną miesięczną.",
  "setupModal.term": "Okres rozliczeniowy",
  "setupModal.termAnnual": "Roczny",
  "setupModal.termAnnualHint": "Daty aktualizacji 1. dnia każdego miesiąca",
  "setupModal.termMonthly": "Miesięczny",
  "setupModal.termMonthlyHint": "Daty aktualizacji w dniu rozpoczęcia umowy, co miesiąc",
  "setupModal.start": "Początek umowy (data zakupu)",
  "setupModal.startHint": "Umowy miesięczne odnawiają się tego dnia miesiąca; roczne tego dnia każdego roku.",
  "setupModal.timezone": "Strefa czasowa rozliczeń",
  "setupModal.timezoneHint": "Nazwa IANA, np. {example1} lub {example2}: daty aktualizacji przypadają tam o 12:00.",
  "setupModal.channelChoose": "Wybierz kanał",
  "setupModal.alertChannel": "Kanał alertów o pakiecie",
  "setupModal.alertChannelHint":
    "Alerty przy {first}, {second} i {third} pakietu, podwyższenia i przypomnienia. Do kanału prywatnego najpierw zaproś {bot}.",
  "setupModal.approvalsChannel": "Kanał zatwierdzeń",
  "setupModal.approvalsChannelHint": "Zmiany masowe i wszystko, co podwyższyłoby pakiet, czekają tu na administratora.",
  "setupModal.billing": "Osoby do spraw rozliczeń",
  "setupModal.billingChoose": "Wybierz osoby",
  "setupModal.billingHint": "Dostają każdy alert o pakiecie w wiadomości prywatnej.",
  "setupModal.reminders": "Przypomnienia przed każdą datą aktualizacji",
  "setupModal.remindersNone": "Brak",
  "setupModal.reminderDay":
    "{days, plural, one {# dzień przed} few {# dni przed} many {# dni przed} other {# dnia przed}}",
  "setupModal.noteSettings": "Zapisanie stosuje wszystkie pola razem albo żadne, jeśli któreś zostanie odrzucone.",
  "setupModal.noteNew":
    "Zapisanie stosuje wszystkie pola razem. Potem tierkeeper publikuje na kanale zatwierdzeń krótką notatkę o tym, co będzie robić i kiedy.",
  "setupModal.noAccess":
    "Tylko administratorzy mogą skonfigurować tierkeeper lub zmienić jego ustawienia. Poproś administratora tego obszaru roboczego; {command} pokazuje ustawienia każdemu.",
  "setupModal.missing.plan": "Wybierz plan: starter, professional lub enterprise.",
  "setupModal.missing.tier": "Wybierz pakiet kontaktów.",
  "setupModal.missing.term": "Wybierz okres rozliczeniowy: miesięczny lub roczny.",
  "setupModal.missing.start": "Podaj datę rozpoczęcia umowy (zakupu), np. 2026-03-15.",
  "setupModal.missing.timezone": "Podaj strefę czasową rozliczeń, nazwę IANA, np. America/New_York.",
  "setupModal.missing.alertChannel": "Wybierz kanał alertów o pakiecie.",
  "setupModal.missing.approvalsChannel": "Wybierz kanał, na którym administratorzy zatwierdzają zmiany masowe.",
  "setupModal.missing.reminders": "Podaj dni przypomnień, np. 3d,1d, albo off.",
  "setupModal.missing.billingContacts": "Wybierz osoby do spraw rozliczeń.",
  "setupModal.notUser":
    "„{value}” nie jest użytkownikiem Slacka; podaj identyfikatory użytkowników, np. U0123ABCD, albo wzmianki.",
  "setupModal.unreadable":
    "{field, select, start {Nie mogę odczytać tej daty; wybierz początek umowy w kalendarzu.} other {Nie mogę odczytać tej odpowiedzi; wybierz lub wpisz ją ponownie.}}",
  "setupModal.tooManyBilling":
    "To {count, plural, one {# osoba} few {# osoby} many {# osób} other {# osoby}} do spraw rozliczeń; konfiguracja przyjmuje najwyżej {max, number} (każda dostaje każdy alert w wiadomości prywatnej).",
  "setupModal.done.first": "tierkeeper jest skonfigurowany.",
  "setupModal.done.saved": "Ustawienia zapisane.",
  "setupModal.done.note": "Notatka o tym, co tierkeeper będzie robić, jest w drodze na kanał {channel}.",
};
