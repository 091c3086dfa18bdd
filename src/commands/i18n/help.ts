// `help` in the languages besides English (English keeps src/domain/command/help.ts, word for word):
// the same topics and lines, each command shown as it is typed (the grammar is English in every
// language) with the explanation beside it in the language. Examples with dates take the language's
// date words, which the command reader reads in that language.
import { helpTopicFor } from "../../domain/command/index.ts";
import { MAX_EMAILS } from "../../domain/command/limits.ts";
import { FILTER_FIELDS } from "../../domain/filter.ts";
import { code, join, type Rich, strong } from "../rich.ts";
import { type AnswerLocale, speak } from "./answers.ts";
import type { MessageKey } from "./locales/en/index.ts";
import type { MessageArg } from "./messages.ts";

type Say = (key: MessageKey, args?: Record<string, MessageArg>) => Rich;
type Word = (key: MessageKey) => string;

/** One line of a topic: commands with what they do, or a sentence with commands as arguments. */
type Line = Rich;

interface Topic {
  topic: string;
  lines: (say: Say, word: Word) => Line[];
}

const codes = (...commands: string[]): Rich =>
  join(
    commands.map((c) => [code(c)]),
    ", ",
  );

/** `command` — what it does (or the command alone). */
const cmd = (say: Say, commands: string | string[], key?: MessageKey, args?: Record<string, MessageArg>): Line => {
  const shown = codes(...(Array.isArray(commands) ? commands : [commands]));
  return key ? [...shown, " — ", ...say(key, args)] : shown;
};

const TOPICS: Topic[] = [
  { topic: "help", lines: (say) => [cmd(say, "/contacts help [<subcommand>]", "help.help.1")] },
  { topic: "status", lines: (say) => [cmd(say, "/contacts status <email>", "help.status.1")] },
  { topic: "can-market", lines: (say) => [cmd(say, "/contacts can-market <email>", "help.can-market.1")] },
  {
    topic: "set",
    lines: (say) => [
      cmd(say, "/contacts set marketing <email>…", "help.set.1"),
      cmd(say, "/contacts set non-marketing <email>…", "help.set.2"),
      say("help.set.3", { max: MAX_EMAILS }),
    ],
  },
  {
    topic: "bulk",
    lines: (say, word) => [
      cmd(say, "/contacts bulk marketing|non-marketing <selector> [at <date>]"),
      say("help.bulk.selectors", {
        list: code('list:"Spring webinar"'),
        unengaged: code("unengaged"),
        where: code("where <filter>"),
      }),
      say("help.examples", {
        examples: codes(
          "/contacts bulk non-marketing unengaged",
          `/contacts bulk non-marketing where last_engaged < "${word("help.date.monthsAgo")}" at ${word("help.date.nextFriday")}`,
        ),
      }),
    ],
  },
  { topic: "delete", lines: (say) => [cmd(say, "/contacts delete <email>…", "help.delete.1")] },
  { topic: "manage", lines: (say) => [cmd(say, "/contacts manage", "help.manage.1")] },
  {
    topic: "tier",
    lines: (say) => [
      cmd(say, "/contacts tier", "help.tier.1"),
      cmd(say, "/contacts tier downgrade <limit>", "help.tier.2"),
      cmd(say, "/contacts tier downgrade cancel", "help.tier.3"),
    ],
  },
  {
    topic: "usage",
    lines: (say, word) => [
      cmd(say, "/contacts usage [since <date> | from <date> to <date>]", "help.usage.1"),
      say("help.example", {
        example: code(`/contacts usage from ${word("help.date.march1")} to ${word("help.date.yesterday")}`),
      }),
    ],
  },
  { topic: "forecast", lines: (say) => [cmd(say, "/contacts forecast", "help.forecast.1")] },
  { topic: "next-update", lines: (say) => [cmd(say, "/contacts next-update", "help.next-update.1")] },
  {
    topic: "history",
    lines: (say, word) => [
      cmd(say, "/contacts history [<email>] [since <date>]", "help.history.1"),
      say("help.example", {
        example: code(`/contacts history ana@example.com since ${word("help.date.lastMonday")}`),
      }),
    ],
  },
  {
    topic: "lists",
    lines: (say) => [
      cmd(say, "/contacts lists [<part of a name>]", "help.lists.1"),
      cmd(say, '/contacts list create "<name>"', "help.lists.2"),
      cmd(say, '/contacts list add "<name>" <email>…', "help.lists.3"),
    ],
  },
  {
    topic: "rules",
    lines: (say, word) => [
      cmd(say, "/contacts rules", "help.rules.1"),
      cmd(say, "/contacts rules add <name> when <filter> then marketing|non-marketing", "help.rules.2"),
      cmd(say, "/contacts rules change <name> when <filter> then marketing|non-marketing", "help.rules.3"),
      cmd(say, "/contacts rules enable|disable|remove|test <name>", "help.rules.4"),
      say("help.rules.5"),
      say("help.example", {
        example: code(
          `/contacts rules add "${word("help.ruleName")}" when lifecycle = lead and last_engaged < "${word("help.date.yearAgo")}" then non-marketing`,
        ),
      }),
    ],
  },
  {
    topic: "requests",
    lines: (say) => [
      cmd(say, "/contacts requests", "help.requests.1"),
      cmd(say, "/contacts approve <id> [confirm <count>]", "help.requests.2"),
      cmd(say, "/contacts reject <id> [reason]", "help.requests.3"),
    ],
  },
  {
    topic: "import",
    lines: (say) => [
      cmd(say, '/contacts import [list:"<name>"] [marketing]', "help.import.1", { marketing: code("marketing") }),
    ],
  },
  {
    topic: "settings",
    lines: (say) => [
      cmd(say, "/contacts settings", "help.settings.1"),
      cmd(say, "/contacts setup", "help.settings.2"),
      say("help.settings.3", {
        example: code("/contacts settings plan enterprise tier 400k term monthly start 2026-03-15"),
      }),
      cmd(say, "/contacts settings plan starter|professional|enterprise", "help.settings.4", { tier: code("tier") }),
      cmd(say, "/contacts settings term monthly|annual"),
      cmd(say, "/contacts settings start <date>", "help.settings.5", { example: code("2026-04-15") }),
      cmd(say, "/contacts settings timezone <IANA zone>", "help.settings.6", { example: code("Europe/Stockholm") }),
      cmd(say, "/contacts settings tier <limit>", "help.settings.7", { full: code("10000"), short: code("10k") }),
      cmd(say, ["/contacts settings alert-channel #channel", "/contacts settings approvals-channel #channel"]),
      cmd(say, "/contacts settings direct-limit <n>", "help.settings.8"),
      cmd(say, "/contacts settings self-approval on|off"),
      cmd(say, "/contacts settings reminders 3d,1d", "help.settings.9", { off: code("off") }),
      cmd(say, ["/contacts settings spike-percent 10", "/contacts settings spike-min 500"], "help.settings.10"),
      cmd(say, "/contacts settings language en|sv|nl|pl", "help.settings.11"),
      cmd(say, "/contacts settings defaults [<source>[:<id>] marketing|non-marketing]", "help.settings.12", {
        example: code("form:contact-us marketing"),
      }),
      cmd(
        say,
        [
          "/contacts settings api-key create [scopes]",
          "/contacts settings api-key list",
          "/contacts settings api-key revoke <id>",
        ],
        "help.settings.13",
        { scopes: codes("contacts:read", "contacts:write", "status:write", "changes:read"), all: code("all") },
      ),
      cmd(
        say,
        [
          "/contacts settings webhook add <https-url> [events]",
          "/contacts settings webhook list",
          "… test <n>",
          "… remove <n>",
        ],
        "help.settings.14",
      ),
    ],
  },
  {
    topic: "access",
    lines: (say) => [
      cmd(say, "/contacts access grant|revoke @user", "help.access.1"),
      cmd(say, "/contacts admins add|remove @user"),
      cmd(say, "/contacts billing-contacts [add|remove @user]", "help.access.2"),
    ],
  },
  {
    topic: "filters",
    lines: (say, word) => [
      say("help.filters.1", { syntax: code("field op value"), and: code("and") }),
      say("help.filters.2", { fields: codes(...FILTER_FIELDS), operators: codes("=", "!=", "<", ">", "contains") }),
      say("help.filters.3", {
        created: code("created"),
        lastEngaged: code("last_engaged"),
        before: code(`< "${word("help.date.march1")}"`),
        after: code(`> "${word("help.date.monthsAgo")}"`),
        day: code(`= ${word("help.date.yesterday")}`),
        flags: codes("bounced", "unsubscribed", "marketing"),
        true: code("true"),
        false: code("false"),
      }),
      say("help.example", {
        example: code(`created > "${word("help.date.monthsAgo")}" and bounced = false`),
      }),
    ],
  },
];

function topicLines(locale: AnswerLocale, topic: Topic): Rich[] {
  const { say, label } = speak(locale);
  return [[strong(label(`help.${topic.topic}` as MessageKey))], ...topic.lines(say, label)];
}

/**
 * The usage in the language, one line each as the English usage splits into lines: the full usage,
 * or one topic's when `subcommand` names one.
 */
export function localUsage(locale: AnswerLocale, subcommand?: string): Rich[] {
  const { say, label } = speak(locale);
  const name = subcommand ? helpTopicFor(subcommand) : undefined;
  const topic = TOPICS.find((t) => t.topic === name);
  if (topic) return topicLines(locale, topic);
  const examples = codes(
    label("help.date.yesterday"),
    label("help.date.lastMonday"),
    label("help.date.march1"),
    "2026-03-01",
    "yesterday",
    "at 9am next friday",
  );
  return [
    say("help.intro", { name: strong("tierkeeper"), command: code("/contacts <subcommand>") }),
    ...TOPICS.filter((t) => t.topic !== "help").flatMap((t) => [[], ...topicLines(locale, t)]),
    [],
    say("help.outro", { examples, help: code("/contacts help <subcommand>") }),
  ];
}
