CREATE TABLE "match_parameters" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"version" varchar(100) NOT NULL,
	"source" varchar(40) NOT NULL,
	"parameters" jsonb NOT NULL,
	"summary" jsonb,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "term_frequencies" (
	"field" varchar(40) NOT NULL,
	"value" varchar(320) NOT NULL,
	"count" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "date_of_birth" varchar(40);--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "identifiers" jsonb;--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "identifier_keys" text[];--> statement-breakpoint
ALTER TABLE "incoming_customers" ADD COLUMN "date_of_birth" varchar(40);--> statement-breakpoint
ALTER TABLE "incoming_customers" ADD COLUMN "identifiers" jsonb;--> statement-breakpoint
ALTER TABLE "incoming_customers" ADD COLUMN "identifier_keys" text[];--> statement-breakpoint
CREATE UNIQUE INDEX "term_frequencies_pk" ON "term_frequencies" USING btree ("field","value");--> statement-breakpoint
CREATE INDEX "customers_identifier_keys_gin" ON "customers" USING gin ("identifier_keys");