import { EventEmitter } from "node:events";
import type { Clock } from "../clock.ts";
import type { Db } from "../db/client.ts";
import type { PricingLadder } from "../domain/pricing.ts";
import type { Plan } from "../domain/types.ts";
import type { Wording } from "../domain/wording.ts";

/** What every service function runs with. Surfaces build one and pass it down. */
export interface Services {
  db: Db;
  /** Where a Slack request is written down before its ack (connections of its own); absent → `db`. */
  receiveDb?: Db;
  clock: Clock;
  pricing: Record<Plan, PricingLadder>;
  /** Slack user ids that are admins from configuration (TIERKEEPER_ADMINS). */
  configAdmins: string[];
  events: ChangeEvents;
  /** TIERKEEPER_WEBHOOK_ALLOW_LOCAL: webhooks may go to http:// and private addresses (development, tests). */
  webhookAllowLocal?: boolean;
}

/** Who is asking, in which account. */
export interface Actor {
  accountId: number;
  userId: string;
}

/** A change to the marketing count, published after its transaction commits. */
export interface CountChange {
  accountId: number;
  before: number;
  after: number;
  /** The tier limit before the change, and after it when the change upgraded the account (R9). */
  tierLimitBefore: number;
  tierLimitAfter: number;
  upgrade: UpgradeRecord | null;
  cause: string;
  at: Date;
}

export interface UpgradeRecord {
  oldLimit: number;
  newLimit: number;
  oldMonthlyCents: number;
  newMonthlyCents: number;
  chargeCents: number;
  chargeDue: string;
}

export class ChangeEvents {
  private readonly emitter = new EventEmitter();
  onCountChange(listener: (change: CountChange) => void | Promise<void>): () => void {
    const wrapped = (c: CountChange) => {
      void Promise.resolve(listener(c)).catch(() => {});
    };
    this.emitter.on("count", wrapped);
    return () => this.emitter.off("count", wrapped);
  }
  emitCountChange(change: CountChange): void {
    this.emitter.emit("count", change);
  }
}

/**
 * A request the service will not carry out, with one clear sentence for the user.
 * `refused`: not allowed or not possible now; `invalid`: the input is wrong.
 * The sentence is plain text (it may quote what the user typed) and is escaped for Slack; `markup`
 * marks one built only from our words and validated ids that names a user as `<@U…>` on purpose.
 * `wording`, when given, is the same sentence as data (a catalog key and its arguments): the
 * surfaces word it in the user's language; English always shows `message` as it is.
 */
export class Refusal extends Error {
  constructor(
    message: string,
    readonly kind: "refused" | "invalid" = "refused",
    readonly markup = false,
    readonly wording?: Wording,
  ) {
    super(message);
  }

  /** The refusal of a rule that said no (a permission, a billing check), with its wording. */
  static of(no: { reason: string; wording?: Wording }, kind: "refused" | "invalid" = "refused"): Refusal {
    return new Refusal(no.reason, kind, false, no.wording);
  }
}
