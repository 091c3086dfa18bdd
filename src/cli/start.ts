import { resolve } from "node:path";
import type { CustomRoute } from "@slack/bolt";
import pino from "pino";
import { errorFields, listenUrl } from "../api/http-guard.ts";
import { KeyRate } from "../api/key-rate.ts";
import { apiRoutes } from "../api/routes.ts";
import { serveApi } from "../api/server.ts";
import { boot } from "../app/boot.ts";
import type { Config } from "../config.ts";
import { startScheduler } from "../jobs/scheduler.ts";
import { resolveAccount } from "../services/accounts.ts";
import { Refusal } from "../services/context.ts";
import type { CliContext } from "./context.ts";
import { controlRoute, newControlToken, runningService, writeServiceFile } from "./control.ts";

/**
 * `tierkeeper start`: Slack (HTTP or Socket Mode), the intake API and the scheduler in one process.
 * Without Slack credentials it runs locally, serves the intake API and says how to connect Slack.
 */
export async function startService(
  config: Config,
  runProgram: (argv: string[], ctx: CliContext) => Promise<number>,
): Promise<void> {
  // Errors are logged by name, message, code and stack: a driver error's query parameters are contact data.
  const logger = pino({ level: config.logLevel, serializers: { err: safeErr } });
  const other = runningService(config.databaseUrl);
  if (other) {
    throw new Refusal(
      `tierkeeper is already running on this embedded database (pid ${other.pid}, port ${other.port}). Stop it first, or run commands from another terminal: they go to the running service.`,
    );
  }
  const { svc, database } = await boot(config);
  // Commands from other terminals run inside this process while it holds the embedded database.
  const token = newControlToken();
  const control = controlRoute(svc, token, runProgram);
  let listeningPort = config.port;
  const stops: (() => Promise<void> | void)[] = [];
  // The HTTP API v1 beside the intake routes, on the same port (loaded only here, by `start`).
  const { apiV1Listener, API_BASE } = await import("../api/v1/app.ts");
  // One allowance per API key for every route that takes one.
  const rate = new KeyRate(config.apiRatePerMinute ?? 600);
  const mount = { prefix: API_BASE, handler: apiV1Listener({ svc, logger, rate }) };
  const where =
    database.driver === "pglite"
      ? `the embedded database in ${resolve(config.databaseUrl.replace(/^file:/, ""))}`
      : "the Postgres server of DATABASE_URL";

  if (config.slack.mode === "http") {
    // One HTTP server: Slack's signed requests at /slack/events and the intake API beside them.
    // Bolt is loaded only when Slack is connected; a local service never loads it.
    const { createSlackApp, EVENTS_PATH } = await import("../slack/app.ts");
    const slack = createSlackApp({
      svc,
      config,
      logger,
      apiRoutes: [...apiRoutes(svc, logger, rate), control] as unknown as CustomRoute[],
      mount,
    });
    const { port, address } = await slack.start(config.port);
    listeningPort = port ?? config.port;
    stops.push(() => slack.stop());
    const base = address ? listenUrl(address) : `http://${config.host}:${listeningPort}`;
    logger.info({ mode: "http", host: address?.address, port }, "slack ready");
    console.log(
      `tierkeeper ready: Slack over HTTP at ${base}${EVENTS_PATH} (set it as the Request URL of the slash command, interactivity and events), intake API at ${base}/api/contacts, HTTP API at ${base}${API_BASE} (reference: ${base}${API_BASE}/reference), on ${where}.`,
    );
  } else {
    const api = await serveApi(svc, config.port, config.host, [control], { logger, mount, rate });
    stops.push(() => api.close());
    listeningPort = api.address.port;
    const loopback = /^(127\.|::1$|localhost$)/.test(api.address.address);
    const base = listenUrl(api.address);
    const reach = loopback ? " (this machine only; set HOST=0.0.0.0 to serve other machines)" : "";
    if (config.slack.mode === "socket") {
      const { createSlackApp } = await import("../slack/app.ts");
      const slack = createSlackApp({ svc, config, logger });
      await slack.start();
      stops.push(() => slack.stop());
      logger.info({ mode: "socket" }, "slack ready");
      console.log(
        `tierkeeper ready: Slack over Socket Mode, HTTP API at ${base}${API_BASE} (reference: ${base}${API_BASE}/reference)${reach}, on ${where}.`,
      );
    } else {
      await resolveAccount(svc);
      console.log(
        [
          `tierkeeper ready (local, no Slack connection): HTTP API at ${base}${API_BASE} (reference: ${base}${API_BASE}/reference)${reach}, on ${where}.`,
          "",
          "Try it from another terminal:",
          "  npx tierkeeper setup                         # your plan, tier, billing dates and channels",
          "  npx tierkeeper demo                          # a sample account with 7,000 contacts",
          '  npx tierkeeper run "tier" --user U1          # what /contacts tier answers',
          '  npx tierkeeper run "help" --user U1',
          "",
          "To connect Slack: create the app from manifest.yml (api.slack.com/apps → Create New App → From a manifest),",
          "install it, then start again with SLACK_BOT_TOKEN=xoxb-… and either SLACK_APP_TOKEN=xapp-… (Socket Mode)",
          "or SLACK_SIGNING_SECRET=… (HTTP mode, events at /slack/events), and open tierkeeper's App Home in Slack",
          "to set it up. README.md walks through it.",
          "Press Ctrl-C to stop.",
        ].join("\n"),
      );
    }
  }
  stops.push(startScheduler(svc, { logger }));
  const removeServiceFile = writeServiceFile(config.databaseUrl, listeningPort, token);
  if (removeServiceFile) stops.push(removeServiceFile);

  const shutdown = async () => {
    logger.info("stopping");
    for (const stop of stops.reverse()) {
      try {
        await stop();
      } catch (e) {
        logger.warn({ err: e }, "stop failed");
      }
    }
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
}

function safeErr(e: unknown) {
  return e instanceof Error ? { ...errorFields(e), stack: e.stack } : errorFields(e);
}
