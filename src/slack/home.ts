// App Home: the dashboard (usage, next update, open requests with buttons, recent events, shortcuts).
import { eventSummary, money, n, pct, updateWhen, when } from "../commands/format.ts";
import { requestBlocks } from "../commands/present-requests.ts";
import { getAccount } from "../services/accounts.ts";
import { auditHistory } from "../services/audit.ts";
import { listRequests } from "../services/bulk.ts";
import type { Actor, Services } from "../services/context.ts";
import { tierReport } from "../services/reports.ts";
import {
  actions,
  type Block,
  button,
  context,
  divider,
  fields,
  header,
  LIMITS,
  listSections,
  section,
} from "./blocks.ts";

export const HOME_ACTIONS = {
  manage: "home_open_manage",
  tier: "home_show_tier",
} as const;

const MAX_REQUESTS_SHOWN = 8;

/** The Home tab of one user (views.publish). Stays under 100 blocks whatever the data. */
export async function homeView(svc: Services, actor: Actor, userZone: string) {
  const account = await getAccount(svc.db, actor.accountId);
  const r = await tierReport(svc, actor);
  const open = await listRequests(svc, actor, ["open"]);
  const events = await auditHistory(svc.db, { accountId: actor.accountId, limit: 10 });
  const blocks: Block[] = [
    header("Marketing contacts"),
    section(
      `*${n(r.marketingCount)}* of *${n(r.tierLimit)}* — *${pct(r.usagePercent)}* of your ${r.plan} tier (${money(r.monthlyPriceCents)}/month)\n${bar(r.usagePercent)}`,
    ),
    fields([
      ["Next update", updateWhen(r.nextUpdateAt, r.timeZone, userZone)],
      [
        "It changes",
        `${n(r.pendingCount)} become non-marketing → ${n(r.marketingCountAfterUpdate)} (${pct(r.usageAfterUpdatePercent)})`,
      ],
      ["All contacts", `${n(r.totalCount)} (${n(r.nonMarketingCount)} non-marketing)`],
      ["Lowest tier after the update", n(r.lowestTierAfterUpdate)],
    ]),
    actions("home_actions", [
      button("Clean up contacts", HOME_ACTIONS.manage, "manage", "primary"),
      button("Show the tier", HOME_ACTIONS.tier, "tier"),
    ]),
    divider(),
    header(`Open requests (${n(open.length)})`),
  ];
  if (open.length === 0) blocks.push(section("Nothing waiting for approval."));
  for (const req of open.slice(0, MAX_REQUESTS_SHOWN)) {
    blocks.push(...requestBlocks(req, userZone, { buttons: true, subsidiaryZone: account.timeZone }));
  }
  if (open.length > MAX_REQUESTS_SHOWN) {
    blocks.push(context(`…and ${n(open.length - MAX_REQUESTS_SHOWN)} more: \`/contacts requests\``));
  }
  blocks.push(divider(), header("Recent activity"));
  const lines = events.map((e) => `${when(e.at, userZone)} — ${eventSummary(e.kind, e.summary)}`);
  blocks.push(...(lines.length ? listSections(lines, 5) : [section("Nothing yet.")]));
  blocks.push(context("`/contacts help` lists everything tierkeeper can do."));
  return { type: "home" as const, blocks: capView(blocks) };
}

function capView(blocks: Block[]): Block[] {
  if (blocks.length <= LIMITS.blocksPerView) return blocks;
  return [
    ...blocks.slice(0, LIMITS.blocksPerView - 1),
    context("…more in `/contacts requests` and `/contacts history`."),
  ];
}

function bar(percent: number): string {
  const filled = Math.min(20, Math.round(percent / 5));
  return `\`${"█".repeat(filled)}${"░".repeat(20 - filled)}\``;
}
