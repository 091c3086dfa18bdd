// Bulk requests in Slack (R14): posted once to the approvals channel, updated in place, the requester told.

import type { KnownBlock } from "@slack/types";
import { and, eq, isNull, like, or, sql } from "drizzle-orm";
import { requestParts, requestSummary, statusLine } from "../commands/requests-view.ts";
import { md, mention } from "../commands/rich.ts";
import { accounts, bulkRequests } from "../db/schema.ts";
import { getAccount } from "../services/accounts.ts";
import { type BulkRequestView, getRequest } from "../services/bulk.ts";
import type { Services } from "../services/context.ts";
import type { SlackClient as WebClient } from "./client.ts";
import { renderParts } from "./render/answer.ts";
import { toMrkdwn } from "./render/mrkdwn.ts";
import { singleTryClient } from "./web.ts";

/**
 * A claim older than this is from a poster that died mid-post; another may take it over. Far
 * longer than the post's one call (singleTryClient: one try, SLACK_CALL_TIMEOUT_MS), so a claim
 * is never taken over while its post is in flight.
 */
const CLAIM_TTL_MS = 5 * 60_000;
const CLAIM_PREFIX = "claim:";
/** Milliseconds since the epoch in database time: every replica's claims are on one clock. */
const dbNowMs = sql`floor(extract(epoch from now()) * 1000)::bigint`;

/**
 * Claims the request for posting: only one caller (a command, a scheduler tick, a replica) gets it.
 * `slack_ts` holds `claim:<ms>` while the post is in flight, then the message ts. Returns the
 * claim (it is the token the poster's later writes check), or null.
 */
async function claim(svc: Services, id: string): Promise<string | null> {
  const rows = await svc.db
    .update(bulkRequests)
    .set({ slackTs: sql`${CLAIM_PREFIX}::text || ${dbNowMs}::text` })
    .where(
      and(
        eq(bulkRequests.id, id),
        or(
          isNull(bulkRequests.slackTs),
          and(
            like(bulkRequests.slackTs, `${CLAIM_PREFIX}%`),
            // Typed parameters: an untyped `substring(x from $1)` would pick the regex overload.
            sql`substr(${bulkRequests.slackTs}, ${CLAIM_PREFIX.length + 1}::int)::bigint < ${dbNowMs} - ${CLAIM_TTL_MS}::bigint`,
          ),
        ),
      ),
    )
    .returning({ slackTs: bulkRequests.slackTs });
  return rows[0]?.slackTs ?? null;
}

/** Gives the request back for a later post, unless another poster has taken the claim over. */
async function release(svc: Services, id: string, token: string): Promise<void> {
  await svc.db
    .update(bulkRequests)
    .set({ slackTs: null })
    .where(and(eq(bulkRequests.id, id), eq(bulkRequests.slackTs, token)));
}

/** The request's message in the approvals channel: typed blocks, and its notification text. */
export function requestMessage(r: BulkRequestView, subsidiaryZone: string) {
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
  const token = await claim(svc, request.id);
  if (!token) return null;
  try {
    const account = await getAccount(svc.db, request.accountId);
    const fresh = await getRequest(svc, request.accountId, request.id);
    // One try with a timeout, whatever client the caller has: a retry could post after the claim
    // ran out and another poster took it. A post Slack accepted but answered too late shows twice.
    const posted = await singleTryClient(client).client.chat.postMessage({
      channel,
      ...requestMessage(fresh, account.timeZone),
    });
    const where = { channel: posted.channel ?? channel, ts: posted.ts ?? "" };
    await svc.db
      .update(bulkRequests)
      .set({ slackChannel: where.channel, slackTs: where.ts })
      .where(and(eq(bulkRequests.id, request.id), eq(bulkRequests.slackTs, token)));
    return where;
  } catch (e) {
    await release(svc, request.id, token);
    throw e;
  }
}

/** Marks a request as shown through a response_url (no ts to update later), so the poster leaves it. */
export async function markPostedWithoutTs(svc: Services, id: string, channel: string): Promise<void> {
  await svc.db
    .update(bulkRequests)
    .set({ slackChannel: channel, slackTs: "response_url" })
    .where(and(eq(bulkRequests.id, id), like(bulkRequests.slackTs, `${CLAIM_PREFIX}%`)));
}

/**
 * Posts every open request that has no Slack message yet (made from the CLI, a rule or an import)
 * to its account's approvals channel. Idempotent: each request is claimed before it is posted.
 */
export async function postUnpostedRequests(
  svc: Services,
  client: WebClient,
): Promise<{ id: string; channel: string; ts: string }[]> {
  const rows = await svc.db
    .select({ id: bulkRequests.id, accountId: bulkRequests.accountId, channel: accounts.approvalsChannel })
    .from(bulkRequests)
    .innerJoin(accounts, eq(accounts.id, bulkRequests.accountId))
    .where(
      and(
        eq(bulkRequests.status, "open"),
        // A claim left by a poster that died is taken over once it is old (claim decides).
        or(isNull(bulkRequests.slackTs), like(bulkRequests.slackTs, `${CLAIM_PREFIX}%`)),
        sql`${accounts.approvalsChannel} is not null`,
      ),
    );
  const posted: { id: string; channel: string; ts: string }[] = [];
  for (const row of rows) {
    if (!row.channel) continue;
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
  const fresh = await svc.db.query.bulkRequests.findFirst({ where: eq(bulkRequests.id, request.id) });
  const hasTs = fresh?.slackChannel && fresh.slackTs && /^\d+\.\d+$/.test(fresh.slackTs);
  const where = hasTs ? { channel: fresh.slackChannel as string, ts: fresh.slackTs as string } : fallback;
  if (!where) return false;
  const account = await getAccount(svc.db, request.accountId);
  const current = await getRequest(svc, request.accountId, request.id);
  await client.chat.update({ channel: where.channel, ts: where.ts, ...requestMessage(current, account.timeZone) });
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
