// The Bolt app: HTTP mode (/slack/events, signed requests) or Socket Mode, with the listeners by surface.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App, type Logger as BoltLogger, type CustomRoute, HTTPReceiver, LogLevel } from "@slack/bolt";
import pLimit from "p-limit";
import pino, { type Logger } from "pino";
import type { Config } from "../config.ts";
import type { Services } from "../services/context.ts";
import type { SlackClient } from "./client.ts";
import "./handlers.ts";
import { registerListeners } from "./listeners/index.ts";

export const EVENTS_PATH = "/slack/events";

/** A route served beside /slack/events: Bolt's CustomRoute (the intake API's `apiRoutes(svc)`). */
export type CustomRouteLike = CustomRoute;

export interface SlackAppOptions {
  svc: Services;
  config: Config;
  logger?: Logger;
  /** Extra HTTP routes served beside /slack/events (the intake API). */
  apiRoutes?: CustomRoute[];
}

export interface SlackApp {
  app: App;
  client: SlackClient;
  mode: "http" | "socket";
  /** Starts listening (HTTP: on `port`, 0 for any free port). Returns the bound port in HTTP mode. */
  start(port?: number): Promise<{ port: number | null }>;
  stop(): Promise<void>;
}

export function createSlackApp(opts: SlackAppOptions): SlackApp {
  const { svc, config } = opts;
  const logger = opts.logger ?? pino({ level: config.logLevel });
  const { botToken, signingSecret, appToken, apiUrl } = config.slack;
  if (!botToken) throw new Error("createSlackApp needs SLACK_BOT_TOKEN");
  const boltLogger = toBoltLogger(logger.child({ component: "bolt" }));
  const clientOptions = apiUrl ? { slackApiUrl: apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/` } : {};
  let app: App;
  let receiver: HTTPReceiver | null = null;
  let mode: "http" | "socket";
  if (appToken) {
    mode = "socket";
    app = new App({
      token: botToken,
      appToken,
      socketMode: true,
      logger: boltLogger,
      clientOptions,
      // Socket Mode has no public HTTP endpoint of its own; the intake routes are served on PORT.
      customRoutes: opts.apiRoutes ?? [],
      installerOptions: { port: config.port },
    });
  } else {
    if (!signingSecret) throw new Error("HTTP mode needs SLACK_SIGNING_SECRET");
    mode = "http";
    // HTTPReceiver verifies the v0 signature and rejects timestamps older than 5 minutes (401) before any listener runs.
    receiver = new HTTPReceiver({
      signingSecret,
      endpoints: EVENTS_PATH,
      port: config.port,
      customRoutes: opts.apiRoutes ?? [],
      logger: boltLogger,
      processBeforeResponse: false,
    });
    app = new App({ token: botToken, receiver, logger: boltLogger, clientOptions });
  }
  app.error(async (e) => {
    logger.error({ err: e }, "Slack listener failed");
  });
  // Embedded PGlite serializes queries on the main thread: two at a time keep acks fast; a server takes more.
  const work = pLimit(config.databaseUrl.startsWith("postgres") ? 8 : 2);
  registerListeners(app, {
    svc,
    logger,
    work,
    botToken: config.slack.botToken,
    apiUrl: config.slack.apiUrl,
    importLimits: config.imports,
  });
  return {
    app,
    client: app.client,
    mode,
    async start(port) {
      if (mode === "http") {
        const server = (await app.start(port ?? config.port)) as Server;
        return { port: (server.address() as AddressInfo).port };
      }
      await app.start();
      return { port: null };
    },
    async stop() {
      await app.stop();
    },
  };
}

/** Bolt's logger interface over pino. */
function toBoltLogger(log: Logger): BoltLogger {
  let level: LogLevel = LogLevel.INFO;
  const write =
    (fn: "debug" | "info" | "warn" | "error") =>
    (...msg: unknown[]) => {
      const [first, ...rest] = msg;
      if (first instanceof Error) log[fn]({ err: first }, rest.map(String).join(" ") || first.message);
      else log[fn](msg.map((m) => (typeof m === "string" ? m : JSON.stringify(m))).join(" "));
    };
  return {
    debug: write("debug"),
    info: write("info"),
    warn: write("warn"),
    error: write("error"),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
