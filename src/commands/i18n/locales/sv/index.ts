// Svenska: samma nycklar och argument som en/.
import type { Catalog } from "../en/index.ts";
import { answers } from "./answers.ts";
import { commands } from "./commands.ts";
import { notices } from "./notices.ts";
import { refusals } from "./refusals.ts";
import { requests } from "./requests.ts";

export const sv: Catalog = { ...notices, ...answers, ...requests, ...commands, ...refusals };
