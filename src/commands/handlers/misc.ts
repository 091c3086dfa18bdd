// `help`, and the commands that need Slack or a file: `manage`, `import`.
import { USAGE, usageFor } from "../../domain/command/index.ts";
import { answer, list, refusal } from "../answer.ts";
import type { Handler } from "../handler.ts";
import { code, md } from "../rich.ts";

export const help: Handler<"help"> = async (_svc, _inv, c) => {
  const usage = c.topic ? usageFor(c.topic) : USAGE;
  // Our words with `<name>`-style placeholders: plain text, shown as they are.
  return answer([list(usage.split("\n"))], { usage });
};

export const manage: Handler<"manage"> = async () => ({
  ...refusal(md`The manage wizard opens in Slack: type ${code("/contacts manage")} there.`),
  slackOnly: "manage",
});

/** Outside Slack there is no file to import: say where imports happen. */
export const importHandler: Handler<"import"> = async () => ({
  ...refusal(
    md`An import needs a CSV file: share it with tierkeeper in a direct message (the message may say ${code('list:"Spring webinar"')} and ${code("marketing")}), or run ${code("tierkeeper import <file.csv> [--list <name>] [--marketing]")} on the server.`,
  ),
  slackOnly: "import",
});
