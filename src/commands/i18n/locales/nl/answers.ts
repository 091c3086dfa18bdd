// Nederlands: The answers of `tier`, `status` and `can-market`.
import type { answers as en } from "../en/answers.ts";
import type { Part } from "../part.ts";

export const answers: Part<typeof en> = {
  "tier.header": "Contactpakket",
  "tier.summary":
    "Marketingcontacten: {count, number} van {limit, number} ({usage}) op het {plan}-abonnement, {monthly}/maand.",
  "tier.all": "Alle contacten",
  "tier.allValue": "{total, number}, waarvan {nonMarketing, number} niet-marketing",
  "tier.pending": "Wordt niet-marketing",
  "tier.nextUpdate": "Volgende update",
  "tier.afterUpdate": "Na de update",
  "tier.lowestAfter": "Kleinste pakket dat daarna past",
  "tier.downgrade": "Downgrade naar {target, number} ingepland voor de verlenging op {when}.",
  "when.forYou": "{there}; {here} voor jou",
  "list.more": "{items} en nog {count, number}",
  "status.is":
    "{email} is een <b>{status, select, marketing {marketingcontact} other {niet-marketingcontact}}</b>{pending, select, yes { ({note})} other {}}.",
  "status.pendingNote": "wachtend: marketingcontact tot de volgende update",
  "status.pendingLine": "Marketingcontact tot de volgende updatedatum: wordt niet-marketing op {when}",
  "status.source": "Bron",
  "status.lists": "Lijsten",
  "status.noLists": "geen",
  "status.lifecycle": "Levenscyclusfase",
  "status.created": "Aangemaakt",
  "status.unengaged": "Niet betrokken",
  "status.bounced": "gebounced",
  "status.unsubscribed": "afgemeld",
  "canMarket.yes":
    "<b>Ja</b> — {email}: Het is een marketingcontact, dus het kan marketingmail ontvangen en in advertentiedoelgroepen staan.",
  "canMarket.no":
    "<b>Nee</b> — {email}: Het is een niet-marketingcontact, dus het kan geen marketingmail ontvangen en niet in advertentiedoelgroepen staan. Persoonlijke verkoopmail, chat, registratie-, ticket- en transactionele mail en enquêtes bereiken het nog wel.",
};
