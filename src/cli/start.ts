import { resolve } from "node:path";
import { boot } from "../app/boot.ts";
import type { Config } from "../config.ts";
import { startScheduler } from "../jobs/scheduler.ts";
import { DEFAULT_TEAM, ensureAccount } from "../services/accounts.ts";

/** `tierkeeper start`: the long-running service. Without Slack credentials it runs locally and says how to connect. */
export async function startService(config: Config): Promise<void> {
  const { svc, database } = await boot(config);
  const stops: (() => Promise<void> | void)[] = [];
  stops.push(startScheduler(svc));
  const where =
    database.driver === "pglite"
      ? `the embedded database in ${resolve(config.databaseUrl.replace(/^file:/, ""))}`
      : "the Postgres server of DATABASE_URL";
  if (config.slack.mode === "local") {
    await ensureAccount(svc, DEFAULT_TEAM);
    console.log(
      [
        `tierkeeper is running locally on ${where}, with no Slack connection.`,
        "",
        "Try it from another terminal:",
        "  npx tierkeeper demo                          # a sample account with 7,000 contacts",
        '  npx tierkeeper run "tier" --user U1          # what /contacts tier answers',
        '  npx tierkeeper run "help" --user U1',
        "",
        "To connect Slack: create the app from manifest.yml (api.slack.com/apps → Create New App → From a manifest),",
        "install it, then start again with SLACK_BOT_TOKEN=xoxb-… and either SLACK_APP_TOKEN=xapp-… (Socket Mode)",
        "or SLACK_SIGNING_SECRET=… (HTTP mode, events at /slack/events). README.md walks through it.",
        "Press Ctrl-C to stop.",
      ].join("\n"),
    );
  }
  const shutdown = async () => {
    for (const stop of stops.reverse()) await stop();
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}
