// Every command kind and its handler, in one table the compiler checks: a kind without a handler,
// or a handler for the wrong kind, does not build. To add a subcommand: its grammar in
// src/domain/command, its handler in handlers/<topic>.ts, its row here.
import type { Command } from "../domain/command/index.ts";
import type { Services } from "../services/context.ts";
import type { Answer } from "./answer.ts";
import type { Handler, Handlers, Invocation } from "./handler.ts";
import { canMarketHandler, remove, set, status } from "./handlers/contacts.ts";
import { listAdd, listCreate, lists } from "./handlers/lists.ts";
import { help, importHandler, manage } from "./handlers/misc.ts";
import { downgrade, roles } from "./handlers/people.ts";
import { forecast, history, nextUpdateHandler, tier, usage } from "./handlers/reports.ts";
import { bulk, decide, requests } from "./handlers/requests.ts";
import { rules, rulesAdd, rulesToggle } from "./handlers/rules.ts";
import { apiKey, defaults, settings, settingsSet, setup } from "./handlers/settings.ts";
import { webhook } from "./handlers/webhooks.ts";

export const handlers = {
  help,
  status,
  "can-market": canMarketHandler,
  set,
  bulk,
  delete: remove,
  manage,
  tier,
  forecast,
  "next-update": nextUpdateHandler,
  usage,
  history,
  lists,
  "list-create": listCreate,
  "list-add": listAdd,
  rules,
  "rules-add": rulesAdd,
  "rules-toggle": rulesToggle,
  requests,
  approve: decide,
  reject: decide,
  settings,
  "settings-set": settingsSet,
  "settings-api-key": apiKey,
  "settings-webhook": webhook,
  "settings-defaults": defaults,
  setup,
  access: roles,
  admins: roles,
  "billing-contacts": roles,
  "tier-downgrade": downgrade,
  "tier-downgrade-cancel": downgrade,
  import: importHandler,
} satisfies Handlers;

/** Runs the command's handler. */
export function dispatch(svc: Services, inv: Invocation, c: Command): Promise<Answer> {
  const handler = handlers[c.kind] as Handler;
  return handler(svc, inv, c);
}
