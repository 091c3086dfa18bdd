import { describe, expect, it } from "vitest";
import { isPublicAddress, parseWebhookUrl } from "../../src/domain/webhook-url.ts";

describe("webhook URLs", () => {
  it("takes public https URLs, Slack's <…> wrapping included", () => {
    expect(parseWebhookUrl("https://hooks.example.com/tk?x=1", false)).toMatchObject({ ok: true });
    expect(parseWebhookUrl("<https://hooks.example.com/tk|hooks.example.com/tk>", false)).toMatchObject({ ok: true });
  });

  it("refuses http, credentials, fragments and addresses that are not public", () => {
    for (const url of [
      "http://hooks.example.com/",
      "https://user:pw@hooks.example.com/",
      "https://hooks.example.com/#x",
      "https://127.0.0.1/",
      "https://2130706433/", // 127.0.0.1 as one number
      "https://0x7f.1/",
      "https://0.0.0.0/",
      "https://10.1.2.3/",
      "https://169.254.169.254/latest/meta-data",
      "https://[::1]/",
      "https://[::ffff:192.168.0.1]/",
      "https://[::7f00:1]/",
      "https://[fd00::1]/",
      "https://localhost/",
      "https://metadata.google.internal/",
      "ftp://example.com/",
      "not a url",
      `https://example.com/${"a".repeat(3000)}`,
    ]) {
      expect(parseWebhookUrl(url, false).ok, url).toBe(false);
    }
  });

  it("allows local http only when told to (development and tests)", () => {
    expect(parseWebhookUrl("http://127.0.0.1:8787/", true)).toMatchObject({ ok: true });
    expect(parseWebhookUrl("http://127.0.0.1:8787/", false).ok).toBe(false);
  });

  it("judges resolved addresses", () => {
    expect(isPublicAddress("93.184.216.34")).toBe(true);
    expect(isPublicAddress("2606:2800:220:1:248:1893:25c8:1946")).toBe(true);
    for (const a of [
      "127.0.0.1",
      "10.0.0.1",
      "172.16.0.1",
      "192.168.1.1",
      "100.64.0.1",
      "::1",
      "::",
      "::7f00:1",
      "fe80::1",
      "::ffff:10.0.0.1",
      "224.0.0.1",
    ]) {
      expect(isPublicAddress(a), a).toBe(false);
    }
  });
});
