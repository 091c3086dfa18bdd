// Opaque page cursors: what a client passes back is checked, never trusted (a forged or truncated
// cursor is a 400, not a query).
import { ApiError } from "./common.ts";

/** `<kind>.<position>` in base64url: the kind keeps a contacts cursor from being used on requests. */
export function encodeCursor(kind: string, position: number): string {
  return Buffer.from(`${kind}.${position}`, "utf8").toString("base64url");
}

export function decodeCursor(cursor: string, kind: string): number {
  const text = /^[A-Za-z0-9_-]{1,200}$/.test(cursor) ? Buffer.from(cursor, "base64url").toString("utf8") : "";
  const m = /^([a-z]+)\.(\d{1,15})$/.exec(text);
  if (!m || m[1] !== kind) {
    throw new ApiError(400, "invalid_cursor", [
      "cursor: is not a cursor of this list; pass `next` of the previous page as it was",
    ]);
  }
  return Number(m[2]);
}
