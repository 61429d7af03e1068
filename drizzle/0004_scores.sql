ALTER TABLE "matching_results" ALTER COLUMN "similarity_score" SET DATA TYPE double precision;--> statement-breakpoint
ALTER TABLE "matching_results" ALTER COLUMN "match_probability" SET DATA TYPE double precision;--> statement-breakpoint
ALTER TABLE "matching_results" ALTER COLUMN "match_weight" SET DATA TYPE double precision;