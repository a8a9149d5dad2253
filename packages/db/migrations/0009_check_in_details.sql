ALTER TABLE "check_ins" ADD COLUMN "distance_km" double precision;--> statement-breakpoint
ALTER TABLE "check_ins" ADD COLUMN "leg_pain" text;--> statement-breakpoint
ALTER TABLE "check_ins" ADD COLUMN "note" text;--> statement-breakpoint
-- Where the pain reached: one of the core's LEG_PAIN values (knowledge base check-in-rules.ts).
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_leg_pain_ck" CHECK ("leg_pain" IS NULL OR "leg_pain" IN ('none', 'above_knee', 'below_knee'));
