// Names, filters, reasons and file names people type are shown in Slack, never obeyed: a list named
// `<!channel> <https://…|Approve here>` must not ping the approvals channel or show a fake link.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkRequests, lists } from "../../src/db/schema.ts";
import { deliverAll } from "../../src/jobs/run-once.ts";
import { runRules } from "../../src/services/rules/index.ts";
import { MANAGE_STEPS } from "../../src/slack/manage.ts";
import { createWebClient } from "../../src/slack/web.ts";
import { eventually, startTestApp, type TestApp } from "../helpers/app.ts";
import { seedContacts } from "../helpers/services.ts";

const HOSTILE_LIST = "<!channel> <https://evil.example|Approve here>";
const HOSTILE_REASON = "<!here> see <https://evil.example/fix|the fix> & <!everyone>";
const HOSTILE_RULE = "<!everyone> stale";
const HOSTILE_VIP_RULE = "vip <@UADMIN2>";
const HOSTILE_FILE = "<!channel> <https://evil.example/f|open me>.csv";
const HOSTILE_IMPORT_LIST = "<!here> import & co";

/** Text as Slack sends what people type in a slash command or a message: `&`, `<`, `>` escaped. */
const asTyped = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
/** How Slack must receive the same text inside mrkdwn: escaped the same way. */
const shown = asTyped;

/** Every mrkdwn string of a payload: the message's `text` (Slack parses it too) and each mrkdwn object. */
function mrkdwnTexts(payload: unknown): string[] {
  const out: string[] = [];
  const top = payload as Record<string, unknown>;
  if (typeof top?.text === "string") out.push(top.text);
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) for (const x of v) walk(x);
    else if (v !== null && typeof v === "object") {
      const o = v as Record<string, unknown>;
      if (o.type === "mrkdwn" && typeof o.text === "string") out.push(o.text);
      for (const [k, x] of Object.entries(o)) if (!(o === top && k === "text")) walk(x);
    }
  };
  walk(payload);
  return out;
}

/** Our own markup: mentions of user ids and channel references. Anything else in `<…>` came from a user. */
const OUR_MARKUP = /<(?:@[UW][A-Z0-9]+|#[CGD][A-Z0-9]+)>/g;

/** Where a mrkdwn string has a raw `<`, `>` or `&` that is not ours, with what is around it; null when safe. */
function unsafeMarkup(text: string): string | null {
  const rest = text.replace(OUR_MARKUP, "");
  const m = /[<>]|&(?!(?:amp|lt|gt);)/.exec(rest);
  return m ? `…${rest.slice(Math.max(0, m.index - 40), m.index + 40)}…` : null;
}

let app: TestApp;
/** View responses (modal steps), which Slack gets as the HTTP answer rather than a Web API call. */
const viewAnswers: unknown[] = [];

beforeAll(async () => {
  app = await startTestApp({ now: "2026-05-15T14:00:00Z", account: { tierLimit: 2000 } });
  await seedContacts(app.env, app.accountId, 20, { marketing: true, prefix: "m" });
});
afterAll(async () => {
  await app?.close();
});

async function run(text: string, userId = "UADMIN1"): Promise<Record<string, unknown>> {
  const c = await app.command(text, userId);
  expect(c.status).toBe(200);
  return c.response();
}

const approvalsPost = (id: string) =>
  app.fake
    .callsTo("chat.postMessage")
    .find((c) => c.body.channel === "CAPPROVALS" && JSON.stringify(c.body.blocks).includes(id));

describe("user text in Slack messages (markup injection)", () => {
  let requestId = "";

  it("a list named `<!channel> <https://…|…>` typed in Slack is stored as typed and shown escaped", async () => {
    const created = await run(`list create "${asTyped(HOSTILE_LIST)}"`);
    const emails = Array.from({ length: 15 }, (_, i) => `m${String(i + 1).padStart(5, "0")}@test.io`);
    await run(`list add "${asTyped(HOSTILE_LIST)}" ${emails.join(" ")}`);
    const [row] = await app.env.svc.db
      .select({ name: lists.name })
      .from(lists)
      .where(eq(lists.accountId, app.accountId));
    expect(row?.name).toBe(HOSTILE_LIST);
    expect(String(created.text)).toBe(`Created the list "${shown(HOSTILE_LIST)}".`);
    const listed = await run("lists");
    expect(String(listed.text)).toContain(`• ${shown(HOSTILE_LIST)} — 15 contacts`);
  });

  it("a bulk request over that list reaches the approvals channel with the name escaped and the requester mentioned", async () => {
    const asked = await run(`bulk non-marketing list:"${asTyped(HOSTILE_LIST)}"`, "UMEMBER1");
    requestId = /Request (R[A-Z0-9]+)/.exec(String(asked.text))?.[1] ?? "";
    expect(requestId, String(asked.text)).not.toBe("");
    const post = await eventually(() => approvalsPost(requestId));
    expect(String(post.body.text)).toContain(`<@UMEMBER1>`);
    expect(String(post.body.text)).toContain(shown(HOSTILE_LIST));
    expect(JSON.stringify(post.body.blocks)).toContain(JSON.stringify(shown(HOSTILE_LIST)).slice(1, -1));
  });

  it("rejected with a hostile reason: the message update and the requester's DM show the reason escaped", async () => {
    await run(`reject ${requestId} ${asTyped(HOSTILE_REASON)}`, "UADMIN2");
    const [row] = await app.env.svc.db.select().from(bulkRequests).where(eq(bulkRequests.id, requestId));
    expect(row?.status).toBe("rejected");
    expect(row?.reason).toBe(HOSTILE_REASON);
    const update = await eventually(() =>
      app.fake.callsTo("chat.update").find((c) => JSON.stringify(c.body.blocks).includes(requestId)),
    );
    const blocks = JSON.stringify(update.body.blocks);
    expect(blocks).toContain("Rejected by <@UADMIN2>");
    expect(blocks).toContain(JSON.stringify(shown(HOSTILE_REASON)).slice(1, -1));
    const dm = await eventually(() =>
      app.fake
        .callsTo("chat.postMessage")
        .find((c) => c.body.channel === "DUMEMBER1" && String(c.body.text).includes(requestId)),
    );
    expect(String(dm.body.text)).toContain(shown(HOSTILE_REASON));
  });

  it("rules, an import with a hostile file name and cells, and a paused rule's notice", async () => {
    await run(`rules add "${asTyped(HOSTILE_RULE)}" when email contains "${asTyped("<!here>")}" then non-marketing`);
    await run(`rules add "${asTyped(HOSTILE_VIP_RULE)}" when email contains vip then marketing`, "UMEMBER1");
    const rules = await run("rules");
    expect(String(rules.text)).toContain(`"${shown(HOSTILE_RULE)}": when email contains "${shown("<!here>")}"`);

    // A CSV shared in a DM, named and filled by whoever shared it.
    const csv = ["Email,First Name", "ana@webinar.io,Ana", "<!channel>@evil.example,Eve", ""].join("\n");
    const url = app.fake.shareFile("FHOSTILE", csv);
    await app.event({
      type: "message",
      subtype: "file_share",
      channel: "DUMEMBER1",
      channel_type: "im",
      user: "UMEMBER1",
      text: `import list:"${asTyped(HOSTILE_IMPORT_LIST)}"`,
      ts: `${Date.now() / 1000}`,
      files: [{ id: "FHOSTILE", name: HOSTILE_FILE, url_private_download: url, size: csv.length }],
    });
    const report = await eventually(() =>
      app.fake
        .callsTo("chat.postMessage")
        .find((c) => c.body.channel === "DUMEMBER1" && String(c.body.text).includes("Imported ")),
    );
    expect(String(report.body.text)).toContain(`Imported ${shown(HOSTILE_FILE)}: 2 rows`);
    expect(String(report.body.text)).toContain(`List "${shown(HOSTILE_IMPORT_LIST)}" (new)`);
    expect(String(report.body.text)).toContain(shown('"<!channel>@evil.example" is not a valid email address'));

    // The owner of a marketing rule loses access: the rule pauses with a notice to the approvals channel.
    await run("access revoke UMEMBER1");
    await seedContacts(app.env, app.accountId, 2, { prefix: "vip" });
    await runRules(app.env.svc);
    await deliverAll(app.env.svc, createWebClient({ token: "xoxb-test-token", apiUrl: app.fake.url }));
    const notice = await eventually(() =>
      app.fake
        .callsTo("chat.postMessage")
        .find((c) => c.body.channel === "CAPPROVALS" && String(c.body.text).includes("is paused")),
    );
    expect(String(notice.body.text)).toContain(`rule "${shown(HOSTILE_VIP_RULE)}"`);
    // The reason is ours and names the owner on purpose.
    expect(String(notice.body.text)).toContain("its owner <@UMEMBER1> no longer has");
  });

  it("history, lists, rules, requests, status and refusals that quote user text answer with it escaped", async () => {
    const history = await run("history");
    expect(String(history.text)).toContain(`Added to list "${shown(HOSTILE_LIST)}"`);
    expect(String(history.text)).toContain(`Rejected request ${requestId}: ${shown(HOSTILE_REASON)}`);
    expect(String(history.text)).toContain("Revoked marketing contacts access for <@UMEMBER1>");
    await run("lists");
    const tested = await run(`rules test "${asTyped(HOSTILE_RULE)}"`);
    expect(String(tested.text)).toContain(`Rule "${shown(HOSTILE_RULE)}" would change no contact now.`);
    await run(`rules disable "${asTyped(HOSTILE_RULE)}"`);
    await run("rules");
    await run("requests");
    const status = await run("status m00001@test.io");
    expect(String(status.text)).toContain(`Lists: ${shown(HOSTILE_LIST)}`);
    const unknown = await run(`${asTyped("<!channel>")} now`);
    expect(String(unknown.text)).toContain(`"${shown("<!channel>")}" isn't a subcommand I know`);
    const missing = await run(`list add "${asTyped("<!here> nope")}" m00001@test.io`);
    expect(String(missing.text)).toContain(`There is no list "${shown("<!here> nope")}"`);
  });

  it("the App Home and the manage wizard's review show the names escaped", async () => {
    await app.event({ type: "app_home_opened", user: "UADMIN1", channel: "DUADMIN1", tab: "home", event_ts: "1.2" });
    const home = await eventually(() => app.fake.callsTo("views.publish").at(-1));
    // Its recent activity: the rule disabled last.
    expect(JSON.stringify(home.body.view)).toContain(
      JSON.stringify(`Disabled rule "${shown(HOSTILE_RULE)}"`).slice(1, -1),
    );
    const review = await app.submit(
      MANAGE_STEPS.select,
      "{}",
      { list: { choice: { type: "static_select", selected_option: { value: HOSTILE_LIST } } } },
      "UADMIN1",
    );
    expect((review.json as { response_action?: string }).response_action).toBe("push");
    expect(JSON.stringify(review.json)).toContain(JSON.stringify(`list "${shown(HOSTILE_LIST)}"`).slice(1, -1));
    viewAnswers.push(review.json);
  });

  it("nothing sent to Slack carries markup from user text, and our own mentions are still there", async () => {
    const payloads: { where: string; body: unknown }[] = [
      ...app.fake.calls
        .filter((c) => /^(chat\.|views\.)/.test(c.method))
        .map((c) => ({ where: c.method, body: c.body })),
      ...app.fake.responses.map((r) => ({ where: `response_url ${r.id}`, body: r.body })),
      ...viewAnswers.map((body) => ({ where: "view answer", body })),
    ];
    const problems: string[] = [];
    const texts: string[] = [];
    for (const p of payloads) {
      for (const text of mrkdwnTexts(p.body)) {
        texts.push(text);
        const bad = unsafeMarkup(text);
        if (bad) problems.push(`${p.where}: ${bad}`);
      }
    }
    expect(problems).toEqual([]);
    expect(payloads.length).toBeGreaterThan(20);
    // (plain_text elements and private_metadata may hold the names as typed: Slack does not parse them.)
    const all = texts.join("\n");
    for (const raw of ["<!channel>", "<!here>", "<!everyone>", "<https://evil", "<@UADMIN2>)"]) {
      expect(all).not.toContain(raw);
    }
    expect(all).toContain(shown(HOSTILE_LIST));
    // Our mentions survive: the requester on the request, the decider on its update, a role change in history.
    expect(all).toContain("from <@UMEMBER1>");
    expect(all).toContain("Rejected by <@UADMIN2>");
    expect(all).toContain("access for <@UMEMBER1>");
  });
});
