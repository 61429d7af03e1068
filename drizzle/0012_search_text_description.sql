ALTER TABLE "customers" drop column "search_text";--> statement-breakpoint
ALTER TABLE "customers" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(coalesce(company_name, '') || ' ' || coalesce(contact_name, '') || ' ' || coalesce(email, '') || ' ' || coalesce(city, '') || ' ' || coalesce(country, '') || ' ' || coalesce(industry, '') || ' ' || coalesce(website, '') || ' ' || coalesce(description, ''))) STORED;--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "customers_search_text_trgm" ON "customers" USING gin ("search_text" gin_trgm_ops);
