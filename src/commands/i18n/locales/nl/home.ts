// Nederlands: App Home.
import type { home as en } from "../en/home.ts";
import type { Part } from "../part.ts";

export const home: Part<typeof en> = {
  "home.title": "Marketingcontacten",
  "home.usage":
    "<b>{count, number}</b> van <b>{limit, number}</b> — <b>{usage}</b> van je pakket op het {plan}-abonnement ({monthly}/maand)",
  "home.nextUpdate": "Volgende update",
  "home.changes": "Wat er verandert",
  "home.changesValue": "{pending, plural, one {# wordt} other {# worden}} niet-marketing → {after, number} ({usage})",
  "home.all": "Alle contacten",
  "home.allValue": "{total, number} (waarvan {nonMarketing, number} niet-marketing)",
  "home.lowestAfter": "Kleinste pakket na de update",
  "home.cleanUp": "Contacten opschonen",
  "home.showTier": "Pakket tonen",
  "home.openRequests": "Openstaande verzoeken ({count, number})",
  "home.noRequests": "Er wacht niets op goedkeuring.",
  "home.moreRequests": "…en nog {count, number}: {command}",
  "home.recent": "Recente activiteit",
  "home.nothingYet": "Nog niets.",
  "home.help": "{command} toont alles wat tierkeeper kan.",
  "home.capped": "…meer in {requests} en {history}.",
  "home.intro":
    "tierkeeper houdt je marketingcontacten binnen het contactpakket waarvoor je betaalt. Voordat het je pakket bewaakt, moet het weten wat je hebt gekocht en waar het moet posten: abonnement, pakket, factuurperiode en datums, kanalen en factuurcontacten.",
  "home.welcome": "Welkom bij tierkeeper",
  "home.introAdmin": "{intro} Het duurt een minuut.",
  "home.setUp": "tierkeeper instellen",
  "home.notSetUp": "tierkeeper is nog niet ingesteld",
  "home.askAdmin": "{intro} Vraag een beheerder om het hier in te stellen: {admins}.",
  "home.noAdmin":
    "{intro} Deze workspace heeft nog geen tierkeeper-beheerder: wie tierkeeper draait, maakt er een met {env} of {cli} (je lid-ID staat in je Slack-profiel, onder ⋮ → Lid-ID kopiëren).",
  "home.planTier": "Abonnement en pakket",
  "home.planTierValue": "{plan}, {limit, plural, one {# contact} other {# contacten}}, {monthly}/maand",
  "home.term": "Factuurperiode",
  "home.termValue": "{term, select, monthly {maandelijks} other {jaarlijks}}, vanaf {start} ({zone})",
  "home.alerts": "Meldingen",
  "home.approvals": "Goedkeuringen",
  "home.notSet": "niet ingesteld",
  "home.billingContacts": "Factuurcontacten",
  "home.none": "geen",
  "home.reminders": "Herinneringen",
  "home.remindersValue": "{days} voor elke updatedatum",
  "home.off": "uit",
  "home.changeSettings": "Instellingen wijzigen",
};
