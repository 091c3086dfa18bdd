// The real Slack app in HTTP mode on a free port, against the fake Slack and a fresh database.

import { and, eq } from "drizzle-orm";
import pino from "pino";
import type { HttpLimits } from "../../src/api/http-guard.ts";
import { apiRoutes } from "../../src/api/routes.ts";
import { API_BASE, apiV1Listener } from "../../src/api/v1/app.ts";
import type { Config, ImportLimits } from "../../src/config.ts";
import { accounts, users } from "../../src/db/schema.ts";
import { type CustomRouteLike, createSlackApp, type SlackApp } from "../../src/slack/app.ts";
import { FakeSlack } from "./fake-slack.ts";
import { type AccountSetup, makeAccount, type TestEnv, testEnv } from "./services.ts";
import {
  blockActionPayload,
  eventBody,
  interactivityBody,
  newId,
  postSigned,
  SIGNING_SECRET,
  type SignOptions,
  slashCommandBody,
  viewSubmissionPayload,
} from "./slack-sign.ts";

export interface TestApp {
  env: TestEnv;
  fake: FakeSlack;
  slack: SlackApp;
  /** http://127.0.0.1:<port> */
  base: string;
  /** …/slack/events */
  url: string;
  accountId: number;
  teamId: string;
  /** Runs `/contacts <text>` as `userId`; `response()` waits for the response_url answer. */
  command(
    text: string,
    userId?: string,
    opts?: SignOptions & { channelId?: string; triggerId?: string },
  ): Promise<{
    status: number;
    ms: number;
    responseId: string;
    response: () => Promise<Record<string, unknown>>;
    respondedAt: () => number | null;
    sentAt: number;
    ackedAt: number;
  }>;
  click(
    actionId: string,
    value: string,
    userId: string,
    opts?: SignOptions & { channelId?: string; messageTs?: string; container?: "message" | "home" },
  ): Promise<{ status: number; responseId: string; response: () => Promise<Record<string, unknown>> }>;
  submit(
    callbackId: string,
    privateMetadata: string,
    values: Record<string, Record<string, unknown>>,
    userId: string,
  ): Promise<{ status: number; json: unknown }>;
  event(event: Record<string, unknown>, opts?: SignOptions): Promise<{ status: number }>;
  close(): Promise<void>;
}

export async function startTestApp(
  opts: {
    now?: string;
    account?: AccountSetup;
    approvalsChannel?: string | null;
    apiRoutes?: CustomRouteLike[];
    /** Serve the intake API beside /slack/events, as `tierkeeper start` does in HTTP mode. */
    intakeApi?: boolean;
    httpLimits?: Partial<HttpLimits>;
    /** TIERKEEPER_IMPORT_MAX_MB / _ROWS as bytes and rows; unset → the defaults. */
    imports?: ImportLimits;
  } = {},
): Promise<TestApp> {
  const env = await testEnv(opts.now);
  const fake = await new FakeSlack().start();
  const config: Config = {
    databaseUrl: "memory:",
    slack: { botToken: "xoxb-test-token", signingSecret: SIGNING_SECRET, apiUrl: fake.url, mode: "http" },
    port: 0,
    host: "127.0.0.1",
    admins: [],
    logLevel: "silent",
    imports: opts.imports,
  };
  const logger = pino({ level: "silent" });
  const routes = [
    ...(opts.intakeApi ? (apiRoutes(env.svc, logger) as unknown as CustomRouteLike[]) : []),
    ...(opts.apiRoutes ?? []),
  ];
  // The HTTP API v1 under /api/v1 with the intake API, as `tierkeeper start` mounts it.
  const mount = opts.intakeApi ? { prefix: API_BASE, handler: apiV1Listener({ svc: env.svc, logger }) } : undefined;
  const slack = createSlackApp({ svc: env.svc, config, logger, apiRoutes: routes, httpLimits: opts.httpLimits, mount });
  const { port } = await slack.start(0);
  const base = `http://127.0.0.1:${port}`;
  const url = `${base}/slack/events`;
  const { accountId } = await makeAccount(env, opts.account);
  const approvals = opts.approvalsChannel === undefined ? "CAPPROVALS" : opts.approvalsChannel;
  await env.svc.db.update(accounts).set({ approvalsChannel: approvals }).where(eq(accounts.id, accountId));
  const [row] = await env.svc.db.select().from(accounts).where(eq(accounts.id, accountId));
  const teamId = row?.teamId ?? "";

  return {
    env,
    fake,
    slack,
    base,
    url,
    accountId,
    teamId,
    async command(text, userId = "UADMIN1", o = {}) {
      const responseId = newId("cmd");
      const body = slashCommandBody({
        text,
        userId,
        teamId,
        channelId: o.channelId,
        responseUrl: fake.responseUrl(responseId),
        triggerId: o.triggerId,
      });
      const sentAt = Date.now();
      const res = await postSigned(url, body, o);
      const ackedAt = Date.now();
      return {
        status: res.status,
        ms: res.ms,
        responseId,
        sentAt,
        ackedAt,
        response: () => fake.waitForResponse(responseId, 20_000),
        respondedAt: () => fake.responses.find((r) => r.id === responseId)?.at ?? null,
      };
    },
    async click(actionId, value, userId, o = {}) {
      const responseId = newId("act");
      const payload = blockActionPayload({
        userId,
        teamId,
        actionId,
        value,
        responseUrl: fake.responseUrl(responseId),
        channelId: o.channelId,
        messageTs: o.messageTs,
        container: o.container,
      });
      const res = await postSigned(url, interactivityBody(payload), o);
      return { status: res.status, responseId, response: () => fake.waitForResponse(responseId) };
    },
    async submit(callbackId, privateMetadata, values, userId) {
      const payload = viewSubmissionPayload({ userId, teamId, callbackId, privateMetadata, values });
      const res = await postSigned(url, interactivityBody(payload));
      return { status: res.status, json: res.json };
    },
    async event(event, o = {}) {
      const res = await postSigned(url, eventBody(teamId, event), { ...o, contentType: "json" });
      return { status: res.status };
    },
    async close() {
      await slack.stop();
      await fake.stop();
      await env.close();
    },
  };
}

/** Revokes marketing contacts access (R13) for a user of the account. */
export async function revokeAccess(app: TestApp, userId: string): Promise<void> {
  await app.env.svc.db
    .update(users)
    .set({ marketingAccess: false })
    .where(and(eq(users.accountId, app.accountId), eq(users.userId, userId)));
}

/** Waits (bounded) for a condition that background work will make true. */
export async function eventually<T>(
  f: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  timeoutMs = 10_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < until) {
    try {
      const v = await f();
      if (v) return v as T;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ""}`);
}
