// A refusal's wording (a catalog key and its arguments, src/domain/wording.ts) as rich text in a
// language: numbers in the language's format, commands as code, users as mentions, and text as it
// was typed (an argument, never part of a pattern). English keeps the service's own sentence.
import type { Wording, WordingArg } from "../../domain/wording.ts";
import { code, mention, type Rich } from "../rich.ts";
import { type Locale, type LocalFormat, localFormat } from "./format.ts";
import { en, type MessageKey } from "./locales/en/index.ts";
import { type MessageArg, message } from "./messages.ts";

const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(en, key);

function argOf(locale: Locale, value: WordingArg, f: LocalFormat): MessageArg {
  if (typeof value === "number" || typeof value === "string") return value;
  if ("code" in value) return code(value.code);
  if ("user" in value) return mention(value.user);
  if ("sentence" in value) return (value.wording && worded(locale, value.wording)) || [value.sentence];
  return value.numbers.map((x) => (x === "…" ? x : f.n(x))).join(", ");
}

/** The wording in the language, or null when the catalogs have no such message. */
export function worded(locale: Locale, w: Wording): Rich | null {
  if (!isMessageKey(w.key)) return null;
  const f = localFormat(locale);
  const args: Record<string, MessageArg> = {};
  for (const [name, value] of Object.entries(w.args ?? {})) args[name] = argOf(locale, value, f);
  return message(locale, w.key, args);
}
