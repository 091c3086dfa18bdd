// Nederlands: Refusals: what the services and the rules say when they won't do something.
import type { refusals as en } from "../en/refusals.ts";
import type { Part } from "../part.ts";

export const refusals: Part<typeof en> = {
  "refusal.noMarketingAccess":
    "Je hebt geen toegang tot marketingcontacten, dus je kunt geen contacten marketing maken. {role, select, admin {Geef jezelf toegang met {command}.} other {Vraag een beheerder om {command} uit te voeren.}}",
  "refusal.onlyAdmins":
    "Alleen beheerders kunnen {action, select, setup {tierkeeper instellen} apiKeys {API-sleutels beheren} sourceDefaults {standaardwaarden per bron wijzigen} webhooks {webhooks beheren} other {dat doen}}. Vraag het een beheerder van deze workspace.",
  "refusal.onlyAdminsApprove": "Alleen beheerders kunnen bulkwijzigingen goedkeuren of afwijzen.",
  "refusal.selfApproval":
    "Je hebt dit verzoek zelf gedaan, dus een andere beheerder moet het goedkeuren (zelf goedkeuren staat uit in de instellingen van deze workspace).",
  "refusal.selfApprovalCause":
    "Jouw import of API-sleutel bracht de contacten binnen waar het verzoek van deze regel over gaat, dus een andere beheerder moet het goedkeuren (zelf goedkeuren staat uit in de instellingen van deze workspace).",
  "refusal.approveNoAccess":
    "Je hebt geen toegang tot marketingcontacten, dus je kunt niet goedkeuren dat contacten marketing worden. Geef jezelf toegang met {command}.",
  "refusal.downgradeSmallest": "Je pakket van {current, number} contacten is al het kleinste van je abonnement.",
  "refusal.downgradeBelow":
    "Een downgrade moet onder je huidige pakket van {current, number} contacten liggen; mogelijk: {allowed}.",
  "refusal.downgradeNotTier": "{target, number} is geen pakket van je abonnement; mogelijk: {allowed}.",
  "refusal.unknownEmail":
    "Er is geen contact met het e-mailadres {emails}{more, plural, =0 {} one { en nog #} other { en nog #}} in dit account, dus er is niets gewijzigd. Controleer de spelling, of importeer het contact eerst.",
  "refusal.listExists": "Er bestaat al een lijst met de naam ‘{name}’.",
  "refusal.noList": "Er is geen lijst ‘{name}’. Maak hem aan met {command}.",
  "refusal.confirmUpgrade":
    "Als je {id} goedkeurt, wordt het pakket geüpgraded naar {newLimit, number} contacten. Typ ter bevestiging het aantal contacten: {command}.",
  "refusal.noRequest": "Er is geen verzoek {id}.",
  "refusal.unknownRequest": "Er is geen verzoek {id}. {command} toont de openstaande verzoeken.",
  "refusal.requesterNoAccess":
    "{requester}, die verzoek {id} deed, heeft geen toegang tot marketingcontacten meer, dus het kan niet worden goedgekeurd. Wijs het af, of doe het verzoek zelf.",
  "refusal.rejectNotAllowed": "Alleen een beheerder of degene die het vroeg kan een verzoek afwijzen.",
  "refusal.onlyAdmin": "{user} is de enige beheerder; voeg eerst een andere beheerder toe.",
  "refusal.noRule": "Er is geen regel ‘{name}’. {command} toont ze.",
  "refusal.noRuleNow": "Er is geen regel ‘{name}’.",
  "refusal.ruleNotYours":
    "Alleen een beheerder of de maker van de regel kan regel ‘{rule}’ {op, select, enable {inschakelen} disable {uitschakelen} remove {verwijderen} other {wijzigen}}.",
  "refusal.tooManyRules":
    "Deze workspace heeft {max, number} automatiseringsregels, het maximum. Verwijder er een die je niet meer nodig hebt ({command}) voordat je een nieuwe toevoegt.",
  "refusal.tooManyWebhooks": "Deze workspace heeft {max, number} webhooks, het maximum; verwijder er eerst een.",
  "refusal.noWebhook": "Er is geen webhook {id}. {command} toont ze.",
  "refusal.noApiKey": "Er is geen actieve API-sleutel {id} in deze workspace. {command} toont de sleutels.",
  "filter.unreadable": "Ik kon dat filter niet lezen. Probeer {example}.",
  "filter.empty": "Het filter is leeg. Probeer {example}.",
  "filter.unknownField": "‘{field}’ is geen veld waarop ik kan filteren; de velden zijn {fields}.",
  "filter.needsOperator": "{field} heeft een operator en een waarde nodig, bijv. {example}.",
  "filter.notOperator": "‘{op}’ is geen operator; gebruik =, !=, <, > of contains, bijv. {example}.",
  "filter.needsValue": "{condition} heeft een waarde nodig, bijv. {example}.",
  "filter.noOr": "Alleen `and` kan voorwaarden verbinden; `or` wordt nog niet ondersteund.",
  "filter.joinWithAnd": "Verbind voorwaarden met `and` (bij ‘{near}’).",
  "filter.endsWithAnd": "Het filter eindigt op `and`; voeg nog een voorwaarde toe.",
};
