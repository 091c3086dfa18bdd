import type { WebClient } from "@slack/web-api";
import { loadConfig } from "../config.ts";
import { createWebClient } from "../slack/web.ts";

/** The Web API client for SLACK_BOT_TOKEN and SLACK_API_URL, or null in local mode (no token: messages stay queued). */
export function slackClientFromEnv(env: NodeJS.ProcessEnv = process.env): WebClient | null {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(env);
  } catch {
    // The surface that started us validated its own config; without a usable token we stay local.
    return null;
  }
  return config.slack.botToken ? createWebClient({ token: config.slack.botToken, apiUrl: config.slack.apiUrl }) : null;
}
