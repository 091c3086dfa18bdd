// `settings webhook add|list|test|remove`: where the changes feed is sent, signed.
import { n, when } from "../../domain/format.ts";
import { CHANGE_TYPES } from "../../services/changes/index.ts";
import {
  addWebhook,
  listWebhooks,
  removeWebhook,
  requestWebhookTest,
  type WebhookSummary,
} from "../../services/webhooks/index.ts";
import { answer, header, list, note, paragraph, say, secretAnswer } from "../answer.ts";
import type { Handler } from "../handler.ts";
import { isTranslated } from "../i18n/answers.ts";
import { message } from "../i18n/messages.ts";
import { webhookAddedParts, webhookListParts } from "../i18n/settings.ts";
import { code, emoji, md, strong } from "../rich.ts";

function stateOf(w: WebhookSummary, tz: string) {
  if (w.disabledAt)
    return `turned off ${when(w.disabledAt, tz)} after failing since ${w.failingSince ? when(w.failingSince, tz) : "?"}`;
  if (w.failingSince)
    return `failing since ${when(w.failingSince, tz)} (${n(w.attempts)} attempts; last: ${w.lastError ?? "?"}); retried with backoff`;
  return "delivering";
}

function webhookJson(w: WebhookSummary) {
  return {
    id: w.id,
    url: w.url,
    events: w.events,
    createdBy: w.createdBy,
    createdAt: w.createdAt.toISOString(),
    failingSince: w.failingSince?.toISOString() ?? null,
    disabledAt: w.disabledAt?.toISOString() ?? null,
    lastError: w.lastError,
  };
}

export const webhook: Handler<"settings-webhook"> = async (svc, inv, c) => {
  const tz = inv.timeZone;
  if (c.op === "add") {
    const { endpoint, secret } = await addWebhook(svc, inv.actor, { url: c.url ?? "", events: c.events });
    if (isTranslated(inv.locale))
      return secretAnswer(webhookAddedParts(inv.locale, endpoint, secret), { webhook: webhookJson(endpoint), secret });
    return secretAnswer(
      [
        paragraph(
          md`${emoji("satellite_antenna")} Webhook ${strong(String(endpoint.id))} sends ${endpoint.events.length ? endpoint.events.join(", ") : "every change"} to ${endpoint.url}, from now on.`,
        ),
        paragraph(md`Its signing secret (Standard Webhooks): ${code(secret)}`),
        note(
          md`Copy the secret now: it is not shown again. Verify each delivery with it (any Standard Webhooks library does). ${code(`settings webhook test ${endpoint.id}`)} sends a test message.`,
        ),
      ],
      { webhook: webhookJson(endpoint), secret },
    );
  }
  if (c.op === "list") {
    const hooks = await listWebhooks(svc, inv.actor);
    if (hooks.length === 0) {
      if (isTranslated(inv.locale))
        return say(
          message(inv.locale, "webhook.none", {
            command: code("settings webhook add <https-url> [events]"),
            events: CHANGE_TYPES.join(", "),
          }),
          { webhooks: [] },
        );
      return say(
        md`There are no webhooks. Add one with ${code("settings webhook add <https-url> [events]")}; events: ${CHANGE_TYPES.join(", ")}.`,
        {
          webhooks: [],
        },
      );
    }
    if (isTranslated(inv.locale))
      return answer(webhookListParts(inv.locale, hooks, tz), { webhooks: hooks.map(webhookJson) });
    return answer(
      [
        header("Webhooks"),
        list(
          hooks.map(
            (w) =>
              md`${strong(String(w.id))}: ${w.url} (${w.events.length ? w.events.join(", ") : "every change"}): ${stateOf(w, tz)}`,
          ),
        ),
        note(
          md`${code("settings webhook test <n>")} sends a test message (and turns a turned-off one back on); ${code("settings webhook remove <n>")} removes one.`,
        ),
      ],
      { webhooks: hooks.map(webhookJson) },
    );
  }
  if (c.op === "test") {
    const w = await requestWebhookTest(svc, inv.actor, c.id ?? 0);
    if (isTranslated(inv.locale))
      return say(message(inv.locale, "webhook.test", { id: String(w.id), url: [w.url] }), { webhook: webhookJson(w) });
    return say(
      `A test message goes to webhook ${w.id} (${w.url}) within a minute; then it catches up with what it has not received.`,
      {
        webhook: webhookJson(w),
      },
    );
  }
  const removed = await removeWebhook(svc, inv.actor, c.id ?? 0);
  if (isTranslated(inv.locale))
    return say(message(inv.locale, "webhook.removed", { id: String(removed.id), url: [removed.url] }), {
      webhook: webhookJson(removed),
      removed: true,
    });
  return say(`Webhook ${removed.id} is removed; nothing more is sent to ${removed.url}.`, {
    webhook: webhookJson(removed),
    removed: true,
  });
};
