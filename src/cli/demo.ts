import { eq, sql } from "drizzle-orm";
import { rowsOf, timestamptz } from "../db/client.ts";
import { accounts, contactStatus, contacts } from "../db/schema.ts";
import { calendarDateIn } from "../domain/update-dates.ts";
import { resolveAccount } from "../services/accounts.ts";
import { recordAudit } from "../services/audit.ts";
import type { Services } from "../services/context.ts";
import { changeRole } from "../services/roles.ts";

const n = (x: number) => x.toLocaleString("en-US");

/**
 * A sample account: 7,000-contact professional tier, about 5,400 marketing contacts (a few
 * hundred of them pending or unengaged), 1,600 non-marketing, two lists. Set-based inserts.
 */
export async function seedDemo(
  svc: Services,
  opts: { team?: string; adminId: string; reset: boolean },
): Promise<string> {
  const account = await resolveAccount(svc, opts.team);
  if (account.totalCount > 0 && !opts.reset) {
    return `The account already has ${n(account.totalCount)} contacts; nothing was added. Run \`tierkeeper demo --reset\` to start over.`;
  }
  const now = svc.clock.now();
  await svc.db.transaction(async (tx) => {
    if (opts.reset) {
      // Statuses first, in one statement (the counters follow), then the contacts.
      await tx.delete(contactStatus).where(eq(contactStatus.accountId, account.id));
      await tx.delete(contacts).where(eq(contacts.accountId, account.id));
    }
    const start = calendarDateIn(new Date(now.getTime() - 250 * 86_400_000), account.timeZone);
    await tx
      .update(accounts)
      .set({ plan: "professional", term: "annual", tierLimit: 7000, contractStart: start, name: "Demo company" })
      .where(eq(accounts.id, account.id));
    const domains = sql`(array['example.com','acme.test','globex.test','initech.test','umbrella.test'])`;
    const sources = sql`(array['form','import','import','api','manual','chatflow','integration:salesforce','external-form'])`;
    const lifecycles = sql`(array['subscriber','lead','marketingqualifiedlead','salesqualifiedlead','opportunity','customer'])`;
    await rowsOf(
      tx,
      sql`insert into contacts (account_id, email, first_name, last_name, source, lifecycle,
            bounced, unsubscribed, created_at, updated_at, last_engaged_at)
          select ${account.id},
            'contact' || lpad(i::text, 5, '0') || '@' || ${domains}[1 + i % 5],
            'First' || i, 'Last' || i,
            ${sources}[1 + i % 8],
            ${lifecycles}[1 + i % 6],
            i between 5000 and 5120,
            i between 5100 and 5250,
            ${timestamptz(now)} - ((i % 180) || ' days')::interval,
            ${timestamptz(now)},
            case when i % 3 = 0 then null else ${timestamptz(now)} - ((i % 90) || ' days')::interval end
          from generate_series(1, 7000) i`,
    );
    await tx.insert(contacts).values([
      {
        accountId: account.id,
        email: "ada@example.com",
        firstName: "Ada",
        lastName: "Lovelace",
        source: "form",
        sourceId: "contact-us",
        lifecycle: "customer",
        createdAt: now,
      },
      {
        accountId: account.id,
        email: "grace@example.com",
        firstName: "Grace",
        lastName: "Hopper",
        source: "import",
        lifecycle: "lead",
        createdAt: now,
      },
      {
        accountId: account.id,
        email: "alan@example.com",
        firstName: "Alan",
        lastName: "Turing",
        source: "manual",
        lifecycle: "lead",
        createdAt: now,
      },
    ]);
    // Statuses: 5,400 of the generated contacts are marketing, the first 300 of them waiting to become
    // non-marketing at the next update date; Ada is marketing, Grace marketing until the next update.
    await rowsOf(
      tx,
      sql`update contact_status s set marketing = true,
            pending_since = case
              when c.email = 'grace@example.com' then ${timestamptz(now)}
              when c.email ~ '^contact[0-9]{5}@' and substr(c.email, 8, 5)::int <= 300
                then ${timestamptz(now)} - (substr(c.email, 8, 5)::int || ' minutes')::interval
            end
          from contacts c
          where c.id = s.contact_id and c.account_id = ${account.id}
            and (c.email in ('ada@example.com', 'grace@example.com')
              or (c.email ~ '^contact[0-9]{5}@' and substr(c.email, 8, 5)::int <= 5400))`,
    );
    await rowsOf(
      tx,
      sql`with l as (insert into lists (account_id, name, created_by) values (${account.id}, 'Spring webinar', ${opts.adminId}), (${account.id}, 'Newsletter', ${opts.adminId}) returning id, name)
          insert into list_members (list_id, contact_id)
          select l.id, c.id from l join contacts c on c.account_id = ${account.id}
          join contact_status s on s.contact_id = c.id
          where (l.name = 'Spring webinar' and c.id % 17 = 0) or (l.name = 'Newsletter' and s.marketing and c.id % 3 = 0)`,
    );
    await recordAudit(tx, {
      accountId: account.id,
      at: now,
      actor: "demo",
      kind: "demo.seeded",
      summary: "Seeded the demo account",
    });
  });
  await changeRole(svc, null, account.id, { what: "admins", op: "add", userId: opts.adminId });
  await changeRole(svc, null, account.id, { what: "billing-contacts", op: "add", userId: opts.adminId });
  const [after] = await svc.db.select().from(accounts).where(eq(accounts.id, account.id));
  return [
    `Seeded "${after?.name}": ${n(after?.totalCount ?? 0)} contacts, ${n(after?.marketingCount ?? 0)} marketing of a ${n(after?.tierLimit ?? 0)} tier, ${n(after?.pendingCount ?? 0)} pending non-marketing.`,
    `${opts.adminId} is an admin and billing contact; any other id (say U2) is a member.`,
    "Try:",
    `  npx tierkeeper run "tier" --user ${opts.adminId}`,
    `  npx tierkeeper run "status grace@example.com" --user ${opts.adminId}`,
    `  npx tierkeeper run "bulk non-marketing unengaged" --user U2`,
    `  npx tierkeeper run "requests" --user ${opts.adminId}`,
    `  npx tierkeeper run "help" --user ${opts.adminId}`,
  ].join("\n");
}
