// `help`, and the commands that need Slack or a file: `manage`, `import`.
import { USAGE, usageFor } from "../../domain/command/index.ts";
import { type Answer, answer, list, refusal } from "../answer.ts";
import type { Handler, Invocation } from "../handler.ts";
import { isTranslated, speak } from "../i18n/answers.ts";
import { localUsage } from "../i18n/help.ts";
import { code, md, plain, type Rich } from "../rich.ts";

export const help: Handler<"help"> = async (_svc, inv, c) => {
  const usage = c.topic ? usageFor(c.topic) : USAGE;
  // `data.usage` is the English usage in every language: scripts read it.
  if (isTranslated(inv.locale)) return answer([list(localUsage(inv.locale, c.topic ?? undefined))], { usage });
  // Our words with `<name>`-style placeholders: plain text, shown as they are.
  return answer([list(usage.split("\n"))], { usage });
};

/** A refusal in the user's language; its `--json` data (`error`) stays the English words. */
function slackOnly(inv: Invocation, english: Rich, local: (s: ReturnType<typeof speak>) => Rich): Answer {
  const shown = isTranslated(inv.locale) ? refusal(local(speak(inv.locale))) : refusal(english);
  return { ...shown, data: { error: plain(english) } };
}

export const manage: Handler<"manage"> = async (_svc, inv) => ({
  ...slackOnly(inv, md`The manage wizard opens in Slack: type ${code("/contacts manage")} there.`, ({ say }) =>
    say("slackOnly.manage", { command: code("/contacts manage") }),
  ),
  slackOnly: "manage",
});

const IMPORT_COMMAND = "tierkeeper import <file.csv> [--list <name>] [--marketing]";

/** Outside Slack there is no file to import: say where imports happen. */
export const importHandler: Handler<"import"> = async (_svc, inv) => ({
  ...slackOnly(
    inv,
    md`An import needs a CSV file: share it with tierkeeper in a direct message (the message may say ${code('list:"Spring webinar"')} and ${code("marketing")}), or run ${code(IMPORT_COMMAND)} on the server.`,
    ({ say }) =>
      say("slackOnly.import", {
        list: code('list:"Spring webinar"'),
        marketing: code("marketing"),
        command: code(IMPORT_COMMAND),
      }),
  ),
  slackOnly: "import",
});
