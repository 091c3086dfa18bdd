// A refusal's wording reads, in English, word for word as the sentence the service keeps beside it
// (so the catalog is a true reference and translators translate what English users see), and every
// worded refusal reads in Swedish, Dutch and Polish without a gap or a leftover of English.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { worded } from "../../src/commands/i18n/refusals.ts";
import { plain } from "../../src/commands/rich.ts";
import { refusalAnswer, refusalText } from "../../src/commands/run.ts";
import { validateDowngradeTarget } from "../../src/domain/billing.ts";
import { parseCommand } from "../../src/domain/command/index.ts";
import { parseFilter } from "../../src/domain/filter.ts";
import { canAdminister, canApprove, canSetMarketing } from "../../src/domain/permissions.ts";
import { DEFAULT_PRICING } from "../../src/domain/pricing.ts";
import { readSetupAnswers } from "../../src/domain/setup.ts";
import { chooseTier } from "../../src/domain/tier-choice.ts";
import type { BulkRequestView } from "../../src/services/bulk/index.ts";
import { approveRequest, NeedsConfirmation, rejectRequest } from "../../src/services/bulk/index.ts";
import { setStatus } from "../../src/services/contacts.ts";
import { Refusal, type UpgradeRecord } from "../../src/services/context.ts";
import { addToList, createList } from "../../src/services/lists.ts";
import { changeRole } from "../../src/services/roles.ts";
import { addRule } from "../../src/services/rules/manage.ts";
import { type Rule, requireRule, ruleFilter } from "../../src/services/rules/model.ts";
import { changeSettings, SettingRefusal, scheduleDowngrade } from "../../src/services/settings.ts";
import { setupAccount } from "../../src/services/setup.ts";
import { addWebhook, checkPublicHost } from "../../src/services/webhooks/endpoints.ts";
import { makeAccount, seedContacts, type TestEnv, testEnv } from "../helpers/services.ts";

let env: TestEnv;
const refusals: Refusal[] = [];

async function refused(work: Promise<unknown>): Promise<void> {
  try {
    await work;
  } catch (e) {
    if (e instanceof Refusal) {
      refusals.push(e);
      return;
    }
    throw e;
  }
  throw new Error("expected a refusal");
}

beforeAll(async () => {
  env = await testEnv();
  const { accountId, admin, member } = await makeAccount(env, { directLimit: 2 });
  await seedContacts(env, accountId, 5, { prefix: "n" });
  const svc = env.svc;
  const emails = Array.from({ length: 8 }, (_, i) => `gone${i}@x.io`);
  await refused(setStatus(svc, member, "non-marketing", emails));
  await refused(setStatus(svc, member, "non-marketing", ["gone@x.io"]));
  await createList(svc, member, "Spring");
  await refused(createList(svc, member, "Spring"));
  await refused(addToList(svc, member, "Autumn", ["n00001@test.io"]));
  await refused(approveRequest(svc, member, "RNOPE1", null));
  const request = await setStatus(svc, admin, "marketing", ["n00001@test.io", "n00002@test.io", "n00003@test.io"]);
  await refused(approveRequest(svc, member, request.requestId as string, null));
  await refused(approveRequest(svc, admin, request.requestId as string, null));
  await refused(rejectRequest(svc, { accountId, userId: "UOTHER" }, request.requestId as string, null));
  await refused(scheduleDowngrade(svc, member, 1000));
  await refused(scheduleDowngrade(svc, admin, 1500));
  await refused(scheduleDowngrade(svc, admin, 3000));
  await refused(requireRule(svc, accountId, "stale <!here>"));
  await changeRole(svc, admin, accountId, { what: "admins", op: "remove", userId: "UADMIN2" });
  await refused(changeRole(svc, admin, accountId, { what: "admins", op: "remove", userId: "UADMIN1" }));
  // Settings, rules, webhooks and setup.
  await refused(
    changeSettings(svc, admin, [
      { key: "spike-min", value: 1 },
      { key: "spike-min", value: 2 },
    ]),
  );
  await refused(changeSettings(svc, admin, [{ key: "tier", value: 2500 }]));
  const filter = parseFilter("email contains old", { now: new Date("2026-05-15T14:00:00Z"), timeZone: "UTC" });
  if (!filter.ok) throw new Error(filter.error);
  const rule = { name: "Old <!here>", filter: filter.filter, action: "non-marketing" as const, timeZone: "UTC" };
  await addRule(svc, admin, rule);
  await refused(addRule(svc, admin, rule));
  try {
    ruleFilter({ name: "Broken", filter: "colour = red", timeZone: "UTC", locale: null } as Rule, new Date());
  } catch (e) {
    if (e instanceof Refusal) refusals.push(e);
  }
  for (const url of ["not a url", "https://u:p@hooks.example.com/x", "https://hooks.example.com/x#f", "ftp://x.io/y"]) {
    await refused(addWebhook(svc, admin, { url, events: [] }));
  }
  await refused(addWebhook(svc, admin, { url: "https://hooks.example.com/x", events: ["contact.exploded"] }));
  await refused(addWebhook(svc, admin, { url: "https://hooks.example.com/x", events: ["a.b", "c.d"] }));
  await refused(addWebhook({ ...svc, webhookAllowLocal: false }, admin, { url: "https://10.0.0.1/x", events: [] }));
  await refused(addWebhook({ ...svc, webhookAllowLocal: false }, admin, { url: "https://db.internal/x", events: [] }));
  const inside = await checkPublicHost("localhost");
  if (inside) refusals.push(inside);
  await refused(
    setupAccount(svc, admin, {
      settings: [],
      billingContacts: Array.from({ length: 25 }, (_, i) => `UBILL${i}`),
    }),
  );
  // The plan and tier a change would leave, each way it can be refused.
  const tierCases = [
    { currentPlan: "professional", count: 1500, tier: 2500 },
    { currentPlan: "professional", count: 1500, tier: 3000 },
    { currentPlan: "enterprise", count: 1500, tier: 12_000 },
    { currentPlan: "starter", count: 1500, tier: 1000 },
    { currentPlan: "professional", count: 1500, tier: 1000, plan: "starter" },
    { currentPlan: "professional", count: 2_000_000_000, plan: "starter" },
    { currentPlan: "professional", count: 2_000_000_000, tier: 2500 },
  ] as const;
  for (const c of tierCases) {
    const choice = chooseTier({
      pricing: DEFAULT_PRICING,
      currentPlan: c.currentPlan,
      currentLimit: 2000,
      marketingCount: c.count,
      ...("plan" in c ? { plan: c.plan } : {}),
      ...("tier" in c ? { tier: c.tier } : {}),
    });
    if (choice.ok) throw new Error(`expected a refused tier: ${JSON.stringify(c)}`);
    refusals.push(new SettingRefusal(choice.error, choice.key, "invalid", choice.wording));
  }
  refusals.push(
    new NeedsConfirmation({ id: "R7K2", count: 12_345 } as BulkRequestView, { newLimit: 15_000 } as UpgradeRecord),
  );
  for (const no of [
    canSetMarketing({ role: "member", marketingAccess: false }),
    canSetMarketing({ role: "admin", marketingAccess: false }),
    ...["do that", "set tierkeeper up", "manage API keys", "change creation-source defaults", "manage webhooks"].map(
      (action) => canAdminister({ role: "member" }, action),
    ),
    canApprove({ approver: { id: "U1", role: "admin" }, requesterId: "U1", selfApproval: false }),
    canApprove({ approver: { id: "U1", role: "admin" }, requesterId: "U2", causedBy: "U1", selfApproval: false }),
    canApprove({
      approver: { id: "U1", role: "admin", marketingAccess: false },
      requesterId: "U2",
      selfApproval: false,
      action: "marketing",
    }),
    validateDowngradeTarget({ ladder: DEFAULT_PRICING.starter, currentLimit: 50_000, target: 1 }),
  ]) {
    if (no.ok) throw new Error("expected a refusal");
    refusals.push(Refusal.of(no));
  }
});

afterAll(async () => {
  await env?.close();
});

describe("refusals as data", () => {
  it("each refusal here has a wording", () => {
    expect(refusals.length).toBeGreaterThan(45);
    expect(refusals.filter((r) => !r.wording).map((r) => r.message)).toEqual([]);
  });

  it("in English the wording reads exactly as the service's sentence", () => {
    for (const r of refusals) {
      const w = worded("en", r.wording as NonNullable<Refusal["wording"]>);
      expect(w && plain(w), r.wording?.key).toBe(plain(refusalText(r)));
    }
  });

  it("in Swedish, Dutch and Polish every one reads without a gap, and not as the English", () => {
    for (const locale of ["sv", "nl", "pl"] as const) {
      for (const r of refusals) {
        const text = plain(refusalText(r, locale));
        expect(text, `${locale} ${r.wording?.key}`).not.toMatch(/[{}]|undefined|NaN/);
        expect(text, `${locale} ${r.wording?.key}`).not.toBe(plain(refusalText(r)));
      }
    }
  });

  it("numbers in a refusal are the language's; typed text is an argument, never a pattern", () => {
    const tiers = refusals.find((r) => r.wording?.key === "refusal.downgradeNotTier" && r.message.startsWith("1 is"));
    expect(plain(refusalText(tiers as Refusal, "nl"))).toContain("1.000, 2.000, 3.000, 4.000, 5.000, 6.000, …, 49.000");
    expect(plain(refusalText(tiers as Refusal, "pl"))).toContain("1\u00a0000, 2\u00a0000");
    const rule = refusals.find((r) => r.wording?.key === "refusal.noRule") as Refusal;
    expect(plain(refusalText(rule, "sv"))).toContain("”stale <!here>”");
    const confirm = refusals.find((r) => r instanceof NeedsConfirmation) as Refusal;
    expect(refusalText(confirm, "pl")).toContainEqual({ mark: "code", text: "approve R7K2 confirm 12345" });
  });

  it("a translated refusal answer keeps its --json error in English", () => {
    const r = refusals.find((x) => x.wording?.key === "refusal.unknownEmail") as Refusal;
    const a = refusalAnswer(r, "sv");
    expect(a.text).toContain("Det finns ingen kontakt med e-postadressen");
    expect(a.data).toEqual(refusalAnswer(r).data);
    expect(a.data.error).toBe(r.message);
  });

  it("an English user, no language or an unknown one gets the English sentence", () => {
    for (const locale of [undefined, "en", "de", "SV"]) {
      for (const r of refusals) expect(plain(refusalText(r, locale))).toBe(plain(refusalText(r)));
    }
  });
});

describe("filter errors as data", () => {
  const ctx = { now: new Date("2026-05-15T14:00:00Z"), timeZone: "Europe/Stockholm" };
  const wrong = [
    "",
    "colour = red",
    "created",
    "domain ~ acme.com",
    "domain =",
    "domain = a or domain = b",
    "domain = a domain = b",
    "domain = acme.com and",
  ];

  it("each filter a user gets wrong has a wording that reads, in English, as the error", () => {
    for (const text of wrong) {
      const r = parseFilter(text, ctx);
      if (r.ok) throw new Error(`expected an error for ${text}`);
      expect(r.wording, text).toBeDefined();
      const w = worded("en", r.wording as NonNullable<typeof r.wording>);
      expect(w && plain(w), text).toBe(r.error);
      for (const locale of ["sv", "nl", "pl"] as const) {
        const local = plain(worded(locale, r.wording as NonNullable<typeof r.wording>) ?? []);
        expect(local, `${locale} ${text}`).not.toMatch(/[{}]|undefined/);
        expect(local, `${locale} ${text}`).not.toBe(r.error);
      }
    }
  });

  it("the command's parse error carries the filter's wording", () => {
    const r = parseCommand("bulk non-marketing where colour = red", ctx);
    expect(!r.ok && r.wording?.key).toBe("filter.unknownField");
  });
});

describe("setting values, API-key scopes and setup answers as data", () => {
  const ctx = { now: new Date("2026-05-15T14:00:00Z"), timeZone: "Europe/Stockholm" };
  const wrong = [
    "settings plan gold",
    "settings plan starter enterprise",
    "settings term weekly",
    "settings timezone Mars/Olympus",
    "settings spike-percent 500",
    "settings tier lots",
    "settings direct-limit 0",
    "settings language klingon",
    "settings self-approval maybe",
    "settings reminders xd",
    "settings reminders 40d",
    "settings alert-channel #a #b",
    "settings approvals-channel bad!",
    "settings tier",
    "settings spike-min 1 spike-min 2",
    "settings api-key create contacts:delete",
    "settings api-key create nope nada",
  ];

  const check = (english: string, w: NonNullable<Refusal["wording"]> | undefined, what: string) => {
    expect(w, what).toBeDefined();
    const en = worded("en", w as NonNullable<typeof w>);
    expect(en && plain(en), what).toBe(english);
    for (const locale of ["sv", "nl", "pl"] as const) {
      const local = plain(worded(locale, w as NonNullable<typeof w>) ?? []);
      expect(local, `${locale} ${what}`).not.toMatch(/[{}]|undefined|NaN/);
      expect(local, `${locale} ${what}`).not.toBe(english);
    }
  };

  it("each setting value a user gets wrong has a wording that reads, in English, as the error", () => {
    for (const text of wrong) {
      const r = parseCommand(text, ctx);
      if (r.ok) throw new Error(`expected an error for ${text}`);
      check(r.error, r.wording, text);
    }
  });

  it("the setup form's missing answers and a word that isn't a user, each with its wording", () => {
    const r = readSetupAnswers({ timezone: "Mars/Olympus", "billing-contacts": ["UBILL1", "not-a-user"] }, ctx, [
      "plan",
      "tier",
      "term",
      "start",
      "alert-channel",
      "approvals-channel",
    ]);
    expect(Object.keys(r.errors).sort()).toEqual(Object.keys(r.wordings).sort());
    expect(Object.keys(r.errors)).toHaveLength(8);
    for (const [field, error] of Object.entries(r.errors)) {
      check(error, r.wordings[field as keyof typeof r.wordings], field);
    }
  });
});
