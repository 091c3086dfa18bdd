// The delivery state of webhook endpoints: which one a sender works on (a lease, so one sender
// across replicas), and what an attempt did to it (the cursor moves on after a 2xx; failures back
// off, and after 3 days of nothing but failures the endpoint is disabled with a notice).
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { rowsOf } from "../../db/client.ts";
import { webhookEndpoints } from "../../db/schema.ts";
import { type WebhookFailure, webhookFailureText } from "../../domain/reasons.ts";
import { getAccount } from "../accounts.ts";
import type { Services } from "../context.ts";
import { notice } from "../notices.ts";
import { alertRecipients, queueMessage } from "../outbox.ts";
import type { WebhookEndpoint } from "./endpoints.ts";

/** An endpoint that keeps failing this long is disabled. */
export const WEBHOOK_GIVE_UP_MS = 3 * 86_400_000;
/** How often an endpoint with nothing new is looked at again. */
export const WEBHOOK_POLL_MS = 5_000;

/** Wait after the `attempts`-th failure in a row: 10 s, 20 s, 40 s … up to an hour. */
export function webhookBackoffMs(attempts: number): number {
  return Math.min(10_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export interface WebhookClaim {
  endpoint: WebhookEndpoint;
  token: string;
}

/** The endpoint due first (not disabled, not held by another sender), held for `leaseMs`; null when none is due. */
export async function claimDueWebhook(svc: Services, leaseMs: number): Promise<WebhookClaim | null> {
  const now = svc.clock.now();
  const token = randomUUID();
  const until = new Date(now.getTime() + leaseMs);
  const [row] = await rowsOf<{ id: number | string }>(
    svc.db,
    sql`update webhook_endpoints set lease_token = ${token}, lease_until = ${until.toISOString()}::timestamptz
        where id = (
          select id from webhook_endpoints
          where disabled_at is null
            and (next_attempt_at is null or next_attempt_at <= ${now.toISOString()}::timestamptz)
            and (lease_until is null or lease_until < ${now.toISOString()}::timestamptz)
          order by next_attempt_at nulls first, id
          limit 1
          for update skip locked)
        returning id`,
  );
  if (!row) return null;
  const [endpoint] = await svc.db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.id, Number(row.id)));
  return endpoint ? { endpoint, token } : null;
}

const held = (claim: WebhookClaim) =>
  and(eq(webhookEndpoints.id, claim.endpoint.id), eq(webhookEndpoints.leaseToken, claim.token));

/**
 * A message was accepted (2xx): the cursor moves to `cursor`; `more` says whether the feed has more
 * for it now (then it is due again at once, else after the poll interval).
 */
export async function recordWebhookDelivered(
  svc: Services,
  claim: WebhookClaim,
  cursor: string | null,
  opts: { more: boolean; tested?: boolean },
): Promise<void> {
  const now = svc.clock.now();
  await svc.db
    .update(webhookEndpoints)
    .set({
      cursor,
      attempts: 0,
      failingSince: null,
      lastError: null,
      lastFailure: null,
      nextAttemptAt: opts.more ? now : new Date(now.getTime() + WEBHOOK_POLL_MS),
      ...(opts.tested ? { testRequestedAt: null } : {}),
      leaseToken: null,
      leaseUntil: null,
    })
    .where(held(claim));
}

/** Nothing to send: looked at again after the poll interval. */
export async function releaseWebhook(svc: Services, claim: WebhookClaim): Promise<void> {
  const now = svc.clock.now();
  await svc.db
    .update(webhookEndpoints)
    .set({ nextAttemptAt: new Date(now.getTime() + WEBHOOK_POLL_MS), leaseToken: null, leaseUntil: null })
    .where(held(claim));
}

/**
 * An attempt failed (`error` says how, in a few words: no URL or body in it). Backs off; after
 * WEBHOOK_GIVE_UP_MS of failures only, disables the endpoint and tells the alert channel.
 */
export async function recordWebhookFailed(
  svc: Services,
  claim: WebhookClaim,
  failed: WebhookFailure | string,
): Promise<{ disabled: boolean }> {
  const failure = typeof failed === "string" ? null : failed;
  const error = typeof failed === "string" ? failed : webhookFailureText(failed);
  const now = svc.clock.now();
  const ep = claim.endpoint;
  const failingSince = ep.failingSince ?? now;
  const attempts = ep.attempts + 1;
  const giveUp = now.getTime() - failingSince.getTime() >= WEBHOOK_GIVE_UP_MS;
  await svc.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(webhookEndpoints)
      .set({
        attempts,
        failingSince,
        lastError: error.slice(0, 300),
        lastFailure: failure,
        nextAttemptAt: new Date(now.getTime() + webhookBackoffMs(attempts)),
        disabledAt: giveUp ? now : null,
        leaseToken: null,
        leaseUntil: null,
      })
      .where(held(claim))
      .returning({ id: webhookEndpoints.id });
    if (!updated || !giveUp) return;
    const account = await getAccount(tx, ep.accountId);
    await queueMessage(
      tx,
      account,
      now,
      {
        key: `webhook-disabled:${ep.id}:${now.toISOString()}`,
        notice: notice("webhook-disabled", {
          webhookId: ep.id,
          origin: new URL(ep.url).origin,
          failingSince: failingSince.toISOString(),
          attempts,
          lastError: error.slice(0, 300),
          ...(failure ? { failure } : {}),
        }),
      },
      await alertRecipients(tx, account),
    );
  });
  return { disabled: giveUp };
}
