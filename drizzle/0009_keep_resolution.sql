-- A decided record keeps what was decided on: an upsert from outside the app (a Data Factory copy, a
-- hand-written load) that would send it back to pending leaves the row as it is. The app's own import
-- refuses such rows with a reason; this is the backstop for writers that cannot be told.
CREATE OR REPLACE FUNCTION incoming_keep_resolution() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.processing_status IN ('linked', 'created', 'dismissed') AND NEW.processing_status = 'pending' THEN
    RETURN NULL;
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER incoming_keep_resolution BEFORE UPDATE ON incoming_customers FOR EACH ROW EXECUTE FUNCTION incoming_keep_resolution();
