CREATE TABLE "steward_sessions" (
	"id_hash" varchar(64) PRIMARY KEY NOT NULL,
	"api_key_id" bigint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_keys" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "steward_sessions" ADD CONSTRAINT "steward_sessions_api_key_id_api_keys_id_fk" FOREIGN KEY ("api_key_id") REFERENCES "public"."api_keys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "steward_sessions_api_key_idx" ON "steward_sessions" USING btree ("api_key_id");--> statement-breakpoint
CREATE INDEX "steward_sessions_expires_idx" ON "steward_sessions" USING btree ("expires_at");