// Svenska: The answers of `tier`, `status` and `can-market`.
import type { answers as en } from "../en/answers.ts";
import type { Part } from "../part.ts";

export const answers: Part<typeof en> = {
  "tier.header": "Kontaktpaket",
  "tier.summary":
    "Marknadsföringskontakter: {count, number} av {limit, number} ({usage}) i planen {plan}, {monthly}/månad.",
  "tier.all": "Alla kontakter",
  "tier.allValue": "{total, number}, varav {nonMarketing, number} icke-marknadsföring",
  "tier.pending": "Väntar på att bli icke-marknadsföring",
  "tier.nextUpdate": "Nästa uppdatering",
  "tier.afterUpdate": "Efter uppdateringen",
  "tier.lowestAfter": "Minsta paket som räcker efteråt",
  "tier.downgrade": "En nedgradering till {target, number} är schemalagd till förnyelsen {when}.",
  "when.forYou": "{there}; {here} för dig",
  "list.more": "{items} och {count, number} till",
  "status.is":
    "{email} är en <b>{status, select, marketing {marknadsföringskontakt} other {icke-marknadsföringskontakt}}</b>{pending, select, yes { ({note})} other {}}.",
  "status.pendingNote": "väntande: marknadsföringskontakt till nästa uppdatering",
  "status.pendingLine": "Marknadsföringskontakt till nästa uppdateringsdatum: blir icke-marknadsföring {when}",
  "status.source": "Källa",
  "status.lists": "Listor",
  "status.noLists": "inga",
  "status.lifecycle": "Livscykelfas",
  "status.created": "Skapad",
  "status.unengaged": "Inte engagerad",
  "status.bounced": "studsad",
  "status.unsubscribed": "avregistrerad",
  "canMarket.yes":
    "<b>Ja</b> — {email}: Det är en marknadsföringskontakt, så den kan få marknadsföringsmejl och ingå i annonsmålgrupper.",
  "canMarket.no":
    "<b>Nej</b> — {email}: Det är en icke-marknadsföringskontakt, så den kan inte få marknadsföringsmejl eller ingå i annonsmålgrupper. Personliga säljmejl, chatt, registreringar, ärenden, transaktionsmejl och enkäter når den fortfarande.",
};
