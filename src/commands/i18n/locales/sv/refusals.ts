// Svenska: Refusals: what the services and the rules say when they won't do something.
import type { refusals as en } from "../en/refusals.ts";
import type { Part } from "../part.ts";

export const refusals: Part<typeof en> = {
  "refusal.noMarketingAccess":
    "Du har inte behörighet till marknadsföringskontakter, så du kan inte göra kontakter till marknadsföringskontakter. {role, select, admin {Ge dig själv behörighet med {command}.} other {Be en administratör att köra {command}.}}",
  "refusal.onlyAdmins":
    "Bara administratörer kan {action, select, setup {konfigurera tierkeeper} apiKeys {hantera API-nycklar} sourceDefaults {ändra standardvärden för källor} webhooks {hantera webhooks} other {göra det}}. Fråga en administratör i den här arbetsytan.",
  "refusal.onlyAdminsApprove": "Bara administratörer kan godkänna eller avslå massändringar.",
  "refusal.selfApproval":
    "Du gjorde den här begäran, så en annan administratör måste godkänna den (självgodkännande är avstängt i arbetsytans inställningar).",
  "refusal.selfApprovalCause":
    "Din import eller API-nyckel tog in kontakterna som regelns begäran gäller, så en annan administratör måste godkänna den (självgodkännande är avstängt i arbetsytans inställningar).",
  "refusal.approveNoAccess":
    "Du har inte behörighet till marknadsföringskontakter, så du kan inte godkänna att kontakter blir marknadsföringskontakter. Ge dig själv behörighet med {command}.",
  "refusal.downgradeSmallest": "Ditt paket på {current, number} kontakter är redan det minsta i din plan.",
  "refusal.downgradeBelow":
    "En nedgradering måste gå under ditt nuvarande paket på {current, number} kontakter; tillåtna: {allowed}.",
  "refusal.downgradeNotTier": "{target, number} är inget paket i din plan; tillåtna: {allowed}.",
  "refusal.unknownEmail":
    "Det finns ingen kontakt med e-postadressen {emails}{more, plural, =0 {} one { och # till} other { och # till}} i det här kontot, så inget ändrades. Kontrollera stavningen eller importera kontakten först.",
  "refusal.listExists": "Det finns redan en lista som heter ”{name}”.",
  "refusal.noList": "Det finns ingen lista ”{name}”. Skapa den med {command}.",
  "refusal.confirmUpgrade":
    "Om du godkänner {id} uppgraderas paketet till {newLimit, number} kontakter. Bekräfta genom att skriva antalet kontakter: {command}.",
  "refusal.noRequest": "Det finns ingen begäran {id}.",
  "refusal.unknownRequest": "Det finns ingen begäran {id}. {command} visar de öppna.",
  "refusal.requesterNoAccess":
    "{requester}, som gjorde begäran {id}, har inte längre behörighet till marknadsföringskontakter, så den kan inte godkännas. Avslå den, eller gör begäran själv.",
  "refusal.rejectNotAllowed": "Bara en administratör eller den som gjorde begäran kan avslå den.",
  "refusal.onlyAdmin": "{user} är den enda administratören; lägg till en annan administratör först.",
  "refusal.noRule": "Det finns ingen regel ”{name}”. {command} visar dem.",
  "refusal.noRuleNow": "Det finns ingen regel ”{name}”.",
  "refusal.ruleNotYours":
    "Bara en administratör eller regelns skapare kan {op, select, enable {aktivera} disable {inaktivera} remove {ta bort} other {ändra}} regeln ”{rule}”.",
  "refusal.tooManyRules":
    "Den här arbetsytan har {max, number} automatiseringsregler, det högsta antalet. Ta bort en som du inte längre behöver ({command}) innan du lägger till en ny.",
  "refusal.tooManyWebhooks": "Den här arbetsytan har {max, number} webhooks, det högsta antalet; ta bort en först.",
  "refusal.noWebhook": "Det finns ingen webhook {id}. {command} visar dem.",
  "refusal.noApiKey": "Det finns ingen aktiv API-nyckel {id} i den här arbetsytan. {command} visar nycklarna.",
  "filter.unreadable": "Jag kunde inte läsa det filtret. Prova {example}.",
  "filter.empty": "Filtret är tomt. Prova {example}.",
  "filter.unknownField": "”{field}” är inget fält jag kan filtrera på; fälten är {fields}.",
  "filter.needsOperator": "{field} behöver en operator och ett värde, t.ex. {example}.",
  "filter.notOperator": "”{op}” är ingen operator; använd =, !=, <, > eller contains, t.ex. {example}.",
  "filter.needsValue": "{condition} behöver ett värde, t.ex. {example}.",
  "filter.noOr": "Bara `and` kan binda ihop villkor; `or` stöds inte än.",
  "filter.joinWithAnd": "Bind ihop villkor med `and` (nära ”{near}”).",
  "filter.endsWithAnd": "Filtret slutar med `and`; lägg till ett villkor till.",
};
