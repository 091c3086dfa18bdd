// Subcommands of the intake (issue 5), registered on import: `rules …`, `settings api-key …`,
// `settings defaults …` and `import` (which needs a file: Slack or `tierkeeper import`).

import { createApiKey, listApiKeys, revokeApiKey } from "../services/api-keys.ts";
import type { ImportReport } from "../services/import.ts";
import { addRule, changeRule, editRule, listRules, type Rule, testRule } from "../services/rules.ts";
import { setSourceDefault, showSourceDefaults } from "../services/source-defaults.ts";
import { type Block, context, fields, header, listSections, section, truncate } from "../slack/blocks.ts";
import { escapeMrkdwn } from "../slack/mrkdwn.ts";
import { n, pct, when } from "./format.ts";
import { requestBlocks, requestSummary } from "./present-requests.ts";
import { type Answer, answer, extraHandlers, type Handler, mention, refusal } from "./run.ts";

/** Most rows a listing shows (rules, API keys, creation-source defaults); the answer says how many more. */
const PAGE = 50;
/** Longest line of a listing (a rule's filter may be long). */
const MAX_LINE = 500;

/** A rule's name and filter as typed, escaped for mrkdwn. */
const ruleName = (r: Pick<Rule, "name">) => escapeMrkdwn(r.name);
const ruleFilter = (r: Pick<Rule, "filter">) => escapeMrkdwn(r.filter);

// A paused rule's reason is ours (counts, limits, its owner as `<@U…>`), never typed text: shown as it is.
function ruleLine(r: Rule): string {
  const state = !r.enabled
    ? "disabled"
    : r.pausedReason
      ? `paused (${r.pausedReason}${r.pausedRequestId ? `; request ${r.pausedRequestId}` : ""})`
      : "enabled";
  return truncate(`"${ruleName(r)}": when ${ruleFilter(r)} then ${r.action} — ${state}`, MAX_LINE);
}

const ruleData = (r: Rule) => ({
  name: r.name,
  filter: r.filter,
  action: r.action,
  enabled: r.enabled,
  paused: r.pausedReason !== null,
  pausedReason: r.pausedReason,
  requestId: r.pausedRequestId,
  createdBy: r.createdBy,
  owner: r.ownerId,
});

export const rulesHandler: Handler = async (svc, inv, c) => {
  const { actor } = inv;
  switch (c.kind) {
    case "rules": {
      const rules = await listRules(svc, actor);
      const shown = rules.slice(0, PAGE);
      const lines = shown.map(ruleLine);
      const note =
        rules.length > shown.length
          ? `Showing the first ${n(shown.length)} of ${n(rules.length)} rules, oldest first; \`rules test <name>\` shows what one would do.`
          : null;
      const text = rules.length
        ? ["Automation rules:", ...lines, ...(note ? [note] : [])].join("\n")
        : 'No automation rules yet. Add one: `rules add "Stale leads" when last_engaged < "1 year ago" then non-marketing`.';
      return answer(
        text,
        [
          header("Automation rules"),
          ...(rules.length ? listSections(lines, 30) : [section(text)]),
          ...(note ? [context(note)] : []),
        ],
        { rules: shown.map(ruleData), shown: shown.length, total: rules.length },
      );
    }
    case "rules-add": {
      const input = { filter: c.filter, action: c.to, timeZone: inv.timeZone };
      const { rule, request } = c.change
        ? await editRule(svc, actor, c.name, input)
        : await addRule(svc, actor, { name: c.name, ...input });
      const t = await testRule(svc, actor, rule.name);
      const what = `Rule "${ruleName(rule)}" ${c.change ? "changed" : "added"}: when ${ruleFilter(rule)} then ${rule.action}.`;
      const text = request
        ? `${what} It doesn't run yet: ${rule.pausedReason ?? "it needs approval"}. An admin approves request ${request.id} to start it.${overriddenText(t.overridden)}`
        : `${what} It runs on new and changed contacts and on a schedule; a run that would change more contacts than the direct-change limit or upgrade the tier asks for approval first.${overriddenText(t.overridden)} Try \`rules test ${escapeMrkdwn(quoteName(rule.name))}\`.`;
      return {
        ...answer(
          text,
          request ? [section(text), ...requestBlocks(request, inv.timeZone, { buttons: false })] : [section(text)],
          {
            rule: ruleData(rule),
            overridden: t.overridden,
            requestId: request?.id ?? null,
          },
        ),
        ...(request ? { request } : {}),
      };
    }
    case "rules-toggle": {
      if (c.op === "test") {
        const t = await testRule(svc, actor, c.name);
        const text =
          t.count === 0
            ? `Rule "${ruleName(t.rule)}" would change no contact now.`
            : `Rule "${ruleName(t.rule)}" would set ${n(t.count)} contacts ${t.rule.action} now${t.rule.action === "marketing" ? ` (${n(t.becomeMarketing)} of them start counting toward the tier)` : " (they stay marketing until the next update date)"}.${t.wouldPause ? ` A run would pause and ask for approval: ${t.wouldPause}.` : ""}`;
        const full = `${text}${overriddenText(t.overridden)}`;
        return answer(full, [section(full)], {
          rule: ruleData(t.rule),
          count: t.count,
          becomeMarketing: t.becomeMarketing,
          wouldPause: t.wouldPause,
          overridden: t.overridden,
        });
      }
      const { rule, request } = await changeRule(svc, actor, c.name, c.op);
      const done = `Rule "${ruleName(rule)}" ${c.op === "remove" ? "removed" : c.op === "enable" ? "enabled" : "disabled"}.`;
      const text = request
        ? `${done} It doesn't run yet: ${rule.pausedReason ?? "it needs approval"}. An admin approves request ${request.id} to start it.`
        : done;
      return {
        ...answer(
          text,
          request ? [section(text), ...requestBlocks(request, inv.timeZone, { buttons: false })] : [section(text)],
          {
            rule: ruleData(rule),
            op: c.op,
            requestId: request?.id ?? null,
          },
        ),
        ...(request ? { request } : {}),
      };
    }
    default:
      return refusal(`rules handler got ${c.kind}`);
  }
};

const quoteName = (name: string) => (/\s/.test(name) ? `"${name}"` : name);

/** Older rules that win over this one on contacts both match (they set the opposite status). */
function overriddenText(overridden: { rule: string; action: string; count: number }[]): string {
  if (overridden.length === 0) return "";
  const parts = overridden.map(
    (o) => `${n(o.count)} contacts also match the older rule "${escapeMrkdwn(o.rule)}" (then ${o.action})`,
  );
  return ` ${parts.join("; ")}: the older rule wins for them, so this one leaves them alone instead of flipping them every hour.`;
}

export const apiKeyHandler: Handler = async (svc, inv, c) => {
  if (c.kind !== "settings-api-key") return refusal(`api-key handler got ${c.kind}`);
  if (c.op === "create") {
    const k = await createApiKey(svc, inv.actor);
    const text = `New intake API key ${k.id}:\n${k.apiKey}\nCopy it now: it is not shown again. Send it as \`Authorization: Bearer <key>\` to POST /api/contacts. Revoke it with \`settings api-key revoke ${k.id}\`.`;
    return answer(
      text,
      [
        section(`:key: New intake API key *${k.id}*:`),
        section(`\`${k.apiKey}\``),
        context(
          `Copy it now: it is not shown again. Send it as \`Authorization: Bearer <key>\`. Revoke it with \`settings api-key revoke ${k.id}\`.`,
        ),
      ],
      { keyId: k.id, apiKey: k.apiKey },
    );
  }
  if (c.op === "list") {
    const keys = await listApiKeys(svc, inv.actor);
    const active = keys.filter((k) => k.revokedAt === null);
    // The newest keys, in the order they were made.
    const shown = keys.slice(-PAGE);
    const note = keys.length > shown.length ? `Showing the latest ${n(shown.length)} of ${n(keys.length)} keys.` : null;
    const lines = shown.map(
      (k) =>
        `${k.id}: ${k.revokedAt ? `revoked ${when(k.revokedAt, inv.timeZone)} by ${mention(k.revokedBy ?? "?")}` : "active"}; made ${when(k.createdAt, inv.timeZone)} by ${mention(k.createdBy)}; ${k.lastUsedAt ? `last used ${when(k.lastUsedAt, inv.timeZone)}` : "never used"}`,
    );
    const text =
      keys.length === 0
        ? "There are no intake API keys. Make one with `settings api-key create`."
        : [
            `Intake API keys (${n(active.length)} active, ${n(keys.length - active.length)} revoked):`,
            ...lines,
            ...(note ? [note] : []),
          ].join("\n");
    return answer(
      text,
      keys.length === 0
        ? [section(text)]
        : [
            header("Intake API keys"),
            ...listSections(lines, 30),
            context(
              ...(note ? [note] : []),
              "Keys are shown once, when made. Revoke one with `settings api-key revoke <id>`.",
            ),
          ],
      {
        shown: shown.length,
        total: keys.length,
        keys: shown.map((k) => ({
          id: k.id,
          createdBy: k.createdBy,
          createdAt: k.createdAt.toISOString(),
          lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
          revokedAt: k.revokedAt?.toISOString() ?? null,
          revokedBy: k.revokedBy,
        })),
      },
    );
  }
  const revoked = await revokeApiKey(svc, inv.actor, c.keyId ?? "");
  const text = `API key ${revoked.id} is revoked; requests with it now get 401.`;
  return answer(text, [section(text)], { keyId: revoked.id, revoked: true });
};

export const defaultsHandler: Handler = async (svc, inv, c) => {
  if (c.kind !== "settings-defaults") return refusal(`defaults handler got ${c.kind}`);
  if (c.source !== null && c.value !== null) {
    const r = await setSourceDefault(svc, inv.actor, { source: c.source, sourceId: c.sourceId, value: c.value });
    const text = `New contacts from ${escapeMrkdwn(r.source)} now start ${r.after}${r.before ? ` (was ${r.before})` : ""}.${
      r.after === "marketing" && (c.source === "form" || c.source === "external-form")
        ? " An existing non-marketing contact who submits it becomes marketing (R15)."
        : ""
    }`;
    return answer(text, [section(text)], { source: r.source, before: r.before, status: r.after });
  }
  const rows = await showSourceDefaults(svc, inv.actor);
  const shownRows = rows.slice(0, PAGE);
  const note =
    rows.length > shownRows.length
      ? `Showing ${n(shownRows.length)} of ${n(rows.length)} defaults; set or check one with \`settings defaults <source>[:<id>] marketing|non-marketing\`.`
      : null;
  const lines = shownRows.map(
    (r) =>
      `${escapeMrkdwn(r.source)}: ${r.status}${r.from === "account" ? " (set for this account)" : r.from === "override" ? " (override)" : ""}${r.note ? ` — ${r.note}` : ""}`,
  );
  const text = ["Creation-source defaults (R15):", ...lines, ...(note ? [note] : [])].join("\n");
  return answer(
    text,
    [
      header("Creation-source defaults"),
      ...listSections(lines, 30),
      context(
        ...(note ? [note] : []),
        "Change one with `settings defaults form:contact-us marketing`, `settings defaults api non-marketing` or `settings defaults integration:salesforce marketing` (admins).",
      ),
    ],
    { defaults: shownRows, shown: shownRows.length, total: rows.length },
  );
};

/** Outside Slack there is no file to import: say where imports happen. */
export const importHandler: Handler = async () => ({
  ...refusal(
    'An import needs a CSV file: share it with tierkeeper in a direct message (the message may say `list:"Spring webinar"` and `marketing`), or run `tierkeeper import <file.csv> [--list <name>] [--marketing]` on the server.',
  ),
  slackOnly: "import",
});

/** The answer to an import, for Slack and the CLI. */
export function importAnswer(r: ImportReport, timeZone: string): Answer {
  const lines = [
    `Imported ${r.fileName === null ? "the file" : escapeMrkdwn(r.fileName)}: ${n(r.rows)} rows — ${n(r.created)} created, ${n(r.updated)} updated, ${n(r.unchanged)} unchanged, ${n(r.rejected)} rejected.`,
    "New contacts from an import are non-marketing (R15).",
  ];
  if (r.list)
    lines.push(
      `List "${escapeMrkdwn(r.list.name)}"${r.list.created ? " (new)" : ""}: ${n(r.list.added)} contacts added.`,
    );
  if (r.ruleChanges > 0) lines.push(`Automation rules changed ${n(r.ruleChanges)} of the imported contacts.`);
  for (const req of r.ruleRequests)
    lines.push(`A rule paused and asks for approval: request ${req.id} (${requestSummary(req)}).`);
  if (r.marketingRequested) {
    if (r.marketingRequest) {
      const i = r.marketingRequest.impact;
      lines.push(
        `Set all as marketing needs approval: request ${r.marketingRequest.id} would make ${n(i.becomeMarketing)} contacts marketing, ${n(i.marketingCountBefore)} → ${n(i.marketingCountAfter)} of ${n(i.tierLimit)} (${pct(i.usageAfter)})${i.upgrade ? `, upgrading the tier to ${n(i.upgrade.newLimit)}` : ""}.`,
      );
    } else {
      lines.push(
        "Set all as marketing: no imported contact would change (they are all marketing already, or none was imported), so there is nothing to request.",
      );
    }
  }
  // The rejected cells are quoted as the file has them.
  const rejectLines = r.rejections.map(
    (x) => `line ${x.line}${x.email ? ` (${escapeMrkdwn(x.email)})` : ""}: ${escapeMrkdwn(x.reason)}`,
  );
  if (r.rejected > r.rejections.length)
    rejectLines.push(`… and ${n(r.rejected - r.rejections.length)} more rejected rows.`);
  const text = [...lines, ...(rejectLines.length ? ["Rejected rows:", ...rejectLines] : [])].join("\n");
  const blocks: Block[] = [
    section(`:inbox_tray: ${lines[0]}`),
    fields([
      ["Created", n(r.created)],
      ["Updated", n(r.updated)],
      ["Unchanged", n(r.unchanged)],
      ["Rejected", n(r.rejected)],
    ]),
    ...lines.slice(1).map((l) => section(l)),
    ...(r.marketingRequest ? requestBlocks(r.marketingRequest, timeZone, { buttons: false }) : []),
    ...(rejectLines.length ? listSections(["*Rejected rows*", ...rejectLines], 20) : []),
  ];
  return {
    ...answer(text, blocks, {
      importId: r.importId,
      rows: r.rows,
      created: r.created,
      updated: r.updated,
      unchanged: r.unchanged,
      rejected: r.rejected,
      rejections: r.rejections,
      list: r.list,
      requestId: r.marketingRequest?.id ?? null,
      impact: r.marketingRequest?.impact ?? null,
      ruleRequestIds: r.ruleRequests.map((q) => q.id),
    }),
    ...(r.marketingRequest ? { request: r.marketingRequest } : {}),
  };
}

extraHandlers.set("rules", rulesHandler);
extraHandlers.set("rules-add", rulesHandler);
extraHandlers.set("rules-toggle", rulesHandler);
extraHandlers.set("settings-api-key", apiKeyHandler);
extraHandlers.set("settings-defaults", defaultsHandler);
extraHandlers.set("import", importHandler);
