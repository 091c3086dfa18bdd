import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../../src/db/client.ts";
import { startTestApp, type TestApp } from "../helpers/app.ts";
import { seedContacts } from "../helpers/services.ts";
import { newId, postSigned, postSignedFromOutside, slashCommandBody } from "../helpers/slack-sign.ts";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({
    apiRoutes: [{ path: "/api/ping", method: "GET", handler: (_req, res) => res.writeHead(200).end("pong") }],
  });
  await seedContacts(app.env, app.accountId, 50_000, { marketing: true, prefix: "big" });
}, 120_000);

afterAll(async () => {
  await app?.close();
});

const pending = async (email: string) =>
  (
    await rowsOf<{ p: boolean }>(
      app.env.svc.db,
      sql`select s.pending_since is not null as p from contacts c join contact_status s on s.contact_id = c.id where c.email = ${email}`,
    )
  )[0]?.p;
const requestCount = async () =>
  (await rowsOf<{ n: number }>(app.env.svc.db, sql`select count(*)::int as n from bulk_requests`))[0]?.n ?? 0;
const settle = () => new Promise((r) => setTimeout(r, 400));

describe("Slack request verification and retries", () => {
  it("a wrong signature is rejected with 401 and no listener runs", async () => {
    const c = await app.command("set non-marketing big00001@test.io", "UADMIN1", { secret: "not-the-signing-secret" });
    expect(c.status).toBe(401);
    await settle();
    expect(app.fake.responsesTo(c.responseId)).toHaveLength(0);
    expect(await pending("big00001@test.io")).toBe(false);
  });

  it("a missing signature is rejected with 401", async () => {
    const body = slashCommandBody({
      text: "tier",
      userId: "UADMIN1",
      teamId: app.teamId,
      responseUrl: app.fake.responseUrl("nosig"),
    });
    const res = await fetch(app.url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body,
    });
    expect(res.status).toBe(401);
  });

  it("a timestamp older than 5 minutes is rejected with 401 and changes nothing", async () => {
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const c = await app.command("set non-marketing big00002@test.io", "UADMIN1", { timestamp: sixMinutesAgo });
    expect(c.status).toBe(401);
    await settle();
    expect(app.fake.responsesTo(c.responseId)).toHaveLength(0);
    expect(await pending("big00002@test.io")).toBe(false);
  });

  it("a retried or redelivered slash command never makes a second request", async () => {
    const before = await requestCount();
    const triggerId = `trg.${newId("")}`;
    const first = await app.command("bulk non-marketing where email contains big0000", "UADMIN1", { triggerId });
    await first.response();
    const retry = await app.command("bulk non-marketing where email contains big0000", "UADMIN1", {
      triggerId,
      retryNum: 1,
    });
    const duplicate = await app.command("bulk non-marketing where email contains big0000", "UADMIN1", { triggerId });
    expect([retry.status, duplicate.status]).toEqual([200, 200]);
    await settle();
    expect(await requestCount()).toBe(before + 1);
    expect(app.fake.responsesTo(retry.responseId)).toHaveLength(0);
    expect(app.fake.responsesTo(duplicate.responseId)).toHaveLength(0);
  });

  it("acks well inside 3 s while a 50,000-contact bulk preview is still being computed", async () => {
    const responseId = newId("big");
    const body = slashCommandBody({
      text: "bulk non-marketing where domain = test.io",
      userId: "UADMIN1",
      teamId: app.teamId,
      responseUrl: app.fake.responseUrl(responseId),
    });
    const ack = await postSignedFromOutside(app.url, body);
    expect(ack.status).toBe(200);
    expect(ack.ackedAt - ack.sentAt).toBeLessThan(2000);
    const r = await app.fake.waitForResponse(responseId, 30_000);
    // 49,991 when the retry test above has already flagged 9 of them directly.
    expect(String(r.text)).toMatch(/set (50,000|49,991) contacts non-marketing/);
    const respondedAt = app.fake.responses.find((x) => x.id === responseId)?.at ?? 0;
    // The ack reached Slack's side before the answer was posted to response_url.
    expect(ack.ackedAt).toBeLessThan(respondedAt);
  });

  it("serves the extra routes it is given beside /slack/events", async () => {
    const res = await fetch(`${app.base}/api/ping`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe("pong");
  });

  it("url_verification is answered with the challenge (Slack's Events API handshake)", async () => {
    const res = await postSigned(
      app.url,
      JSON.stringify({ type: "url_verification", token: "x", challenge: "c-123" }),
      { contentType: "json" },
    );
    expect(res.status).toBe(200);
    expect(res.text).toContain("c-123");
  });
});
