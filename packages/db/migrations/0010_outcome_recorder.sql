-- Who recorded an outcome measure, kept when the clinician's account is deleted
-- (recorded_by is set null then, which used to read as "the runner recorded it").
ALTER TABLE "outcome_measures" ADD COLUMN "recorded_by_role" text;--> statement-breakpoint
ALTER TABLE "outcome_measures" ADD COLUMN "recorded_by_name" text;--> statement-breakpoint
-- Existing rows: a clinician where recorded_by is set, else the runner; the name is the one the
-- FHIR export showed until now (the clinician's first clinic membership's display name; NULL when
-- they have none, read as "A clinician"). Done here because a deleted account takes its memberships.
UPDATE "outcome_measures" AS o SET
  "recorded_by_role" = CASE WHEN o."recorded_by" IS NULL THEN 'runner' ELSE 'clinician' END,
  "recorded_by_name" = (
    SELECT m."display_name" FROM "clinic_members" AS m
    WHERE o."recorded_by" IS NOT NULL AND m."user_id" = o."recorded_by"
    ORDER BY m."created_at", m."id" LIMIT 1
  );--> statement-breakpoint
ALTER TABLE "outcome_measures" ALTER COLUMN "recorded_by_role" SET NOT NULL;--> statement-breakpoint
-- One of the core's OUTCOME_RECORDER_ROLES (packages/core/src/outcomes/outcomes.ts).
ALTER TABLE "outcome_measures" ADD CONSTRAINT "outcome_measures_recorded_by_role_ck" CHECK ("recorded_by_role" IN ('runner', 'clinician'));
