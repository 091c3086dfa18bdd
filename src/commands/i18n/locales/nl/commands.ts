// Nederlands: The answers of `set`, `delete`, `bulk`, `requests`, `lists`, `list …`, the people commands and an import.
import type { commands as en } from "../en/commands.ts";
import type { Part } from "../part.ts";

export const commands: Part<typeof en> = {
  "set.needsUpgrade":
    "Dit zou het pakket upgraden van {oldLimit, number} naar {newLimit, number} contacten (naar rato berekende kosten {charge}), dus een beheerder moet het goedkeuren: verzoek {id}.",
  "set.overLimit":
    "{count, plural, one {# contact is} other {# contacten is}} meer dan de limiet voor directe wijzigingen, dus dit moet worden goedgekeurd: verzoek {id}.",
  "set.outcome":
    "{email}: {outcome, select, madeMarketing {nu een marketingcontact.} cancelledPending {blijft marketing; de geplande wijziging naar niet-marketing is geannuleerd.} alreadyMarketing {al een marketingcontact; er is niets gewijzigd.} flaggedPending {blijft marketing tot de volgende updatedatum en wordt daarna niet-marketing: {when}.} alreadyPending {wordt al niet-marketing{when}; er is niets gewijzigd.} other {al niet-marketing; er is niets gewijzigd.}}",
  "set.pendingAt": " op {when}",
  "set.more": "…en nog {count, number}: {counts}.",
  "set.moreCount":
    "{count, number} {outcome, select, madeMarketing {marketing gemaakt} cancelledPending {marketing gebleven (geplande wijziging geannuleerd)} flaggedPending {niet-marketing bij de volgende update} alreadyMarketing {al marketing} alreadyPending {al gepland} other {al niet-marketing}}",
  "set.upgraded":
    "Deze wijziging heeft het pakket geüpgraded van {oldLimit, number} naar {newLimit, number} contacten; naar rato berekende kosten van {charge} zijn verschuldigd op {due}.",
  "delete.done":
    "{deleted, plural, one {# contact} other {# contacten}} verwijderd (waarvan {freed, number} marketing). Marketingcontacten: {count, number} van {limit, number}; het pakket blijft zoals het is.",
  "bulk.nothing": "Geen enkel passend contact zou veranderen, dus er valt niets aan te vragen.",
  "bulk.marketing":
    "{count, plural, one {# contact} other {# contacten}} marketing gemaakt (binnen de limiet voor directe wijzigingen, geen goedkeuring nodig).",
  "bulk.nonMarketing":
    "{count, plural, one {# contact} other {# contacten}} niet-marketing gemaakt: ze blijven marketing tot {when}.",
  "requests.none": "Geen openstaande verzoeken.",
  "requests.header": "Openstaande verzoeken",
  "requests.item":
    "• {id} — {summary} — {status, select, open {open} approved {goedgekeurd} other {{status}}}, aangevraagd door {requester}",
  "requests.more":
    "De nieuwste {shown, number} van {total, number} openstaande of goedgekeurde verzoeken; {approve} en {reject} werken op elk ervan.",
  "lists.none": "Nog geen lijsten. Maak er een met {command}.",
  "lists.noneNamed": "Geen enkele lijst heeft ‘{contains}’ in de naam.",
  "lists.header": "Lijsten",
  "lists.headerNamed": "Lijsten met ‘{contains}’ in de naam",
  "lists.item": "• {name} — {size, plural, one {# contact} other {# contacten}}",
  "lists.more": "De eerste {shown, number} van {total, number} lijsten op naam; verfijn met {command}.",
  "lists.moreNamed":
    "De eerste {shown, number} van {total, number} lijsten met ‘{contains}’ in de naam, op naam; verfijn met {command}.",
  "list.created": "Lijst ‘{name}’ aangemaakt.",
  "list.added":
    "{added, plural, one {# contact} other {# contacten}} toegevoegd aan ‘{list}’{already, plural, =0 {} one { (# zat er al in)} other { (# zaten er al in)}}.",
  "people.billingContacts": "Factuurcontacten: {users}{more, plural, =0 {} one { en nog #} other { en nog #}}",
  "people.noBillingContacts": "Nog geen factuurcontacten.",
  "people.access": "{user} heeft {op, select, grant {nu} other {niet langer}} toegang tot marketingcontacten.",
  "people.admin": "{user} is {op, select, add {nu beheerder} other {geen beheerder meer}}.",
  "people.billingContact": "{user} is {op, select, add {nu factuurcontact} other {geen factuurcontact meer}}.",
  "downgrade.cancelled": "De geplande downgrade is geannuleerd.",
  "downgrade.scheduled":
    "Downgrade naar {target, number} contacten ingepland voor de verlenging op {when}. Die gaat alleen door als het aantal marketingcontacten dan past (nu {count, number}, {after, number} na geplande wijzigingen).",
  "import.summary":
    "{file} geïmporteerd: {rows, plural, one {# rij} other {# rijen}} — {created, number} aangemaakt, {updated, number} bijgewerkt, {unchanged, number} ongewijzigd, {rejected, number} geweigerd.",
  "import.theFile": "Het bestand",
  "import.created": "Aangemaakt",
  "import.updated": "Bijgewerkt",
  "import.unchanged": "Ongewijzigd",
  "import.rejected": "Geweigerd",
  "import.nonMarketing": "Nieuwe contacten uit een import zijn niet-marketing.",
  "import.list":
    "Lijst ‘{name}’{created, select, yes { (nieuw)} other {}}: {added, plural, one {# contact} other {# contacten}} toegevoegd.",
  "import.ruleChanges": "Automatiseringsregels hebben {count, number} van de geïmporteerde contacten gewijzigd.",
  "import.rulePaused": "Een regel is gepauzeerd en vraagt om goedkeuring: verzoek {id} ({summary}).",
  "import.marketingRequest":
    "Alles marketing maken moet worden goedgekeurd: verzoek {id} zou {count, plural, one {# contact} other {# contacten}} marketing maken, {before, number} → {after, number} van {limit, number} ({usage}){upgrade, select, yes {, met een upgrade van het pakket naar {newLimit, number}} other {}}.",
  "import.nothingToRequest":
    "Alles marketing maken: geen enkel geïmporteerd contact zou veranderen (ze zijn allemaal al marketing, of er is niets geïmporteerd), dus er valt niets aan te vragen.",
  "import.nothingImported": "Er is niets geïmporteerd.",
  "import.waits":
    "Er is geen goedkeuringskanaal ingesteld, dus verzoek {id} wacht in {requests}; een beheerder keurt het goed met {approve} (of stelt een kanaal in: {settings}).",
  "import.rejectedRows": "Geweigerde rijen:",
  "import.rejectedLine": "regel {line}{email}: {reason}",
  "import.moreRejected": "… en nog {count, plural, one {# geweigerde rij} other {# geweigerde rijen}}.",
};
