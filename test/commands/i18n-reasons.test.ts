// Reasons kept as data (a paused rule's, a failing webhook's, a cancelled downgrade's) read in the
// account's language in their notices, with that language's numbers; English keeps the sentence
// the reason always had, word for word; a notice queued before the data was kept still reads.
import { describe, expect, it } from "vitest";
import { localSummary } from "../../src/commands/i18n/requests.ts";
import { noticeAnswer } from "../../src/commands/notices.ts";
import { plain } from "../../src/commands/rich.ts";
import {
  type DowngradeCancelWhy,
  downgradeCancelFromText,
  downgradeCancelText,
  type RulePauseWhy,
  rulePauseFromText,
  rulePauseText,
  storedDowngradeCancel,
  storedRulePause,
  storedWebhookFailure,
  type WebhookFailure,
  webhookFailureFromText,
  webhookFailureText,
} from "../../src/domain/reasons.ts";
import { storedSelectorWords } from "../../src/domain/selector-words.ts";
import type { BulkRequestView } from "../../src/services/bulk/index.ts";
import { type Notice, notice } from "../../src/services/notices.ts";
import { renderAnswer } from "../../src/slack/render/answer.ts";
import { LIMITS } from "../../src/slack/render/blocks.ts";
import { mrkdwnOf, unsafeMarkup } from "../helpers/slack-markup.ts";

const NBSP = "\u00a0";
const ZONE = "Europe/Stockholm";
const HOSTILE_RULE = "<!channel> *stale* <@UEVIL>";

const rulePaused = (why: RulePauseWhy | undefined): Notice =>
  notice("rule-paused", {
    rule: HOSTILE_RULE,
    filter: 'email contains "<!here>"',
    reason: why ? rulePauseText(why) : "its owner <@UOWNER> no longer has marketing contacts access",
    ...(why ? { why } : {}),
  });

const cancelled = (why: DowngradeCancelWhy | undefined): Notice =>
  notice("downgrade-cancelled", {
    renewalAt: "2026-06-01T10:00:00.000Z",
    target: 2_000,
    reason: why ? downgradeCancelText(why) : null,
    ...(why ? { why } : {}),
    marketingCount: 2_345,
    timeZone: ZONE,
  });

const disabled = (failure: WebhookFailure): Notice =>
  notice("webhook-disabled", {
    webhookId: 7,
    origin: "https://hooks.example.com",
    failingSince: "2026-05-12T08:00:00.000Z",
    attempts: 1_234,
    lastError: webhookFailureText(failure),
    failure,
  });

function shown(n: Notice, locale: "en" | "sv" | "nl" | "pl"): string {
  const { text, blocks } = renderAnswer(noticeAnswer(n, locale));
  expect(text.length).toBeLessThanOrEqual(LIMITS.messageText);
  for (const m of mrkdwnOf(blocks)) expect(unsafeMarkup(m)).toBeNull();
  return text;
}

describe("the English sentences of reasons kept as data", () => {
  it("are the ones the services always wrote", () => {
    expect(rulePauseText({ code: "over-limit", count: 1_200, action: "marketing", limit: 1_000 })).toBe(
      "it would set 1,200 contacts marketing, more than the direct-change limit of 1,000",
    );
    expect(rulePauseText({ code: "upgrade", newLimit: 3_000, verb: "run as changed" })).toBe(
      "waiting for approval to run as changed: it would upgrade the tier to 3,000 contacts",
    );
    expect(rulePauseText({ code: "owner-access", owner: "UOWNER" })).toBe(
      "its owner <@UOWNER> no longer has marketing contacts access",
    );
    expect(downgradeCancelText({ code: "no-fit", target: 2_000, count: 2_345 })).toBe(
      "The scheduled downgrade to 2,000 contacts was cancelled: at renewal you had 2,345 marketing contacts, more than 2,000.",
    );
    expect(webhookFailureText({ code: "broken", status: 502 })).toBe("answered 502, then the connection broke");
  });
});

describe("a reason stored only as its English sentence (before it was kept as data)", () => {
  it("is read back into the same data, for every kind of reason", () => {
    const pauses: RulePauseWhy[] = [
      { code: "over-limit", count: 1_200, action: "non-marketing", limit: 1_000 },
      { code: "over-limit", count: 12, action: "marketing", limit: 10, verb: "run again" },
      { code: "upgrade", newLimit: 1_000_000, verb: "start" },
      { code: "upgrade", newLimit: 3_000 },
      { code: "owner-access", owner: "U0OWNER" },
    ];
    for (const why of pauses) expect(rulePauseFromText(rulePauseText(why))).toEqual(why);
    const failures: WebhookFailure[] = [
      { code: "not-https" },
      { code: "timeout", seconds: 10 },
      { code: "blocked", host: "internal.example" },
      { code: "connect", error: "ECONNREFUSED" },
      { code: "status", status: 404 },
      { code: "broken", status: 200 },
    ];
    for (const f of failures) expect(webhookFailureFromText(webhookFailureText(f))).toEqual(f);
    const cancels: DowngradeCancelWhy[] = [
      { code: "not-a-tier", target: 2_500 },
      { code: "no-fit", target: 2_000, count: 2_345 },
    ];
    for (const why of cancels) expect(downgradeCancelFromText(downgradeCancelText(why))).toEqual(why);
  });

  it("is null when it is not one of ours (then it is quoted as it was)", () => {
    expect(rulePauseFromText("it would set lots of contacts marketing")).toBeNull();
    expect(webhookFailureFromText("answered 503 <!here>")).toBeNull();
    expect(downgradeCancelFromText("something else")).toBeNull();
    const odd = notice("downgrade-cancelled", {
      renewalAt: "2026-06-01T10:00:00.000Z",
      target: 2_000,
      reason: "cancelled by support",
      marketingCount: 2_345,
      timeZone: ZONE,
    });
    expect(shown(odd, "sv")).toContain(": cancelled by support");
  });
});

describe("a `rule-paused` notice", () => {
  it("gives the reason in the account's language, with its numbers", () => {
    const why: RulePauseWhy = { code: "over-limit", count: 1_200, action: "non-marketing", limit: 1_000 };
    expect(shown(rulePaused(why), "sv")).toContain(
      `är pausad: den skulle ändra 1${NBSP}200 kontakter till icke-marknadsföring, fler än gränsen för direkta ändringar på 1${NBSP}000.`,
    );
    expect(shown(rulePaused(why), "nl")).toContain(
      "is gepauzeerd: hij zou 1.200 contacten op niet-marketing zetten, meer dan de limiet voor directe wijzigingen van 1.000.",
    );
    const pl = shown(rulePaused({ code: "upgrade", newLimit: 3_000, verb: "start" }), "pl");
    expect(pl).toContain(
      `jest wstrzymana: czeka na zatwierdzenie, aby wystartować: podwyższyłaby pakiet do 3${NBSP}000 kontaktów.`,
    );
    for (const t of [pl]) expect(t).not.toMatch(/it would|waiting for/);
  });

  it("names the owner who lost access as a mention, in the language; the rule's name stays text", () => {
    const sv = renderAnswer(noticeAnswer(rulePaused({ code: "owner-access", owner: "UOWNER" }), "sv"));
    const text = mrkdwnOf(sv.blocks).join("\n");
    expect(text).toContain("dess ägare <@UOWNER> har inte längre behörighet till marknadsföringskontakter");
    expect(text).toContain("”&lt;!channel&gt; *stale* &lt;@UEVIL&gt;”");
    expect(text).not.toContain("<@UEVIL>");
  });

  it("stays English, word for word, in English; an older notice without the data still reads", () => {
    const why: RulePauseWhy = { code: "over-limit", count: 1_200, action: "marketing", limit: 1_000 };
    expect(shown(rulePaused(why), "en")).toContain(
      "is paused: it would set 1,200 contacts marketing, more than the direct-change limit of 1,000.",
    );
    // Queued before the reason was kept as data: read back from its English sentence.
    expect(shown(rulePaused(undefined), "nl")).toContain(
      "is gepauzeerd: de eigenaar <@UOWNER> heeft geen toegang tot marketingcontacten meer.",
    );
  });
});

describe("a `downgrade-cancelled` notice", () => {
  it("gives the reason in the account's language", () => {
    const why: DowngradeCancelWhy = { code: "no-fit", target: 2_000, count: 2_345 };
    expect(shown(cancelled(why), "nl")).toContain(
      "geannuleerd: er waren toen 2.345 marketingcontacten, meer dan 2.000.",
    );
    expect(shown(cancelled(why), "sv")).toContain(
      `avbröts vid förnyelsen mån 1 juni 2026 kl. 12:00 CEST (Europe/Stockholm): då fanns det 2${NBSP}345 marknadsföringskontakter, fler än 2${NBSP}000.`,
    );
    expect(shown(cancelled(why), "pl")).toContain(
      `: było wtedy 2${NBSP}345 kontaktów marketingowych, więcej niż 2${NBSP}000.`,
    );
    expect(shown(cancelled({ code: "not-a-tier", target: 2_000 }), "pl")).toContain(
      `: 2${NBSP}000 nie jest już pakietem w tym planie.`,
    );
    for (const l of ["sv", "nl", "pl"] as const) expect(shown(cancelled(why), l)).not.toMatch(/cancelled|at renewal/);
  });

  it("stays English, word for word, in English", () => {
    expect(shown(cancelled({ code: "no-fit", target: 2_000, count: 2_345 }), "en")).toContain(
      "cancelled at the renewal Mon 1 Jun 2026, 12:00 GMT+2 (Europe/Stockholm): The scheduled downgrade to 2,000 contacts was cancelled: at renewal you had 2,345 marketing contacts, more than 2,000.",
    );
  });
});

describe("a `webhook-disabled` notice", () => {
  it("gives the last error in the account's language", () => {
    expect(shown(disabled({ code: "status", status: 503 }), "sv")).toContain(
      `(1${NBSP}234 försök; det senaste: svarade 503)`,
    );
    expect(shown(disabled({ code: "timeout", seconds: 10 }), "nl")).toContain("de laatste: geen antwoord binnen 10 s)");
    expect(shown(disabled({ code: "connect", error: "ECONNREFUSED" }), "pl")).toContain(
      "ostatni błąd: nie udało się połączyć (ECONNREFUSED))",
    );
    expect(shown(disabled({ code: "status", status: 503 }), "en")).toContain(
      "(1,234 attempts; the last: answered 503)",
    );
  });
});

describe("a stored reason of an unexpected shape (another version's row, a hand edit)", () => {
  it("is read as nothing: the reason is read from the English sentence kept beside it, never a crash", () => {
    expect(storedRulePause({ code: "owner-access" })).toBeNull();
    expect(storedRulePause({ code: "over-limit", count: "many" })).toBeNull();
    expect(storedWebhookFailure({ code: "tls" })).toBeNull();
    expect(storedDowngradeCancel({ code: "no-fit", target: 2_000 })).toBeNull();
    expect(storedRulePause({ code: "upgrade", newLimit: 3_000 })).toEqual({ code: "upgrade", newLimit: 3_000 });

    const bad = (n: Notice, field: string, value: unknown): Notice =>
      ({ ...n, payload: { ...n.payload, [field]: value } }) as Notice;
    const paused = bad(rulePaused({ code: "upgrade", newLimit: 3_000 }), "why", { code: "owner-access" });
    expect(shown(paused, "sv")).toMatch(/skulle uppgradera paketet till 3.000 kontakter/);
    const failing = bad(disabled({ code: "status", status: 503 }), "failure", { code: "tls" });
    expect(shown(failing, "pl")).toMatch(/ostatni błąd: [^)]*503\)/);
    const noFit = bad(cancelled({ code: "no-fit", target: 2_000, count: 2_345 }), "why", { code: "no-fit" });
    expect(shown(noFit, "nl")).toContain("2.345");
  });

  it("a request's selector words of an unexpected shape: the request names its contacts in English", () => {
    const request = (selectorWords: unknown) =>
      ({ count: 12, action: "marketing", selectorText: 'list "Spring"', selectorWords }) as unknown as BulkRequestView;
    expect(plain(localSummary("sv", request({ type: "list" })))).toContain('(list "Spring")');
    expect(plain(localSummary("sv", request({ type: "segment", name: "x" })))).toContain('(list "Spring")');
    expect(plain(localSummary("sv", request({ type: "list", name: "Spring" })))).toContain("(listan ”Spring”)");
    expect(storedSelectorWords({ type: "emails", count: 4, emails: ["a", "b", "c", "d"] })).toBeNull();
  });
});
