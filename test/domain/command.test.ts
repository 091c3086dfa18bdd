import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Command, parseCommand, USAGE, usageFor } from "../../src/domain/command/index.ts";

// Monday 9 March 2026, 11:30 in New York (EDT since the day before).
const now = new Date("2026-03-09T15:30:00Z");
const NY = { now, timeZone: "America/New_York" };

function parsed(text: string, ctx = NY): Command {
  const result = parseCommand(text, ctx);
  if (!result.ok) throw new Error(`"${text}" was refused: ${result.error}`);
  return result.command;
}

function refused(text: string, ctx = NY): { error: string; usage: string } {
  const result = parseCommand(text, ctx);
  if (result.ok) throw new Error(`"${text}" was accepted as ${JSON.stringify(result.command)}`);
  return { error: result.error, usage: result.usage };
}

describe("help", () => {
  it("answers empty text and help with the full usage", () => {
    expect(parsed("")).toEqual({ kind: "help", topic: null });
    expect(parsed("   ")).toEqual({ kind: "help", topic: null });
    expect(parsed("help")).toEqual({ kind: "help", topic: null });
    expect(parsed("HELP")).toEqual({ kind: "help", topic: null });
  });

  it("narrows help to one subcommand, including two-word and sub-subcommands", () => {
    expect(parsed("help status")).toEqual({ kind: "help", topic: "status" });
    expect(parsed("help next update")).toEqual({ kind: "help", topic: "next-update" });
    expect(parsed("help approve")).toEqual({ kind: "help", topic: "requests" });
    expect(parsed("help list add")).toEqual({ kind: "help", topic: "lists" });
    expect(parsed("help filters")).toEqual({ kind: "help", topic: "filters" });
  });

  it("refuses help for a subcommand that does not exist", () => {
    const { error, usage } = refused("help blorp");
    expect(error).toBe(`There's no subcommand "blorp".`);
    expect(usage).toBe(USAGE);
  });

  it("has usage for every subcommand in the full usage text, as Slack mrkdwn", () => {
    for (const sub of ["status", "set", "bulk", "delete", "manage", "tier", "usage", "forecast", "history"]) {
      expect(USAGE).toContain(`\`/contacts ${sub}`);
    }
    for (const sub of ["next-update", "can-market", "lists", "list create", "rules", "requests", "approve", "reject"]) {
      expect(USAGE).toContain(`\`/contacts ${sub}`);
    }
    for (const sub of ["settings", "access", "admins", "billing-contacts", "import", "tier downgrade"]) {
      expect(USAGE).toContain(`\`/contacts ${sub}`);
    }
    expect(USAGE).toMatch(/\*[^*]+\*/);
  });

  it("gives one subcommand's usage, and the full usage for an unknown one", () => {
    expect(usageFor("status")).toContain("`/contacts status <email>`");
    expect(usageFor("status")).not.toContain("/contacts tier");
    expect(usageFor("approve")).toContain("`/contacts approve <id> [confirm <count>]`");
    expect(usageFor("SETTINGS")).toContain("`/contacts settings reminders 3d,1d`");
    expect(usageFor("next update")).toContain("`/contacts next-update`");
    expect(usageFor("blorp")).toBe(USAGE);
  });
});

describe("unknown subcommands", () => {
  it("suggests a near miss", () => {
    const { error, usage } = refused("stauts ana@example.com");
    expect(error).toBe('"stauts" isn\'t a subcommand I know; did you mean `status`?');
    expect(usage).toBe(USAGE);
  });

  it("says plainly when there is no near miss", () => {
    expect(refused("frobnicate").error).toBe(`"frobnicate" isn't a subcommand I know.`);
  });
});

describe("status and can-market", () => {
  it("reads one email, lower-cased", () => {
    expect(parsed("status Ana@Example.com")).toEqual({ kind: "status", email: "ana@example.com" });
    expect(parsed("can-market ana@example.com")).toEqual({ kind: "can-market", email: "ana@example.com" });
    expect(parsed("can market ana@example.com")).toEqual({ kind: "can-market", email: "ana@example.com" });
  });

  it("refuses a missing, invalid or second email with that subcommand's usage", () => {
    const missing = refused("status");
    expect(missing.error).toBe("Give an email address, e.g. `status ana@example.com`.");
    expect(missing.usage).toBe(usageFor("status"));
    expect(refused("status ana").error).toBe(`"ana" isn't a valid email address.`);
    expect(refused("status a@b.com c@d.com").error).toContain("takes one email address");
    expect(refused("can-market nobody").usage).toBe(usageFor("can-market"));
  });
});

describe("set", () => {
  it("sets marketing or non-marketing for emails, deduplicated and lower-cased", () => {
    expect(parsed("set marketing a@b.com C@D.com")).toEqual({
      kind: "set",
      to: "marketing",
      emails: ["a@b.com", "c@d.com"],
    });
    expect(parsed("SET Non-Marketing a@b.com, A@B.com,c@d.com")).toEqual({
      kind: "set",
      to: "non-marketing",
      emails: ["a@b.com", "c@d.com"],
    });
    expect(parsed("set non marketing a@b.com")).toEqual({
      kind: "set",
      to: "non-marketing",
      emails: ["a@b.com"],
    });
  });

  it("tolerates extra whitespace and non-breaking spaces", () => {
    expect(parsed("  set   marketing \u00a0 a@b.com\tc@d.com  ")).toEqual({
      kind: "set",
      to: "marketing",
      emails: ["a@b.com", "c@d.com"],
    });
  });

  it("takes up to 400 emails", () => {
    const emails = Array.from({ length: 400 }, (_, i) => `${i.toString(36)}@x.io`);
    const command = parsed(`set non-marketing ${emails.join(",")}`);
    expect(command.kind === "set" && command.emails.length).toBe(400);
    const tooMany = refused(`set non-marketing ${emails.join(",")},zz@x.io`);
    expect(tooMany.error).toContain("at most 400");
  });

  it("refuses a missing status, missing emails and invalid emails", () => {
    expect(refused("set ana@example.com").error).toContain("Say `marketing` or `non-marketing` after `set`");
    expect(refused("set marketing").error).toContain("Give at least one email address");
    const invalid = refused("set marketing a@b.com nope also-bad");
    expect(invalid.error).toBe(`"nope" (and 1 more) isn't a valid email address.`);
    expect(invalid.usage).toBe(usageFor("set"));
  });
});

describe("bulk", () => {
  it("takes a list selector, quoted or not", () => {
    expect(parsed('bulk marketing list:"Spring webinar"')).toEqual({
      kind: "bulk",
      to: "marketing",
      selector: { type: "list", name: "Spring webinar" },
      at: null,
    });
    expect(parsed("bulk non-marketing list:Webinar")).toEqual({
      kind: "bulk",
      to: "non-marketing",
      selector: { type: "list", name: "Webinar" },
      at: null,
    });
    expect(parsed("bulk marketing list:“Spring webinar”")).toMatchObject({
      selector: { type: "list", name: "Spring webinar" },
    });
  });

  it("takes unengaged", () => {
    expect(parsed("bulk non-marketing unengaged")).toEqual({
      kind: "bulk",
      to: "non-marketing",
      selector: { type: "unengaged" },
      at: null,
    });
  });

  it("takes a filter after where", () => {
    const command = parsed('bulk non-marketing where last_engaged < "6 months ago" and bounced = true');
    expect(command).toEqual({
      kind: "bulk",
      to: "non-marketing",
      selector: {
        type: "filter",
        filter: {
          conditions: [
            { field: "last_engaged", op: "<", value: new Date("2025-09-09T15:30:00Z") },
            { field: "bounced", op: "=", value: true },
          ],
          text: 'last_engaged < "6 months ago" and bounced = true',
        },
      },
      at: null,
    });
  });

  it("takes a list of emails", () => {
    expect(parsed("bulk marketing a@b.com c@d.com")).toEqual({
      kind: "bulk",
      to: "marketing",
      selector: { type: "emails", emails: ["a@b.com", "c@d.com"] },
      at: null,
    });
  });

  it("schedules at a future time in the user's zone", () => {
    expect(parsed("bulk non-marketing unengaged at 9am next friday")).toMatchObject({
      at: new Date("2026-03-20T13:00:00Z"),
    });
    expect(parsed("bulk non-marketing unengaged at 9am next friday", { now, timeZone: "Europe/Berlin" })).toMatchObject(
      {
        at: new Date("2026-03-20T08:00:00Z"),
      },
    );
    expect(parsed("bulk non-marketing where bounced = true at tomorrow")).toMatchObject({
      selector: { type: "filter", filter: { text: "bounced = true" } },
      at: new Date("2026-03-10T04:00:00Z"),
    });
    // 9am has passed today in New York, so a bare 9am is tomorrow's.
    expect(parsed("bulk marketing list:VIP at 9am")).toMatchObject({ at: new Date("2026-03-10T13:00:00Z") });
  });

  it("refuses a time in the past", () => {
    const { error, usage } = refused("bulk marketing unengaged at yesterday");
    expect(error).toContain(`"yesterday" is not in the future`);
    expect(usage).toBe(usageFor("bulk"));
  });

  it("refuses a missing status, a missing or unknown selector, and a bad filter or date", () => {
    expect(refused("bulk unengaged").error).toContain("Say `marketing` or `non-marketing` after `bulk`");
    expect(refused("bulk marketing").error).toContain("Say which contacts");
    expect(refused("bulk marketing everyone please").error).toContain(`"everyone please"`);
    expect(refused("bulk marketing unengaged extra").error).toContain("`unengaged` stands alone");
    expect(refused("bulk marketing where colour = red").error).toContain(`"colour" isn't a field`);
    expect(refused("bulk marketing where").error).toContain("The filter is empty");
    expect(refused("bulk marketing unengaged at").error).toContain("Say when after `at`");
    expect(refused("bulk marketing unengaged at blorp").error).toContain(`I couldn't read "blorp" as a date`);
  });
});

describe("delete", () => {
  it("takes emails", () => {
    expect(parsed("delete a@b.com c@d.com")).toEqual({ kind: "delete", emails: ["a@b.com", "c@d.com"] });
  });

  it("refuses no emails", () => {
    expect(refused("delete").usage).toBe(usageFor("delete"));
  });
});

describe("subcommands without arguments", () => {
  it("reads each one", () => {
    expect(parsed("manage")).toEqual({ kind: "manage" });
    expect(parsed("tier")).toEqual({ kind: "tier" });
    expect(parsed("forecast")).toEqual({ kind: "forecast" });
    expect(parsed("next-update")).toEqual({ kind: "next-update" });
    expect(parsed("next update")).toEqual({ kind: "next-update" });
    expect(parsed("Next_Update")).toEqual({ kind: "next-update" });
    expect(parsed("lists")).toEqual({ kind: "lists", contains: null });
    expect(parsed("requests")).toEqual({ kind: "requests" });
    expect(parsed("settings")).toEqual({ kind: "settings" });
    expect(parsed("rules")).toEqual({ kind: "rules" });
  });

  it("accepts the command text with /contacts in front, as the CLI may pass it", () => {
    expect(parsed("/contacts tier")).toEqual({ kind: "tier" });
  });

  it("refuses extra words", () => {
    const { error, usage } = refused("forecast next year");
    expect(error).toBe('`forecast` takes nothing after it (I got "next year").');
    expect(usage).toBe(usageFor("forecast"));
  });
});

describe("usage", () => {
  it("reads no period, since and from…to in the user's zone", () => {
    expect(parsed("usage")).toEqual({ kind: "usage", from: null, to: null });
    expect(parsed("usage since last monday")).toEqual({
      kind: "usage",
      from: new Date("2026-03-02T05:00:00Z"),
      to: null,
    });
    expect(parsed("usage from 1 March to yesterday")).toEqual({
      kind: "usage",
      from: new Date("2026-03-01T05:00:00Z"),
      to: new Date("2026-03-09T03:59:59.999Z"),
    });
  });

  it("refuses a backwards period and a period it can't read", () => {
    expect(refused("usage from yesterday to 1 March").error).toContain("must come after its start");
    const { error, usage } = refused("usage lately");
    expect(error).toContain(`I couldn't read "lately" as a period`);
    expect(usage).toBe(usageFor("usage"));
  });
});

describe("history", () => {
  it("reads every combination of email and since", () => {
    expect(parsed("history")).toEqual({ kind: "history", email: null, since: null });
    expect(parsed("history Ana@Example.com")).toEqual({
      kind: "history",
      email: "ana@example.com",
      since: null,
    });
    expect(parsed("history since last monday")).toEqual({
      kind: "history",
      email: null,
      since: new Date("2026-03-02T05:00:00Z"),
    });
    expect(parsed("history ana@example.com since 1 March")).toEqual({
      kind: "history",
      email: "ana@example.com",
      since: new Date("2026-03-01T05:00:00Z"),
    });
  });

  it("refuses what is neither an email nor since", () => {
    expect(refused("history ana").error).toContain(`"ana" isn't an email address`);
    expect(refused("history ana@example.com yesterday").error).toContain("I expected `since <date>`");
    expect(refused("history since").error).toContain("Say since when");
  });
});

describe("lists", () => {
  it("narrows `lists` to names containing the words after it", () => {
    expect(parsed("list")).toEqual({ kind: "lists", contains: null });
    expect(parsed("lists webinar")).toEqual({ kind: "lists", contains: "webinar" });
    expect(parsed('lists "Spring  webinar"')).toEqual({ kind: "lists", contains: "Spring webinar" });
  });

  it("creates a list, quoted or not", () => {
    expect(parsed('list create "Spring webinar"')).toEqual({ kind: "list-create", name: "Spring webinar" });
    expect(parsed("list create Webinar")).toEqual({ kind: "list-create", name: "Webinar" });
    expect(parsed("list create ‘Spring webinar’")).toEqual({ kind: "list-create", name: "Spring webinar" });
  });

  it("adds emails to a list", () => {
    expect(parsed('list add "Spring webinar" a@b.com c@d.com')).toEqual({
      kind: "list-add",
      name: "Spring webinar",
      emails: ["a@b.com", "c@d.com"],
    });
    expect(parsed("list add Webinar a@b.com")).toEqual({
      kind: "list-add",
      name: "Webinar",
      emails: ["a@b.com"],
    });
  });

  it("suggests quoting a list name with spaces", () => {
    const { error, usage } = refused("list add Spring webinar a@b.com");
    expect(error).toContain('quote it: `list add "Spring webinar" ana@example.com`');
    expect(usage).toBe(usageFor("lists"));
  });

  it("refuses a missing name, an empty quoted name, and unknown list actions", () => {
    expect(refused("list create").error).toContain("Give the list name");
    expect(refused('list create ""').error).toContain("Give the list name");
    expect(refused("list add").error).toContain("Say which list");
    expect(refused("list add Webinar").error).toContain("Give at least one email address");
    expect(refused("list rename A B").error).toContain("use `list create` or `list add`");
    expect(refused(`list create "${"x".repeat(101)}"`).error).toContain("keep it to 100");
  });
});

describe("rules", () => {
  it("adds a rule with a filter and an outcome", () => {
    expect(parsed('rules add "Stale leads" when last_engaged < "1 year ago" then non-marketing')).toEqual({
      kind: "rules-add",
      name: "Stale leads",
      filter: {
        conditions: [{ field: "last_engaged", op: "<", value: new Date("2025-03-09T15:30:00Z") }],
        text: 'last_engaged < "1 year ago"',
      },
      to: "non-marketing",
      change: false,
    });
    expect(parsed("rules change Webinar leads when source = form then marketing")).toMatchObject({
      kind: "rules-add",
      name: "Webinar leads",
      change: true,
    });
    expect(parsed("rules add Webinar leads when source = form then set marketing")).toMatchObject({
      kind: "rules-add",
      name: "Webinar leads",
      to: "marketing",
    });
  });

  it("enables, disables, removes and tests a rule by name", () => {
    expect(parsed('rules enable "Stale leads"')).toEqual({
      kind: "rules-toggle",
      name: "Stale leads",
      op: "enable",
    });
    expect(parsed("rules disable Stale leads")).toEqual({
      kind: "rules-toggle",
      name: "Stale leads",
      op: "disable",
    });
    expect(parsed("rules remove x")).toEqual({ kind: "rules-toggle", name: "x", op: "remove" });
    expect(parsed("rules delete x")).toEqual({ kind: "rules-toggle", name: "x", op: "remove" });
    expect(parsed("rules test x")).toEqual({ kind: "rules-toggle", name: "x", op: "test" });
  });

  it("refuses a rule without when, then, a valid filter or a status", () => {
    expect(refused("rules add Stale").error).toContain("Say when the rule applies");
    expect(refused("rules add Stale when bounced = true").error).toContain("`then marketing`");
    expect(refused("rules add Stale when bounced = maybe then marketing").error).toContain("`bounced` takes");
    expect(refused("rules add Stale when bounced = true then delete").error).toContain("After `then` say");
    expect(refused("rules add when bounced = true then marketing").error).toContain("Give the rule name");
    expect(refused("rules enable").error).toContain("Give the rule name");
    expect(refused("rules frob").usage).toBe(usageFor("rules"));
  });
});

describe("approve and reject", () => {
  it("approves, with an optional typed count for upgrades", () => {
    expect(parsed("approve R7K2")).toEqual({ kind: "approve", id: "R7K2", confirmCount: null });
    expect(parsed("approve R7K2 confirm 12345")).toEqual({
      kind: "approve",
      id: "R7K2",
      confirmCount: 12345,
    });
    expect(parsed("approve R7K2 CONFIRM 12,345")).toEqual({
      kind: "approve",
      id: "R7K2",
      confirmCount: 12345,
    });
  });

  it("rejects, with an optional reason", () => {
    expect(parsed("reject R7K2")).toEqual({ kind: "reject", id: "R7K2", reason: null });
    expect(parsed("reject R7K2 too many contacts")).toEqual({
      kind: "reject",
      id: "R7K2",
      reason: "too many contacts",
    });
    expect(parsed('reject R7K2 "not this month"')).toEqual({
      kind: "reject",
      id: "R7K2",
      reason: "not this month",
    });
  });

  it("refuses a missing id, a bad id and a confirmation without a number", () => {
    expect(refused("approve").error).toContain("Say which request");
    expect(refused("reject").usage).toBe(usageFor("requests"));
    expect(refused("approve R7K2!").error).toContain("isn't a request id");
    expect(refused("approve R7K2 12345").error).toContain("`approve R7K2 confirm 12,345`");
    expect(refused("approve R7K2 confirm lots").error).toContain(`"lots" isn't a count`);
  });
});

describe("settings", () => {
  const setting = (text: string) => {
    const command = parsed(text);
    if (command.kind !== "settings-set" || command.settings.length !== 1) {
      throw new Error(`not one setting: ${JSON.stringify(command)}`);
    }
    return command.settings[0];
  };

  it("sets the plan and the term", () => {
    expect(setting("settings plan Professional")).toEqual({ key: "plan", value: "professional" });
    expect(setting("settings term annual")).toEqual({ key: "term", value: "annual" });
    expect(setting("settings term monthly")).toEqual({ key: "term", value: "monthly" });
    expect(refused("settings plan gold").error).toBe(
      `"gold" isn't a plan; plans are starter, professional, enterprise.`,
    );
    expect(refused("settings term weekly").error).toContain("use monthly or annual");
  });

  it("sets the contract start as a calendar date, in words or ISO", () => {
    expect(setting("settings start 2025-04-15")).toEqual({ key: "start", value: "2025-04-15" });
    expect(setting("settings start 15 April 2025")).toEqual({ key: "start", value: "2025-04-15" });
    expect(setting("settings start yesterday")).toEqual({ key: "start", value: "2026-03-08" });
    expect(refused("settings start 2025-02-30").error).toContain("not a real calendar date");
  });

  it("sets a valid IANA time zone in its canonical spelling", () => {
    expect(setting("settings timezone Europe/Berlin")).toEqual({ key: "timezone", value: "Europe/Berlin" });
    expect(setting("settings timezone america/new_york")).toEqual({
      key: "timezone",
      value: "America/New_York",
    });
    const { error } = refused("settings timezone Mars/Base");
    expect(error).toContain("America/New_York");
    expect(refused("settings timezone EST5EDT,M3").error).toContain("isn't a time zone");
  });

  it("sets the tier and the direct-change limit as positive whole numbers", () => {
    expect(setting("settings tier 10000")).toEqual({ key: "tier", value: 10000 });
    expect(setting("settings tier 10,000")).toEqual({ key: "tier", value: 10000 });
    expect(setting("settings tier 10k")).toEqual({ key: "tier", value: 10000 });
    expect(setting("settings tier 2.5K")).toEqual({ key: "tier", value: 2500 });
    expect(setting("settings direct-limit 25")).toEqual({ key: "direct-limit", value: 25 });
    expect(refused("settings tier 0").error).toContain("isn't a positive whole number");
    expect(refused("settings tier lots").error).toContain("isn't a positive whole number");
    expect(refused("settings direct-limit 0").error).toContain("isn't a positive whole number");
    expect(refused("settings direct-limit 1.5").error).toContain("isn't a positive whole number");
  });

  it("sets channels from mentions, ids or names", () => {
    expect(setting("settings alert-channel <#C123ABC|billing>")).toEqual({
      key: "alert-channel",
      value: { channel: "C123ABC" },
    });
    expect(setting("settings alert-channel <#C123ABC>")).toEqual({
      key: "alert-channel",
      value: { channel: "C123ABC" },
    });
    expect(setting("settings approvals-channel C123ABC")).toEqual({
      key: "approvals-channel",
      value: { channel: "C123ABC" },
    });
    expect(setting("settings approvals-channel #Approvals")).toEqual({
      key: "approvals-channel",
      value: { channel: "#approvals" },
    });
    expect(refused("settings alert-channel billing").error).toContain("isn't a channel");
    expect(refused("settings alert-channel #a #b").error).toContain("Give one channel");
  });

  it("switches self-approval on and off", () => {
    expect(setting("settings self-approval on")).toEqual({ key: "self-approval", value: true });
    expect(setting("settings self-approval OFF")).toEqual({ key: "self-approval", value: false });
    expect(refused("settings self-approval maybe").error).toBe('`self-approval` is `on` or `off`, not "maybe".');
  });

  it("reads reminders as days, sorted descending, each 1 to 28", () => {
    expect(setting("settings reminders 3d,1d")).toEqual({ key: "reminders", value: [3, 1] });
    expect(setting("settings reminders 1d, 7d, 3d, 3d")).toEqual({ key: "reminders", value: [7, 3, 1] });
    expect(setting("settings reminders off")).toEqual({ key: "reminders", value: [] });
    expect(refused("settings reminders 30d").error).toContain("1 to 28 days");
    expect(refused("settings reminders 0d").error).toContain("1 to 28 days");
    expect(refused("settings reminders soon").error).toContain(`"soon" isn't a number of days`);
  });

  it("reads several settings in one command, each value up to the next setting's name", () => {
    expect(parsed("settings plan enterprise tier 400000 term monthly start 2026-03-15")).toEqual({
      kind: "settings-set",
      settings: [
        { key: "plan", value: "enterprise" },
        { key: "tier", value: 400000 },
        { key: "term", value: "monthly" },
        { key: "start", value: "2026-03-15" },
      ],
    });
    // Values of several words need no quotes; aliases name settings too.
    expect(parsed("settings start 15 March 2026 reminders 7d, 1d tz Europe/Berlin tier 10 000")).toEqual({
      kind: "settings-set",
      settings: [
        { key: "start", value: "2026-03-15" },
        { key: "reminders", value: [7, 1] },
        { key: "timezone", value: "Europe/Berlin" },
        { key: "tier", value: 10000 },
      ],
    });
  });

  it("refuses a setting given twice, a missing value, a bad key among several and api-key or defaults mixed in", () => {
    expect(refused("settings tier 10000 plan starter tier 20000").error).toBe(
      "`tier` is given twice; give each setting once.",
    );
    expect(refused("settings plan enterprise tier").error).toContain("Give a value for `tier`");
    expect(refused("settings plan enterprise tierr 400000").error).toContain(
      "`plan` takes one value, e.g. `settings plan professional`",
    );
    expect(refused("settings plan enterprise tierr 400000").error).toContain('I got "enterprise tierr 400000"');
    expect(refused("settings tier 10000 defaults form marketing").error).toContain("goes on its own");
    expect(refused("settings plan gold tier 10000").error).toContain(`"gold" isn't a plan`);
  });

  it("reads a long run of settings words in linear time", () => {
    const many = `settings reminders ${"1d, ".repeat(900)}1d`;
    const started = performance.now();
    expect(parseCommand(many, NY).ok).toBe(true);
    const keys = `settings ${"plan ".repeat(700)}`;
    expect(parseCommand(keys, NY).ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("`setup` opens the setup form and takes nothing after it", () => {
    expect(parsed("setup")).toEqual({ kind: "setup" });
    expect(refused("setup now").error).toContain("takes nothing after it");
  });

  it("creates, lists and revokes API keys", () => {
    expect(parsed("settings api-key create")).toEqual({
      kind: "settings-api-key",
      op: "create",
      keyId: null,
      scopes: null,
    });
    expect(parsed("settings api-key create changes:read, Contacts:Read")).toEqual({
      kind: "settings-api-key",
      op: "create",
      keyId: null,
      scopes: ["contacts:read", "changes:read"],
    });
    expect(parsed("settings api-key create all")).toMatchObject({
      scopes: ["contacts:read", "contacts:write", "status:write", "changes:read"],
    });
    expect(refused("settings api-key create contacts:read admin:everything").error).toContain(
      "admin:everything is not a scope",
    );
    expect(parsed("settings api-key revoke k_123")).toEqual({
      kind: "settings-api-key",
      op: "revoke",
      keyId: "k_123",
      scopes: null,
    });
    expect(parsed("settings api-key list")).toEqual({
      kind: "settings-api-key",
      op: "list",
      keyId: null,
      scopes: null,
    });
    expect(parsed("settings api-key")).toEqual({ kind: "settings-api-key", op: "list", keyId: null, scopes: null });
    expect(refused("settings api-key list all").error).toContain("takes nothing after it");
    expect(refused("settings api-key revoke").error).toContain("Say which key");
    expect(refused("settings api-key rotate").error).toContain("`settings api-key create [scopes]`");
  });

  it("shows and sets creation-source defaults (R15)", () => {
    expect(parsed("settings defaults")).toEqual({
      kind: "settings-defaults",
      source: null,
      sourceId: null,
      value: null,
    });
    expect(parsed("settings defaults form:contact-us marketing")).toEqual({
      kind: "settings-defaults",
      source: "form",
      sourceId: "contact-us",
      value: "marketing",
    });
    expect(parsed("settings defaults form non-marketing")).toEqual({
      kind: "settings-defaults",
      source: "form",
      sourceId: null,
      value: "non-marketing",
    });
    expect(parsed("settings defaults api non-marketing")).toEqual({
      kind: "settings-defaults",
      source: "api",
      sourceId: null,
      value: "non-marketing",
    });
    expect(parsed("settings defaults integration:Salesforce marketing")).toEqual({
      kind: "settings-defaults",
      source: "integration",
      sourceId: "salesforce",
      value: "marketing",
    });
    expect(parsed("settings defaults chatflow:cf-9 marketing")).toMatchObject({
      source: "chatflow",
      sourceId: "cf-9",
    });
  });

  it("refuses defaults for fixed sources, a missing app, and a missing status", () => {
    expect(refused("settings defaults manual marketing").error).toContain("always non-marketing");
    expect(refused("settings defaults import marketing").error).toContain("`import marketing`");
    expect(refused("settings defaults integration marketing").error).toContain("Say which app");
    expect(refused("settings defaults api:x marketing").error).toContain("one default for the whole account");
    expect(refused("settings defaults form:contact-us").error).toContain("Say `marketing` or `non-marketing`");
    expect(refused("settings defaults fax marketing").error).toContain(`"fax" isn't a source`);
  });

  it("refuses an unknown key or a missing value, listing what is possible", () => {
    const unknown = refused("settings colour red");
    expect(unknown.error).toContain("`plan`, `term`, `start`, `timezone`");
    expect(unknown.usage).toBe(usageFor("settings"));
    expect(refused("settings plan").error).toContain("Give a value for `plan`");
  });
});

describe("access, admins and billing contacts", () => {
  it("reads users as mentions with or without a label, or as bare ids", () => {
    expect(parsed("access grant <@U123|ana>")).toEqual({ kind: "access", op: "grant", userId: "U123" });
    expect(parsed("access revoke <@U123ABC>")).toEqual({ kind: "access", op: "revoke", userId: "U123ABC" });
    expect(parsed("admins add U0ABC")).toEqual({ kind: "admins", op: "add", userId: "U0ABC" });
    expect(parsed("billing-contacts add <@U999>")).toEqual({
      kind: "billing-contacts",
      op: "add",
      userId: "U999",
    });
    expect(parsed("billing contacts remove U999")).toEqual({
      kind: "billing-contacts",
      op: "remove",
      userId: "U999",
    });
  });

  it("lists billing contacts when given nothing", () => {
    expect(parsed("billing-contacts")).toEqual({ kind: "billing-contacts", op: "list" });
  });

  it("refuses a missing or unlinked user, a second user and an unknown action", () => {
    expect(refused("access grant").error).toContain("Say which user");
    expect(refused("access revoke @ana").error).toContain("I can't tell who");
    expect(refused("admins add ana").error).toContain("isn't a Slack user");
    expect(refused("admins add u123").error).toContain("isn't a Slack user");
    expect(refused("admins add U123 U456").error).toContain("One user at a time");
    expect(refused("access give U123").error).toContain("Say `grant` or `revoke`");
    expect(refused("admins promote U123").usage).toBe(usageFor("admins"));
  });
});

describe("tier downgrade", () => {
  it("schedules and cancels a downgrade", () => {
    expect(parsed("tier downgrade 5000")).toEqual({ kind: "tier-downgrade", limit: 5000 });
    expect(parsed("tier downgrade 5k")).toEqual({ kind: "tier-downgrade", limit: 5000 });
    expect(parsed("tier downgrade cancel")).toEqual({ kind: "tier-downgrade-cancel" });
  });

  it("refuses a missing or unreadable limit", () => {
    expect(refused("tier downgrade").error).toContain("Say the tier to go down to");
    expect(refused("tier downgrade half").error).toContain(`"half" isn't a contact limit`);
    expect(refused("tier upgrade").usage).toBe(usageFor("tier"));
  });
});

describe("import", () => {
  it("reads an optional list, marketing flag and file reference", () => {
    expect(parsed("import")).toEqual({ kind: "import", fileRef: null, list: null, marketing: false });
    expect(parsed('import list:"Spring webinar" marketing')).toEqual({
      kind: "import",
      fileRef: null,
      list: "Spring webinar",
      marketing: true,
    });
    expect(parsed("import marketing list:Webinar F0123ABCDE")).toEqual({
      kind: "import",
      fileRef: "F0123ABCDE",
      list: "Webinar",
      marketing: true,
    });
  });

  it("refuses words it does not know", () => {
    const { error, usage } = refused("import everything");
    expect(error).toContain(`I don't know what "everything" means here`);
    expect(usage).toBe(usageFor("import"));
  });
});

describe("quotes", () => {
  it("straightens smart quotes and leaves entities as typed", () => {
    expect(parsed("list create “Spring webinar”")).toEqual({ kind: "list-create", name: "Spring webinar" });
    expect(parsed("list create “Tom & Jerry’s”")).toEqual({ kind: "list-create", name: "Tom & Jerry's" });
    expect(parsed("list create &quot;x&quot;")).toEqual({ kind: "list-create", name: "&quot;x&quot;" });
  });

  it("reports an unclosed quote with the subcommand's usage", () => {
    const { error, usage } = refused('list create "Spring webinar');
    expect(error).toContain("never closed");
    expect(usage).toBe(usageFor("lists"));
  });
});

describe("never throws", () => {
  it("returns ok true or false for arbitrary strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const result = parseCommand(text, NY);
        expect(typeof result.ok).toBe("boolean");
        if (!result.ok) {
          expect(result.error.length).toBeGreaterThan(0);
          expect(result.usage.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 500 },
    );
  });

  it("returns ok true or false for command-like word salad", () => {
    const words = [
      "help",
      "status",
      "set",
      "bulk",
      "marketing",
      "non-marketing",
      "where",
      "at",
      "list",
      "list:",
      "unengaged",
      "created",
      ">",
      "<",
      "=",
      "and",
      "or",
      "yesterday",
      "tomorrow",
      "1",
      "March",
      "a@b.com",
      '"',
      "“",
      "‘",
      "'",
      "settings",
      "defaults",
      "form:x",
      "tier",
      "downgrade",
      "rules",
      "add",
      "when",
      "then",
      "approve",
      "confirm",
      "reject",
      "history",
      "since",
      "usage",
      "from",
      "to",
      "<@U1>",
      "<#C1>",
      "&lt;",
      "import",
      "access",
      "grant",
      "billing-contacts",
      "reminders",
      "3d,1d",
      "timezone",
      "10k",
      ",",
      "",
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...words), { maxLength: 12 }),
        fc.constantFrom(" ", "  ", ""),
        (parts, gap) => {
          const result = parseCommand(parts.join(gap === "" ? " " : gap), NY);
          expect(typeof result.ok).toBe("boolean");
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("does not take words that name JavaScript object properties for subcommands, settings or sources", () => {
    expect(refused("constructor").error).toContain(`"constructor" isn't a subcommand I know`);
    expect(refused("help constructor").error).toContain(`There's no subcommand "constructor"`);
    expect(refused("settings constructor 3d").error).toContain(`"constructor" isn't a setting`);
    expect(refused("settings __proto__ 3d").error).toContain(`"__proto__" isn't a setting`);
    expect(refused("settings defaults constructor marketing").error).toContain(`"constructor" isn't a source`);
  });

  it("survives an unknown time zone and huge input", () => {
    expect(parseCommand("history since yesterday", { now, timeZone: "Nowhere/Land" }).ok).toBe(false);
    expect(parseCommand("tier", { now, timeZone: "Nowhere/Land" }).ok).toBe(true);
    expect(parseCommand(`set marketing ${"x".repeat(200_000)}`, NY).ok).toBe(false);
  });
});

describe("spike settings", () => {
  const ctx = { now: new Date("2026-05-15T14:00:00Z"), timeZone: "America/New_York" };
  it("parses spike-percent with or without % and spike-min with thousands", () => {
    expect(parseCommand("settings spike-percent 15%", ctx)).toEqual({
      ok: true,
      command: { kind: "settings-set", settings: [{ key: "spike-percent", value: 15 }] },
    });
    expect(parseCommand("settings spike-min 1,500", ctx)).toEqual({
      ok: true,
      command: { kind: "settings-set", settings: [{ key: "spike-min", value: 1500 }] },
    });
  });
  it("refuses a share outside 1–100", () => {
    const r = parseCommand("settings spike-percent 150", ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/percentage from 1 to 100/);
  });
});

describe("language setting", () => {
  const ctx = { now: new Date("2026-05-15T14:00:00Z"), timeZone: "America/New_York" };
  it("reads a language code or the language's name", () => {
    for (const [typed, value] of [
      ["pl", "pl"],
      ["Svenska", "sv"],
      ["dutch", "nl"],
      ["EN", "en"],
    ]) {
      expect(parseCommand(`settings language ${typed}`, ctx)).toEqual({
        ok: true,
        command: { kind: "settings-set", settings: [{ key: "language", value }] },
      });
    }
  });
  it("refuses a language tierkeeper does not speak", () => {
    const r = parseCommand("settings language de", ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/en, sv, nl or pl/);
  });
});
