CREATE TABLE "accounts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"name" text DEFAULT 'My company' NOT NULL,
	"plan" text DEFAULT 'professional' NOT NULL,
	"term" text DEFAULT 'annual' NOT NULL,
	"contract_start" date NOT NULL,
	"time_zone" text DEFAULT 'America/New_York' NOT NULL,
	"tier_limit" integer NOT NULL,
	"alert_channel" text,
	"approvals_channel" text,
	"direct_limit" integer DEFAULT 10 NOT NULL,
	"self_approval" boolean DEFAULT false NOT NULL,
	"reminder_days" integer[] DEFAULT '{3,1}'::integer[] NOT NULL,
	"source_defaults" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"downgrade_to" integer,
	"downgrade_requested_by" text,
	"downgrade_requested_at" timestamp with time zone,
	"marketing_count" integer DEFAULT 0 NOT NULL,
	"pending_count" integer DEFAULT 0 NOT NULL,
	"total_count" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_counts_non_negative" CHECK ("accounts"."marketing_count" >= 0 and "accounts"."pending_count" >= 0 and "accounts"."total_count" >= 0),
	CONSTRAINT "accounts_tier_positive" CHECK ("accounts"."tier_limit" > 0 and "accounts"."direct_limit" >= 1)
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"effective_at" timestamp with time zone,
	"actor" text NOT NULL,
	"kind" text NOT NULL,
	"summary" text NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"contact_ids" bigint[],
	"detail" jsonb
);
--> statement-breakpoint
CREATE TABLE "bulk_request_contacts" (
	"request_id" text NOT NULL,
	"contact_id" bigint NOT NULL,
	CONSTRAINT "bulk_request_contacts_request_id_contact_id_pk" PRIMARY KEY("request_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "bulk_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" bigint NOT NULL,
	"requested_by" text NOT NULL,
	"action" text NOT NULL,
	"selector" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"count" integer NOT NULL,
	"impact" jsonb NOT NULL,
	"scheduled_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"reason" text,
	"executed_at" timestamp with time zone,
	"result" jsonb,
	"origin" text,
	"slack_channel" text,
	"slack_ts" text
);
--> statement-breakpoint
CREATE TABLE "contacts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" bigint NOT NULL,
	"email" text NOT NULL,
	"first_name" text,
	"last_name" text,
	"marketing" boolean DEFAULT false NOT NULL,
	"pending_since" timestamp with time zone,
	"source" text DEFAULT 'manual' NOT NULL,
	"source_id" text,
	"lifecycle" text,
	"bounced" boolean DEFAULT false NOT NULL,
	"unsubscribed" boolean DEFAULT false NOT NULL,
	"properties" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_engaged_at" timestamp with time zone,
	CONSTRAINT "contacts_pending_only_when_marketing" CHECK ("contacts"."pending_since" is null or "contacts"."marketing"),
	CONSTRAINT "contacts_email_lower" CHECK ("contacts"."email" = lower("contacts"."email"))
);
--> statement-breakpoint
CREATE TABLE "job_fires" (
	"key" text PRIMARY KEY NOT NULL,
	"fired_at" timestamp with time zone NOT NULL,
	"result" jsonb
);
--> statement-breakpoint
CREATE TABLE "list_members" (
	"list_id" bigint NOT NULL,
	"contact_id" bigint NOT NULL,
	CONSTRAINT "list_members_list_id_contact_id_pk" PRIMARY KEY("list_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "lists" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" bigint NOT NULL,
	"name" text NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tier_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" bigint NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"kind" text NOT NULL,
	"old_limit" integer NOT NULL,
	"new_limit" integer NOT NULL,
	"old_monthly_cents" integer NOT NULL,
	"new_monthly_cents" integer NOT NULL,
	"charge_cents" integer DEFAULT 0 NOT NULL,
	"charge_due" date,
	"marketing_count" integer NOT NULL,
	"cause" text
);
--> statement-breakpoint
CREATE TABLE "update_runs" (
	"account_id" bigint NOT NULL,
	"instant" timestamp with time zone NOT NULL,
	"processed_at" timestamp with time zone NOT NULL,
	"changed" integer NOT NULL,
	CONSTRAINT "update_runs_account_id_instant_pk" PRIMARY KEY("account_id","instant")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"account_id" bigint NOT NULL,
	"user_id" text NOT NULL,
	"role" text DEFAULT 'member' NOT NULL,
	"marketing_access" boolean DEFAULT true NOT NULL,
	"billing_contact" boolean DEFAULT false NOT NULL,
	"time_zone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_account_id_user_id_pk" PRIMARY KEY("account_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_request_contacts" ADD CONSTRAINT "bulk_request_contacts_request_id_bulk_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."bulk_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_request_contacts" ADD CONSTRAINT "bulk_request_contacts_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bulk_requests" ADD CONSTRAINT "bulk_requests_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_members" ADD CONSTRAINT "list_members_list_id_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."lists"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "list_members" ADD CONSTRAINT "list_members_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lists" ADD CONSTRAINT "lists_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tier_changes" ADD CONSTRAINT "tier_changes_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "update_runs" ADD CONSTRAINT "update_runs_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "accounts_team_id_key" ON "accounts" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "audit_events_account_at_idx" ON "audit_events" USING btree ("account_id","at");--> statement-breakpoint
CREATE INDEX "bulk_requests_account_status_idx" ON "bulk_requests" USING btree ("account_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "contacts_account_email_key" ON "contacts" USING btree ("account_id","email");--> statement-breakpoint
CREATE INDEX "contacts_pending_idx" ON "contacts" USING btree ("account_id","pending_since") WHERE "contacts"."pending_since" is not null;--> statement-breakpoint
CREATE INDEX "list_members_contact_idx" ON "list_members" USING btree ("contact_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lists_account_name_key" ON "lists" USING btree ("account_id",lower("name"));--> statement-breakpoint
CREATE INDEX "tier_changes_account_at_idx" ON "tier_changes" USING btree ("account_id","at");