import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Imports1795659186345 implements MigrationInterface {
  name = 'Imports1795659186345';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TYPE "public"."import_runs_kind_enum" AS ENUM(\'roster\', \'training\')',
    );
    await queryRunner.query(
      'CREATE TYPE "public"."import_runs_format_enum" AS ENUM(\'csv\', \'xlsx\')',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"import_runs_status_enum\" AS ENUM('RUNNING', 'VALIDATED', 'APPLIED', 'REJECTED', 'FAILED')",
    );
    await queryRunner.query(
      'CREATE TABLE "import_runs" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "department_id" uuid NOT NULL, "kind" "public"."import_runs_kind_enum" NOT NULL, "dry_run" boolean NOT NULL, "file_name" character varying(255) NOT NULL, "file_sha256" character(64) NOT NULL, "file_bytes" bigint NOT NULL, "format" "public"."import_runs_format_enum" NOT NULL, "status" "public"."import_runs_status_enum" NOT NULL, "row_count" integer NOT NULL DEFAULT \'0\', "created_count" integer NOT NULL DEFAULT \'0\', "updated_count" integer NOT NULL DEFAULT \'0\', "unchanged_count" integer NOT NULL DEFAULT \'0\', "rejected_count" integer NOT NULL DEFAULT \'0\', "problem_count" integer NOT NULL DEFAULT \'0\', "problems" jsonb NOT NULL DEFAULT \'[]\', "created_by" uuid NOT NULL, "request_id" character varying(128), "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_2f4f95d6fde4a7602f6b79f10e8" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_import_runs_department_started" ON "import_runs"  ("department_id", "started_at") ',
    );
    await queryRunner.query(
      'ALTER TABLE "import_runs" ADD CONSTRAINT "FK_799a500a703527d5c7cb6c7c268" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "import_runs" DROP CONSTRAINT "FK_799a500a703527d5c7cb6c7c268"',
    );
    await queryRunner.query('DROP INDEX "public"."IDX_import_runs_department_started"');
    await queryRunner.query('DROP TABLE "import_runs"');
    await queryRunner.query('DROP TYPE "public"."import_runs_status_enum"');
    await queryRunner.query('DROP TYPE "public"."import_runs_format_enum"');
    await queryRunner.query('DROP TYPE "public"."import_runs_kind_enum"');
  }
}
