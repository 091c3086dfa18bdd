ALTER TABLE "automation_rules" ADD COLUMN "paused_why" jsonb;--> statement-breakpoint
ALTER TABLE "webhook_endpoints" ADD COLUMN "last_failure" jsonb;