import { eq, getTableColumns, sql } from "drizzle-orm";
import { rowsOf, timestamptz } from "../../src/db/client.ts";
import { accounts, contactStatus, contacts, users } from "../../src/db/schema.ts";
import type { SettingChange } from "../../src/domain/command/index.ts";
import { DEFAULT_PRICING } from "../../src/domain/pricing.ts";
import type { Plan, Term } from "../../src/domain/types.ts";
import { type Actor, ChangeEvents, type Services } from "../../src/services/context.ts";
import { changeSettings } from "../../src/services/settings.ts";
import { ManualClock } from "./clock.ts";
import { freshDatabase } from "./db.ts";

export interface TestEnv {
  svc: Services;
  clock: ManualClock;
  close(): Promise<void>;
}

export async function testEnv(now = "2026-05-15T14:00:00Z"): Promise<TestEnv> {
  const database = await freshDatabase();
  const clock = new ManualClock(new Date(now));
  const svc: Services = {
    db: database.db,
    receiveDb: database.receiveDb,
    clock,
    pricing: DEFAULT_PRICING,
    configAdmins: [],
    // The tests' webhook receivers listen on 127.0.0.1.
    webhookAllowLocal: true,
    events: new ChangeEvents(),
  };
  return { svc, clock, close: () => database.close() };
}

let teamSeq = 0;

export interface AccountSetup {
  plan?: Plan;
  term?: Term;
  contractStart?: string;
  timeZone?: string;
  tierLimit?: number;
  directLimit?: number;
  selfApproval?: boolean;
  createdAt?: string;
}

/** A fresh account with an admin A1 and a member M1. */
export async function makeAccount(
  env: TestEnv,
  setup: AccountSetup = {},
): Promise<{ accountId: number; admin: Actor; member: Actor }> {
  const [a] = await env.svc.db
    .insert(accounts)
    .values({
      teamId: `T${++teamSeq}_${Math.random().toString(36).slice(2, 8)}`,
      plan: setup.plan ?? "professional",
      term: setup.term ?? "annual",
      contractStart: setup.contractStart ?? "2026-01-15",
      timeZone: setup.timeZone ?? "America/New_York",
      tierLimit: setup.tierLimit ?? 2000,
      directLimit: setup.directLimit ?? 10,
      selfApproval: setup.selfApproval ?? false,
      createdAt: new Date(setup.createdAt ?? "2026-01-15T17:00:00Z"),
    })
    .returning();
  const accountId = a!.id;
  await env.svc.db.insert(users).values([
    { accountId, userId: "UADMIN1", role: "admin" },
    { accountId, userId: "UADMIN2", role: "admin" },
    { accountId, userId: "UMEMBER1", role: "member" },
  ]);
  return {
    accountId,
    admin: { accountId, userId: "UADMIN1" },
    member: { accountId, userId: "UMEMBER1" },
  };
}

/** `n` contacts named `<prefix>00001@test.io`…, set-based. */
export async function seedContacts(
  env: TestEnv,
  accountId: number,
  n: number,
  opts: { prefix?: string; marketing?: boolean; pendingSince?: Date; bounced?: boolean; source?: string } = {},
): Promise<void> {
  const prefix = opts.prefix ?? "c";
  await rowsOf(
    env.svc.db,
    sql`with added as (
          insert into contacts (account_id, email, bounced, source)
          select ${accountId}, ${prefix} || lpad(i::text, 5, '0') || '@test.io', ${opts.bounced ?? false}, ${opts.source ?? "manual"}
          from generate_series(1, ${n}) i
          returning id
        )
        select count(*) from added`,
  );
  // Each new contact got its status row, non-marketing; set the status asked for in one statement.
  if (opts.marketing || opts.pendingSince) {
    await rowsOf(
      env.svc.db,
      sql`update contact_status s set marketing = true, pending_since = ${timestamptz(opts.pendingSince ?? null)}
          from contacts c
          where c.id = s.contact_id and c.account_id = ${accountId}
            and c.email ~ ${`^${prefix.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&")}[0-9]{5}@test[.]io$`}`,
    );
  }
}

export async function accountRow(env: TestEnv, accountId: number) {
  const [a] = await env.svc.db.select().from(accounts).where(eq(accounts.id, accountId));
  return a!;
}

/** A contact's fields with its status (marketing, pendingSince), or undefined. */
export async function contactRow(env: TestEnv, accountId: number, email: string) {
  const [c] = await env.svc.db
    .select({
      ...getTableColumns(contacts),
      marketing: contactStatus.marketing,
      pendingSince: contactStatus.pendingSince,
    })
    .from(contacts)
    .innerJoin(contactStatus, eq(contactStatus.contactId, contacts.id))
    .where(sql`${contacts.accountId} = ${accountId} and ${contacts.email} = ${email}`);
  return c;
}

/** Recomputes the counters from contacts: the maintained ones must always equal this. */
export async function recount(env: TestEnv, accountId: number) {
  const [r] = await rowsOf<{ m: number; p: number; t: number }>(
    env.svc.db,
    sql`select count(*) filter (where s.marketing)::int as m, count(*) filter (where s.pending_since is not null)::int as p,
        count(*)::int as t from contacts c left join contact_status s on s.contact_id = c.id where c.account_id = ${accountId}`,
  );
  return r!;
}

/** `settings <key> <value>` (admin): one setting, applied as `changeSettings` applies several; the settings after. */
export async function changeSetting(svc: Services, actor: Actor, change: SettingChange) {
  return (await changeSettings(svc, actor, [change])).settings;
}

/**
 * Waits (up to 30 s) until every committed audit event of the account is readable in the changes
 * feed. The feed holds back events while an older transaction is still running anywhere on the
 * server: another test file's long transaction on the shared Postgres server, say.
 */
export async function feedCaughtUp(env: TestEnv, accountId: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const [row] = await rowsOf<{ behind: boolean }>(
      env.svc.db,
      sql`select exists (select 1 from audit_events where account_id = ${accountId}
            and coalesce(txid, '0'::xid8) >= pg_snapshot_xmin(pg_current_snapshot())) as behind`,
    );
    if (!row?.behind || Date.now() > deadline) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}
