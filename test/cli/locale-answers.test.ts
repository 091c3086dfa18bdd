// A terminal answers in --locale: `tierkeeper run "tier" --locale pl` prints Polish, with Polish
// numbers and dates; without it, the same answer in English as before.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tierkeeperIn } from "../helpers/cli.ts";
import { makeAccount, seedContacts, type TestEnv, testEnv } from "../helpers/services.ts";

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv();
  const { accountId } = await makeAccount(env);
  await seedContacts(env, accountId, 1_234, { marketing: true });
});
afterAll(async () => {
  await env?.close();
});

const tierkeeper = (...argv: string[]) => tierkeeperIn(env.svc, ...argv);

describe("tierkeeper run answers in --locale", () => {
  it('`run "tier" --locale pl` prints Polish', async () => {
    const pl = await tierkeeper("run", "tier", "--user", "UADMIN1", "--locale", "pl");
    expect(pl.err).toBe("");
    expect(pl.code).toBe(0);
    const lines = pl.out.split("\n");
    expect(lines[0]).toBe("Pakiet kontaktów");
    expect(lines[1]).toMatch(/^Kontakty marketingowe: 1\u00a0234 z \d/);
    expect(pl.out).toMatch(/^Najbliższa aktualizacja: \S+ \d+ \S+ \d{4} 12:00 /m);
    expect(pl.out).toMatch(/^Wszystkie kontakty: 1\u00a0234, w tym niemarketingowe: 0$/m);
    expect(pl.out).not.toMatch(/Marketing contacts|Next update/);
  });

  it("stays English without --locale", async () => {
    const en = await tierkeeper("run", "tier", "--user", "UADMIN1");
    expect(en.out.split("\n")[0]).toBe("Contact tier");
    expect(en.out).toMatch(/^Marketing contacts: 1,234 of /m);
  });
});
