// What a command handler is: the parsed command in, the neutral answer out.

import type { Command, CommandKind } from "../domain/command/index.ts";
import type { DateLocale } from "../domain/dates.ts";
import type { Actor, Services } from "../services/context.ts";
import type { Answer } from "./answer.ts";

export interface Invocation {
  actor: Actor;
  /** The user's IANA zone: their Slack zone, or the account's subsidiary zone. */
  timeZone: string;
  text: string;
  /**
   * The user's language (their Slack's, or `--locale`/`LANG` in a terminal): the one dates are typed
   * in, and the one `tier`, `status` and `can-market` answer in. English when absent.
   */
  locale?: DateLocale;
}

/** The command of one kind. */
export type CommandOf<K extends CommandKind> = Extract<Command, { kind: K }>;

export type Handler<K extends CommandKind = CommandKind> = (
  svc: Services,
  inv: Invocation,
  command: CommandOf<K>,
) => Promise<Answer>;

/** Every command kind's handler, checked by the compiler (`satisfies Handlers`). */
export type Handlers = {
  [K in CommandKind]: (svc: Services, inv: Invocation, command: CommandOf<K>) => Promise<Answer>;
};
