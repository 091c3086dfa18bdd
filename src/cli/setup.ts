// `tierkeeper setup`: the Slack setup form for accounts without Slack. With flags (scripts) it
// saves what they say in one transaction; in a terminal without flags it asks (setup-prompts.ts),
// then runs itself with the answers as flags, so both ways share one validation.
import type { Command } from "commander";
import type { Pricing } from "../domain/pricing.ts";
import type { SetupAnswers, SetupField } from "../domain/setup.ts";
import { PLANS, TERMS } from "../domain/types.ts";
import type { CliContext } from "./context.ts";

/** The flags, one per setup field. */
export const SETUP_FLAGS: Record<SetupField, string> = {
  plan: "--plan",
  tier: "--tier",
  term: "--term",
  start: "--start",
  timezone: "--timezone",
  "alert-channel": "--alert-channel",
  "approvals-channel": "--approvals-channel",
  "billing-contacts": "--billing-contacts",
  reminders: "--reminders",
};

/** What a first setup needs from flags; the rest keep the account's values. */
const REQUIRED_FIRST: SetupField[] = ["plan", "term", "start"];

interface SetupFlags {
  plan?: string;
  tier?: string;
  term?: string;
  start?: string;
  timezone?: string;
  alertChannel?: string;
  approvalsChannel?: string;
  billingContacts?: string;
  reminders?: string;
  team?: string;
  json?: boolean;
  show?: boolean;
}

/** What the prompts start from (`setup --show --json`): the account's setup, its count and the ladders. */
export interface SetupSnapshot {
  account: string;
  configured: boolean;
  plan: string;
  tier: number;
  term: string;
  start: string;
  timezone: string;
  alertChannel: string | null;
  approvalsChannel: string | null;
  billingContacts: string[];
  reminders: number[];
  marketingCount: number;
  pricing: Pricing;
}

export function registerSetup(program: Command, ctx: CliContext): void {
  program
    .command("setup")
    .description("set tierkeeper up: asks in a terminal, or takes the answers as flags (for scripts)")
    .option("--plan <plan>", `the plan: ${PLANS.join(", ")}`)
    .option(
      "--tier <limit>",
      "the contact tier you bought, e.g. 10000 or 10k (default: the smallest that holds your marketing contacts)",
    )
    .option("--term <term>", `the billing term: ${TERMS.join(" or ")}`)
    .option("--start <date>", "the contract start (purchase) date, e.g. 2026-03-15")
    .option("--timezone <zone>", "the billing time zone, an IANA name such as America/New_York")
    .option("--alert-channel <channel>", "Slack channel for tier alerts: an id like C0123ABCD or #name")
    .option("--approvals-channel <channel>", "Slack channel where admins approve bulk changes")
    .option("--billing-contacts <users>", "Slack user ids that get every alert by DM, comma-separated (none: no one)")
    .option("--reminders <days>", "reminders before each update date, e.g. 3d,1d, or off")
    .option("--team <id>", "Slack team (workspace) id of the account; default: the single local account")
    .option("--show", "print the account's setup and change nothing")
    .option("--json", "print one JSON object")
    .action(async (opts: SetupFlags) => {
      ctx.setExitCode(await setupFromFlags(ctx, opts));
    });
}

const answersOf = (opts: SetupFlags, splitUsers: (text: string) => string[]): SetupAnswers => ({
  plan: opts.plan,
  tier: opts.tier,
  term: opts.term,
  start: opts.start,
  timezone: opts.timezone,
  "alert-channel": opts.alertChannel,
  "approvals-channel": opts.approvalsChannel,
  reminders: opts.reminders,
  "billing-contacts":
    opts.billingContacts === undefined
      ? undefined
      : /^\s*none\s*$/i.test(opts.billingContacts)
        ? []
        : splitUsers(opts.billingContacts),
});

/** Runs `tierkeeper setup` with flags; returns the exit code (0 saved or shown, 1 refused or invalid). */
export async function setupFromFlags(ctx: CliContext, opts: SetupFlags): Promise<number> {
  // Loaded when setup runs: `--help` lists the flags without the services behind them.
  const [
    { settingsChangeLines },
    { noticeText },
    { plain },
    { readSetupAnswers, splitUsers },
    { resolveAccount },
    { SettingRefusal, tierProblem },
    { BillingContactsRefusal, setupAccount, setupState },
  ] = await Promise.all([
    import("../commands/handlers/settings.ts"),
    import("../commands/notices.ts"),
    import("../commands/rich.ts"),
    import("../domain/setup.ts"),
    import("../services/accounts.ts"),
    import("../services/settings.ts"),
    import("../services/setup.ts"),
  ]);
  return ctx.withServices(async (svc) => {
    const account = await resolveAccount(svc, opts.team);
    const actor = { accountId: account.id, userId: "cli" };
    const answers = answersOf(opts, splitUsers);
    const given = Object.values(answers).some((v) => v !== undefined);
    if (opts.show || (!given && account.configuredAt !== null)) {
      const state = await setupState(svc, actor);
      const a = state.account;
      const snapshot: SetupSnapshot = {
        account: a.name,
        configured: state.configured,
        plan: a.plan,
        tier: a.tierLimit,
        term: a.term,
        start: a.contractStart,
        timezone: a.timeZone,
        alertChannel: a.alertChannel,
        approvalsChannel: a.approvalsChannel,
        billingContacts: state.billingContacts,
        reminders: a.reminderDays,
        marketingCount: a.marketingCount,
        pricing: svc.pricing,
      };
      ctx.io.out(opts.json ? JSON.stringify(snapshot, null, 2) : describeSnapshot(snapshot));
      return 0;
    }
    const required = account.configuredAt === null ? REQUIRED_FIRST : [];
    const reading = readSetupAnswers(answers, { now: svc.clock.now(), timeZone: account.timeZone }, required);
    const fail = (errors: Partial<Record<SetupField, string>>) => {
      const lines = Object.entries(errors).map(([f, m]) => `${SETUP_FLAGS[f as SetupField]}: ${m}`);
      if (!given) {
        lines.unshift(
          "tierkeeper isn't set up yet. Run `tierkeeper setup` in a terminal to be asked, or give the answers as flags:",
        );
        lines.push("e.g. tierkeeper setup --plan professional --tier 7000 --term annual --start 2026-03-15");
      }
      if (opts.json) ctx.io.out(JSON.stringify({ ok: false, errors }, null, 2));
      else ctx.io.err(lines.join("\n"));
      return 1;
    };
    // The tier is checked against the plan and today's count with the other answers, so every error shows at once.
    const tierError =
      reading.errors.plan || reading.errors.tier ? null : await tierProblem(svc, account.id, reading.settings);
    if (!reading.ok || tierError) {
      return fail({ ...reading.errors, ...(tierError ? { [tierError.key]: tierError.error } : {}) });
    }
    try {
      const r = await setupAccount(
        svc,
        actor,
        { settings: reading.settings, billingContacts: reading.billingContacts },
        { operator: true },
      );
      const lines = [
        r.firstSetup ? `tierkeeper is set up for ${account.name}.` : `Settings of ${account.name} saved.`,
        ...settingsChangeLines(r).map(plain),
      ];
      if (r.firstSetup) {
        lines.push("", noticeText(r.note));
        lines.push(
          r.noteChannel
            ? `This note also goes to the approvals channel (${r.noteChannel}) once Slack is connected.`
            : "Set an approvals channel (--approvals-channel) to have tierkeeper post requests and this note in Slack.",
        );
      }
      if (opts.json) {
        ctx.io.out(
          JSON.stringify(
            {
              ok: true,
              firstSetup: r.firstSetup,
              settings: r.settings,
              billingContacts: r.billingContacts,
              changed: r.changed.map((c) => c.key),
              tier: {
                plan: r.tier.plan,
                limit: r.tier.limit,
                how: r.tier.how,
                monthlyPriceCents: r.tier.monthlyPriceCents,
              },
              note: r.firstSetup ? noticeText(r.note) : null,
            },
            null,
            2,
          ),
        );
      } else {
        ctx.io.out(lines.join("\n"));
      }
      return 0;
    } catch (e) {
      if (e instanceof SettingRefusal) return fail({ [e.key]: e.message });
      if (e instanceof BillingContactsRefusal) return fail({ "billing-contacts": e.message });
      throw e;
    }
  });
}

function describeSnapshot(s: SetupSnapshot): string {
  return [
    `${s.account}${s.configured ? "" : " (not set up yet: run `tierkeeper setup` in a terminal)"}`,
    `plan: ${s.plan}`,
    `tier: ${s.tier.toLocaleString("en-US")} contacts (${s.marketingCount.toLocaleString("en-US")} marketing now)`,
    `term: ${s.term}`,
    `start: ${s.start}`,
    `timezone: ${s.timezone}`,
    `alert-channel: ${s.alertChannel ?? "not set"}`,
    `approvals-channel: ${s.approvalsChannel ?? "not set"}`,
    `billing-contacts: ${s.billingContacts.length ? s.billingContacts.join(", ") : "none"}`,
    `reminders: ${s.reminders.length ? s.reminders.map((d) => `${d}d`).join(",") : "off"}`,
  ].join("\n");
}
