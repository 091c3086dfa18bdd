// Svenska: The manage wizard and the upgrade confirmation modal (a title, submit or close at most 24 characters).

import type { wizard as en } from "../en/wizard.ts";
import type { Part } from "../part.ts";

export const wizard: Part<typeof en> = {
  "modal.cancel": "Avbryt",
  "wizard.title": "Hantera kontakter · {step, number}/4",
  "wizard.next": "Nästa",
  "wizard.toReview": "Granska",
  "wizard.request": "Begär godkännande",
  "wizard.intro.header": "Vad är marknadsföringskontakter?",
  "wizard.intro.what":
    "Bara <b>marknadsföringskontakter</b> räknas mot ditt kontaktpaket, och bara de kan få marknadsföringsmejl eller ingå i annonsmålgrupper. <b>Icke-marknadsföringskontakter</b> får fortfarande personliga säljmejl, chatt, registreringar, ärenden, transaktionsmejl och enkäter.",
  "wizard.intro.when":
    "Att göra en kontakt till icke-marknadsföringskontakt gäller från <b>nästa uppdateringsdatum</b>, {when}: till dess förblir den marknadsföringskontakt och räknas fortfarande.",
  "wizard.intro.standing":
    "Du har {count, plural, one {<b>#</b> marknadsföringskontakt} other {<b>#</b> marknadsföringskontakter}} i ett paket på <b>{limit, number}</b> ({usage}). Paketet sänks aldrig av sig självt; med färre kontakter kan du välja ett mindre paket vid förnyelsen.",
  "wizard.intro.next": "Nästa: inte engagerade kontakter som du kanske inte behöver marknadsföra till.",
  "wizard.unengaged.header": "Inte engagerade kontakter",
  "wizard.unengaged.summary":
    "{count, plural, one {<b>#</b> marknadsföringskontakt har} other {<b>#</b> marknadsföringskontakter har}} studsat eller avregistrerat sig från all e-post: de kan ändå inte få marknadsföringsmejl, men de räknas mot ditt paket.",
  "wizard.unengaged.label": "Gör dessa till icke-marknadsföringskontakter",
  "wizard.unengaged.bounced": "Studsade ({count, number})",
  "wizard.unengaged.unsubscribed": "Avregistrerade från all e-post ({count, number})",
  "wizard.unengaged.next": "Nästa: eller välj en lista eller ett filter i stället.",
  "wizard.select.header": "Eller en lista eller ett filter",
  "wizard.select.explain":
    "Lämna båda tomma för att använda de inte engagerade kontakterna från steg 2. En lista eller ett filter <b>ersätter</b> dem; med båda måste kontakterna finnas i listan <b>och</b> matcha filtret.",
  "wizard.select.list": "Lista",
  "wizard.select.listOption": "{name} ({size, number})",
  "wizard.select.choose": "Välj en lista",
  "wizard.select.moreLists": "…och {count, number} listor till: använd ett filter som {example}.",
  "wizard.select.filter": "Filter",
  "wizard.select.hint": "Fält: {fields}. Datum kan anges i ord.",
  "wizard.select.noChoice": "Välj inte engagerade kontakter i steg 2, en lista eller ett filter.",
  "wizard.select.tooLong":
    "Ett filter här får vara högst {max, number} tecken (det här har {length, number}). Använd en lista, eller {command}.",
  "wizard.select.noRoom":
    "Filtret är för långt för att föras vidare till granskningen. Korta det, eller använd en lista.",
  "wizard.select.noMatch":
    "Ingen marknadsföringskontakt matchar {selector} (väntande räknas redan som ändrade). Välj något annat.",
  "wizard.review.header": "Granska",
  "wizard.review.match":
    "{count, plural, one {<b>#</b> marknadsföringskontakt matchar} other {<b>#</b> marknadsföringskontakter matchar}}: {selector}.",
  "wizard.review.now": "<b>Marknadsföringskontakter nu:</b> {count, number} av {limit, number}",
  "wizard.review.becoming":
    "<b>Blir icke-marknadsföring</b> vid nästa uppdateringsdatum, {when}: {count, number} (med dem som redan väntar sjunker antalet till {after, number})",
  "wizard.review.usage": "<b>Användning efteråt:</b> {usage} av {limit, number}",
  "wizard.review.saving": "<b>Besparing:</b> {saving}",
  "wizard.review.savingValue":
    "<b>{saving}/månad</b> mindre om du sänker paketet till {lowest, number} vid förnyelsen ({command}); paketet sänks aldrig av sig självt.",
  "wizard.review.noSaving":
    "Ingen besparing än: {count, plural, one {# kontakt behöver} other {# kontakter behöver}} fortfarande paketet på {limit, number}.",
  "wizard.review.note":
    "När du skickar skapas en massbegäran som en administratör godkänner i godkännandekanalen. Till uppdateringsdatumet förblir de marknadsföringskontakter.",
  "wizard.done.mismatch":
    "Jag kunde inte koppla det här till kontakterna du granskade, så inget begärdes. Kör {command} igen.",
  "wizard.done.nothing": "Ingen marknadsföringskontakt matchar längre, så det finns inget att begära.",
  "wizard.done.direct":
    "{count, plural, one {# kontakt ändrades} other {# kontakter ändrades}} direkt till icke-marknadsföring (inom gränsen för direkta ändringar): de förblir marknadsföringskontakter till nästa uppdateringsdatum.",
  "wizard.done.posted":
    "Begäran {id} ({count, plural, one {# kontakt} other {# kontakter}} till icke-marknadsföring) är publicerad i {channel} för en administratör att godkänna.",
  "wizard.done.waiting":
    "Begäran {id} ({count, plural, one {# kontakt} other {# kontakter}} till icke-marknadsföring) väntar på godkännande: {command}.",
  "wizard.done.setChannel": "Ange en godkännandekanal så publiceras den med knappar: {command}.",
  "confirm.title": "Bekräfta uppgradering",
  "confirm.submit": "Godkänn och uppgradera",
  "confirm.body":
    "Att godkänna <b>{id}</b> gör {count, plural, one {<b>#</b> kontakt} other {<b>#</b> kontakter}} till marknadsföringskontakter och uppgraderar paketet från <b>{oldLimit, number}</b> till <b>{newLimit, number}</b> kontakter ({oldMonthly} → {newMonthly}/månad). En proportionerlig avgift på <b>{charge}</b> förfaller {due}. Paketet kan inte sänkas före förnyelsen.",
  "confirm.label": "Skriv antalet kontakter för att bekräfta",
  "confirm.note": "Antalet står i begärans meddelande. Allt annat lämnar begäran öppen.",
  "confirm.wrong": "Skriv {count, number}, antalet kontakter i begäran {id}, för att godkänna uppgraderingen.",
};
