import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { eventSummary as summaryRich } from "../../src/commands/handlers/reports.ts";
import { escapeMrkdwn, toMrkdwn, unescapeMrkdwn } from "../../src/slack/render/mrkdwn.ts";

const eventSummary = (kind: string, summary: string) => toMrkdwn(summaryRich(kind, summary));

describe("escapeMrkdwn", () => {
  it("turns mentions, broadcasts and links into text Slack shows as typed", () => {
    expect(escapeMrkdwn("<!channel> <https://evil.example|Approve here>")).toBe(
      "&lt;!channel&gt; &lt;https://evil.example|Approve here&gt;",
    );
    expect(escapeMrkdwn("<@U123> & <#C1|general> <!subteam^S1>")).toBe(
      "&lt;@U123&gt; &amp; &lt;#C1|general&gt; &lt;!subteam^S1&gt;",
    );
  });

  it("escapes an entity typed as text, so it shows as typed rather than as the character", () => {
    expect(escapeMrkdwn("&lt;!here&gt; &amp;")).toBe("&amp;lt;!here&amp;gt; &amp;amp;");
  });

  it("leaves formatting characters, emoji codes and everything else alone", () => {
    expect(escapeMrkdwn("*bold* _it_ `code` ~s~ :tada: “quotes” é 名前")).toBe(
      "*bold* _it_ `code` ~s~ :tada: “quotes” é 名前",
    );
  });

  it("leaves no raw <, > or bare & whatever the text, and unescapeMrkdwn gives the text back", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("<", ">", "&", "a", "l", "t", "g", ";", "m", "p", "!", "@") }),
        (s) => {
          const escaped = escapeMrkdwn(s);
          expect(escaped).not.toMatch(/[<>]|&(?!(?:amp|lt|gt);)/);
          expect(unescapeMrkdwn(escaped)).toBe(s);
        },
      ),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (s) => unescapeMrkdwn(escapeMrkdwn(s)) === s),
      { numRuns: 300 },
    );
  });
});

describe("audit summaries for mrkdwn", () => {
  it("are escaped whole; only role changes and reopened requests keep their mentions", () => {
    expect(eventSummary("list.add", 'Added to list "<!channel> <@U1>"')).toBe(
      'Added to list "&lt;!channel&gt; &lt;@U1&gt;"',
    );
    expect(eventSummary("user.admins.add", "Made admin: <@U123>")).toBe("Made admin: <@U123>");
    expect(eventSummary("request.reopened", "Request R1 …: <@U9>, who asked for it, no longer …")).toBe(
      "Request R1 …: <@U9>, who asked for it, no longer …",
    );
    expect(eventSummary("rule.paused", 'Rule "<!here>" paused: its owner <@U1> no longer …')).toBe(
      'Rule "&lt;!here&gt;" paused: its owner &lt;@U1&gt; no longer …',
    );
  });
});
