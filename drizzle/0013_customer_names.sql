CREATE TABLE "customer_names" (
	"customer_id" bigint PRIMARY KEY NOT NULL,
	"name_normalized" varchar(300) NOT NULL
);
--> statement-breakpoint
DROP INDEX "customers_name_normalized_trgm";--> statement-breakpoint
ALTER TABLE "customer_names" ADD CONSTRAINT "customer_names_customer_id_customers_id_fk" FOREIGN KEY ("customer_id") REFERENCES "public"."customers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "customer_names_name_trgm" ON "customer_names" USING gin ("name_normalized" gin_trgm_ops);--> statement-breakpoint
CREATE OR REPLACE FUNCTION customer_names_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.name_normalized IS NULL OR NEW.name_normalized = '' THEN
    DELETE FROM customer_names WHERE customer_id = NEW.id;
  ELSE
    INSERT INTO customer_names (customer_id, name_normalized) VALUES (NEW.id, NEW.name_normalized)
    ON CONFLICT (customer_id) DO UPDATE SET name_normalized = EXCLUDED.name_normalized;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER customers_name_sync AFTER INSERT OR UPDATE OF name_normalized ON customers FOR EACH ROW EXECUTE FUNCTION customer_names_sync();
--> statement-breakpoint
INSERT INTO customer_names (customer_id, name_normalized)
SELECT id, name_normalized FROM customers WHERE name_normalized IS NOT NULL AND name_normalized <> ''
ON CONFLICT (customer_id) DO NOTHING;
