import type { App } from "@slack/bolt";
import type { View } from "@slack/types";
import type { WebClient } from "@slack/web-api";

/** The Web API client Bolt hands to listeners (Bolt bundles its own @slack/web-api). */
export type SlackClient = App["client"];

/** A client from Bolt or from createWebClient (src/slack/web.ts): the same class at run time. */
export type AnySlackClient = SlackClient | WebClient;

export const asBoltClient = (client: AnySlackClient): SlackClient => client as unknown as SlackClient;

/** Our block builders return plain objects; Slack's types want its block union. */
export const asView = (view: { type: string }): View => view as unknown as View;
