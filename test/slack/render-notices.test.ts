// Every notice kind, filled with hostile text where a person could have typed it (a rule's name and
// filter, an import's source, a reason, a plan name), rendered for Slack: the user text is escaped,
// our own mentions stay mentions, every block is within Slack's limits, and no rule number shows;
// in every language a channel can read them in (Swedish and Polish run longest).

import type { KnownBlock } from "@slack/types";
import { describe, expect, it } from "vitest";
import type { Locale } from "../../src/commands/i18n/format.ts";
import { noticeAnswer } from "../../src/commands/notices.ts";
import type { Notice, NoticeKind, NoticeOf } from "../../src/services/notices.ts";
import { renderAnswer } from "../../src/slack/render/answer.ts";
import { LIMITS } from "../../src/slack/render/blocks.ts";
import { mrkdwnOf, unsafeMarkup } from "../helpers/slack-markup.ts";

const HOSTILE = "<!channel> & <https://evil.example|click> <@UEVIL> *bold* `code`";
const LONG = `${HOSTILE} ${"x".repeat(5_000)}`;
const ZONE = "America/New_York";
const standing = { marketingCount: 1_950, tierLimit: 2_000, timeZone: ZONE };

/** One payload per kind (the compiler checks that none is missing), with `text` wherever people type. */
function payloads(text: string): { [K in NoticeKind]: NoticeOf<K>["payload"] } {
  return {
    upgrade: {
      marketingCount: 2_100,
      oldLimit: 2_000,
      newLimit: 3_000,
      oldMonthlyCents: 80_000,
      newMonthlyCents: 105_000,
      chargeCents: 12_345,
      chargeDue: "2026-06-02",
      timeZone: ZONE,
    },
    threshold: { ...standing, level: 98, pendingCount: 3, nextUpdate: "2026-06-01T16:00:00.000Z" },
    "update-summary": { ...standing, instant: "2026-06-01T16:00:00.000Z", changed: 1 },
    "downgrade-applied": {
      renewalAt: "2026-06-01T16:00:00.000Z",
      target: 1_000,
      reason: null,
      marketingCount: 900,
      timeZone: ZONE,
    },
    "downgrade-cancelled": {
      renewalAt: "2026-06-01T16:00:00.000Z",
      target: 1_000,
      reason: text,
      marketingCount: 1_200,
      timeZone: ZONE,
    },
    spike: { ...standing, growth: 600, baseline: 1_350, sources: [{ source: text, count: 600 }] },
    "update-reminder": { ...standing, lead: 1, instant: "2026-06-01T16:00:00.000Z", pendingCount: 1, after: 1_949 },
    "renewal-reminder": {
      ...standing,
      renewal: "2026-06-01T16:00:00.000Z",
      after: 900,
      lowest: 1_000,
      savingCents: 25_000,
      downgradeTo: null,
    },
    forecast: {
      ...standing,
      perDay: 12.4,
      thresholds: [{ level: "exceeded", count: 2_001, date: "2026-05-20", inDays: 5 }],
    },
    setup: {
      ...standing,
      plan: text,
      monthlyCents: 80_000,
      term: "monthly",
      startDay: 31,
      nextUpdate: "2026-06-01T16:00:00.000Z",
      renewal: "2026-06-01T16:00:00.000Z",
      alertChannel: "CALERTS",
      approvalsChannel: "CAPPROVALS",
      billingContacts: ["UBILL1", "UBILL2"],
      thresholds: [
        { percent: 75, count: 1_500 },
        { percent: 90, count: 1_800 },
        { percent: 98, count: 1_960 },
      ],
      reminderDays: [3, 1],
      renewalReminderDays: 7,
      directLimit: 10,
    },
    "intake-held": { count: 5, keyId: text, ownerId: "UOWNER" },
    "request-reopened": { requestId: "R7X", count: 20, action: "marketing", reason: text },
    "rule-paused": {
      rule: text,
      filter: `email contains "${text}"`,
      reason: "its owner <@UOWNER> no longer has access",
    },
    "webhook-disabled": {
      webhookId: 7,
      origin: `https://${text.slice(0, 50)}.example.com`,
      failingSince: "2026-05-12T14:00:00.000Z",
      attempts: 80,
      lastError: text,
    },
  };
}

const notices = (text: string): Notice[] =>
  Object.entries(payloads(text)).map(([kind, payload]) => ({ kind, payload }) as Notice);

/** Each block's own text limits. */
function overLimits(blocks: KnownBlock[]): string[] {
  const over: string[] = [];
  if (blocks.length > LIMITS.blocksPerMessage) over.push(`${blocks.length} blocks`);
  for (const b of blocks) {
    if (b.type === "section") {
      if (b.text && b.text.text.length > LIMITS.sectionText) over.push(`section ${b.text.text.length}`);
      for (const f of b.fields ?? []) if (f.text.length > LIMITS.fieldText) over.push(`field ${f.text.length}`);
    }
    if (b.type === "header" && b.text.text.length > LIMITS.headerText) over.push(`header ${b.text.text.length}`);
    if (b.type === "context") {
      for (const e of b.elements)
        if ("text" in e && typeof e.text === "string" && e.text.length > LIMITS.contextText)
          over.push(`context ${e.text.length}`);
    }
  }
  return over;
}

const LOCALES: Locale[] = ["en", "sv", "nl", "pl"];

describe.each(LOCALES)("every notice rendered for Slack in %s", (locale) => {
  for (const [label, text] of [
    ["hostile text", HOSTILE],
    ["hostile text of 5,000 characters", LONG],
  ] as const) {
    it(`escapes ${label}, keeps our mentions and stays within Slack's limits`, () => {
      const escaped = "&lt;!channel&gt; &amp; &lt;https://evil.example|click&gt; &lt;@UEVIL&gt;";
      for (const n of notices(text)) {
        const { text: fallback, blocks } = renderAnswer(noticeAnswer(n, locale));
        const texts = mrkdwnOf(blocks);
        expect(texts.length, n.kind).toBeGreaterThan(0);
        for (const t of [...texts, fallback]) {
          expect(unsafeMarkup(t), `${n.kind}: ${t.slice(0, 200)}`).toBeNull();
          expect(t, n.kind).not.toMatch(/\bR1?\d\b/);
        }
        expect(overLimits(blocks), n.kind).toEqual([]);
        expect(fallback.length, n.kind).toBeLessThanOrEqual(LIMITS.messageText);
        const all = texts.join("\n");
        // Where the notice quotes user text, it shows it escaped (the start survives any cut).
        if (JSON.stringify(n.payload).includes("evil.example")) expect(all, n.kind).toContain(escaped);
      }
    });
  }

  it("names people as mentions and channels as links, and keeps commands as code", () => {
    const all = notices(HOSTILE).flatMap((n) => mrkdwnOf(renderAnswer(noticeAnswer(n, locale)).blocks));
    const joined = all.join("\n");
    if (locale === "en") {
      expect(joined).toContain("by DM to <@UBILL1>, <@UBILL2>");
      expect(joined).toContain("in <#CALERTS>");
      expect(joined).toContain("maker <@UOWNER>");
    }
    for (const ours of ["<@UBILL1>, <@UBILL2>", "<#CALERTS>", "its owner <@UOWNER> no longer has access"])
      expect(joined).toContain(ours);
    expect(joined).toContain("`/contacts tier downgrade &lt;limit&gt;`");
    expect(joined).toContain("`/contacts access grant &lt;@UOWNER&gt;`");
  });

  it("reads the same in a terminal: the user text as typed, no markup", () => {
    for (const n of notices(HOSTILE)) {
      const plain = noticeAnswer(n, locale).text;
      expect(plain, n.kind).not.toMatch(/&lt;|&amp;|:[a-z_]+:/);
      if (JSON.stringify(n.payload).includes("evil.example")) expect(plain, n.kind).toContain(HOSTILE);
    }
  });
});
