// A new contact's initial marketing status from how it was created (R15).
import { CREATION_SOURCES, type CreationSource, type MarketingStatus } from "./types.ts";

/** A creation source with every `integration:<app>` folded into `integration`. */
export type SourceKind = (typeof CREATION_SOURCES)[number] | "integration";

/** R15 defaults, before any account setting. */
export const DEFAULT_SOURCE_STATUS: Readonly<Record<SourceKind, MarketingStatus>> = {
  form: "marketing",
  "external-form": "non-marketing",
  chatflow: "non-marketing",
  import: "non-marketing",
  integration: "non-marketing",
  api: "non-marketing",
  manual: "non-marketing",
  "mobile-app": "non-marketing",
  "logged-email": "non-marketing",
  extension: "non-marketing",
  "meetings-link": "non-marketing",
};

const CONFIGURABLE: ReadonlySet<SourceKind> = new Set([
  "form",
  "external-form",
  "chatflow",
  "import",
  "integration",
  "api",
]);

/** Account-level settings that change R15 defaults. */
export interface SourceOverrides {
  /** Account default per source kind (`form`, `external-form`, `chatflow`, `api`). */
  bySource: Partial<Record<string, MarketingStatus>>;
  /** Per form id, for `form` and `external-form`. */
  byForm: Record<string, MarketingStatus>;
  /** Per chatflow id. */
  byChatflow: Record<string, MarketingStatus>;
  /** Per app slug of `integration:<app>`. */
  byApp: Record<string, MarketingStatus>;
}

const NO_SOURCE_OVERRIDES: SourceOverrides = { bySource: {}, byForm: {}, byChatflow: {}, byApp: {} };

const APP_SLUG = /^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/;
const INTEGRATION_PREFIX = "integration:";

function sourceKind(source: CreationSource): SourceKind {
  return source.startsWith(INTEGRATION_PREFIX) ? "integration" : (source as SourceKind);
}

/** The app slug of `integration:<app>`, or null for other sources. */
function integrationApp(source: CreationSource): string | null {
  return source.startsWith(INTEGRATION_PREFIX) ? source.slice(INTEGRATION_PREFIX.length) : null;
}

/** R15: whether an account may change a source's default (the `manual`-like sources are fixed). */
export function isConfigurableSource(source: CreationSource | SourceKind): boolean {
  return CONFIGURABLE.has(source === "integration" ? source : sourceKind(source));
}

/** Parse a source name (case-insensitive); `integration:<app>` takes an app slug such as `salesforce` or `zoom-webinar`. */
export function parseSource(text: string): CreationSource | null {
  const name = text.trim().toLowerCase();
  if (name.startsWith(INTEGRATION_PREFIX)) {
    const app = name.slice(INTEGRATION_PREFIX.length);
    return app.length <= 64 && APP_SLUG.test(app) ? `integration:${app}` : null;
  }
  return (CREATION_SOURCES as readonly string[]).includes(name) ? (name as CreationSource) : null;
}

/**
 * R15: the status a new contact starts with. The most specific setting wins: per form, chatflow
 * or app, then the account's per-source default, then the table's default. Imports always start
 * non-marketing: "set all as marketing" is a bulk request that needs approval (R14).
 */
export function initialStatusFor(input: {
  source: CreationSource;
  sourceId?: string | null;
  overrides?: SourceOverrides;
}): MarketingStatus {
  const kind = sourceKind(input.source);
  const overrides = input.overrides ?? NO_SOURCE_OVERRIDES;
  const id = input.sourceId ?? null;
  const fallback = DEFAULT_SOURCE_STATUS[kind];
  switch (kind) {
    case "form":
    case "external-form":
      return (id !== null ? overrides.byForm[id] : undefined) ?? overrides.bySource[kind] ?? fallback;
    case "chatflow":
      return (id !== null ? overrides.byChatflow[id] : undefined) ?? overrides.bySource[kind] ?? fallback;
    case "integration":
      return overrides.byApp[integrationApp(input.source) ?? ""] ?? fallback;
    case "api":
      return overrides.bySource[kind] ?? fallback;
    default:
      return fallback;
  }
}

/**
 * R15: a submission of a form (or external form) whose effective default is marketing makes an
 * existing non-marketing contact marketing. A marketing contact, pending or not, is left alone.
 */
export function promotesExisting(input: {
  source: CreationSource;
  sourceId?: string | null;
  overrides?: SourceOverrides;
  existingStatus: MarketingStatus;
}): boolean {
  const kind = sourceKind(input.source);
  if (kind !== "form" && kind !== "external-form") return false;
  return input.existingStatus === "non-marketing" && initialStatusFor(input) === "marketing";
}
