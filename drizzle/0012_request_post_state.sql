ALTER TABLE "bulk_requests" ADD COLUMN "slack_posted_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "bulk_requests" ADD COLUMN "post_claim_token" text;--> statement-breakpoint
ALTER TABLE "bulk_requests" ADD COLUMN "post_claimed_until" timestamp with time zone;--> statement-breakpoint
-- Posting state had been kept as markers in slack_ts ("claim:<ms>" while a post was in flight,
-- "response_url" for an answer without a message to update): it moves to its own columns.
UPDATE "bulk_requests" SET "slack_posted_at" = "created_at" WHERE "slack_ts" IS NOT NULL AND "slack_ts" NOT LIKE 'claim:%';--> statement-breakpoint
UPDATE "bulk_requests" SET "slack_ts" = NULL WHERE "slack_ts" = 'response_url' OR "slack_ts" LIKE 'claim:%';
