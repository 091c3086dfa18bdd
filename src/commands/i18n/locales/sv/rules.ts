// Svenska: `rules`, `rules add|change`, `rules enable|disable|remove|test`, and why a rule is paused.
import type { rules as en } from "../en/rules.ts";
import type { Part } from "../part.ts";

export const rules: Part<typeof en> = {
  "rules.none": "Inga automatiseringsregler än. Lägg till en: {example}.",
  "rules.header": "Automatiseringsregler",
  "rules.line":
    "”{name}”: när {filter} blir kontakten {action, select, marketing {marknadsföringskontakt} other {icke-marknadsföring}} — {state}",
  "rules.enabled": "på",
  "rules.disabled": "avstängd",
  "rules.paused": "pausad ({reason}{request, select, none {} other {; begäran {request}}})",
  "rules.showing":
    "Visar de första {shown, number} av {total, number} regler, äldst först; {command} visar vad en regel skulle göra.",
  "rules.added":
    "Regeln ”{name}” {change, select, yes {ändrad} other {tillagd}}: när {filter} blir kontakten {action, select, marketing {marknadsföringskontakt} other {icke-marknadsföring}}.",
  "rules.waiting":
    "{what} Den körs inte än: {reason}. En administratör godkänner begäran {id} för att starta den.{overridden}",
  "rules.needsApproval": "den behöver godkännas",
  "rules.runs":
    "{what} Den körs på nya och ändrade kontakter och enligt schema; en körning som skulle ändra fler kontakter än gränsen för direkta ändringar eller uppgradera paketet ber om godkännande först.{overridden} Prova {command}.",
  "rules.overridden":
    " {items}: den äldre regeln gäller för dem, så den här lämnar dem i fred i stället för att ändra dem fram och tillbaka varje timme.",
  "rules.overriddenItem":
    "{count, plural, one {# kontakt matchar} other {# kontakter matchar}} också den äldre regeln ”{rule}” (som gör dem till {action, select, marketing {marknadsföringskontakter} other {icke-marknadsföring}})",
  "rules.testNone": "Regeln ”{name}” skulle inte ändra någon kontakt nu.",
  "rules.testSome":
    "Regeln ”{name}” skulle ändra {count, plural, one {# kontakt} other {# kontakter}} till {action, select, marketing {marknadsföring} other {icke-marknadsföring}} nu{action, select, marketing { ({become, number} av dem börjar räknas mot paketet)} other { (de förblir marknadsföringskontakter till nästa uppdateringsdatum)}}.{pause}",
  "rules.wouldPause": " En körning skulle pausas och be om godkännande: {reason}.",
  "rules.done": "Regeln ”{name}” {op, select, remove {borttagen} enable {påslagen} other {avstängd}}.",
  "rules.doneWaiting": "{done} Den körs inte än: {reason}. En administratör godkänner begäran {id} för att starta den.",
  "rules.why.waiting":
    "väntar på godkännande för att {verb, select, start {starta} again {köras igen} other {köras i ändrad form}}: {reason}",
  "rules.why.overLimit":
    "den skulle ändra {count, plural, one {# kontakt} other {# kontakter}} till {action, select, marketing {marknadsföring} other {icke-marknadsföring}}, fler än gränsen för direkta ändringar på {limit, number}",
  "rules.why.upgrade": "den skulle uppgradera paketet till {limit, number} kontakter",
  "rules.why.owner": "dess ägare {owner} har inte längre behörighet till marknadsföringskontakter",
};
