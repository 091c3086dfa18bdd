// Polski: te same klucze i argumenty co w en/.
// Liczby mnogie: one (1), few (2–4, 22–24…), many (0, 5–21…), other (ułamki).
import type { Catalog } from "../en/index.ts";
import { answers } from "./answers.ts";
import { notices } from "./notices.ts";
import { reports } from "./reports.ts";
import { requests } from "./requests.ts";
import { rules } from "./rules.ts";
import { settings } from "./settings.ts";

export const pl: Catalog = { ...notices, ...answers, ...requests, ...settings, ...rules, ...reports };
