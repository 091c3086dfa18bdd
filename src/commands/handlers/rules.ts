// `rules`, `rules add|change`, `rules enable|disable|remove|test`: automation rules (R16).
import { n } from "../../domain/format.ts";
import { addRule, changeRule, editRule, listRules, type Rule, testRule } from "../../services/rules/index.ts";
import { answer, header, list, note, paragraph, say } from "../answer.ts";
import type { Handler } from "../handler.ts";
import { isTranslated, speak } from "../i18n/answers.ts";
import { localRequestParts } from "../i18n/requests.ts";
import {
  ruleLine as localRuleLine,
  ruleAddedText,
  rulesNone,
  rulesShowing,
  ruleTestText,
  ruleToggledText,
} from "../i18n/rules.ts";
import { requestParts } from "../requests-view.ts";
import { code, cut, fromOurMarkup, md, type Rich } from "../rich.ts";

/** Most rules `rules` lists; it says how many more there are. */
const PAGE = 50;
/** Longest line of a listing (a rule's filter may be long). */
const MAX_LINE = 500;

// A paused rule's reason is ours (counts, limits, its owner as `<@U…>`), never typed text.
function ruleLine(r: Rule): Rich {
  const state = !r.enabled
    ? md`disabled`
    : r.pausedReason
      ? md`paused (${fromOurMarkup(r.pausedReason)}${r.pausedRequestId ? `; request ${r.pausedRequestId}` : ""})`
      : md`enabled`;
  return cut(md`"${r.name}": when ${r.filter} then ${r.action} — ${state}`, MAX_LINE);
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

const quoteName = (name: string) => (/\s/.test(name) ? `"${name}"` : name);

/** Older rules that win over this one on contacts both match (they set the opposite status). */
function overridden(items: { rule: string; action: string; count: number }[]): Rich {
  if (items.length === 0) return [];
  const parts = items.map((o) => `${n(o.count)} contacts also match the older rule "${o.rule}" (then ${o.action})`);
  return [
    ` ${parts.join("; ")}: the older rule wins for them, so this one leaves them alone instead of flipping them every hour.`,
  ];
}

export const rules: Handler<"rules"> = async (svc, inv) => {
  const all = await listRules(svc, inv.actor);
  const shown = all.slice(0, PAGE);
  const data = { rules: shown.map(ruleData), shown: shown.length, total: all.length };
  const locale = inv.locale;
  if (isTranslated(locale)) {
    if (all.length === 0) return say(rulesNone(locale), data);
    return answer(
      [
        header(speak(locale).label("rules.header")),
        list(shown.map((r) => localRuleLine(locale, r))),
        ...(all.length > shown.length ? [note(rulesShowing(locale, shown.length, all.length))] : []),
      ],
      data,
    );
  }
  if (all.length === 0) {
    return say(
      md`No automation rules yet. Add one: ${code('rules add "Stale leads" when last_engaged < "1 year ago" then non-marketing')}.`,
      data,
    );
  }
  return answer(
    [
      header("Automation rules"),
      list(shown.map(ruleLine)),
      ...(all.length > shown.length
        ? [
            note(
              md`Showing the first ${n(shown.length)} of ${n(all.length)} rules, oldest first; ${code("rules test <name>")} shows what one would do.`,
            ),
          ]
        : []),
    ],
    data,
  );
};

export const rulesAdd: Handler<"rules-add"> = async (svc, inv, c) => {
  const input = { filter: c.filter, action: c.to, timeZone: inv.timeZone, locale: inv.locale ?? "en" };
  const { rule, request } = c.change
    ? await editRule(svc, inv.actor, c.name, input)
    : await addRule(svc, inv.actor, { name: c.name, ...input });
  const t = await testRule(svc, inv.actor, rule.name);
  if (isTranslated(inv.locale)) {
    const parts = [
      paragraph(ruleAddedText(inv.locale, rule, c.change, request?.id ?? null, t)),
      ...(request ? localRequestParts(inv.locale, request, inv.timeZone, { buttons: false }) : []),
    ];
    return {
      ...answer(parts, { rule: ruleData(rule), overridden: t.overridden, requestId: request?.id ?? null }),
      ...(request ? { request } : {}),
    };
  }
  const what = md`Rule "${rule.name}" ${c.change ? "changed" : "added"}: when ${rule.filter} then ${rule.action}.`;
  const text = request
    ? md`${what} It doesn't run yet: ${fromOurMarkup(rule.pausedReason ?? "it needs approval")}. An admin approves request ${request.id} to start it.${overridden(t.overridden)}`
    : md`${what} It runs on new and changed contacts and on a schedule; a run that would change more contacts than the direct-change limit or upgrade the tier asks for approval first.${overridden(t.overridden)} Try ${code(`rules test ${quoteName(rule.name)}`)}.`;
  return {
    ...answer([paragraph(text), ...(request ? requestParts(request, inv.timeZone, { buttons: false }) : [])], {
      rule: ruleData(rule),
      overridden: t.overridden,
      requestId: request?.id ?? null,
    }),
    ...(request ? { request } : {}),
  };
};

export const rulesToggle: Handler<"rules-toggle"> = async (svc, inv, c) => {
  if (c.op === "test") {
    const t = await testRule(svc, inv.actor, c.name);
    const tested = {
      rule: ruleData(t.rule),
      count: t.count,
      becomeMarketing: t.becomeMarketing,
      wouldPause: t.wouldPause,
      overridden: t.overridden,
    };
    if (isTranslated(inv.locale)) return say(ruleTestText(inv.locale, t), tested);
    const text =
      t.count === 0
        ? md`Rule "${t.rule.name}" would change no contact now.`
        : md`Rule "${t.rule.name}" would set ${n(t.count)} contacts ${t.rule.action} now${t.rule.action === "marketing" ? ` (${n(t.becomeMarketing)} of them start counting toward the tier)` : " (they stay marketing until the next update date)"}.${t.wouldPause ? md` A run would pause and ask for approval: ${fromOurMarkup(t.wouldPause)}.` : ""}`;
    return say(md`${text}${overridden(t.overridden)}`, tested);
  }
  const { rule, request } = await changeRule(svc, inv.actor, c.name, c.op);
  if (isTranslated(inv.locale)) {
    const parts = [
      paragraph(ruleToggledText(inv.locale, rule, c.op, request?.id ?? null)),
      ...(request ? localRequestParts(inv.locale, request, inv.timeZone, { buttons: false }) : []),
    ];
    return {
      ...answer(parts, { rule: ruleData(rule), op: c.op, requestId: request?.id ?? null }),
      ...(request ? { request } : {}),
    };
  }
  const done = md`Rule "${rule.name}" ${c.op === "remove" ? "removed" : c.op === "enable" ? "enabled" : "disabled"}.`;
  const text = request
    ? md`${done} It doesn't run yet: ${fromOurMarkup(rule.pausedReason ?? "it needs approval")}. An admin approves request ${request.id} to start it.`
    : done;
  return {
    ...answer([paragraph(text), ...(request ? requestParts(request, inv.timeZone, { buttons: false }) : [])], {
      rule: ruleData(rule),
      op: c.op,
      requestId: request?.id ?? null,
    }),
    ...(request ? { request } : {}),
  };
};
