// Intake API keys (SPEC §3): one or more per account, made and revoked by admins. The secret is
// shown once; only its sha256 is stored (the keys are 32 random bytes, so a slow hash adds nothing).
import { createHash, randomBytes } from "node:crypto";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { apiKeys } from "../db/schema.ts";
import { type ApiScope, DEFAULT_SCOPES, isApiScope } from "../domain/api-scopes.ts";
import { canAdminister } from "../domain/permissions.ts";
import { wording } from "../domain/wording.ts";
import { ensureUser, rightsOf } from "./accounts.ts";
import { recordAudit } from "./audit.ts";
import { type Actor, Refusal, type Services } from "./context.ts";

export type ApiKey = typeof apiKeys.$inferSelect;

/** Who a request with a valid key acts for: the key's maker, in the key's account, within its scopes. */
export interface ApiKeyAuth {
  accountId: number;
  keyId: string;
  ownerId: string;
  scopes: ApiScope[];
}

const hashOf = (key: string) => createHash("sha256").update(key, "utf8").digest("hex");

async function requireAdmin(svc: Services, actor: Actor) {
  const user = await ensureUser(svc, actor.accountId, actor.userId);
  const ok = canAdminister(user, "manage API keys");
  if (!ok.ok) throw Refusal.of(ok);
}

/** `settings api-key create [scopes]`: returns the key itself, which is never shown again. */
export async function createApiKey(
  svc: Services,
  actor: Actor,
  scopes: readonly ApiScope[] = DEFAULT_SCOPES,
): Promise<{ id: string; apiKey: string; scopes: ApiScope[] }> {
  await requireAdmin(svc, actor);
  const id = `k_${randomBytes(5).toString("hex")}`;
  const apiKey = `tk_${randomBytes(32).toString("base64url")}`;
  const now = svc.clock.now();
  await svc.db.transaction(async (tx) => {
    await tx.insert(apiKeys).values({
      id,
      accountId: actor.accountId,
      keyHash: hashOf(apiKey),
      createdBy: actor.userId,
      createdAt: now,
      scopes: [...scopes],
    });
    await recordAudit(tx, {
      accountId: actor.accountId,
      at: now,
      actor: actor.userId,
      kind: "api-key.created",
      summary: `Created API key ${id} (${scopes.join(", ")})`,
      detail: { keyId: id, scopes },
    });
  });
  return { id, apiKey, scopes: [...scopes] };
}

/** `settings api-key revoke <id>`: the key stops working at once. */
export async function revokeApiKey(svc: Services, actor: Actor, keyId: string): Promise<ApiKey> {
  await requireAdmin(svc, actor);
  const now = svc.clock.now();
  return svc.db.transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: now, revokedBy: actor.userId })
      .where(
        and(
          eq(apiKeys.accountId, actor.accountId),
          eq(apiKeys.id, keyId.trim().toLowerCase()),
          isNull(apiKeys.revokedAt),
        ),
      )
      .returning();
    if (!row) {
      throw new Refusal(
        `There is no active API key ${keyId} in this workspace. \`settings api-key\` lists the keys.`,
        "invalid",
        false,
        wording("refusal.noApiKey", { id: keyId, command: { code: "settings api-key" } }),
      );
    }
    await recordAudit(tx, {
      accountId: actor.accountId,
      at: now,
      actor: actor.userId,
      kind: "api-key.revoked",
      summary: `Revoked intake API key ${row.id}`,
      detail: { keyId: row.id },
    });
    return row;
  });
}

export async function listApiKeys(svc: Services, actor: Actor): Promise<Omit<ApiKey, "keyHash">[]> {
  await requireAdmin(svc, actor);
  const rows = await svc.db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.accountId, actor.accountId))
    .orderBy(asc(apiKeys.createdAt));
  return rows.map(({ keyHash: _h, ...rest }) => rest);
}

/** The account an `Authorization: Bearer <key>` header stands for, or null (missing, wrong or revoked). */
export async function authenticateApiKey(
  svc: Services,
  header: string | undefined,
): Promise<ApiKeyAuth | { refused: string } | null> {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  if (!m?.[1]) return null;
  const [row] = await svc.db
    .select({
      id: apiKeys.id,
      accountId: apiKeys.accountId,
      lastUsedAt: apiKeys.lastUsedAt,
      createdBy: apiKeys.createdBy,
      scopes: apiKeys.scopes,
    })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashOf(m[1])), isNull(apiKeys.revokedAt)));
  if (!row) return null;
  const now = svc.clock.now();
  // Last use is kept to the minute, so busy keys don't write on every request.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await svc.db
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(
        and(eq(apiKeys.id, row.id), sql`${apiKeys.lastUsedAt} is distinct from ${now.toISOString()}::timestamptz`),
      );
  }
  // The key acts for the admin who made it, with that user's rights as they are now (R13): a key
  // whose maker is no longer an admin stops working.
  const maker = await rightsOf(svc, svc.db, row.accountId, row.createdBy);
  if (maker.role !== "admin") {
    return {
      refused: `the admin who made API key ${row.id} is no longer an admin of this workspace, so the key no longer works; an admin makes a new one with \`/contacts settings api-key create\``,
    };
  }
  return { accountId: row.accountId, keyId: row.id, ownerId: row.createdBy, scopes: row.scopes.filter(isApiScope) };
}
