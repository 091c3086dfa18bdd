import type { App } from "@slack/bolt";
import type { ImportLimits } from "../../config.ts";
import type { Inbox } from "../inbox-contract.ts";
import type { SlackDeps } from "../session.ts";
import * as actions from "./actions.ts";
import * as commands from "./commands.ts";
import * as events from "./events.ts";
import * as views from "./views.ts";

/** Every listener, by Slack surface. */
export function registerListeners(
  app: App,
  deps: SlackDeps & { botToken?: string; apiUrl?: string; importLimits?: ImportLimits; inbox: Inbox },
): void {
  commands.register(app, deps);
  actions.register(app, deps);
  views.register(app, deps);
  events.register(app, deps);
}
