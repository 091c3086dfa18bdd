// `/contacts manage` over signed HTTP for a Swedish, a Dutch and a Polish user: every step's view
// (views.open, then the views each submission pushes), its errors and the answer after the last
// step in the user's Slack language, with that language's numbers and dates, within Slack's modal
// limits; and the upgrade confirmation modal for a Swedish approver. English is home-manage.test.ts.
import type { KnownBlock } from "@slack/types";
import { and, eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPROVE_ACTION } from "../../src/commands/requests-view.ts";
import { bulkRequests, contacts } from "../../src/db/schema.ts";
import { CONFIRM_BLOCK, CONFIRM_INPUT, CONFIRM_VIEW } from "../../src/slack/confirm.ts";
import { MANAGE_STEPS } from "../../src/slack/manage.ts";
import { eventually, startTestApp, type TestApp } from "../helpers/app.ts";
import { modalProblems, viewTexts } from "../helpers/modal-limits.ts";
import { seedContacts } from "../helpers/services.ts";
import { mrkdwnOf, unsafeMarkup } from "../helpers/slack-markup.ts";

let app: TestApp;

const NBSP = "\u00a0";
const USERS = { sv: "USV0001", nl: "UNL0001", pl: "UPL0001" } as const;

beforeAll(async () => {
  app = await startTestApp({ now: "2026-05-15T14:00:00Z", account: { tierLimit: 7000, directLimit: 10 } });
  for (const [user, locale, zone] of [
    [USERS.sv, "sv-SE", "Europe/Stockholm"],
    [USERS.nl, "nl-NL", "Europe/Amsterdam"],
    [USERS.pl, "pl-PL", "Europe/Warsaw"],
    ["UADMIN2", "sv-SE", "Europe/Stockholm"],
  ] as const) {
    app.fake.userLocales.set(user, locale);
    app.fake.userZones.set(user, zone);
  }
  await seedContacts(app.env, app.accountId, 5000, { marketing: true, prefix: "m" });
  await seedContacts(app.env, app.accountId, 1200, { marketing: true, prefix: "b", bounced: true });
  await seedContacts(app.env, app.accountId, 300, { marketing: true, prefix: "u" });
  await app.env.svc.db
    .update(contacts)
    .set({ unsubscribed: true })
    .where(and(eq(contacts.accountId, app.accountId), like(contacts.email, "u%")));
  await seedContacts(app.env, app.accountId, 1000, { marketing: false, prefix: "n" });
});

afterAll(async () => {
  await app?.close();
});

type View = Record<string, unknown> & { callback_id?: string; private_metadata?: string };

/** Words only the English wizard and modal use: none may reach a user in another language. */
const ENGLISH =
  /Manage contacts|Cancel|\bNext\b|Review|Request approval|marketing contacts|Unengaged|Bounced|Unsubscribed|Choose a list|Fields:|Dates in words|Marketing now|Usage after|Saving|Submitting|Confirm tier|Approve and upgrade|Type the number/;

/** A view as Slack got it: within its limits, cut nowhere, in the language; its text, one string. */
function checked(view: View): string {
  expect(modalProblems(view)).toEqual([]);
  const text = viewTexts(view).join("\n");
  expect(text).not.toMatch(ENGLISH);
  for (const t of mrkdwnOf((view.blocks ?? []) as KnownBlock[])) expect(unsafeMarkup(t), t).toBeNull();
  return text;
}

const pushed = (res: { json: unknown }): View => {
  expect(res.json).toMatchObject({ response_action: "push" });
  return (res.json as { view: View }).view;
};

const filterIs = (value: string | null) => ({ filter: { text: { type: "plain_text_input", value } } });

/** Opens the wizard as `user` and submits its first two steps; the views, and the command to read the answer. */
async function openAndChoose(user: string, boxes: ("bounced" | "unsubscribed")[]) {
  const opensBefore = app.fake.callsTo("views.open").length;
  const command = await app.command("manage", user);
  expect(command.status).toBe(200);
  const intro = (await eventually(() => app.fake.callsTo("views.open")[opensBefore])).body.view as View;
  expect(intro.callback_id).toBe(MANAGE_STEPS.intro);
  const step2 = pushed(await app.submit(MANAGE_STEPS.intro, intro.private_metadata ?? "", {}, user));
  expect(step2.callback_id).toBe(MANAGE_STEPS.unengaged);
  const step3 = pushed(
    await app.submit(
      MANAGE_STEPS.unengaged,
      step2.private_metadata ?? "",
      { unengaged: { choice: { type: "checkboxes", selected_options: boxes.map((value) => ({ value })) } } },
      user,
    ),
  );
  expect(step3.callback_id).toBe(MANAGE_STEPS.select);
  return { command, intro, step2, step3 };
}

async function review(user: string, step3: View, filter: string | null) {
  const view = pushed(await app.submit(MANAGE_STEPS.select, step3.private_metadata ?? "", filterIs(filter), user));
  expect(view.callback_id).toBe(MANAGE_STEPS.review);
  return view;
}

async function submitted(user: string, view: View, command: { response: () => Promise<Record<string, unknown>> }) {
  expect((await app.submit(MANAGE_STEPS.review, view.private_metadata ?? "", {}, user)).json).toMatchObject({
    response_action: "clear",
  });
  const answer = String((await command.response()).text);
  const id = /R[A-Z0-9]{5,}/.exec(answer)?.[0] ?? "";
  const [row] = await app.env.svc.db.select().from(bulkRequests).where(eq(bulkRequests.id, id));
  return { answer, row };
}

describe("the manage wizard in the user's language", { timeout: 60_000 }, () => {
  it("Swedish: every step, its errors and the answer, with Swedish numbers and dates", async () => {
    const user = USERS.sv;
    const { command, intro, step2, step3 } = await openAndChoose(user, ["bounced", "unsubscribed"]);
    const one = checked(intro);
    expect((intro.title as { text: string }).text).toBe("Hantera kontakter · 1/4");
    expect(one).toContain("Vad är marknadsföringskontakter?");
    // The next update date where the account decides it (America/New_York) and in the user's zone.
    expect(one).toContain(
      "*nästa uppdateringsdatum*, mån 1 juni 2026 kl. 12:00 GMT−4 (America/New_York); mån 1 juni kl. 18:00 CEST för dig:",
    );
    expect(one).toContain(`Du har *6${NBSP}500* marknadsföringskontakter i ett paket på *7${NBSP}000* (92,9${NBSP}%).`);
    const two = checked(step2);
    expect(two).toContain(`*1${NBSP}500* marknadsföringskontakter har studsat eller avregistrerat sig`);
    expect(two).toContain(`Studsade (1${NBSP}200)`);
    expect(two).toContain("Avregistrerade från all e-post (300)");
    const three = checked(step3);
    expect(three).toContain("Eller en lista eller ett filter");
    expect(three).toContain(
      "Fält: email, domain, source, lifecycle, created, last_engaged, bounced, unsubscribed, list.",
    );

    // Errors beside the filter, in Swedish with Swedish numbers.
    const tooLong = await app.submit(
      MANAGE_STEPS.select,
      step3.private_metadata ?? "",
      filterIs(`email contains ${"x".repeat(1100)}`),
      user,
    );
    expect(tooLong.json).toEqual({
      response_action: "errors",
      errors: {
        filter: `Ett filter här får vara högst 1${NBSP}000 tecken (det här har 1${NBSP}115). Använd en lista, eller \`/contacts bulk non-marketing where …\`.`,
      },
    });
    const none = await app.submit(
      MANAGE_STEPS.select,
      JSON.stringify({ bounced: false, unsubscribed: false }),
      filterIs(null),
      user,
    );
    expect(none.json).toEqual({
      response_action: "errors",
      errors: { filter: "Välj inte engagerade kontakter i steg 2, en lista eller ett filter." },
    });

    const view = await review(user, step3, null);
    const four = checked(view);
    expect((view.submit as { text: string }).text).toBe("Begär godkännande");
    expect(four).toContain(
      `*1${NBSP}500* marknadsföringskontakter matchar: inte engagerade kontakter (studsade eller avregistrerade).`,
    );
    expect(four).toContain(`*Marknadsföringskontakter nu:* 6${NBSP}500 av 7${NBSP}000`);
    expect(four).toContain(`för dig: 1${NBSP}500 (med dem som redan väntar sjunker antalet till 5${NBSP}000)`);
    expect(four).toContain(`*Användning efteråt:* 71,4${NBSP}% av 7${NBSP}000`);
    expect(four).toContain(
      `*Besparing:* Ingen besparing än: 5${NBSP}000 kontakter behöver fortfarande paketet på 7${NBSP}000.`,
    );

    const { answer, row } = await submitted(user, view, command);
    expect(row?.count).toBe(1500);
    expect(row?.origin).toBe("manage");
    expect(answer).toBe(
      `Begäran ${row?.id} (1${NBSP}500 kontakter till icke-marknadsföring) är publicerad i <#CAPPROVALS> för en administratör att godkänna.`,
    );
  });

  it("Dutch: one box, then a filter typed with markup that stays text; Dutch numbers and dates", async () => {
    const user = USERS.nl;
    const { command, intro, step2, step3 } = await openAndChoose(user, ["bounced"]);
    const one = checked(intro);
    expect((intro.title as { text: string }).text).toBe("Contacten beheren · 1/4");
    expect(one).toContain(
      "*volgende updatedatum*, ma 1 juni 2026 om 12:00 EDT (America/New_York); ma 1 juni om 18:00 CEST voor jou:",
    );
    expect(one).toContain("Je hebt *6.500* marketingcontacten in een pakket van *7.000* (92,9%).");
    expect(checked(step2)).toContain("Gebounced (1.200)");
    expect(checked(step3)).toContain("Velden: email, domain");

    const noMatch = await app.submit(
      MANAGE_STEPS.select,
      step3.private_metadata ?? "",
      filterIs('email contains "<!channel> *x*"'),
      user,
    );
    expect(noMatch.json).toEqual({
      response_action: "errors",
      errors: {
        filter:
          'Geen enkel marketingcontact komt overeen met contacten waarvoor email contains "<!channel> *x*" (wachtende tellen al als ingesteld). Kies iets anders.',
      },
    });

    const view = await review(user, step3, 'email contains "m0" and domain != "<!here>*x*"');
    const four = checked(view);
    expect((view.submit as { text: string }).text).toBe("Goedkeuring vragen");
    // The filter as typed, escaped: it can't ping the channel.
    expect(four).toContain(
      '*5.000* marketingcontacten komen overeen: contacten waarvoor email contains m0 and domain != "&lt;!here&gt;*x*".',
    );
    expect(four).toContain("*Nu marketing:* 6.500 van 7.000");
    expect(four).toContain("voor jou: 5.000 (met de al wachtende erbij daalt het aantal naar 1.500)");
    expect(four).toContain("*Gebruik daarna:* 21,4% van 7.000");
    expect(four).toContain(
      `*Besparing:* *US$${NBSP}250,00/maand* minder als je het pakket bij de verlenging verlaagt naar 2.000 (\`/contacts tier downgrade 2000\`); het pakket gaat nooit vanzelf omlaag.`,
    );

    const { answer, row } = await submitted(user, view, command);
    expect(row?.count).toBe(5000);
    expect(answer).toBe(
      `Verzoek ${row?.id} (5.000 contacten niet-marketing) is geplaatst in <#CAPPROVALS> zodat een beheerder het kan goedkeuren.`,
    );
  });

  it("Polish: the unsubscribed box alone, with Polish plurals, numbers and dates", async () => {
    const user = USERS.pl;
    const { command, intro, step2, step3 } = await openAndChoose(user, ["unsubscribed"]);
    const one = checked(intro);
    expect((intro.title as { text: string }).text).toBe("Kontakty · krok 1/4");
    expect(one).toContain(
      "*najbliższej daty aktualizacji*, pon., 1 czerwca 2026 12:00 GMT-4 (America/New_York); u Ciebie pon., 1 czerwca 18:00 CEST:",
    );
    expect(one).toContain(`Masz *6${NBSP}500* kontaktów marketingowych w pakiecie *7${NBSP}000* (92,9%).`);
    const two = checked(step2);
    expect(two).toContain(`*1${NBSP}500* kontaktów marketingowych ma odbite wiadomości`);
    expect(two).toContain(`Odbite (1${NBSP}200)`);
    expect(two).toContain("Wypisane ze wszystkich e-maili (300)");
    expect((step3.submit as { text: string }).text).toBe("Przejrzyj");
    checked(step3);

    const view = await review(user, step3, null);
    const four = checked(view);
    expect((view.submit as { text: string }).text).toBe("Poproś o zatwierdzenie");
    expect(four).toContain("Pasuje *300* kontaktów marketingowych: kontakty, dla których unsubscribed = true.");
    expect(four).toContain(`*Marketingowe teraz:* 6${NBSP}500 z 7${NBSP}000`);
    expect(four).toContain(`*Wykorzystanie potem:* 88,6% z 7${NBSP}000`);
    expect(four).toContain(`Na razie bez oszczędności: 6${NBSP}200 kontaktów nadal wymaga pakietu 7${NBSP}000.`);

    const { answer, row } = await submitted(user, view, command);
    expect(row?.count).toBe(300);
    expect(answer).toBe(
      `Wniosek ${row?.id} (300 kontaktów na niemarketingowe) opublikowano w <#CAPPROVALS> do zatwierdzenia przez administratora.`,
    );
  });
});

describe("the upgrade confirmation modal in the approver's language", { timeout: 60_000 }, () => {
  it("Swedish: the modal, a wrong number refused in Swedish, the right one approves", async () => {
    const ask = await app.command("bulk marketing where email contains n", "UADMIN1");
    const id = /R[A-Z0-9]{5,}/.exec(String((await ask.response()).text))?.[0] ?? "";
    const request = async () => (await app.env.svc.db.select().from(bulkRequests).where(eq(bulkRequests.id, id)))[0];
    const row = await eventually(async () => ((await request())?.slackTs ? await request() : null));
    const opensBefore = app.fake.callsTo("views.open").length;
    await app.click(APPROVE_ACTION, id, "UADMIN2", { channelId: "CAPPROVALS", messageTs: row?.slackTs ?? "" });
    const view = (await eventually(() => app.fake.callsTo("views.open")[opensBefore])).body.view as View;
    expect(view.callback_id).toBe(CONFIRM_VIEW);
    const text = checked(view);
    expect((view.title as { text: string }).text).toBe("Bekräfta uppgradering");
    expect((view.submit as { text: string }).text).toBe("Godkänn och uppgradera");
    expect(text).toContain(
      `Att godkänna *${id}* gör *1${NBSP}000* kontakter till marknadsföringskontakter och uppgraderar paketet från *7${NBSP}000* till *12${NBSP}000* kontakter (1${NBSP}050,00${NBSP}US$ → 1${NBSP}300,00${NBSP}US$/månad).`,
    );
    expect(text).toContain(`En proportionerlig avgift på *2${NBSP}014,73${NBSP}US$* förfaller lör 16 maj 2026.`);
    expect(text).toContain("Skriv antalet kontakter för att bekräfta");

    const typed = (value: string) =>
      app.submit(
        CONFIRM_VIEW,
        view.private_metadata ?? "",
        { [CONFIRM_BLOCK]: { [CONFIRM_INPUT]: { type: "plain_text_input", value } } },
        "UADMIN2",
      );
    expect((await typed("999")).json).toEqual({
      response_action: "errors",
      errors: {
        [CONFIRM_BLOCK]: `Skriv 1${NBSP}000, antalet kontakter i begäran ${id}, för att godkänna uppgraderingen.`,
      },
    });
    expect((await request())?.status).toBe("open");
    // The number as a Swede writes it.
    expect((await typed(`1${NBSP}000`)).status).toBe(200);
    await eventually(async () => (await request())?.status === "executed");
  });
});
