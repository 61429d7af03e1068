CREATE INDEX "customers_company_name_sort_idx" ON "customers" USING btree ("company_name","id");--> statement-breakpoint
CREATE INDEX "customers_created_at_idx" ON "customers" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "incoming_received_at_idx" ON "incoming_customers" USING btree ("received_at");--> statement-breakpoint
CREATE INDEX "matching_results_created_at_idx" ON "matching_results" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "matching_results_reviewed_at_idx" ON "matching_results" USING btree ("reviewed_at");