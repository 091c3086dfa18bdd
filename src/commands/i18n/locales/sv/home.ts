// Svenska: App Home.
import type { home as en } from "../en/home.ts";
import type { Part } from "../part.ts";

export const home: Part<typeof en> = {
  "home.title": "Marknadsföringskontakter",
  "home.usage":
    "<b>{count, number}</b> av <b>{limit, number}</b> — <b>{usage}</b> av ditt paket i planen {plan} ({monthly}/månad)",
  "home.nextUpdate": "Nästa uppdatering",
  "home.changes": "Då ändras",
  "home.changesValue": "{pending, number} blir icke-marknadsföring → {after, number} ({usage})",
  "home.all": "Alla kontakter",
  "home.allValue": "{total, number} (varav {nonMarketing, number} icke-marknadsföring)",
  "home.lowestAfter": "Minsta paket efter uppdateringen",
  "home.cleanUp": "Rensa kontakter",
  "home.showTier": "Visa paketet",
  "home.openRequests": "Öppna massbegäranden ({count, number})",
  "home.noRequests": "Inget väntar på godkännande.",
  "home.moreRequests": "…och {count, number} till: {command}",
  "home.recent": "Senaste händelser",
  "home.nothingYet": "Inget än.",
  "home.help": "{command} visar allt som tierkeeper kan göra.",
  "home.capped": "…mer i {requests} och {history}.",
  "home.intro":
    "tierkeeper håller era marknadsföringskontakter inom det kontaktpaket ni betalar för. Innan det bevakar paketet behöver det veta vad ni har köpt och var det ska skriva: plan, paket, faktureringsperiod och datum, kanaler och faktureringskontakter.",
  "home.welcome": "Välkommen till tierkeeper",
  "home.introAdmin": "{intro} Det tar en minut.",
  "home.setUp": "Konfigurera tierkeeper",
  "home.notSetUp": "tierkeeper är inte konfigurerat än",
  "home.askAdmin": "{intro} Be en administratör konfigurera det här: {admins}.",
  "home.noAdmin":
    "{intro} Den här arbetsytan har ingen administratör för tierkeeper än: den som driver tierkeeper utser en med {env} eller {cli} (ditt medlems-ID finns i din Slack-profil, under ⋮ → Kopiera medlems-ID).",
  "home.planTier": "Plan och paket",
  "home.planTierValue": "{plan}, {limit, plural, one {# kontakt} other {# kontakter}}, {monthly}/månad",
  "home.term": "Faktureringsperiod",
  "home.termValue": "{term, select, monthly {månadsvis} other {årsvis}}, från {start} ({zone})",
  "home.alerts": "Varningar",
  "home.approvals": "Godkännanden",
  "home.notSet": "inte angiven",
  "home.billingContacts": "Faktureringskontakter",
  "home.none": "inga",
  "home.reminders": "Påminnelser",
  "home.remindersValue": "{days} före varje uppdateringsdatum",
  "home.off": "av",
  "home.changeSettings": "Ändra inställningar",
};
