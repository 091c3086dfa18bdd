// The changes feed's cursor: where a reader is in an account's stream of events, opaque to it.
import { Refusal } from "../context.ts";

/**
 * A place in the stream: every event up to and including `position` of the audit row `auditId`,
 * written by transaction `txid` (0 for rows older than the txid column), has been read. Positions
 * count a row's events from 1; WHOLE_ROW reads past a row whatever its number of events.
 */
export interface FeedPosition {
  txid: bigint;
  auditId: bigint;
  position: number;
}

export const WHOLE_ROW = 0x7fff_ffff;

/** The beginning of the stream: before every event. */
export const START: FeedPosition = { txid: 0n, auditId: 0n, position: 0 };

/** The cursor format; a new format gets a new character, and old cursors stay readable or are refused. */
const VERSION = "1";
const BYTES = 20;
const ENCODED = new RegExp(`^${VERSION}[A-Za-z0-9_-]{27}$`);

/** The version character, then base64url of txid (8 bytes), audit id (8 bytes) and position (4 bytes), big-endian. */
export function encodeCursor(p: FeedPosition): string {
  const bytes = Buffer.alloc(BYTES);
  bytes.writeBigUInt64BE(p.txid, 0);
  bytes.writeBigUInt64BE(p.auditId, 8);
  bytes.writeUInt32BE(p.position, 16);
  return VERSION + bytes.toString("base64url");
}

export const INVALID_CURSOR =
  "That cursor is not one this feed gave out: pass back the `next` of an earlier page unchanged, or no cursor to read from the beginning.";

/** The position a cursor holds; a Refusal ("invalid") for anything encodeCursor did not make. */
export function decodeCursor(cursor: string): FeedPosition {
  if (!ENCODED.test(cursor)) throw new Refusal(INVALID_CURSOR, "invalid");
  const bytes = Buffer.from(cursor.slice(1), "base64url");
  const p: FeedPosition = {
    txid: bytes.readBigUInt64BE(0),
    auditId: bytes.readBigUInt64BE(8),
    position: bytes.readUInt32BE(16),
  };
  // Stray bits in the last character decode to the same bytes: only the one spelling is accepted.
  const valid = p.position <= WHOLE_ROW && p.auditId < 1n << 63n;
  if (!valid || encodeCursor(p) !== cursor) throw new Refusal(INVALID_CURSOR, "invalid");
  return p;
}
