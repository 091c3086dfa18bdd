import { and, eq } from "drizzle-orm";
import { users } from "../db/schema.ts";
import { canAdminister } from "../domain/permissions.ts";
import { wording } from "../domain/wording.ts";
import { ensureUser } from "./accounts.ts";
import { recordAudit } from "./audit.ts";
import { type Actor, Refusal, type Services } from "./context.ts";

export type RoleChange =
  | { what: "access"; op: "grant" | "revoke"; userId: string }
  | { what: "admins"; op: "add" | "remove"; userId: string }
  | { what: "billing-contacts"; op: "add" | "remove"; userId: string };

/** R13: admins grant and revoke marketing access, roles and billing contacts. `actor: null` is the CLI operator. */
export async function changeRole(svc: Services, actor: Actor | null, accountId: number, change: RoleChange) {
  const by = actor?.userId ?? "cli";
  if (actor) {
    const me = await ensureUser(svc, accountId, actor.userId);
    const ok = canAdminister(me);
    if (!ok.ok) throw Refusal.of(ok);
  }
  await ensureUser(svc, accountId, change.userId);
  if (change.what === "admins" && change.op === "remove") {
    const admins = await svc.db
      .select({ userId: users.userId })
      .from(users)
      .where(and(eq(users.accountId, accountId), eq(users.role, "admin")));
    if (admins.length === 1 && admins[0]?.userId === change.userId) {
      throw new Refusal(
        `<@${change.userId}> is the only admin; add another admin first.`,
        "refused",
        true,
        wording("refusal.onlyAdmin", { user: { user: change.userId } }),
      );
    }
  }
  const patch: Partial<typeof users.$inferInsert> =
    change.what === "access"
      ? { marketingAccess: change.op === "grant" }
      : change.what === "admins"
        ? { role: change.op === "add" ? ("admin" as const) : ("member" as const) }
        : { billingContact: change.op === "add" };
  await svc.db.transaction(async (tx) => {
    await tx
      .update(users)
      .set(patch)
      .where(and(eq(users.accountId, accountId), eq(users.userId, change.userId)));
    const verb =
      change.what === "access"
        ? `${change.op === "grant" ? "Granted" : "Revoked"} marketing contacts access for`
        : change.what === "admins"
          ? change.op === "add"
            ? "Made admin:"
            : "Removed admin:"
          : change.op === "add"
            ? "Added billing contact"
            : "Removed billing contact";
    await recordAudit(tx, {
      accountId,
      at: svc.clock.now(),
      actor: by,
      kind: `user.${change.what}.${change.op}`,
      summary: `${verb} <@${change.userId}>`,
      detail: change,
    });
  });
  return change;
}

export async function billingContacts(svc: Services, accountId: number): Promise<string[]> {
  const rows = await svc.db
    .select({ userId: users.userId })
    .from(users)
    .where(and(eq(users.accountId, accountId), eq(users.billingContact, true)));
  return rows.map((r) => r.userId);
}
