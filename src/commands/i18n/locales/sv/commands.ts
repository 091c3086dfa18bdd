// Svenska: The answers of `set`, `delete`, `bulk`, `requests`, `lists`, `list …`, the people commands and an import.
import type { commands as en } from "../en/commands.ts";
import type { Part } from "../part.ts";

export const commands: Part<typeof en> = {
  "set.needsUpgrade":
    "Det här skulle uppgradera paketet från {oldLimit, number} till {newLimit, number} kontakter (proportionerlig avgift {charge}), så det behöver godkännas av en administratör: begäran {id}.",
  "set.overLimit":
    "{count, plural, one {# kontakt är} other {# kontakter är}} fler än gränsen för direkta ändringar, så det här behöver godkännas: begäran {id}.",
  "set.outcome":
    "{email}: {outcome, select, madeMarketing {nu en marknadsföringskontakt.} cancelledPending {förblir marknadsföringskontakt; den väntande ändringen till icke-marknadsföring är avbruten.} alreadyMarketing {redan en marknadsföringskontakt; inget ändrades.} flaggedPending {förblir marknadsföringskontakt till nästa uppdateringsdatum och blir sedan icke-marknadsföring: {when}.} alreadyPending {redan på väg att bli icke-marknadsföring{when}; inget ändrades.} other {redan icke-marknadsföring; inget ändrades.}}",
  "set.pendingAt": " {when}",
  "set.more": "…och {count, number} till: {counts}.",
  "set.moreCount":
    "{count, number} {outcome, select, madeMarketing {gjorda till marknadsföringskontakter} cancelledPending {kvar som marknadsföringskontakter (väntande ändring avbruten)} flaggedPending {icke-marknadsföring vid nästa uppdatering} alreadyMarketing {redan marknadsföringskontakter} alreadyPending {redan väntande} other {redan icke-marknadsföring}}",
  "set.upgraded":
    "Ändringen uppgraderade paketet från {oldLimit, number} till {newLimit, number} kontakter; en proportionerlig avgift på {charge} förfaller {due}.",
  "delete.done":
    "Tog bort {deleted, plural, one {# kontakt} other {# kontakter}} (varav {freed, number} marknadsföringskontakter). Marknadsföringskontakter: {count, number} av {limit, number}; paketet förblir som det är.",
  "bulk.nothing": "Ingen kontakt som matchar skulle ändras, så det finns inget att begära.",
  "bulk.marketing":
    "{count, plural, one {# kontakt} other {# kontakter}} gjordes till marknadsföringskontakter (inom gränsen för direkta ändringar, inget godkännande behövs).",
  "bulk.nonMarketing":
    "{count, plural, one {# kontakt} other {# kontakter}} ändrades till icke-marknadsföring: de förblir marknadsföringskontakter till {when}.",
  "requests.none": "Inga öppna begäranden.",
  "requests.header": "Öppna begäranden",
  "requests.item":
    "• {id} — {summary} — {status, select, open {öppen} approved {godkänd} other {{status}}}, begärd av {requester}",
  "requests.more":
    "Visar de senaste {shown, number} av {total, number} öppna eller godkända begäranden; {approve} och {reject} fungerar på alla.",
  "lists.none": "Inga listor än. Skapa en med {command}.",
  "lists.noneNamed": "Ingen lista har ”{contains}” i namnet.",
  "lists.header": "Listor",
  "lists.headerNamed": "Listor med ”{contains}” i namnet",
  "lists.item": "• {name} — {size, plural, one {# kontakt} other {# kontakter}}",
  "lists.more": "Visar de första {shown, number} av {total, number} listor efter namn; begränsa med {command}.",
  "lists.moreNamed":
    "Visar de första {shown, number} av {total, number} listor med ”{contains}” i namnet, efter namn; begränsa med {command}.",
  "list.created": "Listan ”{name}” har skapats.",
  "list.added":
    "La till {added, plural, one {# kontakt} other {# kontakter}} i ”{list}”{already, plural, =0 {} one { (# fanns redan i den)} other { (# fanns redan i den)}}.",
  "people.billingContacts": "Faktureringskontakter: {users}{more, plural, =0 {} one { och # till} other { och # till}}",
  "people.noBillingContacts": "Inga faktureringskontakter än.",
  "people.access":
    "{user} {op, select, grant {har nu} other {har inte längre}} behörighet till marknadsföringskontakter.",
  "people.admin": "{user} är {op, select, add {nu administratör} other {inte längre administratör}}.",
  "people.billingContact":
    "{user} är {op, select, add {nu faktureringskontakt} other {inte längre faktureringskontakt}}.",
  "downgrade.cancelled": "Den schemalagda nedgraderingen är avbruten.",
  "downgrade.scheduled":
    "Nedgradering till {target, number} kontakter schemalagd till förnyelsen {when}. Den genomförs bara om antalet marknadsföringskontakter då ryms (nu {count, number}, {after, number} efter väntande ändringar).",
  "import.summary":
    "Importerade {file}: {rows, plural, one {# rad} other {# rader}} — {created, number} skapade, {updated, number} uppdaterade, {unchanged, number} oförändrade, {rejected, number} avvisade.",
  "import.theFile": "filen",
  "import.created": "Skapade",
  "import.updated": "Uppdaterade",
  "import.unchanged": "Oförändrade",
  "import.rejected": "Avvisade",
  "import.nonMarketing": "Nya kontakter från en import är icke-marknadsföring.",
  "import.list":
    "Listan ”{name}”{created, select, yes { (ny)} other {}}: {added, plural, one {# kontakt} other {# kontakter}} tillagda.",
  "import.ruleChanges": "Automatiseringsregler ändrade {count, number} av de importerade kontakterna.",
  "import.rulePaused": "En regel pausades och väntar på godkännande: begäran {id} ({summary}).",
  "import.marketingRequest":
    "Att göra alla till marknadsföringskontakter behöver godkännas: begäran {id} skulle göra {count, plural, one {# kontakt} other {# kontakter}} till marknadsföringskontakter, {before, number} → {after, number} av {limit, number} ({usage}){upgrade, select, yes {, och uppgradera paketet till {newLimit, number}} other {}}.",
  "import.nothingToRequest":
    "Gör alla till marknadsföringskontakter: ingen importerad kontakt skulle ändras (alla är redan marknadsföringskontakter, eller ingen importerades), så det finns inget att begära.",
  "import.nothingImported": "Inget importerades.",
  "import.waits":
    "Ingen godkännandekanal är angiven, så begäran {id} väntar i {requests}; en administratör godkänner den med {approve} (eller anger en kanal: {settings}).",
  "import.rejectedRows": "Avvisade rader:",
  "import.rejectedLine": "rad {line}{email}: {reason}",
  "import.moreRejected": "… och {count, plural, one {# avvisad rad till} other {# avvisade rader till}}.",
};
