// Where a bulk request is shown in Slack, and who is posting it: one poster at a time (a command,
// a scheduler tick, another replica), with a lease so a poster that died mid-post is taken over.
// The Slack layer (src/slack/request-poster.ts) makes the calls; this keeps the state.
import { randomUUID } from "node:crypto";
import { and, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import { accounts, bulkRequests } from "../db/schema.ts";
import type { Services } from "./context.ts";

/**
 * How long a claim to post holds: far longer than the post's one call (one try, with the Slack
 * call timeout), so a claim is never taken over while its post is in flight.
 */
export const POST_CLAIM_MS = 5 * 60_000;

/** Claims the request for posting; the token guards the poster's later writes. Null: posted, or being posted. */
export async function claimRequestPost(svc: Services, id: string, leaseMs = POST_CLAIM_MS): Promise<string | null> {
  const now = svc.clock.now();
  const token = randomUUID();
  const rows = await svc.db
    .update(bulkRequests)
    .set({ postClaimToken: token, postClaimedUntil: new Date(now.getTime() + leaseMs) })
    .where(
      and(
        eq(bulkRequests.id, id),
        isNull(bulkRequests.slackPostedAt),
        or(isNull(bulkRequests.postClaimedUntil), lt(bulkRequests.postClaimedUntil, now)),
      ),
    )
    .returning({ id: bulkRequests.id });
  return rows.length ? token : null;
}

/** Records where the request was posted (`ts` null: an answer through a response_url, nothing to update). */
export async function recordRequestPost(
  svc: Services,
  id: string,
  token: string | null,
  where: { channel: string; ts: string | null },
): Promise<void> {
  await svc.db
    .update(bulkRequests)
    .set({
      slackChannel: where.channel,
      slackTs: where.ts,
      slackPostedAt: svc.clock.now(),
      postClaimToken: null,
      postClaimedUntil: null,
    })
    .where(
      and(
        eq(bulkRequests.id, id),
        token === null ? isNull(bulkRequests.slackPostedAt) : eq(bulkRequests.postClaimToken, token),
      ),
    );
}

/** Gives the claim back for a later post, unless another poster has taken it over. */
export async function releaseRequestPost(svc: Services, id: string, token: string): Promise<void> {
  await svc.db
    .update(bulkRequests)
    .set({ postClaimToken: null, postClaimedUntil: null })
    .where(and(eq(bulkRequests.id, id), eq(bulkRequests.postClaimToken, token)));
}

/** Open requests not shown in Slack yet, of accounts with an approvals channel (made from the CLI, a rule, an import). */
export async function unpostedRequests(svc: Services): Promise<{ id: string; accountId: number; channel: string }[]> {
  const rows = await svc.db
    .select({ id: bulkRequests.id, accountId: bulkRequests.accountId, channel: accounts.approvalsChannel })
    .from(bulkRequests)
    .innerJoin(accounts, eq(accounts.id, bulkRequests.accountId))
    .where(
      and(eq(bulkRequests.status, "open"), isNull(bulkRequests.slackPostedAt), isNotNull(accounts.approvalsChannel)),
    );
  return rows.flatMap((r) => (r.channel ? [{ ...r, channel: r.channel }] : []));
}

/** The request's message to update, when it has one. */
export async function requestMessageAt(svc: Services, id: string): Promise<{ channel: string; ts: string } | null> {
  const [row] = await svc.db
    .select({ channel: bulkRequests.slackChannel, ts: bulkRequests.slackTs })
    .from(bulkRequests)
    .where(eq(bulkRequests.id, id));
  return row?.channel && row.ts ? { channel: row.channel, ts: row.ts } : null;
}
