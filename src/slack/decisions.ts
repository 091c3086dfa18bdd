// After a decision on a bulk request (button, modal or `approve` text): the message shows the truth, the requester hears (R14).

import { isTranslated } from "../commands/i18n/answers.ts";
import { localYours } from "../commands/i18n/requests.ts";
import { requestSummary, statusLine } from "../commands/requests-view.ts";
import { md } from "../commands/rich.ts";
import { accountLanguage } from "../services/accounts.ts";
import type { BulkRequestView } from "../services/bulk/index.ts";
import type { Services } from "../services/context.ts";
import type { SlackClient as WebClient } from "./client.ts";
import { toMrkdwn } from "./render/mrkdwn.ts";
import { directMessage, updateRequestMessage } from "./request-poster.ts";
import type { SlackDeps } from "./session.ts";

export async function announceDecision(
  deps: SlackDeps,
  client: WebClient,
  request: BulkRequestView,
  decided: boolean,
  deciderId: string,
  subsidiaryZone: string,
  fallback?: { channel: string; ts: string },
): Promise<void> {
  await safely(deps, "chat.update of the request message", () =>
    updateRequestMessage(deps.svc, client, request, fallback),
  );
  // Only the call that made the decision tells the requester, so a double click sends one DM.
  if (!decided || request.requestedBy === deciderId) return;
  const language =
    (await safely(deps, "the account's language", () => accountLanguage(deps.svc.db, request.accountId))) ?? "en";
  const text = toMrkdwn(
    isTranslated(language)
      ? localYours(language, request, subsidiaryZone)
      : md`Your bulk request ${request.id} (${requestSummary(request)}): ${statusLine(request, subsidiaryZone, false)}`,
  );
  await safely(deps, "DM to the requester", () => directMessage(client, request.requestedBy, text));
}

export async function safely<T>(deps: SlackDeps, what: string, f: () => Promise<T>): Promise<T | null> {
  try {
    return await f();
  } catch (e) {
    deps.logger.warn({ err: e }, `${what} failed`);
    return null;
  }
}

export type { Services };
