CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"content_id" text NOT NULL,
	"source" text NOT NULL,
	"sport" text NOT NULL,
	"sub_sport" text,
	"name" text,
	"start_time" timestamp with time zone,
	"duration_s" double precision,
	"moving_time_s" double precision,
	"distance_m" double precision NOT NULL,
	"elevation_gain_m" double precision,
	"elevation_loss_m" double precision,
	"avg_heart_rate_bpm" double precision,
	"max_heart_rate_bpm" double precision,
	"avg_cadence_spm" double precision,
	"avg_power_w" double precision,
	"dynamics" jsonb,
	"laps" jsonb NOT NULL,
	"series" jsonb,
	"shoe" text,
	"device" text,
	"file" text,
	"external_id" text,
	"warnings" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shoes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"reminder_km" double precision,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assessments" ADD COLUMN "training_answers" jsonb;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "shoes" ADD CONSTRAINT "shoes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "activities_user_content_uq" ON "activities" USING btree ("user_id","content_id");--> statement-breakpoint
CREATE INDEX "activities_user_start_idx" ON "activities" USING btree ("user_id","start_time");--> statement-breakpoint
CREATE UNIQUE INDEX "shoes_user_name_uq" ON "shoes" USING btree ("user_id","name");