ALTER TABLE "incoming_customers" ADD COLUMN "claimed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "incoming_customers" ADD COLUMN "claimed_by" varchar(100);