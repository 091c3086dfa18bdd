// Dates typed in the user's language: a Swedish Slack user's "förra måndagen" is read (their Slack
// locale, from users.info), an English one's is not; a terminal reads them in --locale or LANG;
// a rule keeps the language its filter was written in for every later run.

import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localeOfEnv, withLocaleFromEnv } from "../../src/cli/locale.ts";
import { automationRules, users } from "../../src/db/schema.ts";
import { enabledRules } from "../../src/services/rules/index.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { tierkeeperIn } from "../helpers/cli.ts";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  app.fake.userLocales.set("USWEDE", "sv-SE");
  app.fake.userLocales.set("UPOLE", "pl-PL");
  app.fake.userZones.set("USWEDE", "Europe/Stockholm");
  app.fake.userZones.set("UPOLE", "Europe/Warsaw");
});

afterAll(async () => {
  await app?.close();
});

const say = async (text: string, user: string) => String((await (await app.command(text, user)).response()).text);

const cli = (...argv: string[]) => tierkeeperIn(app.env.svc, ...argv);

describe("dates in the user's language", { timeout: 60_000 }, () => {
  it("reads a Swedish user's and a Polish user's dates, and remembers their language", async () => {
    expect(await say("history since förra måndagen", "USWEDE")).not.toMatch(/couldn't read/);
    expect(await say("history since w zeszły poniedziałek", "UPOLE")).not.toMatch(/couldn't read/);
    expect(await say("history since yesterday", "USWEDE")).not.toMatch(/couldn't read/);
    expect(await say("history since förra måndagen", "UADMIN2")).toMatch(/couldn't read "förra måndagen" as a date/);
    const [swede] = await app.env.svc.db
      .select({ locale: users.locale, timeZone: users.timeZone })
      .from(users)
      .where(and(eq(users.accountId, app.accountId), eq(users.userId, "USWEDE")));
    expect(swede).toEqual({ locale: "sv", timeZone: "Europe/Stockholm" });
  });

  it("a rule keeps the language of its filter's dates for every later run", async () => {
    await app.env.svc.db.update(users).set({ role: "admin" }).where(eq(users.userId, "USWEDE"));
    const added = await say('rules add "Gamla" when created < "för 400 dagar sedan" then non-marketing', "USWEDE");
    expect(added).not.toMatch(/couldn't read/);
    const [rule] = await app.env.svc.db.select().from(automationRules).where(eq(automationRules.name, "Gamla"));
    expect(rule?.locale).toBe("sv");
    // Every run reads the filter again ("400 days ago" moves on): in Swedish, so the rule stays in.
    const running = await enabledRules(app.env.svc.db, app.accountId, app.env.svc.clock.now());
    expect(running.map((r) => r.rule.name)).toContain("Gamla");
  });

  it("a terminal reads dates in --locale, or in its LANG", async () => {
    const sv = await cli("run", "history since förra måndagen", "--user", "UADMIN1", "--locale", "sv");
    expect(sv.err).toBe("");
    expect(sv.code).toBe(0);
    const en = await cli("run", "history since förra måndagen", "--user", "UADMIN1");
    expect(en.code).toBe(1);
    expect(en.err).toMatch(/couldn't read/);
    const bad = await cli("run", "tier", "--user", "UADMIN1", "--locale", "xx");
    expect(bad.err).toContain("--locale xx is not a language");
    expect(localeOfEnv({ LANG: "sv_SE.UTF-8" })).toBe("sv");
    expect(localeOfEnv({ LANG: "en_US.UTF-8" })).toBeNull();
    expect(localeOfEnv({ LC_ALL: "pl_PL.UTF-8", LANG: "sv_SE.UTF-8" })).toBe("pl");
    expect(withLocaleFromEnv(["run", "tier", "--user", "U1"], { LANG: "nl_NL.UTF-8" })).toEqual([
      "run",
      "tier",
      "--user",
      "U1",
      "--locale",
      "nl",
    ]);
    expect(withLocaleFromEnv(["run", "tier", "--locale", "en"], { LANG: "nl_NL.UTF-8" })).toEqual([
      "run",
      "tier",
      "--locale",
      "en",
    ]);
    expect(withLocaleFromEnv(["jobs"], { LANG: "nl_NL.UTF-8" })).toEqual(["jobs"]);
  });
});
