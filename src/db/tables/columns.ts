import { customType, timestamp } from "drizzle-orm/pg-core";

/** A timestamptz column read as a Date. */
export const ts = (name?: string) =>
  name ? timestamp(name, { withTimezone: true, mode: "date" }) : timestamp({ withTimezone: true, mode: "date" });

/**
 * A 64-bit transaction id (`xid8`), read as a decimal string: the transaction that wrote a row,
 * which orders rows by the transaction that wrote them (the changes feed, see services/changes.ts).
 */
export const xid8 = customType<{ data: string; driverData: string }>({
  dataType: () => "xid8",
});
