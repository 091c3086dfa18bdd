// Events: the App Home tab is published whenever a user opens it.
import type { App } from "@slack/bolt";
import type { ImportLimits } from "../../config.ts";
import { fileShareSchema, importSharedFile } from "../file-import.ts";
import { homeView } from "../home.ts";
import { type SlackDeps, sessionFor } from "../session.ts";

export function register(
  app: App,
  deps: SlackDeps & { botToken?: string; apiUrl?: string; importLimits?: ImportLimits },
): void {
  // A CSV shared with the bot in its DM is imported (SPEC §3); other messages are not ours to answer.
  app.event("message", async ({ event, body, client }) => {
    if (!("subtype" in event) || event.subtype !== "file_share" || !deps.botToken) return;
    const share = fileShareSchema.safeParse(event);
    if (!share.success) return;
    try {
      await importSharedFile({ ...deps, botToken: deps.botToken }, client, body.team_id ?? "", share.data);
    } catch (e) {
      deps.logger.error({ err: e }, "import of a shared file failed");
      await client.chat
        .postMessage({
          channel: share.data.channel,
          text: ":warning: The import failed on our side; nothing was imported. Try again in a moment.",
        })
        .catch(() => {});
    }
  });

  app.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== "home") return;
    const teamId = body.team_id ?? "";
    const session = await sessionFor(deps, client, teamId, event.user);
    await client.views.publish({
      user_id: event.user,
      view: await homeView(deps.svc, session.actor, session.timeZone, session.locale),
    });
  });
}
