import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../db/client.ts";
import { accounts, users } from "../db/schema.ts";
import type { PricingLadder } from "../domain/pricing.ts";
import { calendarDateIn } from "../domain/update-dates.ts";
import type { BillingTerms, Plan, Term } from "../domain/types.ts";
import type { Services } from "./context.ts";

export type Account = typeof accounts.$inferSelect;
export type User = typeof users.$inferSelect;

/** The team id of a single-workspace install when neither Slack nor --team names one. */
export const DEFAULT_TEAM = "local";

export const DEFAULT_TIME_ZONE = "America/New_York";

/** The account of a Slack workspace, created with default settings on first use. */
export async function ensureAccount(svc: Services, teamId: string, name?: string): Promise<Account> {
  const existing = await svc.db.query.accounts.findFirst({ where: eq(accounts.teamId, teamId) });
  if (existing) return existing;
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

export async function getAccount(ex: Executor, accountId: number, lock = false): Promise<Account> {
  const q = ex.select().from(accounts).where(eq(accounts.id, accountId));
  const [row] = lock ? await q.for("update") : await q;
  if (!row) throw new Error(`account ${accountId} does not exist`);
  return row;
}

/**
 * The user as the account knows it, created as a member with marketing access on first
 * sight (R13). Users named in TIERKEEPER_ADMINS are admins.
 */
export async function ensureUser(svc: Services, accountId: number, userId: string): Promise<User> {
  const isConfigAdmin = svc.configAdmins.includes(userId);
  await svc.db
    .insert(users)
    .values({ accountId, userId, role: isConfigAdmin ? "admin" : "member", createdAt: svc.clock.now() })
    .onConflictDoNothing();
  if (isConfigAdmin) {
    await svc.db
      .update(users)
      .set({ role: "admin" })
      .where(and(eq(users.accountId, accountId), eq(users.userId, userId), sql`${users.role} <> 'admin'`));
  }
  const user = await svc.db.query.users.findFirst({
    where: and(eq(users.accountId, accountId), eq(users.userId, userId)),
  });
  if (!user) throw new Error(`user ${userId} could not be created`);
  return user;
}

export function billingTermsOf(account: Account): BillingTerms {
  return { term: account.term as Term, contractStart: account.contractStart, timeZone: account.timeZone };
}

export function ladderOf(svc: Services, account: Account): PricingLadder {
  return svc.pricing[account.plan as Plan];
}
