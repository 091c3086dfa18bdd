// Who is asking from Slack: the workspace's account, the user, and the user's Slack time zone.

import { and, eq, lt } from "drizzle-orm";
import type { LimitFunction } from "p-limit";
import type { Logger } from "pino";
import { slackDeliveries, users } from "../db/schema.ts";
import { isValidTimeZone } from "../domain/update-dates.ts";
import { type Account, ensureAccount, ensureUser } from "../services/accounts.ts";
import type { Actor, Services } from "../services/context.ts";
import type { SlackClient as WebClient } from "./client.ts";

export interface SlackDeps {
  svc: Services;
  logger: Logger;
  /** Runs the work after an ack with bounded concurrency (see createSlackApp); absent → run at once. */
  work?: LimitFunction;
}

/**
 * The work a listener does after its ack. Bounding how many run at once keeps acks fast under load:
 * PGlite runs every query on the main thread, so fifty commands' queries in flight would hold
 * back the next request's ack; it serializes queries anyway, so throughput is the same.
 */
export function afterAck<T>(deps: SlackDeps, fn: () => Promise<T>): Promise<T> {
  return deps.work ? deps.work(fn) : fn();
}

export interface Session {
  actor: Actor;
  account: Account;
  /** The user's IANA zone (Slack profile), or the subsidiary zone when Slack does not say. */
  timeZone: string;
}

/** The account of `teamId` (created on first use) and the user, with their zone from users.info, cached. */
export async function sessionFor(deps: SlackDeps, client: WebClient, teamId: string, userId: string): Promise<Session> {
  const { svc } = deps;
  const account = await ensureAccount(svc, teamId);
  const user = await ensureUser(svc, account.id, userId);
  let timeZone = user.timeZone;
  if (!timeZone) {
    timeZone = await slackTimeZone(deps, client, userId);
    if (timeZone) {
      await svc.db
        .update(users)
        .set({ timeZone })
        .where(and(eq(users.accountId, account.id), eq(users.userId, userId)));
    }
  }
  return { actor: { accountId: account.id, userId }, account, timeZone: timeZone ?? account.timeZone };
}

async function slackTimeZone(deps: SlackDeps, client: WebClient, userId: string): Promise<string | null> {
  try {
    const info = await client.users.info({ user: userId });
    const tz = info.user?.tz;
    return tz && isValidTimeZone(tz) ? tz : null;
  } catch (e) {
    deps.logger.warn({ err: e, userId }, "users.info failed; using the subsidiary time zone");
    return null;
  }
}

const DELIVERY_TTL_MS = 86_400_000;

/**
 * Claims one Slack delivery (a slash command's trigger_id, an event's event_id) so that a retry,
 * on this replica or another, never runs it twice. False when it was already handled.
 */
export async function claimDelivery(svc: Services, key: string): Promise<boolean> {
  const now = new Date();
  const claimed = await svc.db
    .insert(slackDeliveries)
    .values({ key, receivedAt: now })
    .onConflictDoNothing()
    .returning({ key: slackDeliveries.key });
  if (Math.random() < 0.02) {
    await svc.db
      .delete(slackDeliveries)
      .where(lt(slackDeliveries.receivedAt, new Date(now.getTime() - DELIVERY_TTL_MS)));
  }
  return claimed.length > 0;
}
