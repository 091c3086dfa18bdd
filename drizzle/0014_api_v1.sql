ALTER TABLE "api_keys" ADD COLUMN "scopes" text[] DEFAULT '{contacts:read,contacts:write}'::text[] NOT NULL;--> statement-breakpoint
-- Added without a default, then given one: a volatile default in ADD COLUMN would rewrite the whole
-- table and stamp every old event with this migration's transaction. Old events keep a null txid
-- (the changes feed reads them first, in id order); new ones get the transaction that writes them.
ALTER TABLE "audit_events" ADD COLUMN "txid" "xid8";--> statement-breakpoint
ALTER TABLE "audit_events" ALTER COLUMN "txid" SET DEFAULT pg_current_xact_id();--> statement-breakpoint
CREATE INDEX "audit_events_feed_idx" ON "audit_events" USING btree ("account_id",coalesce("txid", '0'::xid8),"id");
