import { WebClient } from "@slack/web-api";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { accounts, bulkRequests } from "../../src/db/schema.ts";
import { type BulkRequestView, requestBulkChange } from "../../src/services/bulk/index.ts";
import { postRequest, postUnpostedRequests } from "../../src/slack/request-poster.ts";
import { createWebClient } from "../../src/slack/web.ts";
import { FakeSlack } from "../helpers/fake-slack.ts";
import { makeAccount, seedContacts, type TestEnv, testEnv } from "../helpers/services.ts";

let env: TestEnv;
let slack: FakeSlack;
beforeAll(async () => {
  env = await testEnv("2026-05-15T14:00:00Z");
  slack = await new FakeSlack().start();
});
afterAll(async () => {
  await slack?.stop();
  await env?.close();
});
afterEach(() => slack.reset());

/** An open request (20 contacts, above the direct-change limit) on an account with an approvals channel. */
async function openRequest(): Promise<BulkRequestView> {
  const { accountId, member } = await makeAccount(env);
  await env.svc.db.update(accounts).set({ approvalsChannel: "C_APPROVALS" }).where(eq(accounts.id, accountId));
  await seedContacts(env, accountId, 20, { bounced: true, marketing: true });
  const { request } = await requestBulkChange(env.svc, member, {
    action: "non-marketing",
    selector: { type: "unengaged" },
    at: null,
  });
  if (!request) throw new Error("no request");
  return request;
}

const row = async (id: string) => (await env.svc.db.select().from(bulkRequests).where(eq(bulkRequests.id, id)))[0];
const slackTs = async (id: string) => (await row(id))?.slackTs;

describe("posting bulk requests to Slack", () => {
  it("a request whose poster died mid-post is posted by a later pass once the claim is old, not before", async () => {
    const request = await openRequest();
    const jobs = createWebClient({ token: "xoxb-test", apiUrl: slack.url });
    await env.svc.db
      .update(bulkRequests)
      // Claimed a minute ago by a poster that then died: its lease runs four more minutes.
      .set({ postClaimToken: "dead", postClaimedUntil: new Date(env.svc.clock.now().getTime() + 4 * 60_000) })
      .where(eq(bulkRequests.id, request.id));
    expect((await postUnpostedRequests(env.svc, jobs)).map((p) => p.id)).not.toContain(request.id);
    expect(slack.callsTo("chat.postMessage")).toHaveLength(0);

    await env.svc.db
      .update(bulkRequests)
      .set({ postClaimedUntil: new Date(env.svc.clock.now().getTime() - 60_000) })
      .where(eq(bulkRequests.id, request.id));
    expect((await postUnpostedRequests(env.svc, jobs)).map((p) => p.id)).toContain(request.id);
    expect(slack.callsTo("chat.postMessage")).toHaveLength(1);
    expect(await slackTs(request.id)).toMatch(/^\d+\.\d+$/);
  });

  it("a request is posted with one try under its claim, even through a client that retries", async () => {
    const request = await openRequest();
    // Bolt's own client: retries for half an hour, longer than the claim lasts.
    const bolt = new WebClient("xoxb-test", { slackApiUrl: slack.url });
    slack.fail("chat.postMessage", { status: 500 });
    await expect(postRequest(env.svc, bolt, request, "C_APPROVALS")).rejects.toThrow();
    expect(slack.callsTo("chat.postMessage")).toHaveLength(1);
    // Claim given back: the next pass posts it.
    expect(await row(request.id)).toMatchObject({ slackTs: null, slackPostedAt: null, postClaimToken: null });

    expect(await postRequest(env.svc, bolt, request, "C_APPROVALS")).toMatchObject({ channel: "C_APPROVALS" });
    expect(slack.callsTo("chat.postMessage")).toHaveLength(2);
  });
});
