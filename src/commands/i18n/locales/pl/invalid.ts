// Polski: wartości, które odrzucają ustawienia, reguły, webhooki i klucze API.
import type { invalid as en } from "../en/invalid.ts";
import type { Part } from "../part.ts";

export const invalid: Part<typeof en> = {
  "refusal.setting.giveValue":
    "Podaj wartość dla {key}: {example}{values, select, plan { (starter, professional lub enterprise)} term { (monthly lub annual)} selfApproval { (on lub off)} spikePercent { (od 1 do 100)} language { (en, sv, nl lub pl)} other {}}.",
  "refusal.setting.oneValue":
    "{key} przyjmuje jedną wartość, np. {example}{values, select, plan { (starter, professional lub enterprise)} term { (monthly lub annual)} selfApproval { (on lub off)} spikePercent { (od 1 do 100)} language { (en, sv, nl lub pl)} other {}}; otrzymałem „{got}”. Aby zmienić kilka ustawień, wymień każde z nich: {command}.",
  "refusal.setting.unreadable": "Nie mogę odczytać tej wartości dla {key}.",
  "refusal.setting.notPlan": "„{value}” nie jest planem; plany to {plans}.",
  "refusal.setting.notTerm": "„{value}” nie jest okresem rozliczeniowym; użyj monthly lub annual.",
  "refusal.setting.notZone": "„{value}” nie jest znaną mi strefą czasową; użyj nazwy IANA, np. America/New_York.",
  "refusal.setting.notPercent": "„{value}” nie jest wartością procentową od 1 do 100, np. {example} (od 1 do 100).",
  "refusal.setting.notNumber": "„{value}” nie jest dodatnią liczbą całkowitą, np. {example}.",
  "refusal.setting.notLanguage": "„{value}” nie jest językiem, którym mówi tierkeeper; użyj en, sv, nl lub pl.",
  "refusal.setting.selfApproval": "{key} to {on} lub {off}, nie „{value}”.",
  "refusal.setting.notDays": "„{value}” nie jest liczbą dni; zapisz przypomnienia jako {example}.",
  "refusal.setting.daysRange":
    "Przypomnienia przypadają od 1 do 28 dni przed datą aktualizacji; {value, number} jest poza tym zakresem.",
  "refusal.setting.oneChannel": "Podaj jeden kanał, np. {example}.",
  "refusal.setting.notChannel":
    "„{value}” nie jest kanałem; podaj #nazwę lub jego identyfikator (np. C0123ABCD), np. {example}.",
  "refusal.setting.twice": "{key} podano dwa razy; podaj każde ustawienie raz.",
  "refusal.setting.notTier":
    "{tier, number} nie jest pakietem planu {plan}. {none, select, yes {Żaden z jego pakietów nie mieści {count, plural, one {Twojego # kontaktu marketingowego} few {Twoich # kontaktów marketingowych} many {Twoich # kontaktów marketingowych} other {Twoich # kontaktu marketingowego}}.} other {Jego pakiety, które mieszczą {count, plural, one {Twój # kontakt marketingowy} few {Twoje # kontakty marketingowe} many {Twoich # kontaktów marketingowych} other {Twoje # kontaktu marketingowego}}, to {tiers} kontaktów.}}{others, plural, =0 {} one { {tier, number} jest pakietem planu {first}: podaj też plan, aby go zmienić, np. {command}.} few { {tier, number} jest pakietem planów {first} i {second}: podaj też plan, aby go zmienić, np. {command}.} many { {tier, number} jest pakietem planów {first} i {second}: podaj też plan, aby go zmienić, np. {command}.} other { {tier, number} jest pakietem planów {first} i {second}: podaj też plan, aby go zmienić, np. {command}.}}",
  "refusal.setting.belowCount":
    "Konto ma {count, plural, one {# kontakt marketingowy} few {# kontakty marketingowe} many {# kontaktów marketingowych} other {# kontaktu marketingowego}}, więcej niż {tier, number}.{samePlan, select, yes { Aby obniżyć pakiet przy odnowieniu, użyj {command}.} other { Najmniejszy pakiet planu {plan}, który je mieści, to {smallest, number}.}}",
  "refusal.setting.planTooSmall":
    "Największy pakiet planu {plan} to {max, number} kontaktów, mniej niż {count, plural, one {Twój # kontakt marketingowy} few {Twoje # kontakty marketingowe} many {Twoich # kontaktów marketingowych} other {Twoje # kontaktu marketingowego}}.",
  "refusal.ruleExists": "Reguła o nazwie „{name}” już istnieje; najpierw ją usuń albo wybierz inną nazwę.",
  "refusal.ruleExistsNow": "Reguła o nazwie „{name}” już istnieje.",
  "refusal.ruleWaiting":
    "Reguła „{rule}” czeka na zatwierdzenie wniosku {id}: administrator zatwierdza go lub odrzuca poleceniem {approve} lub {reject}.",
  "refusal.ruleFilterUnreadable": "Reguła „{rule}” ma filtr, którego nie mogę już odczytać: {error}",
  "refusal.webhook.tooLong": "Adres URL jest dłuższy niż {max} znaków.",
  "refusal.webhook.notUrl": "To nie jest adres URL; podaj pełny adres, np. {example}.",
  "refusal.webhook.credentials":
    "Adres URL nie może zawierać nazwy użytkownika ani hasła; nadawcę potwierdza podpis webhooka.",
  "refusal.webhook.fragment": "Adres URL nie może mieć #fragmentu.",
  "refusal.webhook.https": "Adresy URL webhooków muszą zaczynać się od https://.",
  "refusal.webhook.privateAddress":
    "{host} nie jest adresem publicznym; webhooki trafiają tylko do publicznych adresów https.",
  "refusal.webhook.privateHost":
    "{host} nie jest publiczną nazwą hosta; webhooki trafiają tylko do publicznych adresów https.",
  "refusal.webhook.noAddress":
    "{host} nie wskazuje żadnego adresu; webhooki trafiają tylko do publicznych adresów https.",
  "refusal.webhook.resolvesPrivate":
    "{host} wskazuje {address}, który nie jest adresem publicznym; webhooki trafiają tylko do publicznych adresów https.",
  "refusal.webhook.notEvent":
    "{unknown} {count, plural, one {nie jest zdarzeniem} few {nie są zdarzeniami} many {nie są zdarzeniami} other {nie są zdarzeniami}}. Zdarzenia: {events}.",
  "refusal.apiKey.notScope":
    "{unknown} {count, plural, one {nie jest zakresem} few {nie są zakresami} many {nie są zakresami} other {nie są zakresami}}. Zakresy klucza: {scopes} lub {all}; np. {command}.",
};
