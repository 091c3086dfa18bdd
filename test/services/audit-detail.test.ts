// The facts a real import keeps with its audit events are enough to word every one of them in
// each language (test/commands/i18n-events.test.ts checks the wording itself).
import { createReadStream } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { wordEvent } from "../../src/commands/i18n/events.ts";
import { plain } from "../../src/commands/rich.ts";
import { auditHistory } from "../../src/services/audit.ts";
import { importCsv } from "../../src/services/import/index.ts";
import { makeAccount, type TestEnv, testEnv } from "../helpers/services.ts";

const FIXTURE = fileURLToPath(new URL("../fixtures/hubspot-contacts.csv", import.meta.url));

let env: TestEnv;
beforeAll(async () => {
  env = await testEnv("2026-05-15T14:00:00Z");
});
afterAll(async () => {
  await env?.close();
});

describe("audit events of an import", () => {
  it("keep the facts their sentences need: each is worded in sv, nl and pl", async () => {
    const { accountId, member } = await makeAccount(env);
    await importCsv(env.svc, member, createReadStream(FIXTURE), { fileName: "vår.csv", list: "Vårwebbinarium" });
    const events = await auditHistory(env.svc.db, { accountId });
    expect(events.map((e) => e.kind).sort()).toEqual([
      "contact.created",
      "import.finished",
      "list.added",
      "list.created",
    ]);
    for (const e of events) {
      for (const locale of ["sv", "nl", "pl"] as const) {
        const worded = wordEvent(locale, e, "Europe/Stockholm");
        expect(worded, `${e.kind} ${locale}: ${e.summary}`).not.toBeNull();
        expect(plain(worded ?? [])).not.toBe(e.summary);
      }
    }
    const sv = events.map((e) => plain(wordEvent("sv", e, "Europe/Stockholm") ?? [])).join("\n");
    expect(sv).toContain("Skapade 4 kontakter från import #");
    expect(sv).toContain(" (vår.csv) (0 marknadsföring, 4 icke-marknadsföring)");
    expect(sv).toContain(
      "Importerade vår.csv: 4 skapade, 0 uppdaterade, 0 oförändrade, 3 avvisade; listan ”Vårwebbinarium”",
    );
    expect(sv).toContain("Skapade listan ”Vårwebbinarium” för en import");
    expect(sv).toContain("Lade till 4 importerade kontakter i en lista");
  });
});
