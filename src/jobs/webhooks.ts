// Sends the changes feed to webhook endpoints (Standard Webhooks: signed with the endpoint's
// secret, `webhook-id`, `webhook-timestamp`, `webhook-signature`). Each endpoint's cursor is its
// outbox: a message is the next run of events of one type after the cursor (up to 1,000, so an
// update date of 100,000 contacts is 100 messages), the cursor moves on only after a 2xx, and a
// retry sends the same message id again: at least once, in feed order, and so in order per contact.
//
// A webhook is a request made on an admin's behalf to a URL they typed: the address is checked
// again when connecting (after DNS, so a name that later resolves inside is refused), redirects are
// not followed, and the answer is read with a size cap and a timeout.

import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { type ClientRequest, request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import type { Logger } from "pino";
import { Webhook } from "standardwebhooks";
import { type WebhookFailure, webhookFailureText } from "../domain/reasons.ts";
import { isPublicAddress } from "../domain/webhook-url.ts";
import { type ChangeEvent, readChanges } from "../services/changes/index.ts";
import type { Services } from "../services/context.ts";
import {
  claimDueWebhook,
  recordWebhookDelivered,
  recordWebhookFailed,
  releaseWebhook,
  type WebhookClaim,
} from "../services/webhooks/index.ts";

/** Events in one message at most. */
export const WEBHOOK_BATCH = 1000;
const TIMEOUT_MS = 10_000;
const MAX_ANSWER_BYTES = 64 * 1024;

export interface WebhookSenderOptions {
  logger: Logger;
  /** http:// and private addresses allowed (development, tests); svc.webhookAllowLocal by default. */
  allowLocal?: boolean;
  /** How long one call may keep going from endpoint to endpoint. */
  budgetMs?: number;
  /** When a message is signed: the real time (receivers check it against theirs), not the service clock. */
  wallClock?: () => Date;
}

export interface WebhookMessage {
  id: string;
  type: string;
  timestamp: Date;
  body: string;
}

/** The message for the first run of same-type events of `events`, and how many events it carries. */
export function firstMessage(events: ChangeEvent[], at: Date): { message: WebhookMessage; count: number } | null {
  const first = events[0];
  if (!first) return null;
  let count = 1;
  while (count < events.length && count < WEBHOOK_BATCH && events[count]?.type === first.type) count++;
  const batch = events.slice(0, count);
  const last = batch[batch.length - 1] ?? first;
  const id = `msg_${first.id}_${last.id}`;
  return {
    count,
    message: {
      id,
      type: first.type,
      timestamp: at,
      body: JSON.stringify({ type: first.type, timestamp: at.toISOString(), data: { events: batch } }),
    },
  };
}

/** Delivers what is due, endpoint after endpoint, until nothing is due or the budget is spent. */
export async function deliverWebhooks(
  svc: Services,
  opts: WebhookSenderOptions,
): Promise<{ sent: number; failed: number }> {
  const started = Date.now();
  const budget = opts.budgetMs ?? 20_000;
  const wall = opts.wallClock ?? (() => new Date());
  const o = { ...opts, allowLocal: opts.allowLocal ?? svc.webhookAllowLocal ?? false };
  let sent = 0;
  let failed = 0;
  while (Date.now() - started < budget) {
    const claim = await claimDueWebhook(svc, TIMEOUT_MS * 3);
    if (!claim) break;
    try {
      const r = await deliverOne(svc, claim, o, wall);
      if (r === "sent") sent++;
      if (r === "failed") failed++;
    } catch (e) {
      // Our own failure (the database, say): the lease runs out and the endpoint is tried again.
      opts.logger.warn(
        { webhookId: claim.endpoint.id, error: (e as Error).message?.slice(0, 200) },
        "webhook delivery failed on our side",
      );
      break;
    }
  }
  return { sent, failed };
}

async function deliverOne(
  svc: Services,
  claim: WebhookClaim,
  opts: WebhookSenderOptions & { allowLocal: boolean },
  wall: () => Date,
): Promise<"sent" | "failed" | "idle"> {
  const ep = claim.endpoint;
  if (ep.testRequestedAt) {
    const at = wall();
    const message: WebhookMessage = {
      id: `msg_test_${ep.id}_${ep.testRequestedAt.getTime()}`,
      type: "webhook.test",
      timestamp: at,
      body: JSON.stringify({ type: "webhook.test", timestamp: at.toISOString(), data: { webhookId: ep.id } }),
    };
    const outcome = await post(ep.url, ep.secret, message, opts.allowLocal);
    if (outcome !== null) {
      await recordWebhookFailed(svc, claim, outcome);
      return "failed";
    }
    await recordWebhookDelivered(svc, claim, ep.cursor, { more: true, tested: true });
    return "sent";
  }
  const types = ep.events.length ? (ep.events as ChangeEvent["type"][]) : undefined;
  const page = await readChanges(svc, ep.accountId, { after: ep.cursor, limit: WEBHOOK_BATCH, types });
  const first = firstMessage(page.events, wall());
  if (!first) {
    // Nothing for it; events of other types may have been passed over: keep the position.
    if (page.next !== ep.cursor) await recordWebhookDelivered(svc, claim, page.next, { more: false });
    else await releaseWebhook(svc, claim);
    return "idle";
  }
  // The cursor just after the message's last event: the same read, as long as the message.
  const upTo =
    first.count === page.events.length
      ? page
      : await readChanges(svc, ep.accountId, { after: ep.cursor, limit: first.count, types });
  const outcome = await post(ep.url, ep.secret, first.message, opts.allowLocal);
  if (outcome !== null) {
    const { disabled } = await recordWebhookFailed(svc, claim, outcome);
    opts.logger.info(
      { webhookId: ep.id, error: webhookFailureText(outcome), disabled },
      "webhook not delivered; tried again later",
    );
    return "failed";
  }
  await recordWebhookDelivered(svc, claim, upTo.next, { more: page.hasMore || first.count < page.events.length });
  return "sent";
}

/** Resolves like dns.lookup, but only to public addresses (unless local ones are allowed). */
function guardedLookup(allowLocal: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, "", 0);
      const list = addresses as unknown as LookupAddress[];
      const ok = list.filter((a) => allowLocal || isPublicAddress(a.address));
      const chosen = ok[0];
      if (!chosen) {
        return callback(
          Object.assign(new Error(`${hostname} resolves to no public address`), { code: "EBLOCKED" }),
          "",
          0,
        );
      }
      if ((options as { all?: boolean }).all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, ok);
      return callback(null, chosen.address, chosen.family);
    });
  };
}

/** POSTs the signed message; null when the endpoint answered 2xx, else what went wrong in a few words. */
export function post(
  url: string,
  secret: string,
  message: WebhookMessage,
  allowLocal: boolean,
): Promise<WebhookFailure | null> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (result: WebhookFailure | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(result);
    };
    const target = new URL(url);
    const signature = new Webhook(secret).sign(message.id, message.timestamp, message.body);
    const send =
      target.protocol === "https:" ? httpsRequest : target.protocol === "http:" && allowLocal ? httpRequest : null;
    if (!send) {
      resolve({ code: "not-https" });
      return;
    }
    const req: ClientRequest = send(target, {
      method: "POST",
      lookup: guardedLookup(allowLocal),
      headers: {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(message.body),
        "user-agent": "tierkeeper-webhooks/1",
        "webhook-id": message.id,
        "webhook-timestamp": String(Math.floor(message.timestamp.getTime() / 1000)),
        "webhook-signature": signature,
      },
    });
    const timer = setTimeout(() => done({ code: "timeout", seconds: TIMEOUT_MS / 1000 }), TIMEOUT_MS);
    req.on("error", (e: NodeJS.ErrnoException) =>
      done(
        e.code === "EBLOCKED"
          ? { code: "blocked", host: target.hostname }
          : { code: "connect", error: e.code ?? "error" },
      ),
    );
    req.on("response", (res: IncomingMessage) => {
      const status = res.statusCode ?? 0;
      let read = 0;
      // Read (and drop) the answer up to a cap, so the connection ends cleanly; redirects are answers too.
      res.on("data", (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_ANSWER_BYTES) done(status >= 200 && status < 300 ? null : { code: "status", status });
      });
      res.on("end", () => done(status >= 200 && status < 300 ? null : { code: "status", status }));
      res.on("error", () => done({ code: "broken", status }));
    });
    req.end(message.body);
  });
}
