// What an API key may do. Each route of the HTTP API needs one scope; a key made without naming
// any gets what the intake keys always had (read and write contacts), so older keys keep working.

export const API_SCOPES = ["contacts:read", "contacts:write", "status:write", "changes:read"] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const DEFAULT_SCOPES: readonly ApiScope[] = ["contacts:read", "contacts:write"];

/** What each scope allows, in words for help texts and the API reference. */
export const SCOPE_MEANING: Record<ApiScope, string> = {
  "contacts:read": "read contacts, the tier, usage, the forecast and requests; export contacts",
  "contacts:write":
    "create, update and delete contacts: a new contact starts with its source's default status, and a marketing form's submission makes a non-marketing contact marketing, as in HubSpot (the tier check and approvals still apply)",
  "status:write": "set contacts marketing or non-marketing, and ask for bulk changes",
  "changes:read": "read the changes feed",
};

export function isApiScope(s: string): s is ApiScope {
  return (API_SCOPES as readonly string[]).includes(s);
}

/**
 * The scopes named in `words` (`all` for every one), each once, in the order of API_SCOPES; or the
 * words that are not scopes.
 */
export function parseScopes(words: string[]): { ok: true; scopes: ApiScope[] } | { ok: false; unknown: string[] } {
  const lower = words.map((w) => w.toLowerCase().replace(/,$/, ""));
  if (lower.includes("all")) return { ok: true, scopes: [...API_SCOPES] };
  const unknown = lower.filter((w) => !isApiScope(w));
  if (unknown.length > 0) return { ok: false, unknown };
  return { ok: true, scopes: API_SCOPES.filter((s) => lower.includes(s)) };
}
