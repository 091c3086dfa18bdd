-- Per-account counters maintained from transition tables, one statement per change:
-- the tier report reads three integers instead of scanning contacts, and every path
-- (service, import, API, rollover) keeps them right without remembering to.
CREATE FUNCTION tk_contacts_count_ins() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE accounts a SET
    marketing_count = a.marketing_count + d.m,
    pending_count = a.pending_count + d.p,
    total_count = a.total_count + d.t
  FROM (
    SELECT account_id,
      count(*) FILTER (WHERE marketing)::int AS m,
      count(*) FILTER (WHERE pending_since IS NOT NULL)::int AS p,
      count(*)::int AS t
    FROM new_rows GROUP BY account_id
  ) d
  WHERE a.id = d.account_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION tk_contacts_count_del() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE accounts a SET
    marketing_count = a.marketing_count - d.m,
    pending_count = a.pending_count - d.p,
    total_count = a.total_count - d.t
  FROM (
    SELECT account_id,
      count(*) FILTER (WHERE marketing)::int AS m,
      count(*) FILTER (WHERE pending_since IS NOT NULL)::int AS p,
      count(*)::int AS t
    FROM old_rows GROUP BY account_id
  ) d
  WHERE a.id = d.account_id;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE FUNCTION tk_contacts_count_upd() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Contacts never move between accounts, so the difference of the two sums per account is exact.
  UPDATE accounts a SET
    marketing_count = a.marketing_count + d.m,
    pending_count = a.pending_count + d.p
  FROM (
    SELECT account_id, sum(m)::int AS m, sum(p)::int AS p FROM (
      SELECT account_id, count(*) FILTER (WHERE marketing) AS m,
        count(*) FILTER (WHERE pending_since IS NOT NULL) AS p
      FROM new_rows GROUP BY account_id
      UNION ALL
      SELECT account_id, -count(*) FILTER (WHERE marketing),
        -count(*) FILTER (WHERE pending_since IS NOT NULL)
      FROM old_rows GROUP BY account_id
    ) s GROUP BY account_id
  ) d
  WHERE a.id = d.account_id AND (d.m <> 0 OR d.p <> 0);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER tk_contacts_count_ins AFTER INSERT ON contacts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tk_contacts_count_ins();
--> statement-breakpoint
CREATE TRIGGER tk_contacts_count_del AFTER DELETE ON contacts
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION tk_contacts_count_del();
--> statement-breakpoint
CREATE TRIGGER tk_contacts_count_upd AFTER UPDATE ON contacts
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION tk_contacts_count_upd();
