import { readFileSync } from "node:fs";
import { fixedClock, systemClock } from "../clock.ts";
import type { Config } from "../config.ts";
import { type Database, openDatabase } from "../db/client.ts";
import { DEFAULT_PRICING, type Pricing, parsePricingFile } from "../domain/pricing.ts";
import { ChangeEvents, Refusal, type Services } from "../services/context.ts";

function loadPricing(file: string | undefined): Pricing {
  if (!file) return DEFAULT_PRICING;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new Refusal(`TIERKEEPER_PRICING: cannot read ${file} as JSON (${(e as Error).message}).`, "invalid");
  }
  const parsed = parsePricingFile(json);
  if (!parsed.ok) throw new Refusal(`TIERKEEPER_PRICING (${file}): ${parsed.error}`, "invalid");
  return parsed.pricing;
}

/** Opens the database (applying migrations) and builds the services every surface shares. */
export async function boot(config: Config): Promise<{ svc: Services; database: Database }> {
  const pricing = loadPricing(config.pricingFile);
  const database = await openDatabase(config.databaseUrl);
  const svc: Services = {
    db: database.db,
    receiveDb: database.receiveDb,
    clock: config.fixedNow ? fixedClock(config.fixedNow) : systemClock,
    pricing,
    configAdmins: config.admins,
    webhookAllowLocal: config.webhookAllowLocal ?? false,
    events: new ChangeEvents(),
  };
  return { svc, database };
}
