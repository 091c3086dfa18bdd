// What the audit log recorded, worded in sv, nl and pl from each event's kind and detail (as the
// services record it), and the stored English summary for rows whose detail lacks the facts.
import { describe, expect, it } from "vitest";
import type { AnswerLocale } from "../../src/commands/i18n/answers.ts";
import { eventSummary, localEventSummary, wordEvent } from "../../src/commands/i18n/events.ts";
import { plain } from "../../src/commands/rich.ts";
import { toMrkdwn } from "../../src/slack/render/mrkdwn.ts";
import { unsafeMarkup } from "../helpers/slack-markup.ts";

const LOCALES: AnswerLocale[] = ["sv", "nl", "pl"];
const TZ = "Europe/Stockholm";
/** A name someone typed, with Slack markup in it. */
const HOSTILE = "Vår <!channel> <@U0EVIL> & *fet*";
const FILTER = "lifecycle = lead <!here>";

interface Case {
  kind: string;
  count?: number;
  summary: string;
  detail: unknown;
  /** A word (or figure) of the sentence in each language. */
  words: Record<AnswerLocale, RegExp>;
  /** The detail's typed text that must come out inert. */
  typed?: boolean;
}

const selector = { type: "list", name: HOSTILE };
const CASES: Case[] = [
  {
    kind: "status.made-marketing",
    count: 3,
    summary: "Set marketing",
    detail: null,
    words: { sv: /^Markerade som marknadsföring$/, nl: /^Marketing gemaakt$/, pl: /^Oznaczono jako marketingowe$/ },
  },
  {
    kind: "status.made-marketing",
    count: 5402,
    summary: "Set marketing by request R-7",
    detail: { requestId: "R-7" },
    words: { sv: /genom begäran R-7/, nl: /door verzoek R-7/, pl: /wniosku R-7/ },
  },
  {
    kind: "status.made-marketing",
    count: 2,
    summary: `Set marketing by rule "${HOSTILE}" (when ${FILTER})`,
    detail: { rule: HOSTILE, owner: "U1", scheduled: true, filter: FILTER },
    words: { sv: /regeln ”Vår/, nl: /regel ‘Vår/, pl: /regułą „Vår/ },
    typed: true,
  },
  {
    kind: "status.made-marketing",
    count: 4,
    summary: "Set marketing: 4 non-marketing contacts submitted a marketing form (the intake API)",
    detail: { source: "api", form: true },
    words: { sv: /4 icke-marknadsföringskontakter/, nl: /4 niet-marketingcontacten/, pl: /4 kontakty niemarketingowe/ },
  },
  {
    kind: "status.cancelled-pending",
    summary: "Set marketing (cancelled the pending non-marketing change)",
    detail: null,
    words: { sv: /avbröts/, nl: /geannuleerd/, pl: /anulowana/ },
  },
  {
    kind: "status.flagged-pending",
    summary: "Set non-marketing: stays marketing until the next update date",
    detail: null,
    words: { sv: /nästa uppdateringsdatum/, nl: /volgende updatedatum/, pl: /najbliższej daty aktualizacji/ },
  },
  {
    kind: "status.flagged-pending",
    summary: "Set non-marketing by request R-8: marketing until the next update date",
    detail: { requestId: "R-8" },
    words: { sv: /begäran R-8/, nl: /verzoek R-8/, pl: /wniosku R-8/ },
  },
  {
    kind: "status.became-non-marketing",
    summary: "Became non-marketing at the update date",
    detail: null,
    words: { sv: /Blev icke-marknadsföring/, nl: /Niet-marketing geworden/, pl: /niemarketingowe w dacie/ },
  },
  {
    kind: "contact.created",
    count: 5402,
    summary: "Created 5,402 contacts from the intake API (5,400 marketing, 2 non-marketing)",
    detail: { source: "api", marketing: 5400 },
    words: { sv: /5\s400 marknadsföring/, nl: /5\.400 marketing/, pl: /marketingowe: 5\s400/ },
  },
  {
    kind: "contact.updated",
    count: 2,
    summary: "Updated 2 contacts from the intake API",
    detail: { source: "api" },
    words: { sv: /Uppdaterade 2 kontakter/, nl: /2 contacten bijgewerkt/, pl: /Zaktualizowano 2 kontakty/ },
  },
  {
    kind: "contact.created",
    count: 5402,
    summary: `Created 5,402 contacts from import #3 (${HOSTILE}.csv) (0 marketing, 5,402 non-marketing)`,
    detail: { source: "import", importId: 3, fileName: `${HOSTILE}.csv`, marketing: 0 },
    words: {
      sv: /Skapade 5\s402 kontakter från import #3 \(Vår.*0 marknadsföring, 5\s402 icke-marknadsföring/,
      nl: /5\.402 contacten aangemaakt via import #3 \(Vår.*0 marketing, 5\.402 niet-marketing/,
      pl: /Utworzono 5\s402 kontakty z importu #3 \(Vår.*niemarketingowe: 5\s402/,
    },
    typed: true,
  },
  {
    kind: "contact.updated",
    count: 1,
    summary: "Updated 1 contacts from import #4",
    detail: { source: "import", importId: 4, fileName: null },
    words: {
      sv: /^Uppdaterade 1 kontakt från import #4$/,
      nl: /^1 contact bijgewerkt via import #4$/,
      pl: /^Zaktualizowano 1 kontakt z importu #4$/,
    },
  },
  {
    kind: "list.added",
    count: 22,
    summary: "Added 22 imported contacts to a list",
    detail: { listId: 1, importId: 3 },
    words: {
      sv: /Lade till 22 importerade kontakter i en lista/,
      nl: /22 geïmporteerde contacten aan een lijst toegevoegd/,
      pl: /Dodano do listy 22 zaimportowane kontakty/,
    },
  },
  {
    kind: "contact.deleted",
    summary: "Deleted ana@example.com",
    detail: { emails: ["ana@example.com", "<!channel>@example.com"] },
    words: { sv: /Tog bort ana@example\.com/, nl: /Verwijderd: ana@example\.com/, pl: /Usunięto ana@example\.com/ },
    typed: true,
  },
  {
    kind: "request.created",
    count: 5402,
    summary: `Requested non-marketing for 5,402 contacts (list "${HOSTILE}"), request R-9`,
    detail: { requestId: "R-9", impact: {}, origin: "command", action: "non-marketing", selector },
    words: {
      sv: /Begärde icke-marknadsföring för 5\s402 kontakter \(listan ”Vår/,
      nl: /Niet-marketing aangevraagd voor 5\.402 contacten \(lijst ‘Vår/,
      pl: /5\s402 kontaktów jako niemarketingowe \(lista „Vår/,
    },
    typed: true,
  },
  {
    kind: "request.approved",
    summary: "Approved request R-9",
    detail: { requestId: "R-9", confirmedLimit: null, automatic: false, scheduledAt: null },
    words: { sv: /^Godkände begäran R-9$/, nl: /^Verzoek R-9 goedgekeurd$/, pl: /^Zatwierdzono wniosek R-9$/ },
  },
  {
    kind: "request.approved",
    summary: "Approved request R-9 for 2026-06-02T10:00:00.000Z",
    detail: { requestId: "R-9", confirmedLimit: null, automatic: false, scheduledAt: "2026-06-02T10:00:00.000Z" },
    words: {
      sv: /till tis 2 juni 2026 kl\. 12:00/,
      nl: /voor di 2 juni 2026 om 12:00/,
      pl: /na wt\., 2 czerwca 2026 12:00/,
    },
  },
  {
    kind: "request.approved",
    summary: "Request R-9 applied directly (within the direct-change limit)",
    detail: { requestId: "R-9", confirmedLimit: null, automatic: true, scheduledAt: null },
    words: { sv: /genomfördes direkt/, nl: /direct uitgevoerd/, pl: /wykonano od razu/ },
  },
  {
    kind: "request.rejected",
    summary: `Rejected request R-9: ${HOSTILE}`,
    detail: { requestId: "R-9", scheduled: true, reason: HOSTILE },
    words: {
      sv: /Avslog begäran R-9 \(godkänd tidigare/,
      nl: /Verzoek R-9 afgewezen \(eerder/,
      pl: /Odrzucono wniosek R-9 \(wcześniej/,
    },
    typed: true,
  },
  {
    kind: "request.expired",
    count: 12,
    summary: "Request R-9 expired after 7 days without a decision",
    detail: { requestId: "R-9" },
    words: { sv: /upphörde efter 7 dagar/, nl: /verlopen na 7 dagen/, pl: /wygasł po 7 dniach/ },
  },
  {
    kind: "import.finished",
    count: 5402,
    summary: `Imported ${HOSTILE}.csv: 5,400 created, 2 updated, 0 unchanged, 1 rejected; list "${HOSTILE}"; set all as marketing asked in request R-10`,
    detail: {
      importId: 3,
      created: 5400,
      updated: 2,
      unchanged: 0,
      rejected: 1,
      requestId: "R-10",
      fileName: `${HOSTILE}.csv`,
      list: HOSTILE,
    },
    words: {
      sv: /Importerade Vår.*5\s400 skapade.*listan ”Vår.*begäran R-10/,
      nl: /geïmporteerd: 5\.400 aangemaakt.*lijst ‘Vår.*verzoek R-10/,
      pl: /Zaimportowano Vår.*utworzone: 5\s400.*lista „Vår.*wniosku R-10/,
    },
    typed: true,
  },
  {
    kind: "import.finished",
    summary: "Imported a CSV file: 1 created, 0 updated, 0 unchanged, 0 rejected",
    detail: {
      importId: 4,
      created: 1,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      requestId: null,
      fileName: null,
      list: null,
    },
    words: {
      sv: /Importerade en CSV-fil: 1 skapade/,
      nl: /^Een CSV-bestand geïmporteerd/,
      pl: /Zaimportowano plik CSV/,
    },
  },
  {
    kind: "list.added",
    count: 2,
    summary: `Added to list "${HOSTILE}"`,
    detail: { list: HOSTILE },
    words: { sv: /Lade till i listan/, nl: /Toegevoegd aan lijst/, pl: /Dodano do listy/ },
    typed: true,
  },
  {
    kind: "list.created",
    summary: `Created list "${HOSTILE}" for an import`,
    detail: { list: HOSTILE },
    words: { sv: /Skapade listan/, nl: /aangemaakt voor een import/, pl: /Utworzono listę/ },
    typed: true,
  },
  {
    kind: "setting.changed",
    summary: "Setting direct-limit changed from 100 to 5,000",
    detail: { key: "direct-limit", before: 100, after: 5000 },
    words: {
      sv: /Inställningen direct-limit ändrades från 100 till 5\s000/,
      nl: /Instelling direct-limit gewijzigd van 100 naar 5\.000/,
      pl: /Ustawienie direct-limit zmieniono z 100 na 5\s000/,
    },
  },
  {
    kind: "setting.changed",
    summary: "Setting tier changed from 5,000 to 10,000 (the smallest pro tier that holds 7,500 marketing contacts)",
    detail: { key: "tier", before: 5000, after: 10000, fitted: { plan: "pro", marketingCount: 7500 } },
    words: {
      sv: /10\s000 \(det minsta pro-paketet som rymmer 7\s500 marknadsföringskontakter\)/,
      nl: /10\.000 \(het kleinste pro-pakket dat 7\.500 marketingcontacten bevat\)/,
      pl: /10\s000 \(najmniejszy pakiet pro, który mieści 7\s500 kontaktów marketingowych\)/,
    },
  },
  {
    kind: "setting.changed",
    summary: "Setting reminders changed from not set to 3d,1d",
    detail: { key: "reminders", before: null, after: [3, 1] },
    words: { sv: /från inte angiven till 3d,1d|från .* till 3d,1d/, nl: /van .* naar 3d,1d/, pl: /z .* na 3d,1d/ },
  },
  {
    kind: "setting.changed",
    summary: `Creation-source default for form:${HOSTILE} changed from the default to marketing`,
    detail: { key: "source-default", source: `form:${HOSTILE}`, before: null, after: "marketing" },
    words: {
      sv: /från standardvärdet till marknadsföring/,
      nl: /van de standaard naar marketing/,
      pl: /z domyślnego na marketingowy/,
    },
    typed: true,
  },
  {
    kind: "tier.upgrade",
    summary:
      "Automatic upgrade from 5,000 to 10,000 marketing contacts (5,402 marketing contacts after set marketing by U1)",
    detail: { oldLimit: 5000, newLimit: 10000, chargeCents: 1200, marketingCount: 5402 },
    words: {
      sv: /Automatisk uppgradering från 5\s000 till 10\s000/,
      nl: /Automatische upgrade van 5\.000 naar 10\.000/,
      pl: /Automatyczne podniesienie pakietu z 5\s000 do 10\s000/,
    },
  },
  {
    kind: "tier.downgrade",
    summary: "Downgraded from 10,000 to 5,000 contacts at renewal",
    detail: { target: 5000, marketingCount: 4000, from: 10000, why: null },
    words: { sv: /Nedgraderade paketet från 10\s000/, nl: /verlaagd van 10\.000/, pl: /Obniżono pakiet z 10\s000/ },
  },
  {
    kind: "tier.downgrade-cancelled",
    summary: "Scheduled downgrade to 5,000 cancelled: there were 5,402 marketing contacts then, more than 5,000.",
    detail: { target: 5000, marketingCount: 5402, from: 10000, why: { code: "no-fit", target: 5000, count: 5402 } },
    words: {
      sv: /nedgraderingen till 5\s000 avbröts/,
      nl: /verlaging naar 5\.000 geannuleerd/,
      pl: /do 5\s000 anulowano/,
    },
  },
  {
    kind: "tier.downgrade-cancelled",
    summary: "Cancelled the scheduled downgrade",
    detail: { target: null },
    words: { sv: /Avbröt den schemalagda/, nl: /geplande verlaging is geannuleerd/, pl: /Anulowano zaplanowane/ },
  },
  {
    kind: "tier.downgrade-scheduled",
    summary: "Scheduled a downgrade to 5,000 contacts at the next renewal",
    detail: { target: 5000 },
    words: { sv: /nedgradering till 5\s000/, nl: /Verlaging naar 5\.000/, pl: /obniżenie pakietu do 5\s000/ },
  },
  {
    kind: "tier.threshold-reached",
    summary: "Marketing contacts reached 90 % of the tier (4,500 of 5,000)",
    detail: { percent: 90, marketingCount: 4500, tierLimit: 5000 },
    words: {
      sv: /nådde 90\s%.*4\s500 av 5\s000/,
      nl: /bereikten 90%.*4\.500 van 5\.000/,
      pl: /osiągnęły 90%.*4\s500 z 5\s000/,
    },
  },
  {
    kind: "rule.added",
    summary: `Added rule "${HOSTILE}": when ${FILTER} then marketing`,
    detail: { rule: HOSTILE, filter: FILTER, action: "marketing" },
    words: { sv: /Lade till regeln/, nl: /toegevoegd: als/, pl: /Dodano regułę/ },
    typed: true,
  },
  {
    kind: "rule.changed",
    summary: `Changed rule "${HOSTILE}": when ${FILTER} then marketing (was: when x then non-marketing)`,
    detail: { rule: HOSTILE, filter: FILTER, action: "marketing", was: { filter: "x", action: "non-marketing" } },
    words: {
      sv: /\(var: när x, gör till icke-marknadsföring\)/,
      nl: /\(was: als x, dan niet-marketing\)/,
      pl: /\(było: gdy x/,
    },
    typed: true,
  },
  {
    kind: "rule.enabled",
    summary: `Enabled rule "${HOSTILE}"`,
    detail: { rule: HOSTILE },
    words: { sv: /^Slog på regeln/, nl: /aangezet$/, pl: /^Włączono regułę/ },
    typed: true,
  },
  {
    kind: "rule.disabled",
    summary: `Disabled rule "${HOSTILE}"`,
    detail: { rule: HOSTILE },
    words: { sv: /^Stängde av regeln/, nl: /uitgezet$/, pl: /^Wyłączono regułę/ },
    typed: true,
  },
  {
    kind: "rule.removed",
    summary: `Removed rule "${HOSTILE}"`,
    detail: { rule: HOSTILE },
    words: { sv: /^Tog bort regeln/, nl: /verwijderd$/, pl: /^Usunięto regułę/ },
    typed: true,
  },
  {
    kind: "rule.paused",
    summary: `Rule "${HOSTILE}" paused: it would upgrade the tier to 10,000 contacts. It asks for approval in request R-11`,
    detail: {
      rule: HOSTILE,
      requestId: "R-11",
      reason: "it would upgrade the tier to 10,000 contacts",
      owner: "U1",
      why: { code: "upgrade", newLimit: 10000 },
    },
    words: {
      sv: /pausades: .*10\s000.*begäran R-11/,
      nl: /gepauzeerd: .*10\.000.*verzoek R-11/,
      pl: /wstrzymana: .*10\s000.*wniosku R-11/,
    },
    typed: true,
  },
  {
    kind: "rule.paused",
    summary: `Rule "${HOSTILE}" paused: its owner <@U12345> no longer has marketing contacts access`,
    detail: { rule: HOSTILE, reason: "its owner <@U12345> no longer has marketing contacts access", owner: "U12345" },
    words: { sv: /<@U12345>/, nl: /<@U12345>/, pl: /<@U12345>/ },
    typed: true,
  },
  {
    kind: "rule.disabled",
    summary: `Rule "${HOSTILE}" disabled: its request R-12 was rejected. Change it and \`rules enable\` it to run again`,
    detail: { rule: HOSTILE, requestId: "R-12", requestStatus: "rejected" },
    words: {
      sv: /begäran R-12 avslogs.*`rules enable`/,
      nl: /verzoek R-12 is afgewezen.*`rules enable`/,
      pl: /wniosek R-12 został odrzucony.*`rules enable`/,
    },
    typed: true,
  },
  {
    kind: "rule.resumed",
    summary: `Rule "${HOSTILE}" resumed: its request R-12 was executed`,
    detail: { rule: HOSTILE, requestId: "R-12", requestStatus: "executed" },
    words: { sv: /återupptogs.*genomfördes/, nl: /hervat.*uitgevoerd/, pl: /wznowiona.*wykonany/ },
    typed: true,
  },
  {
    kind: "user.admins.add",
    summary: "Made admin: <@U12345>",
    detail: { what: "admins", op: "add", userId: "U12345" },
    words: { sv: /administratör: <@U12345>/, nl: /Beheerder gemaakt: <@U12345>/, pl: /administrator: <@U12345>/ },
  },
  {
    kind: "user.access.grant",
    summary: "Granted marketing contacts access for <@U12345>",
    detail: { what: "access", op: "grant", userId: "U12345" },
    words: { sv: /Gav åtkomst/, nl: /Toegang tot marketingcontacten gegeven/, pl: /Nadano dostęp/ },
  },
  {
    kind: "user.billing-contacts.remove",
    summary: "Removed billing contact <@U12345>",
    detail: { what: "billing-contacts", op: "remove", userId: "U12345" },
    words: {
      sv: /Tog bort faktureringskontakt/,
      nl: /Factuurcontact verwijderd/,
      pl: /Usunięto osobę do spraw rozliczeń/,
    },
  },
  {
    kind: "api-key.created",
    summary: "Created API key k_1 (contacts:read, contacts:write)",
    detail: { keyId: "k_1", scopes: ["contacts:read", "contacts:write"] },
    words: { sv: /Skapade API-nyckeln k_1/, nl: /API-sleutel k_1 aangemaakt/, pl: /Utworzono klucz API k_1/ },
  },
  {
    kind: "api-key.revoked",
    summary: "Revoked intake API key k_1",
    detail: { keyId: "k_1" },
    words: { sv: /Återkallade API-nyckeln k_1/, nl: /k_1 ingetrokken/, pl: /Unieważniono klucz API k_1/ },
  },
  {
    kind: "webhook.added",
    summary: "Added webhook wh_1 to https://hooks.example.com",
    detail: { webhookId: "wh_1", events: [], origin: "https://hooks.example.com" },
    words: { sv: /webhooken wh_1/, nl: /Webhook wh_1 toegevoegd/, pl: /Dodano webhook wh_1/ },
  },
  {
    kind: "webhook.removed",
    summary: "Removed webhook wh_1",
    detail: { webhookId: "wh_1" },
    words: { sv: /Tog bort webhooken wh_1/, nl: /Webhook wh_1 verwijderd/, pl: /Usunięto webhook wh_1/ },
  },
  {
    kind: "demo.seeded",
    summary: "Seeded the demo account",
    detail: null,
    words: { sv: /demokontot/, nl: /demo-account/, pl: /konto demonstracyjne/ },
  },
];

/** English words of the summaries; none may be left in a worded event (names typed here avoid them). */
const ENGLISH =
  /\b(?:the|Set|Added|Removed|Changed|Created|Updated|Deleted|Approved|Rejected|Requested|Imported|Setting|changed|expired|paused|resumed|request|contacts|rule|when|then|from|after|before)\b/;

describe("audit events in the user's language", () => {
  for (const c of CASES) {
    for (const locale of LOCALES) {
      it(`${c.kind} in ${locale}: ${c.summary.slice(0, 50)}`, () => {
        const e = { kind: c.kind, detail: c.detail, count: c.count ?? 1, summary: c.summary };
        const worded = wordEvent(locale, e, TZ);
        expect(worded).not.toBeNull();
        const text = toMrkdwn(worded ?? []);
        expect(text).toMatch(c.words[locale]);
        expect(text).not.toContain("{");
        // Command keywords and scope names are the grammar: they stay English.
        expect(text.replace(/`rules enable`|contacts:\w+/g, "")).not.toMatch(ENGLISH);
        expect(unsafeMarkup(text)).toBeNull();
        if (c.typed) expect(text).toMatch(/&lt;!(?:channel|here)&gt;|&lt;@U0EVIL&gt;/);
        expect(localEventSummary(locale, e, TZ)).toEqual(worded);
      });
    }
  }

  it("takes the stored English summary where the detail lacks the facts (older rows)", () => {
    const older = [
      { kind: "request.created", detail: { requestId: "R-1", impact: {}, origin: "command" } },
      { kind: "request.approved", detail: { requestId: "R-1", confirmedLimit: null } },
      { kind: "request.rejected", detail: { requestId: "R-1" } },
      {
        kind: "import.finished",
        detail: { importId: 1, created: 1, updated: 0, unchanged: 0, rejected: 0, requestId: null },
      },
      { kind: "tier.upgrade", detail: { oldLimit: 5000, newLimit: 10000 } },
      { kind: "tier.downgrade", detail: { target: 5000, marketingCount: 10 } },
      { kind: "tier.downgrade-cancelled", detail: { target: 5000, marketingCount: 5402 } },
      { kind: "list.added", detail: null },
      { kind: "list.created", detail: null },
      { kind: "contact.deleted", detail: null },
      { kind: "contact.created", detail: null },
      { kind: "contact.updated", detail: { source: "import", importId: 4 } },
      { kind: "status.made-marketing", detail: { rule: "r", owner: "U1", scheduled: true } },
      {
        kind: "status.made-marketing",
        detail: null,
        summary: "Set marketing: 4 non-marketing contacts submitted a marketing form (import #3)",
      },
      {
        kind: "setting.changed",
        detail: { key: "tier", before: 5000, after: 10000 },
        summary:
          "Setting tier changed from 5,000 to 10,000 (the smallest pro tier that holds 7,500 marketing contacts)",
      },
      { kind: "rule.paused", detail: { rule: "r", reason: "something we no longer say" } },
      { kind: "user.admins.add", detail: { what: "admins", op: "add", userId: "not-an-id" } },
      { kind: "account.setup", detail: null },
      { kind: "request.reopened", detail: { requestId: "R-1", reason: "x" } },
      { kind: "some.future-kind", detail: { anything: 1 } },
      // Selectors of a shape this version does not write: never a throw, never a blank name.
      { kind: "request.created", detail: { requestId: "R42", action: "marketing", selector: { type: "emails" } } },
      { kind: "request.created", detail: { requestId: "R42", action: "marketing", selector: { type: "list" } } },
      {
        kind: "request.created",
        detail: { requestId: "R42", action: "marketing", selector: { type: "rule", name: "x", filter: "y" } },
      },
      {
        kind: "request.created",
        detail: {
          requestId: "R42",
          action: "marketing",
          selector: { type: "rule", name: "x", filter: "y", fresh: false, unless: [1] },
        },
      },
      {
        kind: "request.created",
        detail: { requestId: "R42", action: "marketing", selector: { type: "list", name: 5 } },
      },
    ];
    for (const o of older) {
      const summary = o.summary ?? `English summary of ${o.kind} with "${HOSTILE}"`;
      for (const locale of LOCALES) {
        const e = { kind: o.kind, detail: o.detail, count: 2, summary };
        expect(wordEvent(locale, e, TZ), `${o.kind} ${locale}`).toBeNull();
        const shown = localEventSummary(locale, e, TZ);
        expect(shown).toEqual(eventSummary(o.kind, summary));
        // Role changes and reopened requests show their mentions as before (ours, validated ids).
        if (!/^(?:user\.|request\.reopened$)/.test(o.kind)) {
          expect(plain(shown)).toBe(summary);
          expect(unsafeMarkup(toMrkdwn(shown))).toBeNull();
        }
      }
    }
  });

  it("a setting whose stored value has a shape this version does not write shows it as stored, never [object Object]", () => {
    const odd = [
      { before: { days: [3, 1] }, after: ["3", "1"], cut: false },
      { before: { note: `${HOSTILE} ${"😀".repeat(60)}` }, after: 5, cut: true },
      { before: { note: "x".repeat(3_000_000) }, after: 5, cut: true },
    ];
    for (const { cut, ...detail } of odd) {
      for (const locale of LOCALES) {
        const e = { kind: "setting.changed", detail: { key: "reminders", ...detail }, count: 0, summary: "x" };
        const shown = wordEvent(locale, e, TZ);
        expect(shown, locale).not.toBeNull();
        const text = plain(shown ?? []);
        expect(text).not.toContain("[object Object]");
        expect(text).toContain(JSON.stringify(detail.before).slice(0, 12));
        // Cut short between characters: no lone half of an emoji's surrogate pair.
        expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
        expect(text.length).toBeLessThan(400);
        // A long value is cut to 60 characters and says so.
        expect(text.includes("…")).toBe(cut);
        expect(unsafeMarkup(toMrkdwn(shown ?? []))).toBeNull();
      }
    }
  });

  it("an approval whose stored date does not read says it was approved, without a date", () => {
    const e = {
      kind: "request.approved",
      detail: { requestId: "R42", automatic: false, scheduledAt: "x" },
      count: 2,
      summary: "s",
    };
    for (const locale of LOCALES) {
      const shown = plain(localEventSummary(locale, e, TZ));
      expect(shown).toContain("R42");
      expect(shown).not.toMatch(/Invalid/);
    }
  });

  it("cuts a very long typed name instead of a line past Slack's limits", () => {
    const long = "x".repeat(5000);
    const text = plain(
      wordEvent("sv", { kind: "list.added", detail: { list: long }, count: 1, summary: "" }, TZ) ?? [],
    );
    expect(text.length).toBeLessThan(300);
    expect(text).toContain("…");
  });
});
