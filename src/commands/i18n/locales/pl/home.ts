// Polski: App Home.
import type { home as en } from "../en/home.ts";
import type { Part } from "../part.ts";

export const home: Part<typeof en> = {
  "home.title": "Kontakty marketingowe",
  "home.usage":
    "<b>{count, number}</b> z <b>{limit, number}</b> — <b>{usage}</b> Twojego pakietu w planie {plan} ({monthly}/miesiąc)",
  "home.nextUpdate": "Najbliższa aktualizacja",
  "home.changes": "Co się zmieni",
  "home.changesValue":
    "{pending, plural, one {# stanie się niemarketingowy} few {# staną się niemarketingowe} many {# stanie się niemarketingowych} other {# stanie się niemarketingowe}} → {after, number} ({usage})",
  "home.all": "Wszystkie kontakty",
  "home.allValue": "{total, number} (w tym niemarketingowe: {nonMarketing, number})",
  "home.lowestAfter": "Najmniejszy pakiet po aktualizacji",
  "home.cleanUp": "Uporządkuj kontakty",
  "home.showTier": "Pokaż pakiet",
  "home.openRequests": "Otwarte wnioski ({count, number})",
  "home.noRequests": "Nic nie czeka na zatwierdzenie.",
  "home.moreRequests": "…i jeszcze {count, number}: {command}",
  "home.recent": "Ostatnie zdarzenia",
  "home.nothingYet": "Jeszcze nic.",
  "home.help": "{command} pokazuje wszystko, co potrafi tierkeeper.",
  "home.capped": "…więcej w {requests} i {history}.",
  "home.intro":
    "tierkeeper pilnuje, żeby Twoje kontakty marketingowe mieściły się w opłaconym pakiecie kontaktów. Zanim zacznie pilnować pakietu, musi wiedzieć, co kupiliście i gdzie ma pisać: plan, pakiet, okres rozliczeniowy i daty, kanały oraz osoby do spraw rozliczeń.",
  "home.welcome": "Witaj w tierkeeper",
  "home.introAdmin": "{intro} To zajmie minutę.",
  "home.setUp": "Skonfiguruj tierkeeper",
  "home.notSetUp": "tierkeeper nie jest jeszcze skonfigurowany",
  "home.askAdmin": "{intro} Poproś administratora o konfigurację: {admins}.",
  "home.noAdmin":
    "{intro} Ten obszar roboczy nie ma jeszcze administratora tierkeeper: osoba, która uruchamia tierkeeper, może go wyznaczyć przez {env} lub {cli} (Twój identyfikator członka jest w profilu Slack, w menu ⋮ → Kopiuj identyfikator członka).",
  "home.planTier": "Plan i pakiet",
  "home.planTierValue":
    "{plan}, {limit, plural, one {# kontakt} few {# kontakty} many {# kontaktów} other {# kontaktu}}, {monthly}/miesiąc",
  "home.term": "Okres rozliczeniowy",
  "home.termValue": "{term, select, monthly {miesięczny} other {roczny}}, od {start} ({zone})",
  "home.alerts": "Alerty",
  "home.approvals": "Zatwierdzenia",
  "home.notSet": "nie ustawiono",
  "home.billingContacts": "Osoby do spraw rozliczeń",
  "home.none": "brak",
  "home.reminders": "Przypomnienia",
  "home.remindersValue": "{days} przed każdą datą aktualizacji",
  "home.off": "wyłączone",
  "home.changeSettings": "Zmień ustawienia",
};
