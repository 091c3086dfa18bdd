import { z } from "zod";
import { ConfigError } from "./config-error.ts";

export { ConfigError };

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();

/** A whole number from 1 to `max`, written with digits only. */
function wholeNumber(what: string, max: number) {
  return z
    .string()
    .regex(/^\d{1,10}$/, { message: `must be ${what}` })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(1, { message: `must be ${what}, at least 1` })
        .max(max, { message: `must be ${what}, at most ${max}` }),
    );
}

/** One megabyte, as TIERKEEPER_IMPORT_MAX_MB counts it. */
export const MB = 1024 * 1024;

/** How large a CSV import may be (SPEC §3): the file's bytes (a file shared in Slack) and its rows (any import). */
export interface ImportLimits {
  maxBytes: number;
  maxRows: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = { maxBytes: 50 * MB, maxRows: 1_000_000 };

const envSchema = z.object({
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .refine((v) => /^postgres(ql)?:\/\//.test(v) || v.startsWith("file:"), {
        message: "must be a postgres:// URL or file:<directory> for the embedded database",
      })
      .optional(),
  ),
  SLACK_BOT_TOKEN: optionalText.pipe(
    z.string().startsWith("xoxb-", { message: "must be a bot token starting with xoxb-" }).optional(),
  ),
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.pipe(
    z.string().startsWith("xapp-", { message: "must be an app-level token starting with xapp-" }).optional(),
  ),
  SLACK_API_URL: optionalText.pipe(z.url({ message: "must be a URL such as https://slack.com/api/" }).optional()),
  PORT: optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,5}$/, { message: "must be a port number" })
      .transform(Number)
      .pipe(z.number().max(65535, { message: "must be a port number up to 65535" }))
      .optional(),
  ),
  HOST: optionalText.pipe(
    z
      .union([z.ipv4(), z.ipv6(), z.hostname().regex(/[a-z]/i)], {
        error: "must be an IP address such as 127.0.0.1 or 0.0.0.0, or a host name",
      })
      .optional(),
  ),
  TIERKEEPER_ADMINS: optionalText,
  TIERKEEPER_PRICING: optionalText,
  TIERKEEPER_NOW: optionalText.pipe(
    z.iso
      .datetime({ offset: true, local: false, message: "must be an ISO 8601 instant like 2026-05-15T10:00:00Z" })
      .optional(),
  ),
  LOG_LEVEL: optionalText.pipe(z.enum(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(", ")}` }).optional()),
  TIERKEEPER_IMPORT_MAX_MB: optionalText.pipe(
    wholeNumber("a whole number of megabytes, e.g. 50", 1_000_000).optional(),
  ),
  TIERKEEPER_IMPORT_MAX_ROWS: optionalText.pipe(
    wholeNumber("a whole number of rows, e.g. 1000000", 1_000_000_000).optional(),
  ),
  TIERKEEPER_API_RATE_PER_MINUTE: optionalText.pipe(
    wholeNumber("a whole number of calls a minute per API key, e.g. 600", 1_000_000).optional(),
  ),
  TIERKEEPER_WEBHOOK_ALLOW_LOCAL: optionalText.pipe(z.enum(["0", "1"], { message: "must be 0 or 1" }).optional()),
});

export interface Config {
  databaseUrl: string;
  slack: {
    botToken?: string;
    signingSecret?: string;
    appToken?: string;
    apiUrl?: string;
    /** http: signing secret + bot token; socket: app token + bot token; local: neither. */
    mode: "http" | "socket" | "local";
  };
  port: number;
  /** Interface the HTTP server listens on: loopback unless Slack must reach it over HTTP. */
  host: string;
  admins: string[];
  pricingFile?: string;
  fixedNow?: Date;
  logLevel: (typeof LOG_LEVELS)[number];
  /** TIERKEEPER_IMPORT_MAX_MB and TIERKEEPER_IMPORT_MAX_ROWS; absent → DEFAULT_IMPORT_LIMITS. */
  imports?: ImportLimits;
  /** TIERKEEPER_API_RATE_PER_MINUTE: calls a minute per API key (per process); 600 when absent. */
  apiRatePerMinute?: number;
  /**
   * TIERKEEPER_WEBHOOK_ALLOW_LOCAL=1: webhooks may go to http:// URLs on this machine and to private
   * addresses (development and tests); otherwise only https:// URLs on public addresses.
   */
  webhookAllowLocal?: boolean;
}

const USER_ID = /^[UW][A-Z0-9]+$/;

/** Parses the environment (SPEC §4); every problem is reported at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  const problems: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join(".")} ${issue.message}`);
  }
  const e = parsed.success ? parsed.data : undefined;
  const admins = (e?.TIERKEEPER_ADMINS ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const a of admins) {
    if (!USER_ID.test(a)) problems.push(`TIERKEEPER_ADMINS has "${a}", which is not a Slack user id like U012ABCDEF`);
  }
  if (e) {
    if (e.SLACK_SIGNING_SECRET && !e.SLACK_BOT_TOKEN) {
      problems.push("SLACK_SIGNING_SECRET is set but SLACK_BOT_TOKEN is not; HTTP mode needs both");
    }
    if (e.SLACK_APP_TOKEN && !e.SLACK_BOT_TOKEN) {
      problems.push("SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is not; Socket Mode needs both");
    }
    if (e.SLACK_BOT_TOKEN && !e.SLACK_SIGNING_SECRET && !e.SLACK_APP_TOKEN) {
      problems.push(
        "SLACK_BOT_TOKEN is set but neither SLACK_SIGNING_SECRET (HTTP mode) nor SLACK_APP_TOKEN (Socket Mode) is",
      );
    }
  }
  if (problems.length > 0 || !e) throw new ConfigError(problems);
  const mode = e.SLACK_APP_TOKEN ? "socket" : e.SLACK_SIGNING_SECRET ? "http" : "local";
  return {
    databaseUrl: e.DATABASE_URL ?? "file:./.tierkeeper/db",
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL,
      mode,
    },
    port: e.PORT ?? 3000,
    host: e.HOST ?? (mode === "http" ? "0.0.0.0" : "127.0.0.1"),
    admins,
    pricingFile: e.TIERKEEPER_PRICING,
    fixedNow: e.TIERKEEPER_NOW ? new Date(e.TIERKEEPER_NOW) : undefined,
    logLevel: e.LOG_LEVEL ?? "info",
    imports: {
      maxBytes: e.TIERKEEPER_IMPORT_MAX_MB ? e.TIERKEEPER_IMPORT_MAX_MB * MB : DEFAULT_IMPORT_LIMITS.maxBytes,
      maxRows: e.TIERKEEPER_IMPORT_MAX_ROWS ?? DEFAULT_IMPORT_LIMITS.maxRows,
    },
    apiRatePerMinute: e.TIERKEEPER_API_RATE_PER_MINUTE ?? 600,
    webhookAllowLocal: e.TIERKEEPER_WEBHOOK_ALLOW_LOCAL === "1",
  };
}
