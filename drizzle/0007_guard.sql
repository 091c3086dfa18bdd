-- A rule runs with its owner's rights (whoever last added, enabled or changed it); existing rules are owned by their author.
ALTER TABLE "automation_rules" ADD COLUMN IF NOT EXISTS "owner_id" text;--> statement-breakpoint
UPDATE "automation_rules" SET "owner_id" = "created_by" WHERE "owner_id" IS NULL;--> statement-breakpoint
ALTER TABLE "automation_rules" ALTER COLUMN "owner_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "bulk_requests" ADD COLUMN IF NOT EXISTS "rule_id" bigint;--> statement-breakpoint
ALTER TABLE "bulk_requests" ADD COLUMN IF NOT EXISTS "confirmed_limit" integer;--> statement-breakpoint
ALTER TABLE "bulk_requests" ADD COLUMN IF NOT EXISTS "reopened_reason" text;--> statement-breakpoint
-- Requests made by rules named the rule as requester; the rule's owner is the requester now (self-approval check).
UPDATE "bulk_requests" b SET "requested_by" = r."owner_id", "rule_id" = r."id"
  FROM "automation_rules" r
  WHERE b."origin" = 'rule:' || r."name" AND b."account_id" = r."account_id" AND b."requested_by" LIKE 'rule:%'
    AND r."created_at" <= b."created_at";
