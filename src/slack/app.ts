// The Bolt app: HTTP mode (/slack/events, signed requests) or Socket Mode, with the listeners by surface.
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  App,
  type Logger as BoltLogger,
  type CustomRoute,
  HTTPReceiver,
  HTTPReceiverDeferredRequestError,
  LogLevel,
  type ReceiverDispatchErrorHandlerArgs,
} from "@slack/bolt";
import pLimit from "p-limit";
import pino, { type Logger } from "pino";
import {
  errorFields,
  type HttpLimits,
  INTERNAL_ERROR,
  isMalformedPath,
  MALFORMED_PATH,
  type Mount,
  neverThrows,
  sendJson,
  serverOptions,
  underPrefix,
} from "../api/http-guard.ts";
import type { Config } from "../config.ts";
import type { Services } from "../services/context.ts";
import type { SlackClient } from "./client.ts";
import { createInbox } from "./inbox.ts";
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
  /** Timeouts of the HTTP server (HTTP mode); the defaults suit production. */
  httpLimits?: Partial<HttpLimits>;
  /** Served for every path under its prefix that Bolt does not route (HTTP mode: the API v1). */
  mount?: Mount;
}

export interface SlackApp {
  app: App;
  client: SlackClient;
  mode: "http" | "socket";
  /**
   * Starts listening (HTTP: on `port`, 0 for any free port, of `config.host`). Returns the bound
   * port and address in HTTP mode.
   */
  start(port?: number): Promise<{ port: number | null; address: AddressInfo | null }>;
  stop(): Promise<void>;
}

export function createSlackApp(opts: SlackAppOptions): SlackApp {
  const { svc, config } = opts;
  const logger = opts.logger ?? pino({ level: config.logLevel });
  const { botToken, signingSecret, appToken, apiUrl } = config.slack;
  if (!botToken) throw new Error("createSlackApp needs SLACK_BOT_TOKEN");
  const boltLogger = toBoltLogger(logger.child({ component: "bolt" }));
  const clientOptions = apiUrl ? { slackApiUrl: apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/` } : {};
  // Bolt does not await a custom route: a rejection would be unhandled and end the process.
  const customRoutes = (opts.apiRoutes ?? []).map((r) => ({
    ...r,
    handler: neverThrows(`${String(r.method)} ${r.path}`, r.handler, logger),
  }));
  let app: App;
  let receiver: HTTPReceiver | null = null;
  let mode: "http" | "socket";
  if (appToken) {
    mode = "socket";
    app = new App({
      token: botToken,
      appToken,
      socketMode: true,
      // Bolt's conversation store is not used: it would only cost every request a lookup.
      convoStore: false,
      logger: boltLogger,
      clientOptions,
      // Socket Mode has no public HTTP endpoint of its own; the intake routes are served on PORT.
      customRoutes,
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
      customRoutes,
      logger: boltLogger,
      processBeforeResponse: false,
      dispatchErrorHandler: dispatchError(
        logger,
        opts.mount
          ? { prefix: opts.mount.prefix, run: neverThrows(opts.mount.prefix, opts.mount.handler, logger) }
          : null,
      ),
    });
    app = new App({ token: botToken, receiver, logger: boltLogger, clientOptions, convoStore: false });
  }
  app.error(async (e) => {
    logger.error({ err: e }, "Slack listener failed");
  });
  // Embedded PGlite serializes queries on the main thread: two at a time keep acks fast; a server takes more.
  const work = pLimit(config.databaseUrl.startsWith("postgres") ? 8 : 2);
  // Slash commands and buttons are written down before the ack and carried out from there.
  const inbox = createInbox({ svc, logger, work }, app.client);
  registerListeners(app, {
    svc,
    logger,
    work,
    inbox,
    botToken: config.slack.botToken,
    apiUrl: config.slack.apiUrl,
    importLimits: config.imports,
  });
  return {
    app,
    client: app.client,
    mode,
    async start(port) {
      inbox.start();
      if (mode === "http") {
        const server = (await app.start(
          { port: port ?? config.port, host: config.host },
          serverOptions(opts.httpLimits),
        )) as Server;
        // Bolt's own listener closes the server on any later error (an accept failing under a
        // connection flood, say): log it and keep serving instead.
        server.removeAllListeners("error");
        server.on("error", (e) => logger.error({ error: errorFields(e) }, "HTTP server error"));
        const address = server.address() as AddressInfo;
        return { port: address.port, address };
      }
      await app.start();
      return { port: null, address: null };
    },
    async stop() {
      await inbox.stop();
      await app.stop();
    },
  };
}

/**
 * Requests Bolt's HTTPReceiver does not route: unknown paths get 404, a path that is not a valid
 * URL or %-encoding 400, anything else a logged 500; JSON like the intake API, nothing of the request logged.
 */
function dispatchError(
  logger: Logger,
  mounted: { prefix: string; run: (req: IncomingMessage, res: ServerResponse) => void } | null,
) {
  return ({ error, request, response }: ReceiverDispatchErrorHandlerArgs) => {
    const path = error instanceof HTTPReceiverDeferredRequestError ? pathOf(request.url) : null;
    if (mounted && path !== null && underPrefix(path, mounted.prefix)) {
      // Not Slack's and not a custom route, but under the mount: the HTTP API v1.
      mounted.run(request, response);
    } else if (error instanceof HTTPReceiverDeferredRequestError) {
      sendJson(response, 404, { error: "not_found", errors: ["there is nothing at this path"] });
    } else if (isMalformedPath(error)) {
      sendJson(response, 400, MALFORMED_PATH);
    } else {
      logger.error({ error: errorFields(error) }, "HTTP request failed");
      sendJson(response, 500, INTERNAL_ERROR);
    }
  };
}

/** The path of a request's URL, or null when it is not a valid one. */
function pathOf(url: string | undefined): string | null {
  try {
    return new URL(url ?? "/", "http://localhost").pathname;
  } catch {
    return null;
  }
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
