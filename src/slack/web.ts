import { createRequire } from "node:module";
import type { WebClient } from "@slack/web-api";
import type { SlackClient } from "./client.ts";

/** The Web API package (axios and all), loaded with the first client: a service without Slack never loads it. */
const webApi = () => createRequire(import.meta.url)("@slack/web-api") as typeof import("@slack/web-api");

/**
 * How long one Web API call may go without an answer before the client gives up (axios's
 * timeout). Slack answers in well under a second; a post under a lease (the outbox, request
 * posting) must end well before the lease does, so the lease is sized from this.
 */
export const SLACK_CALL_TIMEOUT_MS = 10_000;

export interface SlackClientOptions {
  token: string;
  /** Web API base URL; tests point it at the fake Slack on 127.0.0.1. */
  apiUrl?: string;
  /** Per-call timeout; default SLACK_CALL_TIMEOUT_MS. */
  timeoutMs?: number;
}

/** A client that tries each call once and gives up after `timeoutMs` without an answer. */
export interface SingleTryClient {
  client: WebClient;
  timeoutMs: number;
}

/** The ones createWebClient makes, and the twins made for other clients. */
const singleTry = new WeakMap<object, SingleTryClient>();

/**
 * A Web API client for SLACK_API_URL (default Slack's). Each call is tried once: a retry after a
 * timeout could post a message Slack had already accepted, after its lease has passed to another
 * sender; the outbox retries failed deliveries later, under a new lease, instead. A 429 is thrown
 * at once (the outbox waits for Retry-After).
 */
export function createWebClient(opts: SlackClientOptions): WebClient {
  const apiUrl = opts.apiUrl ? (opts.apiUrl.endsWith("/") ? opts.apiUrl : `${opts.apiUrl}/`) : undefined;
  const timeoutMs = opts.timeoutMs ?? SLACK_CALL_TIMEOUT_MS;
  const client = new (webApi().WebClient)(opts.token, {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: timeoutMs,
  });
  singleTry.set(client, { client, timeoutMs });
  return client;
}

/**
 * The client to post under a lease with, and its per-call timeout: `client` itself when
 * createWebClient made it; otherwise (Bolt's client retries for half an hour and never times
 * out) a single-try twin for the same token and API URL, made once per client.
 */
export function singleTryClient(client: SlackClient): SingleTryClient {
  const known = singleTry.get(client);
  if (known) return known;
  const { token, slackApiUrl } = client as { token?: string; slackApiUrl: string };
  const twin = createWebClient({ token: token ?? "", apiUrl: slackApiUrl });
  const entry = { client: twin, timeoutMs: singleTry.get(twin)?.timeoutMs ?? SLACK_CALL_TIMEOUT_MS };
  singleTry.set(client, entry);
  return entry;
}
