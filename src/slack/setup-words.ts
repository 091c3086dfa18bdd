// What the setup modal's submission says in the user's language: an error beside its field and
// the answer after saving (English keeps the services' sentences and the settings command's lines).
import { settingsChangeLines } from "../commands/handlers/settings.ts";
import { isTranslated } from "../commands/i18n/answers.ts";
import type { Locale } from "../commands/i18n/format.ts";
import { worded } from "../commands/i18n/refusals.ts";
import { localSettingsChangeLines } from "../commands/i18n/settings.ts";
import { channel, md, plain, type Rich } from "../commands/rich.ts";
import type { SetupField } from "../domain/setup.ts";
import type { Wording } from "../domain/wording.ts";
import type { SetupResult } from "../services/setup.ts";
import { wizardWords } from "./manage-local.ts";
import { toMrkdwn } from "./render/mrkdwn.ts";

/** An error as the service said it (English), and as data when it has a wording. */
export interface SaidError {
  english: string;
  wording?: Wording;
}

/** The error beside a field: English as said, or in the user's language (never English there). */
export function setupErrorText(locale: Locale | string | undefined, field: SetupField, said: SaidError): string {
  if (!isTranslated(locale)) return said.english;
  const local = said.wording ? worded(locale, said.wording) : null;
  return plain(
    local ?? wizardWords(locale).say("setupModal.unreadable", { field: field === "start" ? "start" : "other" }),
  );
}

/** The answer after saving, as mrkdwn: set up or saved, what changed, and where the note went. */
export function setupAnswerText(locale: Locale | string | undefined, result: SetupResult): string {
  let lines: Rich[];
  if (isTranslated(locale)) {
    const w = wizardWords(locale);
    lines = [
      w.say(result.firstSetup ? "setupModal.done.first" : "setupModal.done.saved"),
      ...localSettingsChangeLines(locale, result),
      ...(result.noteChannel ? [w.say("setupModal.done.note", { channel: channel(result.noteChannel) })] : []),
    ];
  } else {
    lines = [
      md`${result.firstSetup ? "tierkeeper is set up." : "Settings saved."}`,
      ...settingsChangeLines(result),
      ...(result.noteChannel
        ? [md`A note on what tierkeeper will do is on its way to ${channel(result.noteChannel)}.`]
        : []),
    ];
  }
  return lines.map(toMrkdwn).join("\n");
}
