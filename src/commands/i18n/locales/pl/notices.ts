// Polski: What a channel or a billing contact is told: alerts, reminders, summaries, the set-up summary.
import type { notices as en } from "../en/notices.ts";
import type { Part } from "../part.ts";

export const notices: Part<typeof en> = {
  standing: "{count, number} z {limit, number} ({usage})",
  "threshold.level": "{level} ({count, number})",
  "threshold.exceeding": "przekroczenie pakietu ({count, number}, automatyczne podwyższenie)",
  upgrade:
    "Pakiet podwyższony automatycznie: {count, plural, one {# kontakt marketingowy przekroczył} few {# kontakty marketingowe przekroczyły} many {# kontaktów marketingowych przekroczyło} other {# kontaktu marketingowego przekroczyło}} pakiet {oldLimit, number}, więc konto przeszło na {newLimit, number} kontaktów ({oldMonthly} → {newMonthly} miesięcznie).{charge} Wykorzystanie wynosi teraz {usage} nowego pakietu i alerty liczą się względem niego. Pakiet nigdy nie jest obniżany automatycznie: administrator może zaplanować obniżenie na odnowienie poleceniem {command}.",
  "upgrade.charge": " Proporcjonalna opłata w wysokości {amount} jest należna {due}.",
  "upgrade.chargeNextDay": " Proporcjonalna opłata w wysokości {amount} jest należna następnego dnia.",
  "threshold.over":
    "Kontakty marketingowe przekraczają pakiet: {standing}, a cennik nie ma większego pakietu, na który można przejść.",
  threshold: "Kontakty marketingowe osiągnęły {level} pakietu: {standing}. {next}",
  "threshold.pending":
    "{count, plural, one {# oczekujący kontakt straci} few {# oczekujące kontakty stracą} many {# oczekujących kontaktów straci} other {# oczekującego kontaktu straci}} status marketingowy w najbliższej dacie aktualizacji, {when}.",
  "threshold.noPending":
    "Powyżej {limit, number} pakiet zostanie automatycznie podwyższony; kontakty oznaczone jako niemarketingowe liczą się do {when}.",
  "update-summary":
    "Data aktualizacji {when} przetworzona: {changed, plural, one {# kontakt utracił} few {# kontakty utraciły} many {# kontaktów utraciło} other {# kontaktu utraciło}} status marketingowy. Kontakty marketingowe teraz: {standing}.",
  "downgrade-applied":
    "Zaplanowane obniżenie pakietu wykonane przy odnowieniu {when}: pakiet to teraz {target, number} kontaktów ({count, plural, one {# kontakt marketingowy} few {# kontakty marketingowe} many {# kontaktów marketingowych} other {# kontaktu marketingowego}}).",
  "downgrade-cancelled":
    "Zaplanowane obniżenie pakietu do {target, number} kontaktów anulowane przy odnowieniu {when}: {reason}",
  "downgrade-cancelled.noFit": "liczba kontaktów się nie mieści",
  spike:
    "Skok: w ciągu ostatniej godziny kontaktów marketingowych przybyło {growth, number}{share}, z {baseline, number} do {standing}. Nowe kontakty marketingowe według źródła: {sources}. Jeśli import lub reguła wymknęły się spod kontroli, wstrzymaj je i sprawdź {command}.",
  "spike.unknown": "nieznane",
  "update-reminder":
    "Przypomnienie: najbliższa data aktualizacji jest {lead, plural, =1 {jutro} one {za # dzień} few {za # dni} many {za # dni} other {za # dnia}}, {when}. {count, plural, one {# kontakt straci} few {# kontakty stracą} many {# kontaktów straci} other {# kontaktu straci}} status marketingowy; kontakty marketingowe po niej: {standing}. Kontakty oznaczone jako niemarketingowe przed tym terminem też się wliczają.",
  "renewal-reminder":
    "Odnowienie: {when}. Po oczekujących zmianach {after, plural, one {zostaje # kontakt marketingowy} few {zostają # kontakty marketingowe} many {zostaje # kontaktów marketingowych} other {zostaje # kontaktu marketingowego}}; {tier} {downgrade}",
  "renewal-reminder.lower":
    "najmniejszy pakiet, który je pomieści, to {lowest, number} kontaktów ({saving} mniej miesięcznie niż obecny pakiet {limit, number}).",
  "renewal-reminder.current": "najmniejszy pakiet, który je pomieści, to obecny, {limit, number} kontaktów.",
  "renewal-reminder.scheduled": "Na odnowienie zaplanowano obniżenie pakietu do {target, number} kontaktów.",
  "renewal-reminder.scheduledNoFit":
    "Na odnowienie zaplanowano obniżenie pakietu do {target, number} kontaktów, ale {after, plural, one {# kontakt się nie mieści} few {# kontakty się nie mieszczą} many {# kontaktów się nie mieści} other {# kontaktu się nie mieści}}: zostanie anulowane, chyba że liczba spadnie.",
  "renewal-reminder.canSchedule":
    "Nie zaplanowano obniżenia pakietu: administrator może je zaplanować poleceniem {command}.",
  "renewal-reminder.none": "Nie zaplanowano obniżenia pakietu.",
  forecast:
    "Prognoza: przy ostatnim przyroście {perDay, plural, one {# kontaktu marketingowego} few {# kontaktów marketingowych} many {# kontaktów marketingowych} other {# kontaktu marketingowego}} dziennie wykorzystanie osiągnie {reached}. Teraz {count, number} z {limit, number}.",
  "forecast.when":
    "{threshold} w dniu {day} (za {days, plural, one {# dzień} few {# dni} many {# dni} other {# dnia}})",
  "setup.title": "<b>tierkeeper jest skonfigurowany.</b> Oto, co będzie robić i kiedy.",
  "setup.tier":
    "<b>Twój pakiet:</b> {limit, number} kontaktów marketingowych w planie {plan}, {monthly}/miesiąc. Dziś {count, plural, one {# kontakt ma status marketingowy} few {# kontakty mają status marketingowy} many {# kontaktów ma status marketingowy} other {# kontaktu ma status marketingowy}} ({usage}).",
  "setup.updates":
    "<b>Daty aktualizacji:</b> kontakt oznaczony jako niemarketingowy liczy się do najbliższej daty aktualizacji, potem przestaje. Daty aktualizacji przypadają {cadence}; najbliższa to {next}.",
  "setup.monthly":
    "{day}. dnia każdego miesiąca{late, select, yes { (w krótszych miesiącach ostatniego dnia)} other {}}, o 12:00 czasu {zone}",
  "setup.annual": "1. dnia każdego miesiąca, o 12:00 czasu {zone}",
  "setup.alerts":
    "<b>Alerty</b> {to}: gdy kontakty marketingowe osiągną {thresholds} pakietu i gdy go przekroczą. Przekroczenie automatycznie podwyższa pakiet, z proporcjonalną opłatą, której nie można cofnąć do odnowienia; najbliższe odnowienie: {renewal}.",
  "setup.inChannel": "na kanale {channel}",
  "setup.byDm": "w wiadomości prywatnej do {people}",
  "setup.both": "{inChannel} i {byDm}",
  "setup.nowhere": "jeszcze nigdzie: nie ustawiono kanału alertów ani osoby do spraw rozliczeń ({command} je ustawia)",
  "setup.reminders": "<b>Przypomnienia:</b> {reminders}.",
  "setup.remindersOn":
    "{days} przed każdą datą aktualizacji i {renewal, plural, one {# dzień} few {# dni} many {# dni} other {# dnia}} przed każdym odnowieniem",
  "setup.remindersOff":
    "brak przed datami aktualizacji ({command} je włącza); {renewal, plural, one {# dzień} few {# dni} many {# dni} other {# dnia}} przed każdym odnowieniem",
  days: "{days, plural, one {# dzień} few {# dni} many {# dni} other {# dnia}}",
  "setup.approvals":
    "<b>Zatwierdzenia:</b> zmiany więcej niż {limit, plural, one {# kontaktu} few {# kontaktów} many {# kontaktów} other {# kontaktu}} naraz oraz wszystko, co podwyższyłoby pakiet, czekają {here, select, yes {na tym kanale} other {({command})}} na zatwierdzenie przez administratora.",
  "setup.help": "{help} pokazuje wszystko; {settings} pokazuje ustawienia i kto je zmienił.",
  "intake-held":
    "{count, plural, one {# kontakt, który wpłynął przez klucz API {key}, byłby marketingowy, ale twórca klucza {owner} nie ma już dostępu do kontaktów marketingowych, więc utworzono go jako niemarketingowy.} few {# kontakty, które wpłynęły przez klucz API {key}, byłyby marketingowe, ale twórca klucza {owner} nie ma już dostępu do kontaktów marketingowych, więc utworzono je jako niemarketingowe.} many {# kontaktów, które wpłynęły przez klucz API {key}, byłoby marketingowych, ale twórca klucza {owner} nie ma już dostępu do kontaktów marketingowych, więc utworzono je jako niemarketingowe.} other {# kontaktu, które wpłynęły przez klucz API {key}, byłoby marketingowe, ale twórca klucza {owner} nie ma już dostępu do kontaktów marketingowych, więc utworzono je jako niemarketingowe.}} Przywróć dostęp ({grant}) albo poproś administratora o nowy klucz.",
  "request-reopened":
    "Zaplanowane żądanie {id} (oznaczenie {count, plural, one {# kontaktu} few {# kontaktów} many {# kontaktów} other {# kontaktu}} jako {action, select, marketing {marketingowe} other {niemarketingowe}}) nie zostało wykonane: {reason}. Potrzebna jest nowa decyzja: {approve} lub {reject}.",
  "rule-paused":
    "Reguła automatyzacji „{rule}” (oznacz jako marketingowe, gdy {filter}) jest wstrzymana: {reason}. Osoba z dostępem do kontaktów marketingowych może ją przejąć poleceniem {command} albo ją usunąć.",
  "webhook-disabled":
    "Webhook {id} do {origin} jest wyłączony: każde doręczenie kończy się błędem od {since} ({attempts, plural, one {# próba} few {# próby} many {# prób} other {# próby}}; ostatni błąd: {error}). Nic nie przepadło: gdy punkt końcowy zacznie działać, {command} włączy go z powrotem i nadrobi zaległości od miejsca, w którym się zatrzymał.",
};
