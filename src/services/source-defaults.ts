// Creation-source defaults per account (R15): the table's defaults, with the account's
// per-source, per-form, per-chatflow and per-app overrides kept in accounts.source_defaults.
import { eq } from "drizzle-orm";
import { z } from "zod";
import { accounts } from "../db/schema.ts";
import { canAdminister, canSetMarketing } from "../domain/permissions.ts";
import { DEFAULT_SOURCE_STATUS, type SourceKind, type SourceOverrides } from "../domain/sources.ts";
import type { MarketingStatus } from "../domain/types.ts";
import { type Account, ensureUser, getAccount } from "./accounts.ts";
import { recordAudit } from "./audit.ts";
import { type Actor, Refusal, type Services } from "./context.ts";

const status = z.enum(["marketing", "non-marketing"]);
const statusMap = z.record(z.string(), status).catch({});
const overridesSchema = z.object({
  bySource: statusMap.default({}),
  byForm: statusMap.default({}),
  byChatflow: statusMap.default({}),
  byApp: statusMap.default({}),
});

/** The account's R15 overrides; anything unreadable in the column counts as no override. */
export function sourceOverridesOf(account: Pick<Account, "sourceDefaults">): SourceOverrides {
  const parsed = overridesSchema.safeParse(account.sourceDefaults ?? {});
  return parsed.success ? parsed.data : { bySource: {}, byForm: {}, byChatflow: {}, byApp: {} };
}

/** Sources whose default an account may change (R15), in the order they are shown. */
const CONFIGURABLE_SOURCE_KINDS = ["form", "external-form", "chatflow", "integration", "api"] as const;
type ConfigurableSourceKind = (typeof CONFIGURABLE_SOURCE_KINDS)[number];

export interface SourceDefaultRow {
  /** `form`, `form:contact-us`, `integration:salesforce`, `import`, … */
  source: string;
  status: MarketingStatus;
  /** Where the status comes from: R15's table, the account's default for the source, or a per-id override. */
  from: "default" | "account" | "override";
  configurable: boolean;
  note: string | null;
}

const NOTES: Partial<Record<SourceKind, string>> = {
  form: "an existing non-marketing contact who submits a marketing form becomes marketing",
  "external-form": "same promotion rule as forms",
  import: "per import: `import marketing` makes a bulk request",
  integration: "per app: `settings defaults integration:<app> marketing`",
};

/** `settings defaults`: the R15 table as this account has it. */
export async function showSourceDefaults(svc: Services, actor: Actor): Promise<SourceDefaultRow[]> {
  const account = await getAccount(svc.db, actor.accountId);
  const o = sourceOverridesOf(account);
  const rows: SourceDefaultRow[] = [];
  for (const kind of Object.keys(DEFAULT_SOURCE_STATUS) as SourceKind[]) {
    const configurable = (CONFIGURABLE_SOURCE_KINDS as readonly string[]).includes(kind);
    const own = kind === "integration" ? undefined : o.bySource[kind];
    rows.push({
      source: kind === "integration" ? "integration:<app>" : kind,
      status: own ?? DEFAULT_SOURCE_STATUS[kind],
      from: own ? "account" : "default",
      configurable: configurable || kind === "import",
      note: NOTES[kind] ?? (configurable ? null : "always non-marketing"),
    });
    const perId =
      kind === "form" || kind === "external-form"
        ? null
        : kind === "chatflow"
          ? o.byChatflow
          : kind === "integration"
            ? o.byApp
            : null;
    const entries = kind === "form" ? Object.entries(o.byForm) : perId ? Object.entries(perId) : [];
    for (const [id, s] of entries.sort(([a], [b]) => a.localeCompare(b))) {
      rows.push({ source: `${kind}:${id}`, status: s, from: "override", configurable: true, note: null });
    }
  }
  return rows;
}

export interface SourceDefaultChange {
  /** A configurable kind: `form`, `external-form`, `chatflow`, `integration`, `api`. */
  source: string;
  /** Form, chatflow or app id; null for the account's default of the source. */
  sourceId: string | null;
  value: MarketingStatus;
}

/**
 * `settings defaults <source>[:<id>] marketing|non-marketing` (admin, audited). Switching any
 * default to marketing is a route to making contacts marketing, so it needs marketing contacts
 * access too (R13; R15 names integrations explicitly).
 */
export async function setSourceDefault(svc: Services, actor: Actor, change: SourceDefaultChange) {
  const user = await ensureUser(svc, actor.accountId, actor.userId);
  const admin = canAdminister(user, "change creation-source defaults");
  if (!admin.ok) throw Refusal.of(admin);
  if (!(CONFIGURABLE_SOURCE_KINDS as readonly string[]).includes(change.source)) {
    throw new Refusal(
      `Contacts from \`${change.source}\` can't have their default changed; you can set defaults for form, external-form, chatflow, integration:<app> and api.`,
      "invalid",
    );
  }
  const kind = change.source as ConfigurableSourceKind;
  if (kind === "integration" && !change.sourceId) {
    throw new Refusal("Say which app, e.g. `settings defaults integration:salesforce marketing`.", "invalid");
  }
  if (kind === "api" && change.sourceId) {
    throw new Refusal(
      "`api` has one default for the whole account; write `settings defaults api marketing`.",
      "invalid",
    );
  }
  if (change.value === "marketing") {
    const ok = canSetMarketing(user);
    if (!ok.ok) throw Refusal.of(ok);
  }
  const now = svc.clock.now();
  return svc.db.transaction(async (tx) => {
    const account = await getAccount(tx, actor.accountId, true);
    const o = sourceOverridesOf(account);
    const id = change.sourceId;
    const map =
      id === null
        ? o.bySource
        : kind === "form" || kind === "external-form"
          ? o.byForm
          : kind === "chatflow"
            ? o.byChatflow
            : o.byApp;
    const key = id ?? kind;
    const before = map[key] ?? null;
    map[key] = change.value;
    await tx.update(accounts).set({ sourceDefaults: o }).where(eq(accounts.id, account.id));
    const label = id === null ? kind : `${kind}:${id}`;
    await recordAudit(tx, {
      accountId: account.id,
      at: now,
      effectiveAt: now,
      actor: actor.userId,
      kind: "setting.changed",
      summary: `Creation-source default for ${label} changed from ${before ?? "the default"} to ${change.value}`,
      detail: { key: "source-default", source: label, before, after: change.value },
    });
    return { source: label, before, after: change.value };
  });
}
