-- Storage that scales: a contact's marketing status moves out of the wide contacts row into a
-- narrow table that status changes and the update-date rollover rewrite alone. It is kept half
-- full and no index covers the status columns, so every change is a HOT update within its page
-- (no index entries, no growth); pages are pruned on the next visit and autovacuum is told to
-- keep up with whole-account updates. Writers wait while the rows are copied; readers don't.
LOCK TABLE "contacts" IN SHARE ROW EXCLUSIVE MODE;--> statement-breakpoint
CREATE TABLE "contact_status" (
	"contact_id" bigint PRIMARY KEY NOT NULL,
	"account_id" bigint NOT NULL,
	"marketing" boolean DEFAULT false NOT NULL,
	"pending_since" timestamp with time zone,
	CONSTRAINT "contact_status_pending_only_when_marketing" CHECK ("contact_status"."pending_since" is null or "contact_status"."marketing")
) WITH (
	fillfactor = 50,
	autovacuum_vacuum_scale_factor = 0.05,
	autovacuum_vacuum_insert_scale_factor = 0.05,
	autovacuum_analyze_scale_factor = 0.05,
	autovacuum_vacuum_cost_delay = 0
);--> statement-breakpoint
INSERT INTO "contact_status" ("contact_id", "account_id", "marketing", "pending_since")
	SELECT "id", "account_id", "marketing", "pending_since" FROM "contacts";--> statement-breakpoint
ALTER TABLE "contact_status" ADD CONSTRAINT "contact_status_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contact_status" ADD CONSTRAINT "contact_status_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contact_status_account_idx" ON "contact_status" USING btree ("account_id");--> statement-breakpoint
ANALYZE "contact_status";--> statement-breakpoint
-- The per-account counters now follow contact_status (the copy above did not change them).
DROP TRIGGER tk_contacts_count_ins ON "contacts";--> statement-breakpoint
DROP TRIGGER tk_contacts_count_del ON "contacts";--> statement-breakpoint
DROP TRIGGER tk_contacts_count_upd ON "contacts";--> statement-breakpoint
CREATE TRIGGER tk_status_count_ins AFTER INSERT ON "contact_status"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tk_contacts_count_ins();--> statement-breakpoint
CREATE TRIGGER tk_status_count_del AFTER DELETE ON "contact_status"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tk_contacts_count_del();--> statement-breakpoint
CREATE TRIGGER tk_status_count_upd AFTER UPDATE ON "contact_status"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tk_contacts_count_upd();--> statement-breakpoint
-- Every new contact gets its status row, non-marketing, in the statement that inserts it, whatever
-- inserts it; a source that starts contacts marketing (R15) sets that in its next statement.
CREATE FUNCTION tk_contacts_status_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO contact_status (contact_id, account_id) SELECT id, account_id FROM new_rows;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER tk_contacts_status_ins AFTER INSERT ON "contacts"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tk_contacts_status_ins();--> statement-breakpoint
ALTER TABLE "contacts" DROP CONSTRAINT "contacts_pending_only_when_marketing";--> statement-breakpoint
DROP INDEX "contacts_pending_idx";--> statement-breakpoint
ALTER TABLE "contacts" DROP COLUMN "marketing";--> statement-breakpoint
ALTER TABLE "contacts" DROP COLUMN "pending_since";
