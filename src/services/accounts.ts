import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { accounts, users } from "../db/schema.ts";
import { type DateLocale, isDateLocale } from "../domain/dates.ts";
import type { PricingLadder } from "../domain/pricing.ts";
import type { BillingTerms, Plan, Term } from "../domain/types.ts";
import { calendarDateIn } from "../domain/update-dates.ts";
import { Refusal, type Services } from "./context.ts";

export type Account = typeof accounts.$inferSelect;
export type User = typeof users.$inferSelect;

/** The team id of a single-workspace install when neither Slack nor --team names one. */
export const DEFAULT_TEAM = "local";

const DEFAULT_TIME_ZONE = "America/New_York";

/**
 * The account of a Slack workspace, created with default settings on first use. In a
 * single-workspace install the account made locally (CLI, demo) before Slack was connected
 * becomes that workspace's account the first time Slack talks to it (SPEC §4).
 */
export async function ensureAccount(svc: Services, teamId: string, name?: string): Promise<Account> {
  const existing = await svc.db.query.accounts.findFirst({ where: eq(accounts.teamId, teamId) });
  if (existing) return existing;
  if (teamId !== DEFAULT_TEAM) {
    const [adopted] = await svc.db
      .update(accounts)
      .set({ teamId })
      .where(and(eq(accounts.teamId, DEFAULT_TEAM), sql`(select count(*) from accounts) = 1`))
      .returning();
    if (adopted) return adopted;
  }
  const ladder = svc.pricing.professional;
  await svc.db
    .insert(accounts)
    .values({
      teamId,
      name: name ?? (teamId === DEFAULT_TEAM ? "My company" : teamId),
      plan: "professional",
      term: "annual",
      contractStart: calendarDateIn(svc.clock.now(), DEFAULT_TIME_ZONE),
      timeZone: DEFAULT_TIME_ZONE,
      tierLimit: ladder.included,
      createdAt: svc.clock.now(),
    })
    .onConflictDoNothing();
  const created = await svc.db.query.accounts.findFirst({ where: eq(accounts.teamId, teamId) });
  if (!created) throw new Error(`account for team ${teamId} could not be created`);
  return created;
}

/**
 * The account a command without `--team` means: the one account of a single-workspace install
 * (whatever its Slack team id), created as the local account on first use.
 */
export async function resolveAccount(svc: Services, teamId?: string): Promise<Account> {
  if (teamId) return ensureAccount(svc, teamId);
  const all = await svc.db.select().from(accounts).orderBy(accounts.id).limit(20);
  const [only] = all;
  if (all.length === 1 && only) return only;
  if (all.length === 0) return ensureAccount(svc, DEFAULT_TEAM);
  const local = all.find((a) => a.teamId === DEFAULT_TEAM);
  if (local) return local;
  throw new Refusal(
    `This tierkeeper serves several Slack workspaces (${all.map((a) => a.teamId).join(", ")}); say which with --team <team id>.`,
    "invalid",
  );
}

export async function getAccount(ex: Executor, accountId: number, lock = false): Promise<Account> {
  const q = ex.select().from(accounts).where(eq(accounts.id, accountId));
  // NO KEY UPDATE: changes to one account still go one at a time, but rows that point at the account
  // (users, audit, samples, requests) are inserted meanwhile; their foreign-key check would wait behind FOR UPDATE.
  const [row] = lock ? await q.for("no key update") : await q;
  if (!row) throw new Error(`account ${accountId} does not exist`);
  return row;
}

/** The language the account's channels read notices in (`settings language`); English for an account gone. */
export async function accountLanguage(ex: Executor, accountId: number): Promise<Account["language"]> {
  const [row] = await ex.select({ language: accounts.language }).from(accounts).where(eq(accounts.id, accountId));
  return row?.language ?? "en";
}

/**
 * The language a notice is worded in for its recipient: a DM in the user's own language (their
 * Slack's, as last seen), a channel in the account's.
 */
export async function recipientLanguage(
  ex: Executor,
  accountId: number,
  userId: string | null,
): Promise<Account["language"]> {
  if (userId) {
    const [row] = await ex
      .select({ locale: users.locale })
      .from(users)
      .where(and(eq(users.accountId, accountId), eq(users.userId, userId)));
    if (row?.locale && isDateLocale(row.locale)) return row.locale;
  }
  return accountLanguage(ex, accountId);
}

/**
 * The user as the account knows it, created as a member with marketing access on first
 * sight (R13). Users named in TIERKEEPER_ADMINS are admins.
 */
export async function ensureUser(svc: Services, accountId: number, userId: string): Promise<User> {
  const isConfigAdmin = svc.configAdmins.includes(userId);
  const find = () =>
    svc.db.query.users.findFirst({ where: and(eq(users.accountId, accountId), eq(users.userId, userId)) });
  // Read first: every command asks, and almost always the user is there as they should be (one
  // query, no write). Written only when missing, or when the configuration makes them an admin.
  const known = await find();
  if (known && (!isConfigAdmin || known.role === "admin")) return known;
  if (!known) {
    await svc.db
      .insert(users)
      .values({ accountId, userId, role: isConfigAdmin ? "admin" : "member", createdAt: svc.clock.now() })
      .onConflictDoNothing();
  }
  if (isConfigAdmin) {
    await svc.db
      .update(users)
      .set({ role: "admin" })
      .where(and(eq(users.accountId, accountId), eq(users.userId, userId), sql`${users.role} <> 'admin'`));
  }
  const user = await find();
  if (!user) throw new Error(`user ${userId} could not be created`);
  return user;
}

/** Remembers a user's time zone and language (as their Slack profile gives them). */
export async function rememberProfile(
  svc: Services,
  accountId: number,
  userId: string,
  profile: { timeZone: string | null; locale: DateLocale },
): Promise<void> {
  await svc.db
    .update(users)
    .set({ ...(profile.timeZone ? { timeZone: profile.timeZone } : {}), locale: profile.locale })
    .where(and(eq(users.accountId, accountId), eq(users.userId, userId)));
}

export function billingTermsOf(account: Account): BillingTerms {
  return { term: account.term as Term, contractStart: account.contractStart, timeZone: account.timeZone };
}

export function ladderOf(svc: Services, account: Account): PricingLadder {
  return svc.pricing[account.plan as Plan];
}

/**
 * A user's rights as they are now, read without creating the user: what a standing change (a
 * rule, a scheduled request, an API key) acts with when it runs (R13, R14). A user the account has
 * never seen has a member's defaults.
 */
export async function rightsOf(
  svc: Services,
  ex: Executor,
  accountId: number,
  userId: string,
): Promise<{ userId: string; role: User["role"]; marketingAccess: boolean }> {
  const [row] = await ex
    .select({ role: users.role, marketingAccess: users.marketingAccess })
    .from(users)
    .where(and(eq(users.accountId, accountId), eq(users.userId, userId)));
  const role = svc.configAdmins.includes(userId) ? "admin" : (row?.role ?? "member");
  return { userId, role, marketingAccess: row?.marketingAccess ?? true };
}
