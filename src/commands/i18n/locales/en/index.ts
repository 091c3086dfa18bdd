// The English catalog, ICU MessageFormat: the reference every other language must match key for key
// and argument for argument (test/commands/i18n-catalogs.test.ts). One file per part of the product;
// each language's folder has the same files. Arguments: numbers are `{x, number}` or plurals,
// everything else (money, dates, commands, user text) comes in already formatted. `<b>…</b>` is
// bold. Keep every command in an argument: command keywords stay English in every language.
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

export const en = {
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
} as const;

/** Every message: a catalog without one of them does not compile. */
export type MessageKey = keyof typeof en;

/** A language's messages: every key, nothing else. */
export type Catalog = Readonly<Record<MessageKey, string>>;
