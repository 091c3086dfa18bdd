// Svenska: värden som inställningar, regler, webhooks och API-nycklar nekar.
import type { invalid as en } from "../en/invalid.ts";
import type { Part } from "../part.ts";

export const invalid: Part<typeof en> = {
  "refusal.setting.giveValue":
    "Ange ett värde för {key}: {example}{values, select, plan { (starter, professional eller enterprise)} term { (monthly eller annual)} selfApproval { (on eller off)} spikePercent { (1 till 100)} language { (en, sv, nl eller pl)} other {}}.",
  "refusal.setting.oneValue":
    "{key} tar ett värde, t.ex. {example}{values, select, plan { (starter, professional eller enterprise)} term { (monthly eller annual)} selfApproval { (on eller off)} spikePercent { (1 till 100)} language { (en, sv, nl eller pl)} other {}}; jag fick ”{got}”. Ange varje inställning för sig för att ändra flera: {command}.",
  "refusal.setting.unreadable": "Jag kunde inte läsa det värdet för {key}.",
  "refusal.setting.notPlan": "”{value}” är ingen plan; planerna är {plans}.",
  "refusal.setting.notTerm": "”{value}” är ingen faktureringsperiod; använd monthly eller annual.",
  "refusal.setting.notZone": "”{value}” är ingen tidszon jag känner till; använd ett IANA-namn som America/New_York.",
  "refusal.setting.notPercent": "”{value}” är ingen procentsats från 1 till 100, t.ex. {example} (1 till 100).",
  "refusal.setting.notNumber": "”{value}” är inget positivt heltal, t.ex. {example}.",
  "refusal.setting.notLanguage": "”{value}” är inget språk tierkeeper talar; använd en, sv, nl eller pl.",
  "refusal.setting.selfApproval": "{key} är {on} eller {off}, inte ”{value}”.",
  "refusal.setting.notDays": "”{value}” är inget antal dagar; skriv påminnelser som {example}.",
  "refusal.setting.daysRange":
    "Påminnelser ligger 1 till 28 dagar före uppdateringsdatumet; {value, number} ligger utanför det.",
  "refusal.setting.oneChannel": "Ange en kanal, t.ex. {example}.",
  "refusal.setting.notChannel": "”{value}” är ingen kanal; ange #namn eller dess id (som C0123ABCD), t.ex. {example}.",
  "refusal.setting.twice": "{key} anges två gånger; ange varje inställning en gång.",
  "refusal.setting.notTier":
    "{tier, number} är inget paket i planen {plan}. {none, select, yes {Inget av dess paket rymmer era {count, plural, one {# marknadsföringskontakt} other {# marknadsföringskontakter}}.} other {Dess paket som rymmer era {count, plural, one {# marknadsföringskontakt} other {# marknadsföringskontakter}} är {tiers} kontakter.}}{others, plural, =0 {} one { {tier, number} är ett paket i planen {first}: ange planen också för att byta, t.ex. {command}.} other { {tier, number} är ett paket i planerna {first} och {second}: ange planen också för att byta, t.ex. {command}.}}",
  "refusal.setting.belowCount":
    "Kontot har {count, plural, one {# marknadsföringskontakt} other {# marknadsföringskontakter}}, fler än {tier, number}.{samePlan, select, yes { Sänk paketet vid förnyelsen med {command}.} other { Det minsta paketet i {plan} som rymmer dem är {smallest, number}.}}",
  "refusal.setting.planTooSmall":
    "Planen {plan} har som störst ett paket på {max, number} kontakter, färre än era {count, plural, one {# marknadsföringskontakt} other {# marknadsföringskontakter}}.",
  "refusal.ruleExists": "Det finns redan en regel som heter ”{name}”; ta bort den först eller välj ett annat namn.",
  "refusal.ruleExistsNow": "Det finns redan en regel som heter ”{name}”.",
  "refusal.ruleWaiting":
    "Regeln ”{rule}” väntar på att begäran {id} godkänns: en administratör godkänner eller avvisar den med {approve} eller {reject}.",
  "refusal.ruleFilterUnreadable": "Regeln ”{rule}” har ett filter jag inte längre kan läsa: {error}",
  "refusal.webhook.tooLong": "URL:en är längre än {max} tecken.",
  "refusal.webhook.notUrl": "Det är ingen URL; ange hela adressen, t.ex. {example}.",
  "refusal.webhook.credentials":
    "URL:en får inte innehålla användarnamn eller lösenord; webhookens signatur visar vem som skickar.",
  "refusal.webhook.fragment": "URL:en får inte ha något #fragment.",
  "refusal.webhook.https": "Webhook-URL:er måste börja med https://.",
  "refusal.webhook.privateAddress":
    "{host} är ingen offentlig adress; webhooks går bara till offentliga https-adresser.",
  "refusal.webhook.privateHost":
    "{host} är inget offentligt värdnamn; webhooks går bara till offentliga https-adresser.",
  "refusal.webhook.noAddress": "{host} motsvarar ingen adress; webhooks går bara till offentliga https-adresser.",
  "refusal.webhook.resolvesPrivate":
    "{host} pekar på {address}, som inte är en offentlig adress; webhooks går bara till offentliga https-adresser.",
  "refusal.webhook.notEvent":
    "{unknown} {count, plural, one {är ingen händelse} other {är inga händelser}}. Händelser: {events}.",
  "refusal.apiKey.notScope":
    "{unknown} {count, plural, one {är ingen behörighet} other {är inga behörigheter}}. En nyckels behörigheter: {scopes}, eller {all}; t.ex. {command}.",
};
