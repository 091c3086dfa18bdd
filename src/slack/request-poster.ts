// Bulk requests in Slack (R14): posted once to the approvals channel, updated in place, the requester told.

import type { KnownBlock } from "@slack/types";
import { isTranslated } from "../commands/i18n/answers.ts";
import type { Locale } from "../commands/i18n/format.ts";
import { localMessageText, localRequestParts } from "../commands/i18n/requests.ts";
import { requestParts, requestSummary, statusLine } from "../commands/requests-view.ts";
import { md, mention } from "../commands/rich.ts";
import { getAccount } from "../services/accounts.ts";
import { type BulkRequestView, getRequest } from "../services/bulk/index.ts";
import type { Services } from "../services/context.ts";
import {
  claimRequestPost,
  recordRequestPost,
  releaseRequestPost,
  requestMessageAt,
  unpostedRequests,
} from "../services/request-posts.ts";
import type { SlackClient as WebClient } from "./client.ts";
import { renderParts } from "./render/answer.ts";
import { toMrkdwn } from "./render/mrkdwn.ts";
import { singleTryClient } from "./web.ts";

/** The request's message in the approvals channel, in the account's language: typed blocks, and its notification text. */
export function requestMessage(r: BulkRequestView, subsidiaryZone: string, locale: Locale = "en") {
  if (isTranslated(locale)) {
    return {
      text: toMrkdwn(localMessageText(locale, r, subsidiaryZone)),
      blocks: renderParts(localRequestParts(locale, r, subsidiaryZone, { buttons: true, subsidiaryZone })),
    };
  }
  return {
    text: toMrkdwn(
      md`Bulk request ${r.id} from ${mention(r.requestedBy)}: ${requestSummary(r)}.${r.status === "open" ? "" : md` ${statusLine(r, subsidiaryZone, false)}`}`,
    ),
    blocks: renderParts(requestParts(r, subsidiaryZone, { buttons: true, subsidiaryZone })),
  };
}

/**
 * Posts an open request with Approve/Reject buttons to `channel` and stores where (R14).
 * Returns the message, or null when someone else already posted it (or is posting it).
 */
export async function postRequest(
  svc: Services,
  client: WebClient,
  request: BulkRequestView,
  channel: string,
): Promise<{ channel: string; ts: string } | null> {
  const token = await claimRequestPost(svc, request.id);
  if (!token) return null;
  try {
    const account = await getAccount(svc.db, request.accountId);
    const fresh = await getRequest(svc, request.accountId, request.id);
    // One try with a timeout, whatever client the caller has: a retry could post after the claim
    // ran out and another poster took it. A post Slack accepted but answered too late shows twice.
    const posted = await singleTryClient(client).client.chat.postMessage({
      channel,
      ...requestMessage(fresh, account.timeZone, account.language),
    });
    const where = { channel: posted.channel ?? channel, ts: posted.ts ?? "" };
    await recordRequestPost(svc, request.id, token, where);
    return where;
  } catch (e) {
    await releaseRequestPost(svc, request.id, token);
    throw e;
  }
}

/** Marks a request as shown through a response_url (no message to update), so the poster leaves it. */
export async function markPostedWithoutTs(svc: Services, id: string, channel: string): Promise<void> {
  await recordRequestPost(svc, id, null, { channel, ts: null });
}

/**
 * Posts every open request that has no Slack message yet (made from the CLI, a rule or an import)
 * to its account's approvals channel. Idempotent: each request is claimed before it is posted.
 */
export async function postUnpostedRequests(
  svc: Services,
  client: WebClient,
): Promise<{ id: string; channel: string; ts: string }[]> {
  const posted: { id: string; channel: string; ts: string }[] = [];
  for (const row of await unpostedRequests(svc)) {
    const request = await getRequest(svc, row.accountId, row.id);
    const where = await postRequest(svc, client, request, row.channel);
    if (where) posted.push({ id: row.id, ...where });
  }
  return posted;
}

/** Shows the request's true state in its message (chat.update); false when it has no message to update. */
export async function updateRequestMessage(
  svc: Services,
  client: WebClient,
  request: BulkRequestView,
  fallback?: { channel: string; ts: string },
): Promise<boolean> {
  const where = (await requestMessageAt(svc, request.id)) ?? fallback;
  if (!where) return false;
  const account = await getAccount(svc.db, request.accountId);
  const current = await getRequest(svc, request.accountId, request.id);
  await client.chat.update({
    channel: where.channel,
    ts: where.ts,
    ...requestMessage(current, account.timeZone, account.language),
  });
  return true;
}

/** A direct message to one user (conversations.open + chat.postMessage). */
export async function directMessage(
  client: WebClient,
  userId: string,
  text: string,
  blocks?: KnownBlock[],
): Promise<void> {
  const opened = await client.conversations.open({ users: userId });
  const channel = opened.channel?.id;
  if (!channel) return;
  await client.chat.postMessage({ channel, text, ...(blocks ? { blocks } : {}) });
}
