CREATE TABLE "api_keys" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"name" varchar(100) NOT NULL,
	"prefix" varchar(16) NOT NULL,
	"key_hash" varchar(128) NOT NULL,
	"scopes" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "api_keys_prefix_unique" UNIQUE("prefix")
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor" varchar(200) NOT NULL,
	"action" varchar(60) NOT NULL,
	"entity_type" varchar(40) NOT NULL,
	"entity_id" varchar(60) NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"request_id" varchar(64),
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"company_name" varchar(300),
	"contact_name" varchar(200),
	"email" varchar(320),
	"phone" varchar(50),
	"address_line1" varchar(300),
	"address_line2" varchar(300),
	"city" varchar(120),
	"state" varchar(120),
	"postal_code" varchar(20),
	"country" varchar(120),
	"industry" varchar(120),
	"revenue" numeric(18, 2),
	"employee_count" integer,
	"website" varchar(300),
	"description" text,
	"source_system" varchar(100) DEFAULT 'api' NOT NULL,
	"source_id" varchar(200),
	"name_normalized" varchar(300),
	"legal_form" varchar(40),
	"email_normalized" varchar(320),
	"email_domain" varchar(255),
	"phone_e164" varchar(20),
	"website_domain" varchar(255),
	"postal_code_normalized" varchar(20),
	"street_number" varchar(20),
	"company_name_embedding" vector(1536),
	"full_profile_embedding" vector(1536),
	"embedding_model" varchar(100),
	"search_text" text GENERATED ALWAYS AS (lower(coalesce(company_name, '') || ' ' || coalesce(contact_name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(city, '') || ' ' || coalesce(country, '') || ' ' || coalesce(industry, '') || ' ' || coalesce(website, ''))) STORED,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "embedding_cache" (
	"content_hash" varchar(64) NOT NULL,
	"model" varchar(100) NOT NULL,
	"embedding" vector(1536) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incoming_customers" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"company_name" varchar(300),
	"contact_name" varchar(200),
	"email" varchar(320),
	"phone" varchar(50),
	"address_line1" varchar(300),
	"address_line2" varchar(300),
	"city" varchar(120),
	"state" varchar(120),
	"postal_code" varchar(20),
	"country" varchar(120),
	"industry" varchar(120),
	"revenue" numeric(18, 2),
	"employee_count" integer,
	"website" varchar(300),
	"description" text,
	"source_system" varchar(100) DEFAULT 'api' NOT NULL,
	"source_id" varchar(200),
	"name_normalized" varchar(300),
	"legal_form" varchar(40),
	"email_normalized" varchar(320),
	"email_domain" varchar(255),
	"phone_e164" varchar(20),
	"website_domain" varchar(255),
	"postal_code_normalized" varchar(20),
	"street_number" varchar(20),
	"company_name_embedding" vector(1536),
	"full_profile_embedding" vector(1536),
	"embedding_model" varchar(100),
	"processing_status" varchar(20) DEFAULT 'pending' NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone,
	"error_message" text,
	"needs_embedding" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matching_results" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"incoming_id" bigint NOT NULL,
	"customer_id" bigint NOT NULL,
	"similarity_score" real NOT NULL,
	"match_probability" real NOT NULL,
	"match_weight" real NOT NULL,
	"confidence_band" varchar(12) NOT NULL,
	"match_type" varchar(20) NOT NULL,
	"match_criteria" jsonb NOT NULL,
	"rank" integer DEFAULT 1 NOT NULL,
	"reviewed" boolean DEFAULT false NOT NULL,
	"review_decision" varchar(20),
	"reviewer" varchar(200),
	"reviewer_notes" text,
	"reviewed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "matching_results" ADD CONSTRAINT "matching_results_incoming_id_incoming_customers_id_fk" FOREIGN KEY ("incoming_id") REFERENCES "public"."incoming_customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matching_results" ADD CONSTRAINT "matching_results_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_at_idx" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE UNIQUE INDEX "customers_source_uq" ON "customers" USING btree ("source_system","source_id");--> statement-breakpoint
CREATE INDEX "customers_company_name_embedding_hnsw" ON "customers" USING hnsw ("company_name_embedding" vector_cosine_ops) WITH (m=16,ef_construction=64);--> statement-breakpoint
CREATE INDEX "customers_full_profile_embedding_hnsw" ON "customers" USING hnsw ("full_profile_embedding" vector_cosine_ops) WITH (m=16,ef_construction=64);--> statement-breakpoint
CREATE INDEX "customers_name_normalized_trgm" ON "customers" USING gin ("name_normalized" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_search_text_trgm" ON "customers" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "customers_email_normalized_idx" ON "customers" USING btree ("email_normalized");--> statement-breakpoint
CREATE INDEX "customers_email_domain_idx" ON "customers" USING btree ("email_domain");--> statement-breakpoint
CREATE INDEX "customers_phone_e164_idx" ON "customers" USING btree ("phone_e164");--> statement-breakpoint
CREATE INDEX "customers_website_domain_idx" ON "customers" USING btree ("website_domain");--> statement-breakpoint
CREATE INDEX "customers_name_normalized_idx" ON "customers" USING btree ("name_normalized");--> statement-breakpoint
CREATE INDEX "customers_postal_street_idx" ON "customers" USING btree ("postal_code_normalized","street_number");--> statement-breakpoint
CREATE INDEX "customers_city_idx" ON "customers" USING btree ("city");--> statement-breakpoint
CREATE INDEX "customers_country_idx" ON "customers" USING btree ("country");--> statement-breakpoint
CREATE UNIQUE INDEX "embedding_cache_pk" ON "embedding_cache" USING btree ("content_hash","model");--> statement-breakpoint
CREATE INDEX "incoming_status_received_idx" ON "incoming_customers" USING btree ("processing_status","received_at");--> statement-breakpoint
CREATE UNIQUE INDEX "incoming_source_uq" ON "incoming_customers" USING btree ("source_system","source_id");--> statement-breakpoint
CREATE UNIQUE INDEX "matching_results_pair_uq" ON "matching_results" USING btree ("incoming_id","customer_id");--> statement-breakpoint
CREATE INDEX "matching_results_band_idx" ON "matching_results" USING btree ("confidence_band","reviewed");--> statement-breakpoint
CREATE INDEX "matching_results_customer_idx" ON "matching_results" USING btree ("customer_id");