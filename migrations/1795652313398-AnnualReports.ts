import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AnnualReports1795652313398 implements MigrationInterface {
  name = 'AnnualReports1795652313398';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "report_versions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "department_id" uuid NOT NULL, "kind" character varying(20) NOT NULL, "fiscal_year" character(7) NOT NULL, "version" integer NOT NULL, "status" character varying(20) NOT NULL, "schema_version" integer NOT NULL, "data" jsonb NOT NULL, "small_cell_threshold" integer NOT NULL, "department_json" bytea NOT NULL, "department_json_sha256" character(64) NOT NULL, "department_csv" bytea NOT NULL, "department_csv_sha256" character(64) NOT NULL, "oversight_json" bytea NOT NULL, "oversight_json_sha256" character(64) NOT NULL, "oversight_csv" bytea NOT NULL, "oversight_csv_sha256" character(64) NOT NULL, "certified_by" uuid NOT NULL, "certified_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "CHK_report_versions_version" CHECK ("version" >= 1), CONSTRAINT "CHK_report_versions_status" CHECK ("status" IN (\'CERTIFIED\')), CONSTRAINT "CHK_report_versions_kind" CHECK ("kind" IN (\'ANNUAL\')), CONSTRAINT "PK_6d3b864a941bf10036efe50ae81" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_report_versions_version" ON "report_versions"  ("department_id", "kind", "fiscal_year", "version") ',
    );
    await queryRunner.query(
      'ALTER TABLE "report_versions" ADD CONSTRAINT "FK_330b3086acf88a6bc77c54be2b7" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "report_versions" ADD CONSTRAINT "FK_8ac18efad656bf2889e627de5d2" FOREIGN KEY ("certified_by") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    // Added on review: a certified version is frozen; the database refuses to change or remove it.
    await queryRunner.query(
      `CREATE FUNCTION report_versions_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'report_versions is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
       END $$`,
    );
    await queryRunner.query(
      'CREATE TRIGGER report_versions_append_only BEFORE UPDATE OR DELETE ON "report_versions" FOR EACH ROW EXECUTE FUNCTION report_versions_refuse_change()',
    );
    await queryRunner.query(
      'CREATE TRIGGER report_versions_no_truncate BEFORE TRUNCATE ON "report_versions" FOR EACH STATEMENT EXECUTE FUNCTION report_versions_refuse_change()',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER report_versions_no_truncate ON "report_versions"');
    await queryRunner.query('DROP TRIGGER report_versions_append_only ON "report_versions"');
    await queryRunner.query('DROP FUNCTION report_versions_refuse_change()');
    await queryRunner.query(
      'ALTER TABLE "report_versions" DROP CONSTRAINT "FK_8ac18efad656bf2889e627de5d2"',
    );
    await queryRunner.query(
      'ALTER TABLE "report_versions" DROP CONSTRAINT "FK_330b3086acf88a6bc77c54be2b7"',
    );
    await queryRunner.query('DROP INDEX "public"."UQ_report_versions_version"');
    await queryRunner.query('DROP TABLE "report_versions"');
  }
}
