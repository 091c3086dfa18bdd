// Which URLs a webhook may go to. A webhook is a request tierkeeper makes on an admin's behalf, so
// it must not reach what only tierkeeper's own network can: https only, no user:password in the
// URL, and (checked again when sending, after DNS) no loopback, private, link-local or other
// non-public address. Development and tests may allow local http (TIERKEEPER_WEBHOOK_ALLOW_LOCAL).
import ipaddr from "ipaddr.js";
import { type Wording, wording } from "./wording.ts";

export const MAX_WEBHOOK_URL_LENGTH = 2000;

export type WebhookUrlResult = { ok: true; url: URL } | { ok: false; error: string; wording: Wording };

export function parseWebhookUrl(raw: string, allowLocal: boolean): WebhookUrlResult {
  const text = raw.trim().replace(/^<|>$/g, ""); // Slack wraps links in <…>
  if (text.length > MAX_WEBHOOK_URL_LENGTH) {
    return {
      ok: false,
      error: `The URL is longer than ${MAX_WEBHOOK_URL_LENGTH} characters.`,
      wording: wording("refusal.webhook.tooLong", { max: String(MAX_WEBHOOK_URL_LENGTH) }),
    };
  }
  let url: URL;
  try {
    url = new URL(text.split("|")[0] ?? "");
  } catch {
    return {
      ok: false,
      error: "That is not a URL; give the full address, e.g. https://hooks.example.com/tierkeeper.",
      wording: wording("refusal.webhook.notUrl", { example: "https://hooks.example.com/tierkeeper" }),
    };
  }
  if (url.username || url.password) {
    return {
      ok: false,
      error: "The URL must not carry a user name or password; the webhook's signature proves the sender.",
      wording: wording("refusal.webhook.credentials"),
    };
  }
  if (url.hash) {
    return { ok: false, error: "The URL must not have a #fragment.", wording: wording("refusal.webhook.fragment") };
  }
  const local = allowLocal && url.protocol === "http:";
  if (url.protocol !== "https:" && !local) {
    return { ok: false, error: "Webhook URLs must start with https://.", wording: wording("refusal.webhook.https") };
  }
  const host = url.hostname.replace(/^\[|\]$/g, "");
  if (ipaddr.isValid(host) && !allowLocal && !isPublicAddress(host)) {
    return {
      ok: false,
      error: `${host} is not a public address; webhooks go to public https endpoints only.`,
      wording: wording("refusal.webhook.privateAddress", { host }),
    };
  }
  if (
    !allowLocal &&
    (host === "localhost" || host.endsWith(".localhost") || host.endsWith(".internal") || host.endsWith(".local"))
  ) {
    return {
      ok: false,
      error: `${host} is not a public host name; webhooks go to public https endpoints only.`,
      wording: wording("refusal.webhook.privateHost", { host }),
    };
  }
  return { ok: true, url };
}

/** A unicast address on the public internet (IPv4-mapped IPv6 judged as the IPv4 address it maps). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  // IPv4-compatible IPv6 (`::a.b.c.d`, deprecated): ipaddr.js calls it unicast; some stacks route it to a.b.c.d.
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).parts.slice(0, 6).every((p) => p === 0)) return false;
  return parsed.range() === "unicast";
}
