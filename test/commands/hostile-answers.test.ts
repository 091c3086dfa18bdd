// Every command kind, typed with hostile text where a person types (names, filters, reasons,
// emails, dates), answered and rendered for Slack: whatever it answers (a result or a refusal),
// the user text in it is escaped, and the message fits Slack's limits.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand } from "../../src/commands/run.ts";
import type { CommandKind } from "../../src/domain/command/index.ts";
import { parseCommand } from "../../src/domain/command/index.ts";
import { renderAnswer } from "../../src/slack/render/answer.ts";
import { LIMITS } from "../../src/slack/render/blocks.ts";
import { makeAccount, seedContacts, type TestEnv, testEnv } from "../helpers/services.ts";
import { mrkdwnOf, unsafeMarkup } from "../helpers/slack-markup.ts";

const H = "<!channel> & <https://evil.example|x>";
const LONG = `${H} ${"y".repeat(3_000)}`;

/** A command line per kind (the compiler checks that no kind is missing). */
const LINES: Record<CommandKind, string[]> = {
  help: [`help ${H}`],
  status: [`status ${H}`, "status c000001@example.com"],
  "can-market": [`can-market ${H}`],
  set: [`set marketing ${H}`],
  bulk: [`bulk non-marketing where email contains "${H}"`, `bulk non-marketing list:"${LONG}"`],
  delete: [`delete ${H}`],
  manage: ["manage"],
  tier: ["tier", `tier ${H}`],
  forecast: ["forecast"],
  "next-update": ["next-update"],
  usage: [`usage from ${H}`],
  history: [`history since ${H}`, "history"],
  lists: ["lists"],
  "list-create": [`list create "${H}"`, `list create "${LONG}"`],
  "list-add": [`list add "${H}" c000001@example.com`],
  rules: ["rules"],
  "rules-add": [`rules add "${H}" when email contains "${H}" then non-marketing`],
  "rules-toggle": [`rules disable "${H}"`],
  requests: ["requests"],
  approve: [`approve ${H}`],
  reject: [`reject R1ABCDE ${H}`],
  settings: ["settings"],
  "settings-set": [`settings timezone ${H}`, `settings approvals-channel ${H}`],
  "settings-api-key": [`settings api-key create "${H}"`],
  "settings-webhook": [`settings webhook add "https://${H}"`, `settings webhook add https://example.com/${H}`],
  "settings-defaults": [`settings defaults ${H}`],
  setup: ["setup"],
  access: [`access grant ${H}`],
  admins: [`admins add ${H}`],
  "billing-contacts": [`billing-contacts add ${H}`],
  "tier-downgrade": [`tier downgrade ${H}`],
  "tier-downgrade-cancel": ["tier downgrade cancel"],
  import: [`import list:"${H}"`],
};

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv("2026-05-15T14:00:00Z");
});
afterAll(async () => {
  await env?.close();
});

describe("every command kind with hostile text", () => {
  it("answers with the text escaped and within Slack's limits", async () => {
    const { accountId, admin } = await makeAccount(env);
    await seedContacts(env, accountId, 20, { prefix: "c", marketing: true });
    const seen = new Set<string>();
    for (const [kind, lines] of Object.entries(LINES)) {
      for (const text of lines) {
        const parsed = parseCommand(text, { now: env.clock.now(), timeZone: "America/New_York" });
        if (parsed.ok) seen.add(parsed.command.kind);
        const a = await runCommand(env.svc, { actor: admin, timeZone: "America/New_York", text });
        const { text: fallback, blocks } = renderAnswer(a);
        const where = `${kind}: ${text.slice(0, 60)}`;
        for (const t of [...mrkdwnOf(blocks), fallback]) expect(unsafeMarkup(t), where).toBeNull();
        expect(blocks.length, where).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
        for (const t of mrkdwnOf(blocks)) expect(t.length, where).toBeLessThanOrEqual(LIMITS.sectionText);
        expect(fallback.length, where).toBeLessThanOrEqual(LIMITS.messageText);
        expect(JSON.stringify(blocks), where).not.toContain("<!channel>");
      }
    }
    // Most lines parse into their kind (the rest are refused as typed, which is an answer too).
    expect(seen.size).toBeGreaterThanOrEqual(18);
  });
});
