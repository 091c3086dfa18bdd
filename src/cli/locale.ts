// The language dates are typed in, in a terminal: `--locale`, or the terminal's own (LC_ALL,
// LC_MESSAGES, LANG, as POSIX orders them). Added to the arguments before anything else, so a
// command forwarded to the running service is read in the language of the terminal that typed it.
import { isDateLocale } from "../domain/dates.ts";

/** `sv_SE.UTF-8` → `sv`; null for English, C/POSIX, or a language dates are not read in. */
export function localeOfEnv(env: NodeJS.ProcessEnv): string | null {
  const tag = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  const language = tag.slice(0, 2).toLowerCase();
  return isDateLocale(language) && language !== "en" ? language : null;
}

/** `run …` without `--locale` gets the terminal's language, when it is one dates are read in. */
export function withLocaleFromEnv(argv: string[], env: NodeJS.ProcessEnv): string[] {
  if (argv[0] !== "run" || argv.some((a) => a === "--locale" || a.startsWith("--locale="))) return argv;
  const locale = localeOfEnv(env);
  return locale ? [...argv, "--locale", locale] : argv;
}
