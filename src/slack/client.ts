import type { WebClient } from "@slack/web-api";

/** The Web API client: Bolt's and ours (src/slack/web.ts) are one @slack/web-api version, one class. */
export type SlackClient = WebClient;
