// `tierkeeper setup` in a terminal: the setup form's questions as prompts (@inquirer/prompts),
// each checked as it is answered with the same readers as the flags, then one run of
// `tierkeeper setup --plan … --tier …` that saves them (inside the running service, if one holds
// the embedded database). The prompts run here, in the terminal; the database work runs where it can.
import { confirm, input, select } from "@inquirer/prompts";
import { z } from "zod";
import { readSettingValue, type SettingKey } from "../domain/command/index.ts";
import { monthlyPriceCents, type Pricing, smallestTierHolding } from "../domain/pricing.ts";
import { readUserId, SETUP_MISSING, splitUsers } from "../domain/setup.ts";
import { chooseTier } from "../domain/tier-choice.ts";
import { PLANS, type Plan, TERMS } from "../domain/types.ts";
import type { CliIO } from "./context.ts";
import { SETUP_FLAGS, type SetupSnapshot } from "./setup.ts";

/** Where the prompts read keys and draw (a terminal; a test gives streams). */
export type PromptContext = Parameters<typeof input>[1];

/** Runs a tierkeeper command line and returns what it printed (here, or in the running service). */
export type CommandRunner = (argv: string[]) => Promise<{ code: number; stdout: string; stderr: string }>;

/** `setup` with no answer given as a flag, in a terminal: ask. */
export function wantsPrompts(argv: string[], isTTY: boolean): boolean {
  if (argv[0] !== "setup" || !isTTY) return false;
  const rest = argv.slice(1);
  const team = rest.indexOf("--team");
  const others = rest.filter((arg, i) => !(i === team || i === team + 1) && !arg.startsWith("--team="));
  return others.length === 0;
}

const ladder = z.object({
  included: z.number().int().min(1),
  step: z.number().int().min(1),
  basePriceCents: z.number().int().min(0),
  stepPriceCents: z.number().int().min(0),
  maxLimit: z.number().int().min(1),
});

const snapshotSchema = z.object({
  account: z.string(),
  configured: z.boolean(),
  plan: z.enum(PLANS),
  tier: z.number().int(),
  term: z.string(),
  start: z.string(),
  timezone: z.string(),
  alertChannel: z.string().nullable(),
  approvalsChannel: z.string().nullable(),
  billingContacts: z.array(z.string()),
  reminders: z.array(z.number().int()),
  marketingCount: z.number().int().min(0),
  pricing: z.object({ starter: ladder, professional: ladder, enterprise: ladder }),
});

const n = (x: number) => x.toLocaleString("en-US");
const money = (cents: number) =>
  `$${(cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
/** Tiers offered in the list; any other is typed. */
const TIERS_LISTED = 12;
const OTHER_TIER = -1;

/** Asks the setup questions and saves the answers; returns the exit code. */
export async function promptSetup(
  argv: string[],
  deps: { io: CliIO; run: CommandRunner; now: () => Date; context?: PromptContext },
): Promise<number> {
  const team = argv.slice(1);
  const shown = await deps.run(["setup", "--show", "--json", ...team]);
  if (shown.code !== 0) {
    if (shown.stderr) deps.io.err(shown.stderr.trimEnd());
    return shown.code;
  }
  const parsed = snapshotSchema.safeParse(safeJson(shown.stdout));
  if (!parsed.success) {
    deps.io.err("tierkeeper could not read the account's setup; nothing was changed.");
    return 1;
  }
  const current = parsed.data;
  const pricing: Pricing = current.pricing;
  try {
    const flags = await ask(current, pricing, deps);
    if (flags === null) {
      deps.io.out("Nothing was changed.");
      return 0;
    }
    const saved = await deps.run(["setup", ...flags, ...team]);
    if (saved.stdout) deps.io.out(saved.stdout.trimEnd());
    if (saved.stderr) deps.io.err(saved.stderr.trimEnd());
    return saved.code;
  } catch (e) {
    if (e instanceof Error && (e.name === "ExitPromptError" || e.name === "AbortPromptError")) {
      deps.io.err("Setup cancelled; nothing was changed.");
      return 1;
    }
    throw e;
  }
}

/** The questions, in the form's order; the answers as `setup` flags, or null when not confirmed. */
async function ask(
  current: SetupSnapshot & { plan: Plan },
  pricing: Pricing,
  deps: { io: CliIO; now: () => Date; context?: PromptContext },
): Promise<string[] | null> {
  const ctx = deps.context;
  const dateCtx = { now: deps.now(), timeZone: current.timezone };
  const check = (key: SettingKey) => (text: string) => {
    const read = readSettingValue(key, text, dateCtx);
    return read.ok ? true : read.error;
  };
  const normalized = (key: SettingKey, text: string): string => {
    const read = readSettingValue(key, text, dateCtx);
    if (!read.ok) return text;
    const v = read.setting.value;
    if (Array.isArray(v)) return v.length ? v.map((d) => `${d}d`).join(",") : "off";
    if (typeof v === "object" && v !== null && "channel" in v) return v.channel;
    return String(v);
  };
  deps.io.out(
    current.configured
      ? `Settings of ${current.account}. Press Enter to keep a value.`
      : `Setting up tierkeeper for ${current.account}: ${n(current.marketingCount)} marketing contacts today. Press Enter to keep a value.`,
  );
  const plan = await select(
    {
      message: "Plan",
      choices: PLANS.map((p) => ({
        value: p,
        name: p,
        description: `from ${n(pricing[p].included)} contacts for ${money(pricing[p].basePriceCents)}/month`,
      })),
      default: current.plan,
    },
    ctx,
  );
  const ladder = pricing[plan];
  const first = smallestTierHolding(ladder, current.marketingCount);
  const listed: number[] = [];
  for (let l = first; l <= ladder.maxLimit && listed.length < TIERS_LISTED; l += ladder.step) listed.push(l);
  const keep = plan === current.plan && listed.includes(current.tier) ? current.tier : listed[0];
  let tier = await select(
    {
      message: `Contact tier (${n(current.marketingCount)} marketing contacts today)`,
      choices: [
        ...listed.map((l) => ({ value: l, name: `${n(l)} contacts — ${money(monthlyPriceCents(ladder, l))}/month` })),
        { value: OTHER_TIER, name: "Another tier (type it)" },
      ],
      default: plan === current.plan && !listed.includes(current.tier) ? OTHER_TIER : keep,
    },
    ctx,
  );
  if (tier === OTHER_TIER) {
    const typed = await input(
      {
        message: `Tier of the ${plan} plan (contacts)`,
        default: plan === current.plan ? String(current.tier) : undefined,
        validate: (text) => {
          const read = readSettingValue("tier", text, dateCtx);
          if (!read.ok) return read.error;
          const choice = chooseTier({
            pricing,
            currentPlan: current.plan,
            currentLimit: current.tier,
            marketingCount: current.marketingCount,
            plan,
            tier: read.setting.value as number,
          });
          return choice.ok ? true : choice.error;
        },
      },
      ctx,
    );
    tier = Number(normalized("tier", typed));
  }
  const term = await select(
    {
      message: "Billing term",
      choices: TERMS.map((t) => ({
        value: t,
        name: t,
        description:
          t === "annual"
            ? "update dates on the 1st of every month"
            : "update dates on the contract start day each month",
      })),
      default: (TERMS as readonly string[]).includes(current.term)
        ? (current.term as (typeof TERMS)[number])
        : "annual",
    },
    ctx,
  );
  const start = await input(
    { message: "Contract start (purchase date)", default: current.start, validate: check("start") },
    ctx,
  );
  const timezone = await input(
    {
      message: "Billing time zone (IANA, e.g. America/New_York)",
      default: current.timezone,
      validate: check("timezone"),
    },
    ctx,
  );
  const optionalChannel = (key: "alert-channel" | "approvals-channel") => (text: string) =>
    text.trim() === "" ? true : check(key)(text);
  const alert = await input(
    {
      message: "Slack channel for tier alerts (id like C0123ABCD or #name; empty: none yet)",
      default: current.alertChannel ?? undefined,
      validate: optionalChannel("alert-channel"),
    },
    ctx,
  );
  const approvals = await input(
    {
      message: "Slack channel for approvals (empty: none yet)",
      default: current.approvalsChannel ?? undefined,
      validate: optionalChannel("approvals-channel"),
    },
    ctx,
  );
  const billing = await input(
    {
      message: "Billing contacts: Slack user ids, comma-separated (none: no one)",
      default: current.billingContacts.length ? current.billingContacts.join(",") : "none",
      validate: (text) => {
        if (/^\s*none\s*$/i.test(text) || text.trim() === "") return true;
        const bad = splitUsers(text).find((word) => readUserId(word) === null);
        return bad === undefined ? true : `"${bad.slice(0, 40)}" isn't a Slack user id (like U0123ABCD).`;
      },
    },
    ctx,
  );
  const reminders = await input(
    {
      message: "Reminders before each update date (e.g. 3d,1d, or off)",
      default: current.reminders.length ? current.reminders.map((d) => `${d}d`).join(",") : "off",
      validate: (text) => (text.trim() === "" ? SETUP_MISSING.reminders : check("reminders")(text)),
    },
    ctx,
  );
  const flags: [string, string][] = [
    [SETUP_FLAGS.plan, plan],
    [SETUP_FLAGS.tier, String(tier)],
    [SETUP_FLAGS.term, term],
    [SETUP_FLAGS.start, normalized("start", start)],
    [SETUP_FLAGS.timezone, normalized("timezone", timezone)],
    ...(alert.trim() ? [[SETUP_FLAGS["alert-channel"], normalized("alert-channel", alert)] as [string, string]] : []),
    ...(approvals.trim()
      ? [[SETUP_FLAGS["approvals-channel"], normalized("approvals-channel", approvals)] as [string, string]]
      : []),
    [
      SETUP_FLAGS["billing-contacts"],
      /^\s*none\s*$/i.test(billing) || billing.trim() === ""
        ? "none"
        : splitUsers(billing)
            .map((w) => readUserId(w) ?? w)
            .join(","),
    ],
    [SETUP_FLAGS.reminders, normalized("reminders", reminders)],
  ];
  deps.io.out(
    [
      "",
      `Plan ${plan}, tier ${n(tier)} contacts (${money(monthlyPriceCents(ladder, tier))}/month), ${term} term from ${normalized("start", start)} (${normalized("timezone", timezone)}).`,
    ].join("\n"),
  );
  const ok = await confirm({ message: "Save these settings?", default: true }, ctx);
  return ok ? flags.flat() : null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
