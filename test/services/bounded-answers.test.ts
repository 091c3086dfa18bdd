// One command's work and answer stay bounded however much the account holds: listings are cut
// to a page and say so, `usage` covers at most 3 years in at most 400 points, and every answer
// fits Slack's limits (50 blocks, 3,000 characters per section).
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Answer, runCommand } from "../../src/commands/run.ts";
import { rowsOf } from "../../src/db/client.ts";
import type { Actor } from "../../src/services/context.ts";
import { type ChartSeries, chartPoints, usageChartSpec } from "../../src/slack/chart.ts";
import { renderAnswer } from "../../src/slack/render/answer.ts";
import { LIMITS } from "../../src/slack/render/blocks.ts";
import { makeAccount, seedContacts, type TestEnv, testEnv } from "../helpers/services.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv("2026-05-15T14:00:00Z");
});
afterAll(async () => {
  await env?.close();
});

const run = (actor: Actor, text: string) => runCommand(env.svc, { actor, timeZone: "America/New_York", text });

/** The answer fits one Slack message: at most 50 blocks, no section text over 3,000 characters. */
function expectFitsSlack(answer: Answer): void {
  const { blocks } = renderAnswer(answer);
  expect(blocks.length).toBeLessThanOrEqual(LIMITS.blocksPerMessage);
  for (const block of blocks as { text?: { text: string }; elements?: { text: string }[] }[]) {
    if (block.text) expect(block.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
    for (const element of block.elements ?? []) expect(element.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
  }
  expect(answer.text.length).toBeLessThan(40_000);
}

describe("listings are cut to a page and say so", () => {
  it("`lists` with 500 lists shows the first 50 by name, says how many there are and how to narrow", async () => {
    const { accountId, member } = await makeAccount(env);
    await rowsOf(
      env.svc.db,
      sql`insert into lists (account_id, name, created_by)
          select ${accountId}, 'List ' || lpad(i::text, 3, '0'), 'UMEMBER1' from generate_series(1, 500) i`,
    );
    const r = await run(member, "lists");
    expect(r.ok).toBe(true);
    expect(r.data).toMatchObject({ shown: 50, total: 500 });
    expect((r.data.lists as { name: string }[]).map((l) => l.name).slice(0, 2)).toEqual(["List 001", "List 002"]);
    expect(r.text).toContain("Showing the first 50 of 500 lists by name; narrow with `lists <part of a name>`.");
    expect(r.text).not.toContain("List 051");
    expectFitsSlack(r);

    const narrowed = await run(member, "lists 04");
    expect(narrowed.data).toMatchObject({ shown: 15, total: 15 });
    expect(narrowed.text).not.toContain("Showing");
    expect((narrowed.data.lists as { name: string }[])[0]).toEqual({ name: "List 004", size: 0 });
  });

  it("`history` with 5,000 audit events shows the latest 50 and says how to narrow", async () => {
    const { accountId, member } = await makeAccount(env);
    await seedContacts(env, accountId, 1);
    const [contact] = await rowsOf<{ id: number }>(
      env.svc.db,
      sql`select id from contacts where account_id = ${accountId}`,
    );
    await rowsOf(
      env.svc.db,
      sql`insert into audit_events (account_id, at, actor, kind, summary, count, contact_ids)
          select ${accountId}, timestamptz '2026-01-01T00:00:00Z' + i * interval '30 minutes', 'UMEMBER1',
            'status.changed', 'Event ' || i, 1, array[${contact?.id ?? 0}::bigint]
          from generate_series(1, 5000) i`,
    );
    const r = await run(member, "history");
    expect(r.ok).toBe(true);
    expect(r.data).toMatchObject({ shown: 50, total: 5000 });
    expect((r.data.events as { summary: string }[])[0]?.summary).toBe("Event 5000");
    expect(r.text).toContain(
      "Showing the latest 50 of 5,000 events; narrow with an email or `since <date>`, e.g. `history ana@example.com since last monday`.",
    );
    expectFitsSlack(r);

    // Every half hour from 1 January: 1 April, 00:00 in New York is event 4,328.
    const ofContact = await run(member, "history c00001@test.io since 2026-04-01");
    expect(ofContact.data).toMatchObject({ shown: 50, total: 5000 - 4328 + 1 });
    expect(ofContact.text).toContain("Showing the latest 50 of 673 events; narrow with a later `since <date>`.");
    const recent = await run(member, "history since 2026-04-14");
    expect(recent.data).toMatchObject({ shown: 49, total: 49 });
    expect(recent.text).not.toContain("Showing");
  });

  it("`rules`, `requests`, `settings api-key list` and `settings defaults` show at most 50 rows and say how many there are", async () => {
    const { accountId, admin, member } = await makeAccount(env);
    await rowsOf(
      env.svc.db,
      sql`insert into automation_rules (account_id, name, filter, time_zone, action, enabled, created_by, owner_id, created_at)
          select ${accountId}, 'Rule ' || i, 'email contains ' || repeat('x', 3000), 'America/New_York',
            'non-marketing', false, 'UADMIN1', 'UADMIN1', timestamptz '2026-01-01T00:00:00Z' + i * interval '1 minute'
          from generate_series(1, 120) i`,
    );
    const rules = await run(member, "rules");
    expect(rules.data).toMatchObject({ shown: 50, total: 120 });
    expect(rules.text).toContain("Showing the first 50 of 120 rules, oldest first");
    expectFitsSlack(rules);

    await seedContacts(env, accountId, 20, { marketing: true });
    const first = await run(member, "bulk non-marketing where email contains test.io");
    expect(first.ok).toBe(true);
    await rowsOf(
      env.svc.db,
      sql`insert into bulk_requests (id, account_id, requested_by, action, selector, status, count, impact, created_at, expires_at)
          select 'RX' || i, account_id, requested_by, action, selector || repeat(' and more', 300), status, count, impact,
            created_at - i * interval '1 second', expires_at
          from bulk_requests, generate_series(1, 80) i where id = ${String(first.data.requestId)}`,
    );
    const requests = await run(member, "requests");
    expect(requests.data).toMatchObject({ shown: 50, total: 81 });
    expect((requests.data.requests as unknown[]).length).toBe(50);
    expect(requests.text).toContain("Showing the latest 50 of 81 open or approved requests");
    expectFitsSlack(requests);

    await rowsOf(
      env.svc.db,
      sql`insert into api_keys (id, account_id, key_hash, created_by, created_at)
          select 'k_' || i, ${accountId}, 'hash' || ${accountId} || '_' || i, 'UADMIN1',
            timestamptz '2026-01-01T00:00:00Z' + i * interval '1 minute'
          from generate_series(1, 70) i`,
    );
    const keys = await run(admin, "settings api-key list");
    expect(keys.data).toMatchObject({ shown: 50, total: 70 });
    expect((keys.data.keys as { id: string }[]).at(-1)?.id).toBe("k_70");
    expect(keys.text).toContain("Showing the latest 50 of 70 keys.");
    expectFitsSlack(keys);

    for (let i = 0; i < 60; i++) await run(admin, `settings defaults form:f${i} marketing`);
    const defaults = await run(admin, "settings defaults");
    expect(defaults.data.shown).toBe(50);
    expect(defaults.data.total).toBeGreaterThan(60);
    expect(defaults.text).toMatch(/Showing 50 of \d+ defaults/);
    expectFitsSlack(defaults);
  });
});

describe("usage is bounded", () => {
  it("refuses a period that starts more than 3 years back, saying the limit", async () => {
    const { member } = await makeAccount(env);
    const r = await run(member, "usage from 1000-01-01 to 9999-12-31");
    expect(r.ok).toBe(false);
    expect(r.text).toBe(
      "Usage goes back at most 3 years, to 2023-05-15; start there or later, e.g. `usage since 2023-05-15`.",
    );
    expect((await run(member, "usage since 2023-05-14")).ok).toBe(false);
    expect((await run(member, "usage from 2027-01-01 to 2027-02-01")).text).toBe(
      "That period starts after today; usage is recorded up to today.",
    );
  });

  it("3 years of daily snapshots come back as at most 400 points, each the peak of 3 days, and the chart draws at most 400", async () => {
    const { accountId, member } = await makeAccount(env, { contractStart: "2023-01-15" });
    await rowsOf(
      env.svc.db,
      sql`insert into usage_snapshots (account_id, day, marketing_count, pending_count, total_count, tier_limit, taken_at)
          select ${accountId}, d::date, 1000 + (extract(doy from d)::int % 7) * 10, 0, 3000, 2000, d
          from generate_series(timestamptz '2023-05-15T12:00:00Z', timestamptz '2026-05-14T12:00:00Z', interval '1 day') d`,
    );
    const r = await run(member, "usage from 2023-05-15 to 2030-01-01");
    expect(r.ok).toBe(true);
    const series = r.data as unknown as ChartSeries & { daysRecorded: number };
    expect(series).toMatchObject({ from: "2023-05-15", to: "2026-05-15", bucketDays: 3, daysRecorded: 1097 });
    expect(series.points.length).toBeLessThanOrEqual(400);
    expect(series.points.length).toBe(366);
    // Each point is the highest count of its days.
    expect(Math.max(...series.points.map((p) => p.marketingCount))).toBe(1060);
    expect(series.points[0]).toMatchObject({ day: "2023-05-15" });
    expect(r.text).toContain("That is more than 400 days, so each point is the peak of 3 days.");
    expect(r.text).toContain("2023-05-15 to 2023-05-17: peak");
    expectFitsSlack(r);

    expect(chartPoints(series).points.length).toBeLessThanOrEqual(400);
    const spec = usageChartSpec(series) as unknown as { layer: { data: { values: unknown[] } }[] };
    expect(spec.layer[1]?.data.values.length).toBe(2 * 366);
    // The 1st of every month from June 2023 to May 2026.
    expect(spec.layer[0]?.data.values.length).toBe(36);
  });
});
