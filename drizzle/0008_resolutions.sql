ALTER TABLE "incoming_customers" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "incoming_customers" ADD COLUMN "resolved_customer_id" bigint;--> statement-breakpoint
ALTER TABLE "incoming_customers" ADD COLUMN "resolved_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "incoming_customers" ADD COLUMN "resolution" jsonb;--> statement-breakpoint
ALTER TABLE "incoming_customers" ADD CONSTRAINT "incoming_customers_resolved_customer_id_customers_id_fk" FOREIGN KEY ("resolved_customer_id") REFERENCES "public"."customers"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incoming_resolved_customer_idx" ON "incoming_customers" USING btree ("resolved_customer_id");--> statement-breakpoint
-- Records decided before resolutions were recorded: the latest accept or merge is the one link.
WITH latest AS (
  SELECT id, incoming_id, customer_id, review_decision, reviewer, reviewed_at,
         row_number() OVER (PARTITION BY incoming_id ORDER BY reviewed_at DESC NULLS LAST, id DESC) AS n
  FROM matching_results WHERE review_decision IN ('accept', 'merge')
)
UPDATE incoming_customers i
SET processing_status = 'linked', resolved_customer_id = l.customer_id, resolved_at = coalesce(l.reviewed_at, now()),
    resolution = jsonb_build_object('decision', l.review_decision, 'match_id', l.id, 'customer_id', l.customer_id, 'previous_state', 'matched',
      'closed_match_ids', '[]'::jsonb, 'by', coalesce(l.reviewer, 'unknown'),
      'at', to_char(coalesce(l.reviewed_at, now()) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'notes', null, 'legacy', true)
FROM latest l WHERE l.incoming_id = i.id AND l.n = 1;
--> statement-breakpoint
-- An earlier accept of a record a later decision linked elsewhere is closed: one record, one link.
UPDATE matching_results m
SET review_decision = 'superseded', reviewer_notes = trim(coalesce(m.reviewer_notes, '') || ' (closed on upgrade: a later decision linked this record to another customer)')
FROM incoming_customers i
WHERE m.incoming_id = i.id AND i.processing_status = 'linked' AND m.review_decision IN ('accept', 'merge') AND m.id <> (i.resolution->>'match_id')::bigint;
--> statement-breakpoint
-- Created as a new customer: that customer's source_id pointed back at the record.
UPDATE incoming_customers i
SET processing_status = 'created', resolved_customer_id = c.id, resolved_at = now(),
    resolution = jsonb_build_object('decision', 'create_new', 'match_id', null, 'customer_id', c.id, 'previous_state', 'matched', 'closed_match_ids', '[]'::jsonb,
      'by', 'unknown', 'at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), 'notes', null, 'legacy', true)
FROM (SELECT i2.id AS incoming_id, (SELECT c2.id FROM customers c2 WHERE c2.source_id LIKE 'incoming:' || i2.id || ':%' ORDER BY c2.id LIMIT 1) AS id
      FROM incoming_customers i2
      WHERE i2.processing_status = 'reviewed' AND EXISTS (SELECT 1 FROM matching_results m WHERE m.incoming_id = i2.id AND m.review_decision = 'create_new')) c
WHERE c.incoming_id = i.id;
--> statement-breakpoint
-- A resolved record has no open candidate.
UPDATE matching_results m
SET reviewed = true, review_decision = 'superseded', reviewed_at = now(), version = m.version + 1
FROM incoming_customers i
WHERE m.incoming_id = i.id AND i.processing_status IN ('linked', 'created') AND m.reviewed = false;
--> statement-breakpoint
UPDATE incoming_customers i
SET resolution = jsonb_set(i.resolution, '{closed_match_ids}',
  coalesce((SELECT jsonb_agg(m.id ORDER BY m.id) FROM matching_results m WHERE m.incoming_id = i.id AND m.review_decision IS DISTINCT FROM 'reject'), '[]'::jsonb))
WHERE i.resolution->>'legacy' = 'true';
--> statement-breakpoint
-- Open records: to review while a candidate is open, else "no match: decide".
UPDATE incoming_customers i
SET processing_status = CASE WHEN EXISTS (SELECT 1 FROM matching_results m WHERE m.incoming_id = i.id AND m.reviewed = false) THEN 'matched' ELSE 'no_match' END
WHERE i.processing_status IN ('matched', 'no_match', 'reviewed');
