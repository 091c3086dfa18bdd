// Nederlands: dezelfde sleutels en argumenten als en/.
import type { Catalog } from "../en/index.ts";
import { answers } from "./answers.ts";
import { chart } from "./chart.ts";
import { commands } from "./commands.ts";
import { events } from "./events.ts";
import { help } from "./help.ts";
import { home } from "./home.ts";
import { invalid } from "./invalid.ts";
import { notices } from "./notices.ts";
import { refusals } from "./refusals.ts";
import { reports } from "./reports.ts";
import { requests } from "./requests.ts";
import { rules } from "./rules.ts";
import { selectors } from "./selectors.ts";
import { settings } from "./settings.ts";
import { setup } from "./setup.ts";
import { wizard } from "./wizard.ts";

export const nl: Catalog = {
  ...notices,
  ...answers,
  ...requests,
  ...selectors,
  ...wizard,
  ...home,
  ...help,
  ...chart,
  ...commands,
  ...refusals,
  ...settings,
  ...rules,
  ...reports,
  ...setup,
  ...invalid,
  ...events,
};
