-- An account is set up once an admin has gone through setup (Slack modal or `tierkeeper setup`).
ALTER TABLE "accounts" ADD COLUMN "configured_at" timestamp with time zone;--> statement-breakpoint
-- Accounts that already had a channel set were set up by hand, command by command, before setup existed.
UPDATE "accounts" SET "configured_at" = "created_at" WHERE "alert_channel" IS NOT NULL OR "approvals_channel" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "audit_events_account_kind_at_idx" ON "audit_events" USING btree ("account_id","kind","at");
