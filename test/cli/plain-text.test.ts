// The CLI prints what people typed exactly as they typed it, though Slack gets it escaped.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tierkeeperIn } from "../helpers/cli.ts";
import { makeAccount, type TestEnv, testEnv } from "../helpers/services.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
  await makeAccount(env);
});
afterAll(async () => {
  await env?.close();
});

const tierkeeper = (...argv: string[]) => tierkeeperIn(env.svc, ...argv);

describe("tierkeeper run prints user text as typed", () => {
  const NAME = "Q&A <beta> <@U1>";

  it("a list named with &, <, > and a mention is printed exactly, in answers and refusals", async () => {
    const created = await tierkeeper("run", `list create "${NAME}"`, "--user", "UADMIN1");
    expect(created).toEqual({ code: 0, out: `Created the list "${NAME}".`, err: "" });
    const lists = await tierkeeper("run", "lists", "--user", "UADMIN1");
    expect(lists.out).toBe(`Lists\n• ${NAME} — 0 contacts`);
    const again = await tierkeeper("run", `list create "${NAME}"`, "--user", "UADMIN1");
    expect(again).toEqual({ code: 1, out: "", err: `A list named "${NAME}" already exists.` });
  });

  it("--json keeps the data and the text as typed, and the blocks as Slack gets them", async () => {
    const r = await tierkeeper("run", "lists", "--user", "UADMIN1", "--json");
    const json = JSON.parse(r.out) as { text: string; blocks: unknown[]; data: { lists: { name: string }[] } };
    expect(json.data.lists.map((l) => l.name)).toEqual([NAME]);
    expect(json.text).toContain(NAME);
    expect(JSON.stringify(json.blocks)).toContain("Q&amp;A &lt;beta&gt; &lt;@U1&gt;");
    expect(JSON.stringify(json.blocks)).not.toContain(NAME);
  });
});
