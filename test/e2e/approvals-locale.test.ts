// A bulk request and its approval in the team's language: the requester's answer and the
// approver's in their Slack language, the approvals-channel message (buttons, tier impact), its
// update after a decision and the requester's DM in the account's (`settings language`), with the
// language's numbers, money and dates, within Slack's limits. English is approvals.test.ts.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APPROVE_ACTION, REJECT_ACTION } from "../../src/commands/requests-view.ts";
import { bulkRequests } from "../../src/db/schema.ts";
import { eventually, startTestApp, type TestApp } from "../helpers/app.ts";
import { seedContacts } from "../helpers/services.ts";
import { expectWithinSlackLimits } from "../helpers/slack-markup.ts";

let app: TestApp;

const NBSP = "\u00a0";

beforeAll(async () => {
  app = await startTestApp({ now: "2026-05-15T14:00:00Z", account: { tierLimit: 2000 } });
  for (const [user, locale, zone] of [
    ["UMEMBER1", "sv-SE", "Europe/Stockholm"],
    ["UADMIN2", "sv-SE", "Europe/Stockholm"],
    ["UADMIN1", "pl-PL", "Europe/Warsaw"],
  ] as const) {
    app.fake.userLocales.set(user, locale);
    app.fake.userZones.set(user, zone);
  }
  await seedContacts(app.env, app.accountId, 1990, { marketing: true, prefix: "m" });
  await seedContacts(app.env, app.accountId, 200, { marketing: false, prefix: "n" });
});

afterAll(async () => {
  await app?.close();
});

interface Block {
  type: string;
  text?: { text: string };
  fields?: { text: string }[];
  elements?: { text?: string | { text: string } }[];
}

interface Message {
  text: string;
  blocks: Block[];
  all: string;
}

function within(body: { text?: unknown; blocks?: unknown }): Message {
  const text = String(body.text);
  const blocks = (body.blocks ?? []) as Block[];
  expectWithinSlackLimits(text, blocks, "message");
  return { text, blocks, all: JSON.stringify(blocks) };
}

const ask = async (text: string, user: string): Promise<Message> =>
  within((await (await app.command(text, user)).response()) as { text?: unknown; blocks?: unknown });

const request = async (id: string) =>
  (await app.env.svc.db.select().from(bulkRequests).where(eq(bulkRequests.id, id)))[0];

/** The request's id from its answer, once its message is in the approvals channel. */
async function posted(answer: Message): Promise<{ id: string; ts: string; post: Message }> {
  const id = /R[A-Z0-9]{5,}/.exec(answer.text)?.[0];
  expect(id, answer.text).toBeDefined();
  const row = await eventually(async () => {
    const x = await request(id as string);
    return x?.slackTs && /^\d+\.\d+$/.test(x.slackTs) ? x : null;
  });
  const call = app.fake
    .callsTo("chat.postMessage")
    .find((c) => c.body.channel === "CAPPROVALS" && JSON.stringify(c.body.blocks).includes(id as string));
  expect(call).toBeDefined();
  return { id: id as string, ts: row.slackTs as string, post: within(call?.body ?? {}) };
}

const updated = async (ts: string, n: number) =>
  within((await eventually(() => app.fake.callsTo("chat.update").filter((c) => c.body.ts === ts)[n - 1])).body);

const dmTo = async (user: string, id: string) =>
  within(
    (
      await eventually(() =>
        app.fake
          .callsTo("chat.postMessage")
          .find((c) => c.body.channel === `D${user}` && String(c.body.text).includes(id)),
      )
    ).body,
  );

describe("a bulk request and its approval in the team's language", { timeout: 60_000 }, () => {
  it("Swedish: the requester's answer, the channel message with its buttons, the approval and the DM", async () => {
    expect((await ask("settings language sv", "UADMIN1")).text).toContain("`language` ma teraz wartość sv (było en).");

    const answer = await ask("bulk marketing where email contains n0000", "UMEMBER1");
    expect(answer.text).toContain(":inbox_tray: Begäran R");
    expect(answer.text).toContain("väntar på godkännande: ändra 9 kontakter till marknadsföring");
    expect(answer.text).toContain(`Marknadsföringskontakter: 1${NBSP}990 → 1${NBSP}999`);
    expect(answer.text).toContain(`Användning: 99,5${NBSP}% → 100${NBSP}% av 2${NBSP}000`);
    expect(answer.text).toContain("Paket: ingen uppgradering");
    expect(answer.text).toContain("Publicerad i <#CAPPROVALS> för en administratör att godkänna.");
    expect(answer.text).not.toMatch(/Bulk request|waiting for approval|Marketing count/);

    const { id, ts, post } = await posted(answer);
    expect(post.text).toBe(
      `Massbegäran ${id} från <@UMEMBER1>: ändra 9 kontakter till marknadsföring (kontakter där email contains n0000).`,
    );
    expect(post.all).toContain(`*Massbegäran ${id}* från <@UMEMBER1>`);
    expect(post.all).toContain("*Gäller från*\\ndirekt vid godkännande");
    expect(post.all).toContain('"text":"Godkänn"');
    expect(post.all).toContain('"text":"Avslå"');
    expect(post.all).toContain(APPROVE_ACTION);
    // The channel reads the account's zone (America/New_York), in Swedish.
    expect(post.all).toContain("Upphör fre 22 maj 2026 kl. 10:00 GMT−4 om ingen administratör beslutar.");

    const click = await app.click(APPROVE_ACTION, id, "UADMIN2", { channelId: "CAPPROVALS", messageTs: ts });
    expect(click.status).toBe(200);
    await eventually(async () => (await request(id))?.status === "executed");
    const update = await updated(ts, 1);
    expect(update.text).toContain("Godkänd av <@UADMIN2> fre 15 maj 2026 kl. 10:00 GMT−4 och genomförd.");
    expect(update.all).toContain(":white_check_mark: Godkänd av <@UADMIN2>");
    expect(update.all).not.toContain(APPROVE_ACTION);
    const dm = await dmTo("UMEMBER1", id);
    expect(dm.text).toBe(
      `Din massbegäran ${id} (ändra 9 kontakter till marknadsföring (kontakter där email contains n0000)): Godkänd av <@UADMIN2> fre 15 maj 2026 kl. 10:00 GMT−4 och genomförd.`,
    );

    // A second click hears, in the clicker's language and zone, that it was already decided.
    const again = within(await (await app.click(APPROVE_ACTION, id, "UADMIN2")).response());
    expect(again.text).toBe(
      `Begäran ${id} var redan beslutad: Godkänd av <@UADMIN2> fre 15 maj 2026 kl. 16:00 CEST och genomförd. Inget ändrades. Meddelandet visar nu utfallet.`,
    );
  });

  it("Polish channel, Polish requester, Swedish approver: each reads their language, with the tier upgrade's money", async () => {
    await ask("settings language pl", "UADMIN1");
    const answer = await ask("bulk marketing where email contains n001", "UADMIN1");
    expect(answer.text).toContain("czeka na zatwierdzenie: zmiana 100 kontaktów na marketingowe");
    expect(answer.text).toContain("Zmiana pakietu na wyższy: :rotating_light: 2");
    expect(answer.text).toMatch(/USD\/miesiąc; proporcjonalna opłata [\d\s\u00a0,]+USD płatna/);
    expect(answer.text).not.toMatch(/Bulk request|Tier upgrade|prorated/);

    const { id, ts, post } = await posted(answer);
    expect(post.all).toContain(`*Wniosek zbiorczy ${id}* od <@UADMIN1>`);
    expect(post.all).toContain('"text":"Zatwierdź"');
    expect(post.all).toContain('"text":"Odrzuć"');
    expect(post.all).toContain(`*Liczba kontaktów marketingowych*\\n1${NBSP}999 → 2${NBSP}099`);
    expect(post.all).toContain("Nie można tego cofnąć przed odnowieniem.");

    // The Swedish admin rejects it by button: the channel and the requester read Polish.
    await app.click(REJECT_ACTION, id, "UADMIN2", { channelId: "CAPPROVALS", messageTs: ts });
    await eventually(async () => (await request(id))?.status === "rejected");
    const update = await updated(ts, 1);
    expect(update.all).toContain(":x: Odrzucony przez <@UADMIN2>");
    expect(update.all).not.toContain(REJECT_ACTION);
    expect((await dmTo("UADMIN1", id)).text).toContain(`Twój wniosek zbiorczy ${id} (zmiana 100 kontaktów`);

    // A non-marketing request approved by a typed `approve`: the Swedish approver's answer is Swedish.
    const nm = await posted(await ask("bulk non-marketing where email contains m000", "UADMIN1"));
    const decided = await ask(`approve ${nm.id}`, "UADMIN2");
    expect(decided.text).toContain(`Begäran ${nm.id} godkändes: 99 kontakter förblir marknadsföringskontakter till`);
    expect(decided.text).toContain("för dig och blir sedan icke-marknadsföring.");
    expect(decided.text).toContain(`Marknadsföringskontakter: 1${NBSP}999 av 2${NBSP}000.`);
    const nmUpdate = await updated(nm.ts, 1);
    expect(nmUpdate.all).toContain(":white_check_mark: Zatwierdzony przez <@UADMIN2>");
    expect(nmUpdate.all).toContain("*Obowiązuje*\\nw dniu aktualizacji pon., 1 czerwca 2026");
  });

  it("Dutch channel: the request's message with its buttons, the upgrade's money and the expiry", async () => {
    await ask("settings language nl", "UADMIN1");
    const { id, post } = await posted(await ask("bulk marketing where email contains n0002", "UMEMBER1"));
    expect(post.text).toBe(
      `Bulkverzoek ${id} van <@UMEMBER1>: 10 contacten marketing maken (contacten waarvoor email contains n0002).`,
    );
    expect(post.all).toContain('"text":"Goedkeuren"');
    expect(post.all).toContain('"text":"Afwijzen"');
    expect(post.all).toContain("*Aantal marketingcontacten*\\n1.999 → 2.009");
    expect(post.all).toContain(
      `*Pakketupgrade*\\n:rotating_light: 2.000 → 7.000 contacten, US$${NBSP}800,00 → US$${NBSP}1.050,00/maand; naar rato berekende kosten US$${NBSP}2.014,73 verschuldigd op za 16 mei 2026.`,
    );
    expect(post.all).toContain("Verloopt vr 22 mei 2026 om 10:00 EDT tenzij een beheerder beslist.");
  });
});
