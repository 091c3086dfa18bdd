// Polski: The answers of `tier`, `status` and `can-market`.
import type { answers as en } from "../en/answers.ts";
import type { Part } from "../part.ts";

export const answers: Part<typeof en> = {
  "tier.header": "Pakiet kontaktów",
  "tier.summary":
    "Kontakty marketingowe: {count, number} z {limit, number} ({usage}) w planie {plan}, {monthly}/miesiąc.",
  "tier.all": "Wszystkie kontakty",
  "tier.allValue": "{total, number}, w tym niemarketingowe: {nonMarketing, number}",
  "tier.pending": "Oczekujące na zmianę na niemarketingowe",
  "tier.nextUpdate": "Najbliższa aktualizacja",
  "tier.afterUpdate": "Po aktualizacji",
  "tier.lowestAfter": "Najmniejszy pakiet, który wystarczy po niej",
  "tier.downgrade": "Obniżenie pakietu do {target, number} zaplanowano na odnowienie {when}.",
  "when.forYou": "{there}; u Ciebie {here}",
  "list.more": "{items} i jeszcze {count, number}",
  "status.is":
    "{email} to <b>{status, select, marketing {kontakt marketingowy} other {kontakt niemarketingowy}}</b>{pending, select, yes { ({note})} other {}}.",
  "status.pendingNote": "oczekuje: marketingowy do najbliższej aktualizacji",
  "status.pendingLine": "Marketingowy do najbliższej daty aktualizacji: stanie się niemarketingowy {when}",
  "status.source": "Źródło",
  "status.lists": "Listy",
  "status.noLists": "brak",
  "status.lifecycle": "Etap cyklu życia",
  "status.created": "Utworzony",
  "status.unengaged": "Niezaangażowany",
  "status.bounced": "odrzuca pocztę",
  "status.unsubscribed": "wypisany",
  "canMarket.yes":
    "<b>Tak</b> — {email}: To kontakt marketingowy, więc może otrzymywać e-maile marketingowe i należeć do grup odbiorców reklam.",
  "canMarket.no":
    "<b>Nie</b> — {email}: To kontakt niemarketingowy, więc nie może otrzymywać e-maili marketingowych ani należeć do grup odbiorców reklam. Indywidualne e-maile handlowe, czat, rejestracje, zgłoszenia, e-maile transakcyjne i ankiety nadal do niego docierają.",
};
