// Webhook endpoints of an account: admins add, list, test and remove them. The secret is made
// here and shown once; a new endpoint starts at the end of the changes feed (it gets what happens
// from now on: the feed itself has the past).
import { randomBytes } from "node:crypto";
import { lookup } from "node:dns/promises";
import { and, asc, eq, isNull } from "drizzle-orm";
import { webhookEndpoints } from "../../db/schema.ts";
import { canAdminister } from "../../domain/permissions.ts";
import { isPublicAddress, parseWebhookUrl } from "../../domain/webhook-url.ts";
import { wording } from "../../domain/wording.ts";
import { ensureUser } from "../accounts.ts";
import { recordAudit } from "../audit.ts";
import { CHANGE_TYPES, type ChangeType, feedEnd } from "../changes/index.ts";
import { type Actor, Refusal, type Services } from "../context.ts";

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
/** What a reader sees of an endpoint: never its secret. */
export type WebhookSummary = Omit<WebhookEndpoint, "secret" | "leaseToken" | "leaseUntil">;

/** Most endpoints per account. */
export const MAX_WEBHOOKS = 10;

async function requireAdmin(svc: Services, actor: Actor) {
  const user = await ensureUser(svc, actor.accountId, actor.userId);
  const ok = canAdminister(user, "manage webhooks");
  if (!ok.ok) throw Refusal.of(ok);
}

/** Every address `host` resolves to is public (or the host is one); a refusal saying why not otherwise. */
export async function checkPublicHost(host: string): Promise<Refusal | null> {
  const bare = host.replace(/^\[|\]$/g, "");
  const only = "; webhooks go to public https endpoints only.";
  let addresses: string[];
  try {
    addresses = (await lookup(bare, { all: true })).map((a) => a.address);
  } catch {
    return new Refusal(
      `${bare} does not resolve to an address${only}`,
      "invalid",
      false,
      wording("refusal.webhook.noAddress", { host: bare }),
    );
  }
  const inside = addresses.find((a) => !isPublicAddress(a));
  if (!inside) return null;
  return new Refusal(
    `${bare} resolves to ${inside}, which is not a public address${only}`,
    "invalid",
    false,
    wording("refusal.webhook.resolvesPrivate", { host: bare, address: inside }),
  );
}

/** The event types named in `words` (none: all), or a refusal naming the unknown ones. */
export function parseEventTypes(words: string[]): ChangeType[] {
  const unknown = words.filter((w) => !(CHANGE_TYPES as readonly string[]).includes(w));
  if (unknown.length > 0) {
    const named = unknown.slice(0, 5).join(", ").slice(0, 200);
    throw new Refusal(
      `${named} ${unknown.length === 1 ? "is not an event" : "are not events"}. Events: ${CHANGE_TYPES.join(", ")}.`,
      "invalid",
      false,
      wording("refusal.webhook.notEvent", { unknown: named, count: unknown.length, events: CHANGE_TYPES.join(", ") }),
    );
  }
  return [...new Set(words)] as ChangeType[];
}

export async function addWebhook(
  svc: Services,
  actor: Actor,
  input: { url: string; events: string[] },
): Promise<{ endpoint: WebhookSummary; secret: string }> {
  await requireAdmin(svc, actor);
  const allowLocal = svc.webhookAllowLocal ?? false;
  const parsed = parseWebhookUrl(input.url, allowLocal);
  if (!parsed.ok) throw new Refusal(parsed.error, "invalid", false, parsed.wording);
  if (!allowLocal) {
    const refused = await checkPublicHost(parsed.url.hostname);
    if (refused) throw refused;
  }
  const events = parseEventTypes(input.events);
  const existing = await svc.db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.accountId, actor.accountId), isNull(webhookEndpoints.disabledAt)));
  if (existing.length >= MAX_WEBHOOKS) {
    throw new Refusal(
      `This workspace has ${MAX_WEBHOOKS} webhooks, the most it can have; remove one first.`,
      "refused",
      false,
      wording("refusal.tooManyWebhooks", { max: MAX_WEBHOOKS }),
    );
  }
  // From now on: the end of the feed as it is now.
  const cursor = await feedEnd(svc, actor.accountId);
  const secret = `whsec_${randomBytes(32).toString("base64")}`;
  const now = svc.clock.now();
  const row = await svc.db.transaction(async (tx) => {
    const [r] = await tx
      .insert(webhookEndpoints)
      .values({
        accountId: actor.accountId,
        url: parsed.url.toString(),
        events,
        secret,
        createdBy: actor.userId,
        createdAt: now,
        cursor,
      })
      .returning();
    if (!r) throw new Error("insert returned nothing");
    await recordAudit(tx, {
      accountId: actor.accountId,
      at: now,
      actor: actor.userId,
      kind: "webhook.added",
      summary: `Added webhook ${r.id} to ${parsed.url.origin}`,
      detail: { webhookId: r.id, events, origin: parsed.url.origin },
    });
    return r;
  });
  return { endpoint: summary(row), secret };
}

export async function listWebhooks(svc: Services, actor: Actor): Promise<WebhookSummary[]> {
  await requireAdmin(svc, actor);
  const rows = await svc.db
    .select()
    .from(webhookEndpoints)
    .where(eq(webhookEndpoints.accountId, actor.accountId))
    .orderBy(asc(webhookEndpoints.id));
  return rows.map(summary);
}

export async function removeWebhook(svc: Services, actor: Actor, id: number): Promise<WebhookSummary> {
  await requireAdmin(svc, actor);
  const now = svc.clock.now();
  return svc.db.transaction(async (tx) => {
    const [row] = await tx
      .delete(webhookEndpoints)
      .where(and(eq(webhookEndpoints.accountId, actor.accountId), eq(webhookEndpoints.id, id)))
      .returning();
    if (!row) throw noWebhook(id);
    await recordAudit(tx, {
      accountId: actor.accountId,
      at: now,
      actor: actor.userId,
      kind: "webhook.removed",
      summary: `Removed webhook ${row.id}`,
      detail: { webhookId: row.id },
    });
    return summary(row);
  });
}

/** `settings webhook test <id>`: a `webhook.test` message goes out with the next delivery; a disabled endpoint is enabled again. */
export async function requestWebhookTest(svc: Services, actor: Actor, id: number): Promise<WebhookSummary> {
  await requireAdmin(svc, actor);
  const now = svc.clock.now();
  const [row] = await svc.db
    .update(webhookEndpoints)
    .set({ testRequestedAt: now, nextAttemptAt: now, disabledAt: null, failingSince: null, attempts: 0 })
    .where(and(eq(webhookEndpoints.accountId, actor.accountId), eq(webhookEndpoints.id, id)))
    .returning();
  if (!row) throw noWebhook(id);
  return summary(row);
}

function summary(row: WebhookEndpoint): WebhookSummary {
  const { secret: _s, leaseToken: _t, leaseUntil: _u, ...rest } = row;
  return rest;
}

/** No webhook with that id: the refusal, pointing at the list. */
const noWebhook = (id: number): Refusal =>
  new Refusal(
    `There is no webhook ${id}. \`settings webhook list\` lists them.`,
    "invalid",
    false,
    wording("refusal.noWebhook", { id: String(id), command: { code: "settings webhook list" } }),
  );
