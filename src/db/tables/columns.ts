import { timestamp } from "drizzle-orm/pg-core";

/** A timestamptz column read as a Date. */
export const ts = (name?: string) =>
  name ? timestamp(name, { withTimezone: true, mode: "date" }) : timestamp({ withTimezone: true, mode: "date" });
