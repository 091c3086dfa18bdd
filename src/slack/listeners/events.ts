// Events: the App Home tab is published whenever a user opens it.
import type { App } from "@slack/bolt";
import { asView } from "../client.ts";
import { homeView } from "../home.ts";
import { type SlackDeps, sessionFor } from "../session.ts";

export function register(app: App, deps: SlackDeps): void {
  app.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== "home") return;
    const teamId = body.team_id ?? "";
    const session = await sessionFor(deps, client, teamId, event.user);
    await client.views.publish({
      user_id: event.user,
      view: asView(await homeView(deps.svc, session.actor, session.timeZone)),
    });
  });
}
