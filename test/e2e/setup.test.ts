// First run over signed HTTP: App Home on a new account offers setup, the modal validates each
// field in place, saves everything at once, and the approvals channel gets one note on what
// tierkeeper will do.
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, notifications, users } from "../../src/db/schema.ts";
import { HOME_ACTIONS } from "../../src/slack/home.ts";
import { deliverDue, notificationMessage } from "../../src/slack/outbox-sender.ts";
import { SETUP_PLAN_ACTION, SETUP_VIEW } from "../../src/slack/setup.ts";
import { createWebClient, singleTryClient } from "../../src/slack/web.ts";
import { eventually, startTestApp, type TestApp } from "../helpers/app.ts";
import { accountRow, seedContacts } from "../helpers/services.ts";
import { blockOf, setupValues, type View } from "../helpers/setup-modal.ts";
import { interactivityBody, newId, postSigned } from "../helpers/slack-sign.ts";

let app: TestApp;

beforeAll(async () => {
  // A new account: nothing set up, no channels; 1,500 marketing contacts already counted.
  app = await startTestApp({ approvalsChannel: null, account: { createdAt: "2026-05-15T13:00:00Z" } });
  await seedContacts(app.env, app.accountId, 1500, { marketing: true, prefix: "m" });
});

afterAll(async () => {
  await app?.close();
});

describe("first run: App Home → setup modal → saved settings and one note", { timeout: 60_000 }, () => {
  it("offers setup on App Home, validates in place, saves all at once and posts what tierkeeper will do", async () => {
    // A member opening App Home is told whom to ask; an admin gets the button.
    await app.event({ type: "app_home_opened", user: "UMEMBER1", channel: "DUMEMBER1", tab: "home", event_ts: "1.1" });
    const memberHome = await eventually(() =>
      app.fake.callsTo("views.publish").find((c) => c.body.user_id === "UMEMBER1"),
    );
    const memberJson = JSON.stringify((memberHome.body.view as View).blocks);
    expect(memberJson).toContain("isn't set up yet");
    expect(memberJson).toContain("<@UADMIN1>");
    expect(memberJson).not.toContain(HOME_ACTIONS.setup);

    await app.event({ type: "app_home_opened", user: "UADMIN1", channel: "DUADMIN1", tab: "home", event_ts: "1.2" });
    const home = await eventually(() => app.fake.callsTo("views.publish").find((c) => c.body.user_id === "UADMIN1"));
    const homeJson = JSON.stringify((home.body.view as View).blocks);
    expect(homeJson).toContain("Welcome to tierkeeper");
    expect(homeJson).toContain(HOME_ACTIONS.setup);

    // The button opens the setup modal, prefilled; the tier select offers the plan's ladder with prices.
    await app.click(HOME_ACTIONS.setup, "setup", "UADMIN1", { container: "home" });
    const open = await eventually(() => app.fake.callsTo("views.open").at(-1));
    const modal = open.body.view as View;
    expect(modal.callback_id).toBe(SETUP_VIEW);
    expect(modal.title?.text).toBe("Set up tierkeeper");
    const tier = blockOf(modal, "tier_professional");
    expect(tier.element.options[0].text.text).toBe("2,000 contacts — $800.00/month");
    expect(tier.element.options[1].text.text).toBe("7,000 contacts — $1,050.00/month");
    expect(blockOf(modal, "start").element.initial_date).toBe("2026-01-15");
    expect(blockOf(modal, "alert_channel").element.type).toBe("conversations_select");
    expect(blockOf(modal, "billing_contacts").element.type).toBe("multi_users_select");

    // Choosing another plan redraws the tier select with that plan's ladder (views.update).
    const redraw = {
      type: "block_actions",
      user: { id: "UADMIN1", team_id: app.teamId },
      team: { id: app.teamId },
      trigger_id: `${Date.now()}.${newId("")}`,
      view: {
        id: "VSETUP1",
        hash: "h1",
        type: "modal",
        private_metadata: modal.private_metadata,
        state: { values: {} },
      },
      actions: [
        {
          action_id: SETUP_PLAN_ACTION,
          block_id: "plan",
          type: "static_select",
          selected_option: { value: "enterprise" },
        },
      ],
    };
    expect((await postSigned(app.url, interactivityBody(redraw))).status).toBe(200);
    const update = await eventually(() => app.fake.callsTo("views.update").at(-1));
    expect(update.body.view_id).toBe("VSETUP1");
    const redrawn = update.body.view as View;
    expect(blockOf(redrawn, "tier_enterprise").element.initial_option.text.text).toBe(
      "10,000 contacts — $3,600.00/month",
    );

    // Invalid values: each error beside its field, nothing saved.
    const bad = await app.submit(
      SETUP_VIEW,
      modal.private_metadata ?? "",
      setupValues({
        plan: "enterprise",
        tier: "15000",
        term: "monthly",
        start: "2026-02-30",
        timezone: "Mars/Olympus",
        alerts: null,
        approvals: "CAPPROVALS",
        billing: ["UBILL1", "not-a-user"],
        reminders: [3, 1],
      }),
      "UADMIN1",
    );
    expect(bad.json).toMatchObject({
      response_action: "errors",
      errors: {
        tier_enterprise: expect.stringContaining("15,000 is not a tier of the enterprise plan"),
        start: expect.stringContaining("not a real calendar date"),
        timezone: expect.stringContaining("isn't a time zone I know"),
        alert_channel: "Choose the channel for tier alerts.",
        billing_contacts: expect.stringContaining("isn't a Slack user"),
      },
    });
    expect((bad.json as { errors: Record<string, string> }).errors).not.toHaveProperty("approvals_channel");
    // A tier that no longer holds today's count is refused beside the tier.
    const small = await app.submit(
      SETUP_VIEW,
      modal.private_metadata ?? "",
      setupValues({
        plan: "starter",
        tier: "1000",
        term: "monthly",
        start: "2026-03-15",
        timezone: "Europe/Berlin",
        alerts: "CALERTS",
        approvals: "CAPPROVALS",
        billing: [],
        reminders: [],
      }),
      "UADMIN1",
    );
    expect(small.json).toMatchObject({
      response_action: "errors",
      errors: { tier_starter: expect.stringContaining("1,500 marketing contacts, more than 1,000") },
    });
    let account = await accountRow(app.env, app.accountId);
    expect(account.configuredAt).toBeNull();
    expect(account.plan).toBe("professional");

    // Valid values: saved together.
    const good = await app.submit(
      SETUP_VIEW,
      modal.private_metadata ?? "",
      setupValues({
        plan: "enterprise",
        tier: "20000",
        term: "monthly",
        start: "2026-03-15",
        timezone: "Europe/Berlin",
        alerts: "CALERTS",
        approvals: "CAPPROVALS",
        billing: ["UBILL1", "UBILL2"],
        reminders: [7, 2],
      }),
      "UADMIN1",
    );
    expect(good.status).toBe(200);
    expect(good.json).toBeNull();
    account = await accountRow(app.env, app.accountId);
    expect(account).toMatchObject({
      plan: "enterprise",
      tierLimit: 20000,
      term: "monthly",
      contractStart: "2026-03-15",
      timeZone: "Europe/Berlin",
      alertChannel: "CALERTS",
      approvalsChannel: "CAPPROVALS",
      reminderDays: [7, 2],
    });
    expect(account.configuredAt).not.toBeNull();
    const billing = await app.env.svc.db
      .select({ userId: users.userId })
      .from(users)
      .where(and(eq(users.accountId, app.accountId), eq(users.billingContact, true)))
      .orderBy(users.userId);
    expect(billing.map((b) => b.userId)).toEqual(["UBILL1", "UBILL2"]);

    // One note to the approvals channel, through the outbox: what tierkeeper will do and when.
    const notes = await app.env.svc.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.accountId, app.accountId), eq(notifications.kind, "setup")));
    expect(notes).toHaveLength(1);
    expect(notes[0]?.channel).toBe("CAPPROVALS");
    // As Slack gets it.
    const note = notes[0] ? notificationMessage(notes[0]).text : "";
    expect(note).toContain("20,000 marketing contacts on the enterprise plan, $3,700.00/month");
    // Monthly term from 15 March: the next update date is 15 June 2026, noon in Berlin.
    expect(note).toContain("on the 15th of every month, at 12:00 Europe/Berlin time");
    expect(note).toContain("Mon 15 Jun 2026, 12:00 GMT+2 (Europe/Berlin)");
    expect(note).toContain("75 % (15,000), 90 % (18,000), 98 % (19,600)");
    expect(note).toContain("7 days and 2 days before each update date");
    expect(note).toContain("<#CALERTS> and by DM to <@UBILL1>, <@UBILL2>");
    expect(note).not.toMatch(/\bR\d{1,2}\b/);
    const sent = await deliverDue(
      app.env.svc,
      singleTryClient(createWebClient({ token: "xoxb-test", apiUrl: app.fake.url })),
    );
    expect(sent.sent).toBe(1);
    const posted = app.fake.callsTo("chat.postMessage").filter((p) => p.body.channel === "CAPPROVALS");
    expect(posted).toHaveLength(1);
    expect(String(posted[0]?.body.text)).toContain("tierkeeper is set up");

    // App Home now shows the account and "Change settings", which opens the same modal, prefilled.
    const after = await eventually(() => {
      const last = app.fake
        .callsTo("views.publish")
        .filter((c) => c.body.user_id === "UADMIN1")
        .at(-1);
      return last && JSON.stringify(last.body.view).includes("Change settings") ? last : null;
    });
    const afterJson = JSON.stringify((after.body.view as View).blocks);
    expect(afterJson).not.toContain("Welcome to tierkeeper");
    expect(afterJson).toContain("enterprise, 20,000 contacts, $3,700.00/month");
    expect(afterJson).toContain("<#CAPPROVALS>");
    const opens = app.fake.callsTo("views.open").length;
    await app.click(HOME_ACTIONS.setup, "setup", "UADMIN1", { container: "home" });
    const again = (await eventually(() => app.fake.callsTo("views.open")[opens])).body.view as View;
    expect(again.title?.text).toBe("tierkeeper settings");
    expect(blockOf(again, "tier_enterprise").element.initial_option.value).toBe("20000");
    expect(blockOf(again, "approvals_channel").element.initial_conversation).toBe("CAPPROVALS");
    expect(blockOf(again, "billing_contacts").element.initial_users).toEqual(["UBILL1", "UBILL2"]);

    // Saving again changes what changed; no second note.
    const resave = await app.submit(
      SETUP_VIEW,
      again.private_metadata ?? "",
      setupValues({
        plan: "enterprise",
        tier: "20000",
        term: "monthly",
        start: "2026-03-15",
        timezone: "Europe/Berlin",
        alerts: "CALERTS",
        approvals: "CAPPROVALS",
        billing: ["UBILL2"],
        reminders: [7, 2],
      }),
      "UADMIN1",
    );
    expect(resave.json).toBeNull();
    const notesAfter = await app.env.svc.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.accountId, app.accountId), eq(notifications.kind, "setup")));
    expect(notesAfter).toHaveLength(1);
    const removed = await app.env.svc.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.accountId, app.accountId), eq(auditEvents.kind, "user.billing-contacts.remove")));
    expect(removed.map((r) => r.summary)).toEqual(["Removed billing contact <@UBILL1>"]);
  });

  it("`/contacts setup` opens the modal for an admin and tells a member they can't", async () => {
    const before = app.fake.callsTo("views.open").length;
    await app.command("setup", "UADMIN2");
    const admin = (await eventually(() => app.fake.callsTo("views.open")[before])).body.view as View;
    expect(admin.callback_id).toBe(SETUP_VIEW);
    expect(JSON.parse(admin.private_metadata ?? "{}").responseUrl).toMatch(/\/response\//);
    await app.command("setup", "UMEMBER1");
    const member = (await eventually(() => app.fake.callsTo("views.open")[before + 1])).body.view as View;
    expect(member.callback_id).toBeUndefined();
    expect(JSON.stringify(member.blocks)).toContain("Only admins can set tierkeeper up");
  });
});
