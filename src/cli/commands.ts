// The commands and their options: all that `--help` loads. Each action imports what it uses when
// it runs (`await import`), so one command never loads another's modules (Bolt, PGlite, the importer).
import type { Command } from "commander";
import { isDateLocale } from "../domain/dates.ts";
import { Refusal } from "../services/context.ts";
import { plainCommandText } from "../slack/command-text.ts";
import type { CliContext } from "./context.ts";

const USER_ARG = /^(?:<@)?([UW][A-Z0-9]+)(?:\|[^>]*)?>?$/;

/** `<@U123|name>`, `<@U123>` or `U123` → `U123`. */
function parseUserArg(text: string): string {
  const m = USER_ARG.exec(text.trim());
  if (!m?.[1])
    throw new Refusal(
      `"${text}" is not a Slack user id. Use an id like U012ABCDEF or a mention like <@U012ABCDEF>.`,
      "invalid",
    );
  return m[1];
}

export function registerCommands(program: Command, ctx: CliContext): void {
  program
    .command("start")
    .description("run the service: Slack (HTTP or Socket Mode), intake API and scheduler")
    .action(async () => {
      const [{ startService }, { loadConfig }] = await Promise.all([import("./start.ts"), import("../config.ts")]);
      if (!ctx.runProgram) throw new Error("start needs the program runner");
      await startService(loadConfig(), ctx.runProgram);
    });

  program
    .command("run")
    .description('run a /contacts command as a user, e.g. tierkeeper run "tier" --user U1')
    .argument("<text>", "the command text, as typed after /contacts")
    .requiredOption("--user <id>", "Slack user id (or <@U123> mention) to run as")
    .option("--team <id>", "Slack team (workspace) id of the account; default: the single local account")
    .option("--json", "print one JSON object { ok, text, blocks, data }")
    .option("--locale <lang>", "the language dates are typed in: en, sv, nl or pl (default: the terminal's LANG)")
    .action(async (text: string, opts: { user: string; team?: string; json?: boolean; locale?: string }) => {
      const userId = parseUserArg(opts.user);
      const locale = opts.locale?.toLowerCase() ?? "en";
      if (!isDateLocale(locale)) {
        throw new Refusal(
          `--locale ${opts.locale} is not a language tierkeeper reads dates in: en, sv, nl or pl.`,
          "invalid",
        );
      }
      const [{ runCommand }, { ensureUser, resolveAccount }, { renderAnswer }] = await Promise.all([
        import("../commands/run.ts"),
        import("../services/accounts.ts"),
        import("../slack/render/answer.ts"),
      ]);
      await ctx.withServices(async (svc) => {
        const account = await resolveAccount(svc, opts.team);
        const user = await ensureUser(svc, account.id, userId);
        const result = await runCommand(svc, {
          actor: { accountId: account.id, userId },
          timeZone: user.timeZone ?? account.timeZone,
          locale,
          // Read as the slash command reads it, so text copied from Slack means the same here.
          text: plainCommandText(text),
        });
        if (opts.json) {
          ctx.io.out(
            JSON.stringify(
              { ok: result.ok, text: result.text, blocks: renderAnswer(result).blocks, data: result.data },
              null,
              2,
            ),
          );
        } else if (result.ok) {
          ctx.io.out(result.text);
        } else {
          ctx.io.err(result.text);
        }
        ctx.setExitCode(result.ok ? 0 : 1);
      });
    });

  program
    .command("jobs")
    .description("run the scheduled work that is due now (update dates, scheduled requests, expiry) and print it")
    .action(async () => {
      const { runJobsOnce } = await import("../jobs/run-once.ts");
      await ctx.withServices(async (svc) => {
        const lines = await runJobsOnce(svc);
        ctx.io.out(lines.length ? lines.join("\n") : "Nothing was due.");
      });
    });

  program
    .command("import")
    .description("import contacts from a CSV file (HubSpot export headers); new contacts are non-marketing")
    .argument("<file>", "the CSV file (UTF-8) with an Email column")
    .option("--list <name>", "add every imported contact to this static list (created if missing)")
    .option("--marketing", "set all as marketing: makes one bulk request that an admin approves")
    .option("--user <id>", "Slack user id (or <@U123> mention) the import runs as", "cli")
    .option("--team <id>", "Slack team (workspace) id of the account; default: the single local account")
    .option("--json", "print the report as one JSON object { ok, text, data }")
    .action(
      async (
        file: string,
        opts: { list?: string; marketing?: boolean; user: string; team?: string; json?: boolean },
      ) => {
        const userId = opts.user === "cli" ? "cli" : parseUserArg(opts.user);
        const { importFile } = await import("./import.ts");
        ctx.setExitCode(await importFile(ctx, file, { ...opts, userId }));
      },
    );

  program
    .command("migrate")
    .description("apply database migrations and exit")
    .action(async () => {
      // In a terminal, opening applies them; inside a running service, its open database gets any new ones.
      const { applyMigrations } = await import("../db/client.ts");
      const driver = await ctx.withServices((svc) => applyMigrations(svc.db));
      ctx.io.out(`Migrations applied (${driver}).`);
    });

  const admin = program.command("admin").description("bootstrap admins from the command line");
  for (const op of ["grant", "revoke"] as const) {
    admin
      .command(op)
      .argument("<user>", "Slack user id")
      .option("--team <id>", "Slack team id of the account")
      .description(op === "grant" ? "make a user an admin" : "make an admin a member again")
      .action(async (user: string, opts: { team?: string }) => {
        const userId = parseUserArg(user);
        const [{ resolveAccount }, { changeRole }] = await Promise.all([
          import("../services/accounts.ts"),
          import("../services/roles.ts"),
        ]);
        await ctx.withServices(async (svc) => {
          const account = await resolveAccount(svc, opts.team);
          await changeRole(svc, null, account.id, { what: "admins", op: op === "grant" ? "add" : "remove", userId });
          ctx.io.out(
            op === "grant" ? `${userId} is now an admin of ${account.name}.` : `${userId} is no longer an admin.`,
          );
        });
      });
  }

  program
    .command("demo")
    .description("seed a sample account with a few thousand contacts to try tierkeeper on")
    .option("--team <id>", "Slack team id of the account")
    .option("--admin <id>", "user to make admin of the demo account", "U1")
    .option("--reset", "delete the account's contacts first")
    .action(async (opts: { team?: string; admin: string; reset?: boolean }) => {
      const adminId = parseUserArg(opts.admin);
      const { seedDemo } = await import("./demo.ts");
      await ctx.withServices(async (svc) => {
        ctx.io.out(await seedDemo(svc, { team: opts.team, adminId, reset: Boolean(opts.reset) }));
      });
    });
}
