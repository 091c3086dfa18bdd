// Runs one `/contacts` command text as a user: parse, dispatch through the registry, answer. The
// same path serves Slack, the CLI and the tests; it never throws for bad input.
import { parseCommand } from "../domain/command/index.ts";
import { ensureUser } from "../services/accounts.ts";
import { NeedsConfirmation } from "../services/bulk/index.ts";
import type { Services } from "../services/context.ts";
import { Refusal } from "../services/context.ts";
import { type Answer, note, refusal } from "./answer.ts";
import type { Invocation } from "./handler.ts";
import { isTranslated } from "./i18n/answers.ts";
import type { Locale } from "./i18n/format.ts";
import { localUsage } from "./i18n/help.ts";
import { worded } from "./i18n/refusals.ts";
import { dispatch } from "./registry.ts";
import { fromOurMarkup, join, plain, type Rich } from "./rich.ts";

/**
 * A Refusal's sentence: in the user's language when it has a wording and the language is one of
 * the catalogs'; else the English sentence, ours with mentions and code when it says so, else plain
 * text (it may quote the user).
 */
export function refusalText(e: Refusal, locale?: Locale | string): Rich {
  const local = isTranslated(locale) && e.wording ? worded(locale, e.wording) : null;
  return local ?? (e.markup ? fromOurMarkup(e.message) : [e.message]);
}

/** A Refusal as an answer (exit 1 in the CLI), in the user's language; its `--json` error stays English. */
export const refusalAnswer = (e: Refusal, locale?: Locale | string): Answer => ({
  ...refusal(refusalText(e, locale), e.kind),
  data: { error: plain(refusalText(e)) },
});

/** Parses and runs one `/contacts` command text as the actor. Never throws for bad input. */
export async function runCommand(svc: Services, inv: Invocation): Promise<Answer> {
  const parsed = parseCommand(inv.text, { now: svc.clock.now(), timeZone: inv.timeZone, locale: inv.locale });
  if (!parsed.ok) {
    if (!isTranslated(inv.locale)) return refusal(parsed.error, "invalid", parsed.usage);
    // The error in the user's language when it has a wording (else as the grammar said it), the
    // usage as the help words it in that language; the --json error stays English.
    const local = parsed.wording ? worded(inv.locale, parsed.wording) : null;
    const usage = join(localUsage(inv.locale, parsed.topic ?? undefined), "\n");
    const base = refusal(local ?? parsed.error, "invalid");
    return {
      ...base,
      parts: [...base.parts, note(usage)],
      text: `${base.text}\n\n${plain(usage)}`,
      data: { error: parsed.error },
    };
  }
  try {
    await ensureUser(svc, inv.actor.accountId, inv.actor.userId);
    return await dispatch(svc, inv, parsed.command);
  } catch (e) {
    if (e instanceof NeedsConfirmation) {
      return {
        ...refusalAnswer(e, inv.locale),
        needsConfirmation: { requestId: e.request.id, count: e.request.count },
        data: { error: e.message, requestId: e.request.id, count: e.request.count, upgrade: e.upgrade },
      };
    }
    if (e instanceof Refusal) return refusalAnswer(e, inv.locale);
    throw e;
  }
}

export type { Answer, Invocation };
