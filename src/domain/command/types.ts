import type { ApiScope } from "../api-scopes.ts";
// What the `/contacts` grammar reads text into: one typed command per subcommand.
import type { DateLocale } from "../dates/locales.ts";
import type { Filter } from "../filter.ts";
import type { MarketingStatus, Plan, Term } from "../types.ts";
import type { Wording } from "../wording.ts";

export type Selector =
  | { type: "list"; name: string }
  | { type: "unengaged" }
  | { type: "filter"; filter: Filter }
  | { type: "emails"; emails: string[] };

export type SettingChange =
  | { key: "plan"; value: Plan }
  | { key: "term"; value: Term }
  /** Contract start as a calendar date, `YYYY-MM-DD`. */
  | { key: "start"; value: string }
  /** A valid IANA zone, in its canonical spelling. */
  | { key: "timezone"; value: string }
  | { key: "tier"; value: number }
  /** A channel id (`C123ABC`) or a `#name`. */
  | { key: "alert-channel"; value: { channel: string } }
  | { key: "approvals-channel"; value: { channel: string } }
  | { key: "direct-limit"; value: number }
  | { key: "self-approval"; value: boolean }
  /** Days before each update date, descending, each 1..28; empty turns reminders off. */
  | { key: "reminders"; value: number[] }
  /** Spike alert: growth within an hour above this share of the count… */
  | { key: "spike-percent"; value: number }
  /** …or above this many contacts, whichever is smaller. */
  | { key: "spike-min"; value: number }
  /** The language notices are worded in for the account's channels. */
  | { key: "language"; value: DateLocale };

export type SettingKey = SettingChange["key"];

export type Command =
  | { kind: "help"; topic: string | null }
  | { kind: "status"; email: string }
  | { kind: "set"; to: MarketingStatus; emails: string[] }
  | { kind: "bulk"; to: MarketingStatus; selector: Selector; at: Date | null }
  | { kind: "delete"; emails: string[] }
  | { kind: "manage" }
  | { kind: "tier" }
  | { kind: "forecast" }
  | { kind: "next-update" }
  /** `contains`: only lists whose name contains it. */
  | { kind: "lists"; contains: string | null }
  | { kind: "requests" }
  | { kind: "settings" }
  | { kind: "usage"; from: Date | null; to: Date | null }
  | { kind: "history"; email: string | null; since: Date | null }
  | { kind: "can-market"; email: string }
  | { kind: "list-create"; name: string }
  | { kind: "list-add"; name: string; emails: string[] }
  | { kind: "rules" }
  /** `rules add …`, or `rules change …` (`change`: a new filter and action for an existing rule). */
  | { kind: "rules-add"; name: string; filter: Filter; to: MarketingStatus; change: boolean }
  | { kind: "rules-toggle"; name: string; op: "enable" | "disable" | "remove" | "test" }
  | { kind: "approve"; id: string; confirmCount: number | null }
  | { kind: "reject"; id: string; reason: string | null }
  /** One or more settings, applied together or not at all (each key once). */
  | { kind: "settings-set"; settings: SettingChange[] }
  /** The setup form (Slack modal) for admins. */
  | { kind: "setup" }
  /** `scopes` of a key to create: null for the default ones. */
  /** `settings webhook add <url> [events…]`, `list`, `remove <id>`, `test <id>`. */
  | {
      kind: "settings-webhook";
      op: "add" | "list" | "remove" | "test";
      url: string | null;
      events: string[];
      id: number | null;
    }
  | { kind: "settings-api-key"; op: "create" | "revoke" | "list"; keyId: string | null; scopes: ApiScope[] | null }
  | {
      kind: "settings-defaults";
      source: string | null;
      sourceId: string | null;
      value: MarketingStatus | null;
    }
  | { kind: "access"; op: "grant" | "revoke"; userId: string }
  | { kind: "admins"; op: "add" | "remove"; userId: string }
  | { kind: "billing-contacts"; op: "add" | "remove"; userId: string }
  | { kind: "billing-contacts"; op: "list" }
  | { kind: "tier-downgrade"; limit: number }
  | { kind: "tier-downgrade-cancel" }
  | { kind: "import"; fileRef: string | null; list: string | null; marketing: boolean };

export type CommandKind = Command["kind"];

export type CommandResult =
  | { ok: true; command: Command }
  /** `wording`: the error as data, for the languages besides English (src/domain/wording.ts). */
  | { ok: false; error: string; usage: string; wording?: Wording; topic?: string | null };
