// `import [list:"<name>"] [marketing]`: the options of a CSV file shared with the bot.
import { isKeyword } from "../../lexer.ts";
import type { Args } from "../args.ts";
import { fail, shorten } from "../errors.ts";
import type { Command } from "../types.ts";
import { readName, readStatus } from "../words.ts";

const FILE_REF = /^(?:https?:\/\/\S+|F[A-Z0-9]{6,}|\S+\.csv)$/i;

export function parseImport(args: Args): Command {
  let fileRef: string | null = null;
  let list: string | null = null;
  let marketing = false;
  const tokens = args.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined) break;
    const status = readStatus(tokens.slice(i, i + 2));
    if (status !== null) {
      marketing = status.status === "marketing";
      i += status.used - 1;
      continue;
    }
    if (isKeyword(token, "--marketing")) {
      marketing = true;
      continue;
    }
    if (/^list:/i.test(token.raw) || isKeyword(token, "list", "--list")) {
      if (list !== null) fail("import", "Give one list to import into.");
      let name = /^list:/i.test(token.raw) ? token.value.slice("list:".length) : "";
      if (name === "") {
        i++;
        name = tokens[i]?.value ?? "";
      }
      list = readName([name], "import", "list", 'import list:"Spring webinar"');
      continue;
    }
    if (!token.quoted && FILE_REF.test(token.value) && fileRef === null) {
      fileRef = token.value;
      continue;
    }
    fail(
      "import",
      `I don't know what "${shorten(token.value)}" means here; use \`import [list:"Name"] [marketing]\` in the message that shares a CSV file with tierkeeper in a DM.`,
    );
  }
  return { kind: "import", fileRef, list, marketing };
}
