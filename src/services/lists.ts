import { and, count, eq, sql } from "drizzle-orm";
import { listMembers, lists } from "../db/schema.ts";
import { wording } from "../domain/wording.ts";
import { ensureUser } from "./accounts.ts";
import { recordAudit } from "./audit.ts";
import { requireContacts } from "./contacts.ts";
import { type Actor, Refusal, type Services } from "./context.ts";

export async function allLists(svc: Services, actor: Actor) {
  return svc.db
    .select({ name: lists.name, size: count(listMembers.contactId) })
    .from(lists)
    .leftJoin(listMembers, eq(listMembers.listId, lists.id))
    .where(eq(lists.accountId, actor.accountId))
    .groupBy(lists.id, lists.name)
    .orderBy(lists.name);
}

/** Most lists `lists` shows; it says how many there are and how to narrow. */
const LISTS_PAGE = 50;

/** The first LISTS_PAGE lists by name (those whose name contains `contains`, if given) and how many match. */
export async function listPage(
  svc: Services,
  actor: Actor,
  opts: { contains: string | null } = { contains: null },
): Promise<{ lists: { name: string; size: number }[]; total: number }> {
  const matching = and(
    eq(lists.accountId, actor.accountId),
    opts.contains === null ? undefined : sql`position(lower(${opts.contains}) in lower(${lists.name})) > 0`,
  );
  // Members are counted for the lists shown only.
  const page = await svc.db
    .select({
      name: lists.name,
      size: sql<number>`(select count(*) from ${listMembers} where ${listMembers.listId} = ${lists.id})::int`,
    })
    .from(lists)
    .where(matching)
    .orderBy(lists.name)
    .limit(LISTS_PAGE);
  if (page.length < LISTS_PAGE) return { lists: page, total: page.length };
  const [row] = await svc.db.select({ n: count() }).from(lists).where(matching);
  return { lists: page, total: row?.n ?? page.length };
}

async function findList(svc: Services, accountId: number, name: string) {
  return svc.db.query.lists.findFirst({
    where: and(eq(lists.accountId, accountId), sql`lower(${lists.name}) = lower(${name})`),
  });
}

export async function createList(svc: Services, actor: Actor, name: string) {
  await ensureUser(svc, actor.accountId, actor.userId);
  if (await findList(svc, actor.accountId, name)) throw listExists(name);
  const [row] = await svc.db
    .insert(lists)
    .values({ accountId: actor.accountId, name, createdBy: actor.userId })
    .onConflictDoNothing()
    .returning();
  if (!row) throw listExists(name);
  return row;
}

const listExists = (name: string) =>
  new Refusal(`A list named "${name}" already exists.`, "refused", false, wording("refusal.listExists", { name }));

/** Static lists hold contacts; adding never changes marketing status. */
export async function addToList(svc: Services, actor: Actor, name: string, emails: string[]) {
  await ensureUser(svc, actor.accountId, actor.userId);
  const list = await findList(svc, actor.accountId, name);
  if (!list) {
    throw new Refusal(
      `There is no list "${name}". Create it with \`list create "${name}"\`.`,
      "invalid",
      false,
      wording("refusal.noList", { name, command: { code: `list create "${name}"` } }),
    );
  }
  const found = await requireContacts(svc.db, actor.accountId, [...new Set(emails)]);
  return svc.db.transaction(async (tx) => {
    const added = await tx
      .insert(listMembers)
      .values(found.map((c) => ({ listId: list.id, contactId: c.id })))
      .onConflictDoNothing()
      .returning({ contactId: listMembers.contactId });
    if (added.length > 0) {
      await recordAudit(tx, {
        accountId: actor.accountId,
        at: svc.clock.now(),
        actor: actor.userId,
        kind: "list.added",
        summary: `Added to list "${list.name}"`,
        count: added.length,
        contactIds: added.map((a) => a.contactId),
        detail: { list: list.name },
      });
    }
    return { list: list.name, added: added.length, already: found.length - added.length };
  });
}
