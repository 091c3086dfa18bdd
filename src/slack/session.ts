// Who is asking from Slack: the workspace's account, the user, and the user's Slack time zone.

import type { LimitFunction } from "p-limit";
import type { Logger } from "pino";
import { type DateLocale, isDateLocale } from "../domain/dates.ts";
import { isValidTimeZone } from "../domain/update-dates.ts";
import { type Account, ensureAccount, ensureUser, rememberProfile } from "../services/accounts.ts";
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
  /** The language of the user's Slack (`sv-SE` → `sv`): dates they type are read in it, then in English. */
  locale: DateLocale;
}

/** The account of `teamId` (created on first use) and the user, with their zone and language from users.info, cached. */
export async function sessionFor(deps: SlackDeps, client: WebClient, teamId: string, userId: string): Promise<Session> {
  const { svc } = deps;
  const account = await ensureAccount(svc, teamId);
  const user = await ensureUser(svc, account.id, userId);
  let timeZone = user.timeZone;
  let locale = user.locale !== null && isDateLocale(user.locale) ? user.locale : null;
  if (!timeZone || !locale) {
    const profile = await slackProfile(deps, client, userId);
    if (profile) {
      timeZone = timeZone ?? profile.timeZone;
      locale = profile.locale;
      await rememberProfile(svc, account.id, userId, profile);
    }
  }
  return {
    actor: { accountId: account.id, userId },
    account,
    timeZone: timeZone ?? account.timeZone,
    locale: locale ?? "en",
  };
}

/** `sv-SE` → `sv`; a language tierkeeper does not read dates in → `en`. */
export function dateLocaleOf(slackLocale: string | undefined): DateLocale {
  const language = (slackLocale ?? "").slice(0, 2).toLowerCase();
  return isDateLocale(language) ? language : "en";
}

async function slackProfile(
  deps: SlackDeps,
  client: WebClient,
  userId: string,
): Promise<{ timeZone: string | null; locale: DateLocale } | null> {
  try {
    const info = await client.users.info({ user: userId, include_locale: true });
    const tz = info.user?.tz;
    return { timeZone: tz && isValidTimeZone(tz) ? tz : null, locale: dateLocaleOf(info.user?.locale) };
  } catch (e) {
    deps.logger.warn({ err: e, userId }, "users.info failed; using the subsidiary time zone");
    return null;
  }
}
