import { WebClient } from "@slack/web-api";

export interface SlackClientOptions {
  token: string;
  /** Web API base URL; tests point it at the fake Slack on 127.0.0.1. */
  apiUrl?: string;
  /** Retries inside one call; the outbox retries failed deliveries later instead. */
  retries?: number;
}

/** A Web API client for SLACK_API_URL (default Slack's). */
export function createWebClient(opts: SlackClientOptions): WebClient {
  const apiUrl = opts.apiUrl ? (opts.apiUrl.endsWith("/") ? opts.apiUrl : `${opts.apiUrl}/`) : undefined;
  return new WebClient(opts.token, {
    ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
    retryConfig: { retries: opts.retries ?? 0 },
    rejectRateLimitedCalls: true,
  });
}
