// Slash-command text as Slack sends it (`&`, `<`, `>` escaped, emails and URLs auto-linked,
// mentions labelled) reads as what the user typed.
import { describe, expect, it } from "vitest";
import { type Command, parseCommand } from "../../src/domain/command/index.ts";
import { plainCommandText } from "../../src/slack/command-text.ts";

// Monday 9 March 2026, 11:30 in New York.
const NY = { now: new Date("2026-03-09T15:30:00Z"), timeZone: "America/New_York" };

/** The command the slash command reads from `text` as Slack sends it. */
function parsed(text: string): Command {
  const result = parseCommand(plainCommandText(text), NY);
  if (!result.ok) throw new Error(`"${text}" was refused: ${result.error}`);
  return result.command;
}

describe("text from Slack", () => {
  it("accepts Slack's auto-linked email", () => {
    expect(parsed("status <mailto:Ana@Example.com|Ana@Example.com>")).toEqual({
      kind: "status",
      email: "ana@example.com",
    });
  });

  it("reads Slack's escaped < and > in a filter", () => {
    expect(parsed("bulk non-marketing where created &lt; yesterday")).toMatchObject({
      selector: { type: "filter", filter: { conditions: [{ field: "created", op: "<" }] } },
    });
  });

  it("reads a mention whose label has spaces", () => {
    expect(parsed("admins remove <@W12345|Ana Smith>")).toEqual({
      kind: "admins",
      op: "remove",
      userId: "W12345",
    });
  });

  it("decodes Slack's escapes, once", () => {
    expect(parsed("list create R&amp;D")).toEqual({ kind: "list-create", name: "R&D" });
    expect(parsed("list create &quot;x&quot;")).toEqual({ kind: "list-create", name: "&quot;x&quot;" });
    // Typed `R&amp;D` reaches us as `R&amp;amp;D`.
    expect(parsed("list create R&amp;amp;D")).toEqual({ kind: "list-create", name: "R&amp;D" });
  });

  it("unwraps auto-linked domains in filters", () => {
    expect(parsed("bulk non-marketing where domain = <http://acme.com|acme.com>")).toMatchObject({
      selector: { type: "filter", filter: { conditions: [{ field: "domain", op: "=", value: "acme.com" }] } },
    });
  });
});
