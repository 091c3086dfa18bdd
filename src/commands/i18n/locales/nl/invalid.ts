// Nederlands: waarden die instellingen, regels, webhooks en API-sleutels weigeren.
import type { invalid as en } from "../en/invalid.ts";
import type { Part } from "../part.ts";

export const invalid: Part<typeof en> = {
  "refusal.setting.giveValue":
    "Geef een waarde voor {key}: {example}{values, select, plan { (starter, professional of enterprise)} term { (monthly of annual)} selfApproval { (on of off)} spikePercent { (1 tot en met 100)} language { (en, sv, nl of pl)} other {}}.",
  "refusal.setting.oneValue":
    "{key} neemt één waarde, bijv. {example}{values, select, plan { (starter, professional of enterprise)} term { (monthly of annual)} selfApproval { (on of off)} spikePercent { (1 tot en met 100)} language { (en, sv, nl of pl)} other {}}; ik kreeg ‘{got}’. Noem elke instelling apart om er meerdere te wijzigen: {command}.",
  "refusal.setting.unreadable": "Ik kon die waarde voor {key} niet lezen.",
  "refusal.setting.notPlan": "‘{value}’ is geen abonnement; de abonnementen zijn {plans}.",
  "refusal.setting.notTerm": "‘{value}’ is geen factuurperiode; gebruik monthly of annual.",
  "refusal.setting.notZone": "‘{value}’ is geen tijdzone die ik ken; gebruik een IANA-naam zoals America/New_York.",
  "refusal.setting.notPercent":
    "‘{value}’ is geen percentage van 1 tot en met 100, bijv. {example} (1 tot en met 100).",
  "refusal.setting.notNumber": "‘{value}’ is geen positief geheel getal, bijv. {example}.",
  "refusal.setting.notLanguage": "‘{value}’ is geen taal die tierkeeper spreekt; gebruik en, sv, nl of pl.",
  "refusal.setting.selfApproval": "{key} is {on} of {off}, niet ‘{value}’.",
  "refusal.setting.notDays": "‘{value}’ is geen aantal dagen; schrijf herinneringen als {example}.",
  "refusal.setting.daysRange":
    "Herinneringen vallen 1 tot en met 28 dagen voor de updatedatum; {value, number} valt daarbuiten.",
  "refusal.setting.oneChannel": "Geef één kanaal, bijv. {example}.",
  "refusal.setting.notChannel": "‘{value}’ is geen kanaal; geef #naam of de id (zoals C0123ABCD), bijv. {example}.",
  "refusal.setting.twice": "{key} staat er twee keer; geef elke instelling één keer.",
  "refusal.setting.notTier":
    "{tier, number} is geen pakket van het {plan}-abonnement. {none, select, yes {Geen van de pakketten biedt plaats aan je {count, plural, one {# marketingcontact} other {# marketingcontacten}}.} other {De pakketten waar je {count, plural, one {# marketingcontact} other {# marketingcontacten}} in passen, zijn {tiers} contacten.}}{others, plural, =0 {} one { {tier, number} is een pakket van het {first}-abonnement: noem ook het abonnement om over te stappen, bijv. {command}.} other { {tier, number} is een pakket van de {first}- en {second}-abonnementen: noem ook het abonnement om over te stappen, bijv. {command}.}}",
  "refusal.setting.belowCount":
    "Het account heeft {count, plural, one {# marketingcontact} other {# marketingcontacten}}, meer dan {tier, number}.{samePlan, select, yes { Verlaag het pakket bij de verlenging met {command}.} other { Het kleinste {plan}-pakket waar ze in passen is {smallest, number}.}}",
  "refusal.setting.planTooSmall":
    "Het grootste pakket van het {plan}-abonnement is {max, number} contacten, minder dan je {count, plural, one {# marketingcontact} other {# marketingcontacten}}.",
  "refusal.ruleExists": "Er bestaat al een regel met de naam ‘{name}’; verwijder die eerst of kies een andere naam.",
  "refusal.ruleExistsNow": "Er bestaat al een regel met de naam ‘{name}’.",
  "refusal.ruleWaiting":
    "Regel ‘{rule}’ wacht op goedkeuring van verzoek {id}: een beheerder keurt het goed of af met {approve} of {reject}.",
  "refusal.ruleFilterUnreadable": "Regel ‘{rule}’ heeft een filter dat ik niet meer kan lezen: {error}",
  "refusal.webhook.tooLong": "De URL is langer dan {max} tekens.",
  "refusal.webhook.notUrl": "Dat is geen URL; geef het volledige adres, bijv. {example}.",
  "refusal.webhook.credentials":
    "De URL mag geen gebruikersnaam of wachtwoord bevatten; de handtekening van de webhook bewijst de afzender.",
  "refusal.webhook.fragment": "De URL mag geen #fragment hebben.",
  "refusal.webhook.https": "Webhook-URL's moeten met https:// beginnen.",
  "refusal.webhook.privateAddress": "{host} is geen openbaar adres; webhooks gaan alleen naar openbare https-adressen.",
  "refusal.webhook.privateHost": "{host} is geen openbare hostnaam; webhooks gaan alleen naar openbare https-adressen.",
  "refusal.webhook.noAddress":
    "{host} verwijst naar geen enkel adres; webhooks gaan alleen naar openbare https-adressen.",
  "refusal.webhook.resolvesPrivate":
    "{host} verwijst naar {address}, en dat is geen openbaar adres; webhooks gaan alleen naar openbare https-adressen.",
  "refusal.webhook.notEvent":
    "{unknown} {count, plural, one {is geen gebeurtenis} other {zijn geen gebeurtenissen}}. Gebeurtenissen: {events}.",
  "refusal.apiKey.notScope":
    "{unknown} {count, plural, one {is geen bevoegdheid} other {zijn geen bevoegdheden}}. De bevoegdheden van een sleutel: {scopes}, of {all}; bijv. {command}.",
};
