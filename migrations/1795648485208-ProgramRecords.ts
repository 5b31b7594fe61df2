import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ProgramRecords1795648485208 implements MigrationInterface {
  name = 'ProgramRecords1795648485208';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TYPE \"public\".\"employees_time_base_enum\" AS ENUM('FULL_TIME', 'PART_TIME', 'INTERMITTENT')",
    );
    await queryRunner.query(
      'CREATE TYPE "public"."employees_status_enum" AS ENUM(\'ACTIVE\', \'SEPARATED\')',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"employees_education_level_enum\" AS ENUM('NONE', 'HIGH_SCHOOL', 'ASSOCIATE', 'BACHELOR', 'MASTER', 'DOCTORATE')",
    );
    await queryRunner.query(
      'CREATE TABLE "employees" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "department_id" uuid NOT NULL, "employee_number" character varying(20) NOT NULL, "first_name" character varying(100) NOT NULL, "last_name" character varying(100) NOT NULL, "work_email" character varying(254), "classification_id" uuid NOT NULL, "position_number" character varying(30), "time_base" "public"."employees_time_base_enum" NOT NULL DEFAULT \'FULL_TIME\', "time_base_fraction" numeric(4,3) NOT NULL DEFAULT \'1\', "hire_date" date NOT NULL, "supervisor_id" uuid, "status" "public"."employees_status_enum" NOT NULL DEFAULT \'ACTIVE\', "separated_on" date, "education_level" "public"."employees_education_level_enum", "college_semester_units" numeric(6,1) NOT NULL DEFAULT \'0\', "licenses" character varying array NOT NULL DEFAULT \'{}\', "ethnicities" character varying array, "gender" character varying(20), "disability" character varying(10), "veteran" character varying(10), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_b9535a98350d5b26e7eb0c26af4" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_employees_supervisor" ON "employees"  ("supervisor_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_employees_department_class" ON "employees"  ("department_id", "classification_id") ',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_employees_department_number" ON "employees"  ("department_id", "employee_number") ',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"program_applications_status_enum\" AS ENUM('SUBMITTED', 'ACCEPTED', 'WAITLISTED', 'DECLINED', 'WITHDRAWN')",
    );
    await queryRunner.query(
      'CREATE TABLE "program_applications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "department_id" uuid NOT NULL, "employee_id" uuid NOT NULL, "target_classification_id" uuid NOT NULL, "interests" text NOT NULL DEFAULT \'\', "statement" text NOT NULL DEFAULT \'\', "submitted_on" date NOT NULL, "supervisor_acknowledged_at" TIMESTAMP WITH TIME ZONE, "supervisor_acknowledged_by" uuid, "status" "public"."program_applications_status_enum" NOT NULL DEFAULT \'SUBMITTED\', "criteria_set_id" uuid, "scores" jsonb, "total_score" numeric(7,3), "decision_reason" text, "decided_on" date, "decided_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_ec405d47bdf0eea2bd8a0b4aaed" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_program_applications_employee" ON "program_applications"  ("employee_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_program_applications_department_status" ON "program_applications"  ("department_id", "status") ',
    );
    await queryRunner.query(
      'CREATE TABLE "program_participations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "department_id" uuid NOT NULL, "employee_id" uuid NOT NULL, "application_id" uuid NOT NULL, "started_on" date NOT NULL, "withdrawn_on" date, "withdrawal_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_3bec5f272af2054bce298499fb1" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_program_participations_employee" ON "program_participations"  ("employee_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_program_participations_department" ON "program_participations"  ("department_id", "started_on") ',
    );
    await queryRunner.query(
      'CREATE TABLE "selection_criteria_sets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "department_id" uuid NOT NULL, "version" integer NOT NULL, "effective_from" date NOT NULL, "criteria" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_12b56928c0a0db3568b38d02dc5" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_selection_criteria_sets_version" ON "selection_criteria_sets"  ("department_id", "version") ',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"appointments_type_enum\" AS ENUM('HIRE', 'PROMOTION', 'TRANSFER', 'TD_START', 'TD_END', 'DEMOTION', 'SEPARATION')",
    );
    await queryRunner.query(
      'CREATE TABLE "appointments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "employee_id" uuid NOT NULL, "department_id" uuid NOT NULL, "effective_date" date NOT NULL, "type" "public"."appointments_type_enum" NOT NULL, "from_classification_id" uuid, "to_classification_id" uuid, "time_base_fraction" numeric(4,3) NOT NULL DEFAULT \'1\', "from_designation" character varying(10) NOT NULL DEFAULT \'NONE\', "to_designation" character varying(10) NOT NULL DEFAULT \'NONE\', "is_upward_mobility_move" boolean NOT NULL DEFAULT false, "notes" character varying(500), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_4a437a9a27e948726b8bb3e36ad" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_appointments_department_date" ON "appointments"  ("department_id", "effective_date") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_appointments_employee_date" ON "appointments"  ("employee_id", "effective_date") ',
    );
    await queryRunner.query(
      'CREATE TABLE "career_conversations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "department_id" uuid NOT NULL, "employee_id" uuid NOT NULL, "held_on" date NOT NULL, "held_by_user_id" uuid NOT NULL, "summary" character varying(2000) NOT NULL, "next_steps" character varying(2000) NOT NULL DEFAULT \'\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5c43cd920aa8dd8f12e8f7fa4ef" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_career_conversations_department" ON "career_conversations"  ("department_id", "held_on") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_career_conversations_employee" ON "career_conversations"  ("employee_id", "held_on") ',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"career_plan_activities_kind_enum\" AS ENUM('TRAINING', 'COLLEGE_COURSE', 'TD_ASSIGNMENT', 'OJT', 'MENTORING', 'EXAM', 'OTHER')",
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"career_plan_activities_status_enum\" AS ENUM('PLANNED', 'DONE', 'DROPPED')",
    );
    await queryRunner.query(
      'CREATE TABLE "career_plan_activities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "kind" "public"."career_plan_activities_kind_enum" NOT NULL, "description" character varying(500) NOT NULL, "target_date" date, "planned_hours" numeric(7,2), "status" "public"."career_plan_activities_status_enum" NOT NULL DEFAULT \'PLANNED\', "source_requirement" character varying(200), CONSTRAINT "PK_6f65c06f7463e720ad2d49e3967" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_career_plan_activities_plan" ON "career_plan_activities"  ("plan_id") ',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"career_plans_state_enum\" AS ENUM('DRAFT', 'SUBMITTED', 'APPROVED', 'RETURNED', 'COMPLETED', 'WITHDRAWN')",
    );
    await queryRunner.query(
      'CREATE TABLE "career_plans" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "department_id" uuid NOT NULL, "employee_id" uuid NOT NULL, "participation_id" uuid, "target_class_codes" character varying array NOT NULL DEFAULT \'{}\', "goals" text NOT NULL DEFAULT \'\', "state" "public"."career_plans_state_enum" NOT NULL DEFAULT \'DRAFT\', "submitted_at" TIMESTAMP WITH TIME ZONE, "approved_at" TIMESTAMP WITH TIME ZONE, "approved_by" uuid, "last_comment" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_474b113c3d32ddd89a4eeee9a70" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_career_plans_employee" ON "career_plans"  ("employee_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_career_plans_department_state" ON "career_plans"  ("department_id", "state") ',
    );
    await queryRunner.query(
      'CREATE TABLE "career_plan_events" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "plan_id" uuid NOT NULL, "action" character varying(20) NOT NULL, "from_state" character varying(20) NOT NULL, "to_state" character varying(20) NOT NULL, "actor_user_id" uuid NOT NULL, "actor_role" character varying(20) NOT NULL, "actor_relation" character varying(20) NOT NULL, "comment" text, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d8edd71f74b0fdb3b1e9ed08a04" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_career_plan_events_plan" ON "career_plan_events"  ("plan_id", "occurred_at") ',
    );
    await queryRunner.query(
      'CREATE TABLE "exam_list_eligibilities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "employee_id" uuid NOT NULL, "classification_id" uuid NOT NULL, "list_date" date NOT NULL, "expires_on" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a12015cf014b1b6f33d569fe54b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_exam_list_eligibilities_employee" ON "exam_list_eligibilities"  ("employee_id") ',
    );
    await queryRunner.query(
      'CREATE TABLE "annual_goals" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "department_id" uuid NOT NULL, "fiscal_year" character(7) NOT NULL, "move_goal" integer NOT NULL, "move_goals_by_class" jsonb NOT NULL DEFAULT \'[]\', "participant_goal" integer NOT NULL DEFAULT \'0\', "plan_goal" integer NOT NULL DEFAULT \'0\', "training_hours_goal" numeric(10,2) NOT NULL DEFAULT \'0\', "apprentice_goal" integer, "budget" numeric(12,2), "narrative" text NOT NULL DEFAULT \'\', "missed_goals_explanation" text, "two_year_plan" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_a3d3a79e4f595af29e8e9bbb5ca" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_annual_goals_department_year" ON "annual_goals"  ("department_id", "fiscal_year") ',
    );
    await queryRunner.query(
      'CREATE TABLE "td_assignments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "department_id" uuid NOT NULL, "employee_id" uuid NOT NULL, "host_unit" character varying(200) NOT NULL, "host_department" character varying(200), "work_classification_id" uuid NOT NULL, "start_date" date NOT NULL, "planned_end_date" date NOT NULL, "actual_end_date" date, "time_base_fraction" numeric(4,3) NOT NULL DEFAULT \'1\', "early_end_requested_on" date, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_6448e8d4dc5c35f4443714e90d7" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_td_assignments_department" ON "td_assignments"  ("department_id", "start_date") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_td_assignments_employee" ON "td_assignments"  ("employee_id", "start_date") ',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"training_records_kind_enum\" AS ENUM('CLASSROOM', 'ONLINE', 'COLLEGE_COURSE', 'OJT', 'MENTORING', 'CONFERENCE')",
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"training_records_status_enum\" AS ENUM('REPORTED', 'VERIFIED', 'REJECTED')",
    );
    await queryRunner.query(
      'CREATE TABLE "training_records" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "department_id" uuid NOT NULL, "employee_id" uuid NOT NULL, "title" character varying(300) NOT NULL, "provider" character varying(200) NOT NULL DEFAULT \'\', "kind" "public"."training_records_kind_enum" NOT NULL, "hours" numeric(6,2) NOT NULL, "semester_units" numeric(4,1), "start_date" date NOT NULL, "completion_date" date NOT NULL, "fiscal_year" character(7) NOT NULL, "on_state_time" boolean NOT NULL, "cost" numeric(10,2), "plan_activity_id" uuid, "status" "public"."training_records_status_enum" NOT NULL DEFAULT \'REPORTED\', "reported_by" uuid NOT NULL, "verified_by" uuid, "verified_at" TIMESTAMP WITH TIME ZONE, "rejection_reason" text, "exceeds_state_time_cap" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "PK_e5be03d302b74d727130886edec" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_training_records_employee" ON "training_records"  ("employee_id", "completion_date") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_training_records_department_year" ON "training_records"  ("department_id", "fiscal_year") ',
    );
    await queryRunner.query(
      'CREATE TABLE "training_evidence_files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "training_record_id" uuid NOT NULL, "file_name" character varying(255) NOT NULL, "media_type" character varying(100) NOT NULL, "size_bytes" integer NOT NULL, "sha256" character(64) NOT NULL, "uploaded_by" uuid NOT NULL, "uploaded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_fc9ac2caea822070b6f4ecda23f" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_training_evidence_files_record" ON "training_evidence_files"  ("training_record_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "employees" ADD CONSTRAINT "FK_678a3540f843823784b0fe4a4f2" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "employees" ADD CONSTRAINT "FK_2c4507888c547ef5818e731abb4" FOREIGN KEY ("classification_id") REFERENCES "classifications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "employees" ADD CONSTRAINT "FK_181c77ee98271345a511cd02926" FOREIGN KEY ("supervisor_id") REFERENCES "employees"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "program_applications" ADD CONSTRAINT "FK_9db8b4c75a27a61adffb16a1619" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "program_applications" ADD CONSTRAINT "FK_abd746814c59de82764470560b8" FOREIGN KEY ("employee_id") REFERENCES "employees"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "program_participations" ADD CONSTRAINT "FK_b5b232cd860789e1c002abdfce8" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "program_participations" ADD CONSTRAINT "FK_442f93690a3f448c170aaccc374" FOREIGN KEY ("employee_id") REFERENCES "employees"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "selection_criteria_sets" ADD CONSTRAINT "FK_2c3ff9b611a559c9ea05f65d8ba" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "appointments" ADD CONSTRAINT "FK_f4e3a19c74dac65a223368fa9a0" FOREIGN KEY ("employee_id") REFERENCES "employees"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "appointments" ADD CONSTRAINT "FK_8592c8a9f19602a39b5a0439972" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "appointments" ADD CONSTRAINT "FK_7f3890a19edc372dccdd5d90041" FOREIGN KEY ("from_classification_id") REFERENCES "classifications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "appointments" ADD CONSTRAINT "FK_7dd16b5b8e5396aeec4870fbce5" FOREIGN KEY ("to_classification_id") REFERENCES "classifications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "users" ADD CONSTRAINT "FK_9760615d88ed518196bb79ea03d" FOREIGN KEY ("employee_id") REFERENCES "employees"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "career_conversations" ADD CONSTRAINT "FK_a5a6eba16e17ee7621d70008be4" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "career_conversations" ADD CONSTRAINT "FK_2da44c093d7f40b1b5c474acd7c" FOREIGN KEY ("employee_id") REFERENCES "employees"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "career_plan_activities" ADD CONSTRAINT "FK_75268d98884105a8c0de24ecbfa" FOREIGN KEY ("plan_id") REFERENCES "career_plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "career_plans" ADD CONSTRAINT "FK_b675f61e2ac358a73459c808577" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "career_plans" ADD CONSTRAINT "FK_b281de7e68b0e0ded7ae5aecc76" FOREIGN KEY ("employee_id") REFERENCES "employees"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "exam_list_eligibilities" ADD CONSTRAINT "FK_5819036741090a2aebd616ce055" FOREIGN KEY ("employee_id") REFERENCES "employees"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "exam_list_eligibilities" ADD CONSTRAINT "FK_7b2a1605792cc96ed9afe9a8979" FOREIGN KEY ("classification_id") REFERENCES "classifications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "annual_goals" ADD CONSTRAINT "FK_d2808d2cc74a8127637acf03f5a" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "td_assignments" ADD CONSTRAINT "FK_e44aaa57de7c986641376969d84" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "td_assignments" ADD CONSTRAINT "FK_49b07e93a8e144f0a354c861431" FOREIGN KEY ("employee_id") REFERENCES "employees"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "td_assignments" ADD CONSTRAINT "FK_5e2b9c2e36d89449053d927fe05" FOREIGN KEY ("work_classification_id") REFERENCES "classifications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "training_records" ADD CONSTRAINT "FK_a22de695ce1e77c50845feb62cf" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "training_records" ADD CONSTRAINT "FK_565ef88897d38be322b45e674ff" FOREIGN KEY ("employee_id") REFERENCES "employees"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "training_evidence_files" ADD CONSTRAINT "FK_b13430fb936c643faf2466a3fa7" FOREIGN KEY ("training_record_id") REFERENCES "training_records"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "training_evidence_files" DROP CONSTRAINT "FK_b13430fb936c643faf2466a3fa7"',
    );
    await queryRunner.query(
      'ALTER TABLE "training_records" DROP CONSTRAINT "FK_565ef88897d38be322b45e674ff"',
    );
    await queryRunner.query(
      'ALTER TABLE "training_records" DROP CONSTRAINT "FK_a22de695ce1e77c50845feb62cf"',
    );
    await queryRunner.query(
      'ALTER TABLE "td_assignments" DROP CONSTRAINT "FK_5e2b9c2e36d89449053d927fe05"',
    );
    await queryRunner.query(
      'ALTER TABLE "td_assignments" DROP CONSTRAINT "FK_49b07e93a8e144f0a354c861431"',
    );
    await queryRunner.query(
      'ALTER TABLE "td_assignments" DROP CONSTRAINT "FK_e44aaa57de7c986641376969d84"',
    );
    await queryRunner.query(
      'ALTER TABLE "annual_goals" DROP CONSTRAINT "FK_d2808d2cc74a8127637acf03f5a"',
    );
    await queryRunner.query(
      'ALTER TABLE "exam_list_eligibilities" DROP CONSTRAINT "FK_7b2a1605792cc96ed9afe9a8979"',
    );
    await queryRunner.query(
      'ALTER TABLE "exam_list_eligibilities" DROP CONSTRAINT "FK_5819036741090a2aebd616ce055"',
    );
    await queryRunner.query(
      'ALTER TABLE "career_plans" DROP CONSTRAINT "FK_b281de7e68b0e0ded7ae5aecc76"',
    );
    await queryRunner.query(
      'ALTER TABLE "career_plans" DROP CONSTRAINT "FK_b675f61e2ac358a73459c808577"',
    );
    await queryRunner.query(
      'ALTER TABLE "career_plan_activities" DROP CONSTRAINT "FK_75268d98884105a8c0de24ecbfa"',
    );
    await queryRunner.query(
      'ALTER TABLE "career_conversations" DROP CONSTRAINT "FK_2da44c093d7f40b1b5c474acd7c"',
    );
    await queryRunner.query(
      'ALTER TABLE "career_conversations" DROP CONSTRAINT "FK_a5a6eba16e17ee7621d70008be4"',
    );
    await queryRunner.query('ALTER TABLE "users" DROP CONSTRAINT "FK_9760615d88ed518196bb79ea03d"');
    await queryRunner.query(
      'ALTER TABLE "appointments" DROP CONSTRAINT "FK_7dd16b5b8e5396aeec4870fbce5"',
    );
    await queryRunner.query(
      'ALTER TABLE "appointments" DROP CONSTRAINT "FK_7f3890a19edc372dccdd5d90041"',
    );
    await queryRunner.query(
      'ALTER TABLE "appointments" DROP CONSTRAINT "FK_8592c8a9f19602a39b5a0439972"',
    );
    await queryRunner.query(
      'ALTER TABLE "appointments" DROP CONSTRAINT "FK_f4e3a19c74dac65a223368fa9a0"',
    );
    await queryRunner.query(
      'ALTER TABLE "selection_criteria_sets" DROP CONSTRAINT "FK_2c3ff9b611a559c9ea05f65d8ba"',
    );
    await queryRunner.query(
      'ALTER TABLE "program_participations" DROP CONSTRAINT "FK_442f93690a3f448c170aaccc374"',
    );
    await queryRunner.query(
      'ALTER TABLE "program_participations" DROP CONSTRAINT "FK_b5b232cd860789e1c002abdfce8"',
    );
    await queryRunner.query(
      'ALTER TABLE "program_applications" DROP CONSTRAINT "FK_abd746814c59de82764470560b8"',
    );
    await queryRunner.query(
      'ALTER TABLE "program_applications" DROP CONSTRAINT "FK_9db8b4c75a27a61adffb16a1619"',
    );
    await queryRunner.query(
      'ALTER TABLE "employees" DROP CONSTRAINT "FK_181c77ee98271345a511cd02926"',
    );
    await queryRunner.query(
      'ALTER TABLE "employees" DROP CONSTRAINT "FK_2c4507888c547ef5818e731abb4"',
    );
    await queryRunner.query(
      'ALTER TABLE "employees" DROP CONSTRAINT "FK_678a3540f843823784b0fe4a4f2"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_training_evidence_files_record"');
    await queryRunner.query('DROP TABLE "training_evidence_files"');
    await queryRunner.query('DROP INDEX "public"."IDX_training_records_department_year"');
    await queryRunner.query('DROP INDEX "public"."IDX_training_records_employee"');
    await queryRunner.query('DROP TABLE "training_records"');
    await queryRunner.query('DROP TYPE "public"."training_records_status_enum"');
    await queryRunner.query('DROP TYPE "public"."training_records_kind_enum"');
    await queryRunner.query('DROP INDEX "public"."IDX_td_assignments_employee"');
    await queryRunner.query('DROP INDEX "public"."IDX_td_assignments_department"');
    await queryRunner.query('DROP TABLE "td_assignments"');
    await queryRunner.query('DROP INDEX "public"."UQ_annual_goals_department_year"');
    await queryRunner.query('DROP TABLE "annual_goals"');
    await queryRunner.query('DROP INDEX "public"."IDX_exam_list_eligibilities_employee"');
    await queryRunner.query('DROP TABLE "exam_list_eligibilities"');
    await queryRunner.query('DROP INDEX "public"."IDX_career_plan_events_plan"');
    await queryRunner.query('DROP TABLE "career_plan_events"');
    await queryRunner.query('DROP INDEX "public"."IDX_career_plans_department_state"');
    await queryRunner.query('DROP INDEX "public"."IDX_career_plans_employee"');
    await queryRunner.query('DROP TABLE "career_plans"');
    await queryRunner.query('DROP TYPE "public"."career_plans_state_enum"');
    await queryRunner.query('DROP INDEX "public"."IDX_career_plan_activities_plan"');
    await queryRunner.query('DROP TABLE "career_plan_activities"');
    await queryRunner.query('DROP TYPE "public"."career_plan_activities_status_enum"');
    await queryRunner.query('DROP TYPE "public"."career_plan_activities_kind_enum"');
    await queryRunner.query('DROP INDEX "public"."IDX_career_conversations_employee"');
    await queryRunner.query('DROP INDEX "public"."IDX_career_conversations_department"');
    await queryRunner.query('DROP TABLE "career_conversations"');
    await queryRunner.query('DROP INDEX "public"."IDX_appointments_employee_date"');
    await queryRunner.query('DROP INDEX "public"."IDX_appointments_department_date"');
    await queryRunner.query('DROP TABLE "appointments"');
    await queryRunner.query('DROP TYPE "public"."appointments_type_enum"');
    await queryRunner.query('DROP INDEX "public"."UQ_selection_criteria_sets_version"');
    await queryRunner.query('DROP TABLE "selection_criteria_sets"');
    await queryRunner.query('DROP INDEX "public"."IDX_program_participations_department"');
    await queryRunner.query('DROP INDEX "public"."IDX_program_participations_employee"');
    await queryRunner.query('DROP TABLE "program_participations"');
    await queryRunner.query('DROP INDEX "public"."IDX_program_applications_department_status"');
    await queryRunner.query('DROP INDEX "public"."IDX_program_applications_employee"');
    await queryRunner.query('DROP TABLE "program_applications"');
    await queryRunner.query('DROP TYPE "public"."program_applications_status_enum"');
    await queryRunner.query('DROP INDEX "public"."UQ_employees_department_number"');
    await queryRunner.query('DROP INDEX "public"."IDX_employees_department_class"');
    await queryRunner.query('DROP INDEX "public"."IDX_employees_supervisor"');
    await queryRunner.query('DROP TABLE "employees"');
    await queryRunner.query('DROP TYPE "public"."employees_education_level_enum"');
    await queryRunner.query('DROP TYPE "public"."employees_status_enum"');
    await queryRunner.query('DROP TYPE "public"."employees_time_base_enum"');
  }
}
