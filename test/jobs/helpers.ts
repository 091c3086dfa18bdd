import { asc, eq, sql } from "drizzle-orm";
import pino from "pino";
import { notificationAnswer } from "../../src/commands/notices.ts";
import { rowsOf, timestamptz } from "../../src/db/client.ts";
import { accounts, notifications, users } from "../../src/db/schema.ts";
import { type Notice, notice } from "../../src/services/notices.ts";
import { changeContacts } from "../../src/services/tier.ts";
import { seedContacts, type TestEnv } from "../helpers/services.ts";

export const silent = pino({ level: "silent" });

let seq = 0;

/** `count` new contacts from `source`, made marketing in one change (audited like a real one, so spike sources see them). */
export async function addMarketing(env: TestEnv, accountId: number, count: number, source = "manual") {
  const prefix = `m${++seq}x`;
  await seedContacts(env, accountId, count, { prefix, source });
  // Stands for an approved change whose approver confirmed any upgrade it makes (R14).
  return changeContacts(
    env.svc,
    accountId,
    `test adds ${count}`,
    async (tx, _a, at) => {
      await rowsOf(
        tx,
        sql`with upd as (
        update contact_status s set marketing = true from contacts c where c.id = s.contact_id and c.account_id = ${accountId} and c.email like ${`${prefix}%`} returning s.contact_id as id
      ) insert into audit_events (account_id, at, actor, kind, summary, count, contact_ids)
        select ${accountId}, ${timestamptz(at)}, 'test', 'status.made-marketing', 'test', count(*), array_agg(id) from upd`,
      );
    },
    { allowUpgrade: () => true },
  );
}

/** Alert channel C_ALERTS and billing contact UBILL on the account. */
export async function withRecipients(env: TestEnv, accountId: number) {
  await env.svc.db.update(accounts).set({ alertChannel: "C_ALERTS" }).where(eq(accounts.id, accountId));
  await env.svc.db.insert(users).values({ accountId, userId: "UBILL", billingContact: true });
}

export async function outbox(env: TestEnv, accountId: number, kind?: string) {
  const rows = await env.svc.db
    .select()
    .from(notifications)
    .where(eq(notifications.accountId, accountId))
    .orderBy(asc(notifications.id));
  // Each row with the words it is sent with.
  const worded = rows.map((r) => ({ ...r, text: notificationAnswer(r).text }));
  return kind ? worded.filter((r) => r.kind === kind) : worded;
}

/** One row per message (the alert-channel copy). */
export async function channelMessages(env: TestEnv, accountId: number, kind?: string) {
  return (await outbox(env, accountId, kind)).filter((r) => r.channel !== null);
}

/** A notice whose words include `text` (for outbox tests that only care which message is which). */
export function textNotice(text: string): Notice {
  return notice("request-reopened", { requestId: "RTEST", count: 1, action: "marketing", reason: text });
}
