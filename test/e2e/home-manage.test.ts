import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bulkRequests } from "../../src/db/schema.ts";
import { requestBulkChange } from "../../src/services/bulk/index.ts";
import { HOME_ACTIONS } from "../../src/slack/home.ts";
import { MANAGE_STEPS } from "../../src/slack/manage.ts";
import { eventually, startTestApp, type TestApp } from "../helpers/app.ts";
import { seedContacts } from "../helpers/services.ts";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ account: { tierLimit: 7000, directLimit: 10 } });
  await seedContacts(app.env, app.accountId, 6000, { marketing: true, prefix: "m" });
  await seedContacts(app.env, app.accountId, 40, { marketing: true, prefix: "b", bounced: true });
  await seedContacts(app.env, app.accountId, 100, { marketing: false, prefix: "n" });
});

afterAll(async () => {
  await app?.close();
});

type View = { type: string; callback_id?: string; private_metadata?: string; blocks: Record<string, unknown>[] };

describe("App Home", () => {
  it("publishes usage, the next update and open requests with buttons, within 100 blocks", async () => {
    // Many open requests: the Home tab must still fit.
    for (let i = 0; i < 30; i++) {
      await requestBulkChange(
        app.env.svc,
        { accountId: app.accountId, userId: "UMEMBER1" },
        {
          action: "marketing",
          selector: {
            type: "filter",
            filter: {
              conditions: [{ field: "email", op: "contains", value: `n000${i % 10}` }],
              text: `email contains n000${i % 10}`,
            },
          },
          at: null,
        },
      );
    }
    const res = await app.event({
      type: "app_home_opened",
      user: "UADMIN1",
      channel: "DUADMIN1",
      tab: "home",
      event_ts: "1.2",
    });
    expect(res.status).toBe(200);
    const publish = await eventually(() => app.fake.callsTo("views.publish").at(-1));
    expect(publish.body.user_id).toBe("UADMIN1");
    const view = publish.body.view as View;
    expect(view.type).toBe("home");
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const json = JSON.stringify(view.blocks);
    expect(json).toContain("6,040");
    expect(json).toContain("Next update");
    expect(json).toContain("request_approve");
    expect(json).toContain("and 22 more");
    expect(json).toContain(HOME_ACTIONS.manage);
  });

  it("the Home tab's tier button DMs the tier", async () => {
    await app.click(HOME_ACTIONS.tier, "tier", "UADMIN1", { container: "home" });
    const dm = await eventually(() =>
      app.fake
        .callsTo("chat.postMessage")
        .find((c) => c.body.channel === "DUADMIN1" && String(c.body.text).includes("Marketing contacts:")),
    );
    expect(String(dm.body.text)).toContain("of 7,000");
  });
});

describe("the manage wizard (R17)", () => {
  it("opens with views.open, walks four steps and submits a bulk non-marketing request", async () => {
    const opensBefore = app.fake.callsTo("views.open").length;
    const c = await app.command("manage", "UMEMBER1");
    expect(c.status).toBe(200);
    const open = await eventually(() => app.fake.callsTo("views.open")[opensBefore]);
    const intro = open.body.view as View;
    expect(intro.callback_id).toBe(MANAGE_STEPS.intro);
    expect(JSON.stringify(intro.blocks)).toContain("What are marketing contacts?");

    const s1 = await app.submit(MANAGE_STEPS.intro, intro.private_metadata ?? "", {}, "UMEMBER1");
    const step2 = (s1.json as { response_action: string; view: View }).view;
    expect((s1.json as { response_action: string }).response_action).toBe("push");
    expect(step2.callback_id).toBe(MANAGE_STEPS.unengaged);
    const checkboxes = step2.blocks.find((b) => b.block_id === "unengaged") as {
      element: { initial_options: { value: string }[]; options: { text: { text: string } }[] };
    };
    expect(checkboxes.element.initial_options.map((o) => o.value)).toEqual(["bounced", "unsubscribed"]);
    expect(checkboxes.element.options[0]?.text.text).toBe("Bounced (40)");

    const s2 = await app.submit(
      MANAGE_STEPS.unengaged,
      step2.private_metadata ?? "",
      {
        unengaged: {
          choice: { type: "checkboxes", selected_options: [{ value: "bounced" }, { value: "unsubscribed" }] },
        },
      },
      "UMEMBER1",
    );
    const step3 = (s2.json as { view: View }).view;
    expect(step3.callback_id).toBe(MANAGE_STEPS.select);

    const bad = await app.submit(
      MANAGE_STEPS.select,
      step3.private_metadata ?? "",
      { filter: { text: { type: "plain_text_input", value: "colour = blue" } } },
      "UMEMBER1",
    );
    expect(bad.json).toMatchObject({ response_action: "errors", errors: { filter: expect.any(String) } });

    const s3 = await app.submit(
      MANAGE_STEPS.select,
      step3.private_metadata ?? "",
      { filter: { text: { type: "plain_text_input", value: null } } },
      "UMEMBER1",
    );
    const review = (s3.json as { view: View }).view;
    expect(review.callback_id).toBe(MANAGE_STEPS.review);
    const reviewText = JSON.stringify(review.blocks);
    expect(reviewText).toContain("*40* marketing contacts match");
    expect(reviewText).toContain("America/New_York");
    expect(reviewText).toContain("Usage after:");

    const s4 = await app.submit(MANAGE_STEPS.review, review.private_metadata ?? "", {}, "UMEMBER1");
    expect(s4.json).toMatchObject({ response_action: "clear" });
    const row = await eventually(
      async () =>
        (
          await app.env.svc.db
            .select()
            .from(bulkRequests)
            .where(and(eq(bulkRequests.accountId, app.accountId), eq(bulkRequests.origin, "manage")))
        )[0],
    );
    expect(row.action).toBe("non-marketing");
    expect(row.count).toBe(40);
    expect(row.status).toBe("open");
    const answer = await c.response();
    expect(String(answer.text)).toContain(`Request ${row.id}`);
    await eventually(() =>
      app.fake
        .callsTo("chat.postMessage")
        .find((p) => p.body.channel === "CAPPROVALS" && JSON.stringify(p.body.blocks).includes(row.id)),
    );
  });

  it("never submits something other than what was reviewed: a filter too long for the wizard is refused in place, a tampered state is refused", async () => {
    const base = JSON.stringify({ bounced: true, unsubscribed: true, list: null, filter: null, responseUrl: null });
    const long = `email contains ${"x".repeat(1100)}`;
    const tooLong = await app.submit(
      MANAGE_STEPS.select,
      base,
      { filter: { text: { type: "plain_text_input", value: long } } },
      "UMEMBER1",
    );
    expect(tooLong.json).toMatchObject({
      response_action: "errors",
      errors: { filter: expect.stringMatching(/at most 1,000 characters/) },
    });
    // A review step for one filter…
    const s3 = await app.submit(
      MANAGE_STEPS.select,
      base,
      { filter: { text: { type: "plain_text_input", value: "email contains m0000" } } },
      "UMEMBER1",
    );
    const review = (s3.json as { view: View }).view;
    expect(review.callback_id).toBe(MANAGE_STEPS.review);
    const before = await app.env.svc.db.select().from(bulkRequests).where(eq(bulkRequests.accountId, app.accountId));
    // …submitted with a state that says something else, or that can't be read: nothing is requested.
    const tampered = JSON.stringify({ ...JSON.parse(review.private_metadata ?? "{}"), filter: "email contains @" });
    await app.submit(MANAGE_STEPS.review, tampered, {}, "UMEMBER1");
    await app.submit(MANAGE_STEPS.review, (review.private_metadata ?? "").slice(0, 40), {}, "UMEMBER1");
    const dms = await eventually(() => {
      const sent = app.fake
        .callsTo("chat.postMessage")
        .filter((p) => String(p.body.text).includes("couldn't match this submission"));
      return sent.length >= 2 ? sent : undefined;
    });
    expect(dms).toHaveLength(2);
    const after = await app.env.svc.db.select().from(bulkRequests).where(eq(bulkRequests.accountId, app.accountId));
    expect(after).toHaveLength(before.length);
  });
});
