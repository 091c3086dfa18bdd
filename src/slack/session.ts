// Who is asking from Slack: the workspace's account, the user, and the user's Slack time zone.

import type { LimitFunction } from "p-limit";
import type { Logger } from "pino";
import { isValidTimeZone } from "../domain/update-dates.ts";
import { type Account, ensureAccount, ensureUser, rememberTimeZone } from "../services/accounts.ts";
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
    if (timeZone) await rememberTimeZone(svc, account.id, userId, timeZone);
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
