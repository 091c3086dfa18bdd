// Svenska: What a channel or a billing contact is told: alerts, reminders, summaries, the set-up summary.
import type { notices as en } from "../en/notices.ts";
import type { Part } from "../part.ts";

export const notices: Part<typeof en> = {
  standing: "{count, number} av {limit, number} ({usage})",
  "threshold.level": "{level} ({count, number})",
  "threshold.exceeding": "över paketet ({count, number}, en automatisk uppgradering)",
  upgrade:
    "Paketet uppgraderades automatiskt: {count, plural, one {# marknadsföringskontakt} other {# marknadsföringskontakter}} översteg paketet på {oldLimit, number}, så kontot har flyttats till {newLimit, number} kontakter ({oldMonthly} → {newMonthly} per månad).{charge} Användningen är nu {usage} av det nya paketet, och varningarna räknas mot det. Paketet sänks aldrig automatiskt: en administratör kan schemalägga en nedgradering till förnyelsen med {command}.",
  "upgrade.charge": " En proportionerlig avgift på {amount} förfaller {due}.",
  "upgrade.chargeNextDay": " En proportionerlig avgift på {amount} förfaller nästa dag.",
  "threshold.over":
    "Marknadsföringskontakterna överstiger paketet: {standing}, och prislistan har inget större paket att uppgradera till.",
  threshold: "Marknadsföringskontakterna har nått {level} av paketet: {standing}. {next}",
  "threshold.pending":
    "{count, plural, one {# väntande kontakt slutar vara marknadsföringskontakt} other {# väntande kontakter slutar vara marknadsföringskontakter}} vid nästa uppdateringsdatum, {when}.",
  "threshold.noPending":
    "Fler än {limit, number} uppgraderar paketet automatiskt; kontakter som ändras till icke-marknadsföring räknas ändå fram till {when}.",
  "update-summary":
    "Uppdateringsdatumet {when} är genomfört: {changed, plural, one {# kontakt är inte längre marknadsföringskontakt} other {# kontakter är inte längre marknadsföringskontakter}}. Marknadsföringskontakter nu: {standing}.",
  "downgrade-applied":
    "Den schemalagda nedgraderingen genomfördes vid förnyelsen {when}: paketet är nu {target, number} kontakter ({count, plural, one {# marknadsföringskontakt} other {# marknadsföringskontakter}}).",
  "downgrade-cancelled":
    "Den schemalagda nedgraderingen till {target, number} kontakter avbröts vid förnyelsen {when}: {reason}",
  "downgrade-cancelled.noFit": "antalet ryms inte",
  spike:
    "Kraftig ökning: marknadsföringskontakterna ökade med {growth, number}{share} under den senaste timmen, från {baseline, number} till {standing}. Nya marknadsföringskontakter per källa: {sources}. Om en import eller regel har skenat iväg, pausa den och titta i {command}.",
  "spike.unknown": "okänd",
  "update-reminder":
    "Påminnelse: nästa uppdateringsdatum är {lead, plural, =1 {i morgon} other {om # dagar}}, {when}. {count, plural, one {# kontakt slutar då vara marknadsföringskontakt} other {# kontakter slutar då vara marknadsföringskontakter}}; marknadsföringskontakter efteråt: {standing}. Kontakter som ändras till icke-marknadsföring före dess kommer också med.",
  "renewal-reminder":
    "Förnyelsen är {when}. Efter väntande ändringar återstår {after, plural, one {# marknadsföringskontakt} other {# marknadsföringskontakter}}; {tier} {downgrade}",
  "renewal-reminder.lower":
    "det minsta paketet som rymmer dem är {lowest, number} kontakter ({saving} mindre per månad än nuvarande {limit, number}).",
  "renewal-reminder.current": "det minsta paketet som rymmer dem är det nuvarande, {limit, number} kontakter.",
  "renewal-reminder.scheduled": "En nedgradering till {target, number} kontakter är schemalagd till den.",
  "renewal-reminder.scheduledNoFit":
    "En nedgradering till {target, number} kontakter är schemalagd till den, men {after, plural, one {# kontakt ryms} other {# kontakter ryms}} inte: den avbryts om inte antalet minskar.",
  "renewal-reminder.canSchedule":
    "Ingen nedgradering är schemalagd: en administratör kan schemalägga en med {command}.",
  "renewal-reminder.none": "Ingen nedgradering är schemalagd.",
  forecast:
    "Prognos: med den senaste tidens ökning på {perDay, plural, one {# marknadsföringskontakt} other {# marknadsföringskontakter}} om dagen når användningen {reached}. Nu {count, number} av {limit, number}.",
  "forecast.when": "{threshold} den {day} (om {days, plural, one {# dag} other {# dagar}})",
  "setup.title": "<b>tierkeeper är konfigurerat.</b> Så här kommer det att arbeta, och när.",
  "setup.tier":
    "<b>Ditt paket:</b> {limit, number} marknadsföringskontakter i planen {plan}, {monthly}/månad. I dag är {count, plural, one {# kontakt marknadsföringskontakt} other {# kontakter marknadsföringskontakter}} ({usage}).",
  "setup.updates":
    "<b>Uppdateringsdatum:</b> en kontakt som ändras till icke-marknadsföring räknas fram till nästa uppdateringsdatum och sedan inte längre. Uppdateringsdatumen infaller {cadence}; nästa är {next}.",
  "setup.monthly":
    "den {day, selectordinal, one {#:a} other {#:e}} varje månad{late, select, yes { (sista dagen i kortare månader)} other {}}, kl. 12.00 {zone}-tid",
  "setup.annual": "den 1:a varje månad, kl. 12.00 {zone}-tid",
  "setup.alerts":
    "<b>Varningar</b> {to}: när marknadsföringskontakterna når {thresholds} av paketet, och om de går över det. Att gå över uppgraderar paketet automatiskt, med en proportionerlig avgift som inte kan ångras före förnyelsen; nästa förnyelse är {renewal}.",
  "setup.inChannel": "i {channel}",
  "setup.byDm": "som direktmeddelande till {people}",
  "setup.both": "{inChannel} och {byDm}",
  "setup.nowhere": "ingenstans än: ingen varningskanal eller faktureringskontakt är angiven ({command} anger dem)",
  "setup.reminders": "<b>Påminnelser:</b> {reminders}.",
  "setup.remindersOn":
    "{days} före varje uppdateringsdatum, och {renewal, plural, one {# dag} other {# dagar}} före varje förnyelse",
  "setup.remindersOff":
    "inga före uppdateringsdatum ({command} slår på dem); {renewal, plural, one {# dag} other {# dagar}} före varje förnyelse",
  days: "{days, plural, one {# dag} other {# dagar}}",
  "setup.approvals":
    "<b>Godkännanden:</b> ändringar av fler än {limit, plural, one {# kontakt} other {# kontakter}} åt gången, och allt som skulle uppgradera paketet, väntar {here, select, yes {i den här kanalen} other {({command})}} på att en administratör godkänner dem.",
  "setup.help": "{help} visar allt; {settings} visar inställningarna och vem som ändrade dem.",
  "intake-held":
    "{count, plural, one {# kontakt som kom in via API-nyckeln {key} skulle ha blivit marknadsföringskontakt, men nyckelns skapare {owner} har inte längre behörighet till marknadsföringskontakter, så den skapades som icke-marknadsföring.} other {# kontakter som kom in via API-nyckeln {key} skulle ha blivit marknadsföringskontakter, men nyckelns skapare {owner} har inte längre behörighet till marknadsföringskontakter, så de skapades som icke-marknadsföring.}} Ge tillbaka behörigheten ({grant}) eller låt en administratör skapa en ny nyckel.",
  "request-reopened":
    "Den schemalagda begäran {id} (ändra {count, plural, one {# kontakt} other {# kontakter}} till {action, select, marketing {marknadsföring} other {icke-marknadsföring}}) kördes inte: {reason}. Den behöver ett nytt beslut: {approve} eller {reject}.",
  "rule-paused":
    "Automatiseringsregeln ”{rule}” (gör till marknadsföringskontakt när {filter}) är pausad: {reason}. Den som har behörighet till marknadsföringskontakter kan köra {command} för att ta över den, eller ta bort den.",
  "webhook-disabled":
    "Webhooken {id} till {origin} är avstängd: alla leveranser har misslyckats sedan {since} ({attempts, plural, one {# försök} other {# försök}}; det senaste: {error}). Inget har gått förlorat: när mottagaren fungerar igen slår {command} på den, och den fortsätter där den slutade.",
};
