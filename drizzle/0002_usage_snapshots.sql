CREATE TABLE "usage_snapshots" (
	"account_id" bigint NOT NULL,
	"day" date NOT NULL,
	"marketing_count" integer NOT NULL,
	"pending_count" integer NOT NULL,
	"total_count" integer NOT NULL,
	"tier_limit" integer NOT NULL,
	"taken_at" timestamp with time zone NOT NULL,
	CONSTRAINT "usage_snapshots_account_id_day_pk" PRIMARY KEY("account_id","day")
);
--> statement-breakpoint
ALTER TABLE "usage_snapshots" ADD CONSTRAINT "usage_snapshots_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;