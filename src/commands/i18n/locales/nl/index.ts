// Nederlands: dezelfde sleutels en argumenten als en/.
import type { Catalog } from "../en/index.ts";
import { answers } from "./answers.ts";
import { notices } from "./notices.ts";
import { reports } from "./reports.ts";
import { requests } from "./requests.ts";
import { rules } from "./rules.ts";
import { settings } from "./settings.ts";

export const nl: Catalog = { ...notices, ...answers, ...requests, ...settings, ...rules, ...reports };
