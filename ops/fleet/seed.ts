// The fleet run's accounts: four workspaces on the professional 7,000 tier, each with contacts
// reserved for the load's commands (every change command touches contacts no other command
// touches, so its effect can be checked on its own), lists for bulk requests, an intake API key,
// and contacts whose non-marketing change waits for an update date already past (a rollover).
import { sql } from "drizzle-orm";
import { systemClock } from "../../src/clock.ts";
import { type Database, rowsOf } from "../../src/db/client.ts";
import { users } from "../../src/db/schema.ts";
import { DEFAULT_PRICING } from "../../src/domain/pricing.ts";
import { createApiKey } from "../../src/services/api-keys.ts";
import { ChangeEvents } from "../../src/services/context.ts";

export const ADMIN = "UADMIN";
export const MEMBERS = ["UMEMBER1", "UMEMBER2", "UMEMBER3", "UMEMBER4"];
export const TIER = 7000;
/** Contacts each account reserves for `set marketing` / `set non-marketing`, and lists of 12 for `bulk`. */
export const POOL = 1500;
export const LISTS = 250;
export const LIST_SIZE = 12;
/** Marketing contacts whose change waits for the last update date (made due just before the load). */
export const OLD_PENDING = 150;

export interface SeededTeam {
  teamId: string;
  accountId: number;
  apiKey: string;
  alertChannel: string;
  approvalsChannel: string;
  marketingAtStart: number;
}

/**
 * Marketing contacts at the start, per account, against the 7,000 tier: the load adds about a
 * thousand to each, so one crosses 75 % early, one crosses 75 % later, one crosses 90 %, one
 * crosses nothing; none reaches the tier (an upgrade would need an approval, another story).
 */
const STARTS = [5240, 5000, 5700, 4000];

export async function seedFleet(database: Database): Promise<SeededTeam[]> {
  const { db } = database;
  const svc = { db, clock: systemClock, pricing: DEFAULT_PRICING, configAdmins: [ADMIN], events: new ChangeEvents() };
  const teams: SeededTeam[] = [];
  for (const [i, start] of STARTS.entries()) {
    const n = i + 1;
    const teamId = `TFLEET${n}`;
    const [account] = await rowsOf<{ id: number }>(
      db,
      sql`insert into accounts (team_id, name, plan, term, contract_start, time_zone, tier_limit, alert_channel,
            approvals_channel, direct_limit, configured_at)
          values (${teamId}, ${`Fleet ${n}`}, 'professional', 'annual', '2026-01-15', 'America/New_York', ${TIER},
            ${`CALERTS${n}`}, ${`CAPPROVALS${n}`}, 10, now())
          returning id`,
    );
    const accountId = Number(account?.id);
    // Their Slack time zones are known: no users.info on the way.
    await db.insert(users).values(
      [ADMIN, ...MEMBERS].map((userId) => ({
        accountId,
        userId,
        role: userId === ADMIN ? ("admin" as const) : ("member" as const),
        billingContact: userId === ADMIN,
        timeZone: "America/Los_Angeles",
      })),
    );
    // Marketing: the base, the pool for `set non-marketing`, the lists, the old pending ones.
    const listed = LISTS * LIST_SIZE;
    const base = start - POOL - listed - OLD_PENDING;
    const add = async (prefix: string, count: number, marketing: boolean) => {
      await rowsOf(
        db,
        sql`insert into contacts (account_id, email, source)
            select ${accountId}, ${prefix} || i || '@fleet.test', 'import' from generate_series(1, ${count}) i`,
      );
      if (marketing) {
        await rowsOf(
          db,
          sql`update contact_status s set marketing = true from contacts c
              where c.id = s.contact_id and c.account_id = ${accountId} and c.email like ${`${prefix}%`}`,
        );
      }
    };
    await add("base-", base, true);
    await add("sn-", POOL, true);
    await add("sm-", POOL, false);
    await add("old-", OLD_PENDING, true);
    await add("l-", listed, true);
    await rowsOf(
      db,
      sql`insert into lists (account_id, name, created_by) select ${accountId}, 'L' || k, ${ADMIN} from generate_series(1, ${LISTS}) k`,
    );
    await rowsOf(
      db,
      sql`insert into list_members (list_id, contact_id)
          select l.id, c.id from contacts c
          join lists l on l.account_id = c.account_id
            and l.name = 'L' || (1 + (substring(c.email from 'l-([0-9]+)@')::int - 1) / ${LIST_SIZE})
          where c.account_id = ${accountId} and c.email like 'l-%'`,
    );
    const { apiKey } = await createApiKey(svc, { accountId, userId: ADMIN });
    teams.push({
      teamId,
      accountId,
      apiKey,
      alertChannel: `CALERTS${n}`,
      approvalsChannel: `CAPPROVALS${n}`,
      marketingAtStart: start,
    });
  }
  await rowsOf(db, sql`analyze`);
  return teams;
}

/**
 * Just before the load: the accounts are 45 days old and the `old-` contacts were set
 * non-marketing 40 days ago, so the first scheduler tick of the run owes one update date (R6).
 */
export async function makeRolloverDue(database: Database): Promise<void> {
  await rowsOf(database.db, sql`update accounts set created_at = now() - interval '45 days'`);
  await rowsOf(
    database.db,
    sql`update contact_status s set pending_since = now() - interval '40 days'
        from contacts c where c.id = s.contact_id and c.email like 'old-%'`,
  );
}
