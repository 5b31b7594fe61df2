import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Certified renderings move from four fixed columns of report_versions to report_files, one row
 * per audience and format, so PDF and XLSX (and later formats) are stored the same way. Existing
 * certified bytes are copied unchanged; report_files is append-only like report_versions.
 */
export class ReportFiles1795657941257 implements MigrationInterface {
  name = 'ReportFiles1795657941257';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "report_files" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "report_version_id" uuid NOT NULL, "audience" character varying(20) NOT NULL, "format" character varying(10) NOT NULL, "content" bytea NOT NULL, "sha256" character(64) NOT NULL, "bytes" integer NOT NULL, CONSTRAINT "CHK_report_files_bytes" CHECK ("bytes" = octet_length("content")), CONSTRAINT "CHK_report_files_format" CHECK ("format" IN (\'json\', \'csv\', \'pdf\', \'xlsx\')), CONSTRAINT "CHK_report_files_audience" CHECK ("audience" IN (\'department\', \'oversight\')), CONSTRAINT "PK_d1284a8b0509229ef08ce8c4105" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_report_files_rendering" ON "report_files"  ("report_version_id", "audience", "format") ',
    );
    await queryRunner.query(
      'ALTER TABLE "report_files" ADD CONSTRAINT "FK_e3b68e6b698a8cb88dadcc1096b" FOREIGN KEY ("report_version_id") REFERENCES "report_versions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      `INSERT INTO "report_files" ("report_version_id", "audience", "format", "content", "sha256", "bytes")
       SELECT "id", 'department', 'json', "department_json", "department_json_sha256", octet_length("department_json") FROM "report_versions"`,
    );
    await queryRunner.query(
      `INSERT INTO "report_files" ("report_version_id", "audience", "format", "content", "sha256", "bytes")
       SELECT "id", 'department', 'csv', "department_csv", "department_csv_sha256", octet_length("department_csv") FROM "report_versions"`,
    );
    await queryRunner.query(
      `INSERT INTO "report_files" ("report_version_id", "audience", "format", "content", "sha256", "bytes")
       SELECT "id", 'oversight', 'json', "oversight_json", "oversight_json_sha256", octet_length("oversight_json") FROM "report_versions"`,
    );
    await queryRunner.query(
      `INSERT INTO "report_files" ("report_version_id", "audience", "format", "content", "sha256", "bytes")
       SELECT "id", 'oversight', 'csv', "oversight_csv", "oversight_csv_sha256", octet_length("oversight_csv") FROM "report_versions"`,
    );
    await queryRunner.query(
      'ALTER TABLE "report_versions" DROP COLUMN "department_json", DROP COLUMN "department_json_sha256"',
    );
    await queryRunner.query(
      'ALTER TABLE "report_versions" DROP COLUMN "department_csv", DROP COLUMN "department_csv_sha256"',
    );
    await queryRunner.query(
      'ALTER TABLE "report_versions" DROP COLUMN "oversight_json", DROP COLUMN "oversight_json_sha256"',
    );
    await queryRunner.query(
      'ALTER TABLE "report_versions" DROP COLUMN "oversight_csv", DROP COLUMN "oversight_csv_sha256"',
    );
    await queryRunner.query(
      `CREATE FUNCTION report_files_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'report_files is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
       END $$`,
    );
    await queryRunner.query(
      'CREATE TRIGGER report_files_append_only BEFORE UPDATE OR DELETE ON "report_files" FOR EACH ROW EXECUTE FUNCTION report_files_refuse_change()',
    );
    await queryRunner.query(
      'CREATE TRIGGER report_files_no_truncate BEFORE TRUNCATE ON "report_files" FOR EACH STATEMENT EXECUTE FUNCTION report_files_refuse_change()',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // Putting the JSON/CSV bytes back means updating append-only rows: only this migration may.
    await queryRunner.query(
      'ALTER TABLE "report_versions" DISABLE TRIGGER report_versions_append_only',
    );
    await queryRunner.query(
      'ALTER TABLE "report_versions" ADD "department_json" bytea, ADD "department_json_sha256" character(64)',
    );
    await queryRunner.query(
      'ALTER TABLE "report_versions" ADD "department_csv" bytea, ADD "department_csv_sha256" character(64)',
    );
    await queryRunner.query(
      'ALTER TABLE "report_versions" ADD "oversight_json" bytea, ADD "oversight_json_sha256" character(64)',
    );
    await queryRunner.query(
      'ALTER TABLE "report_versions" ADD "oversight_csv" bytea, ADD "oversight_csv_sha256" character(64)',
    );
    await queryRunner.query(
      `UPDATE "report_versions" v SET "department_json" = f."content", "department_json_sha256" = f."sha256"
         FROM "report_files" f WHERE f."report_version_id" = v."id" AND f."audience" = 'department' AND f."format" = 'json'`,
    );
    await queryRunner.query(
      `UPDATE "report_versions" v SET "department_csv" = f."content", "department_csv_sha256" = f."sha256"
         FROM "report_files" f WHERE f."report_version_id" = v."id" AND f."audience" = 'department' AND f."format" = 'csv'`,
    );
    await queryRunner.query(
      `UPDATE "report_versions" v SET "oversight_json" = f."content", "oversight_json_sha256" = f."sha256"
         FROM "report_files" f WHERE f."report_version_id" = v."id" AND f."audience" = 'oversight' AND f."format" = 'json'`,
    );
    await queryRunner.query(
      `UPDATE "report_versions" v SET "oversight_csv" = f."content", "oversight_csv_sha256" = f."sha256"
         FROM "report_files" f WHERE f."report_version_id" = v."id" AND f."audience" = 'oversight' AND f."format" = 'csv'`,
    );
    await queryRunner.query(
      'ALTER TABLE "report_versions" ALTER "department_json" SET NOT NULL, ALTER "department_json_sha256" SET NOT NULL',
    );
    await queryRunner.query(
      'ALTER TABLE "report_versions" ALTER "department_csv" SET NOT NULL, ALTER "department_csv_sha256" SET NOT NULL',
    );
    await queryRunner.query(
      'ALTER TABLE "report_versions" ALTER "oversight_json" SET NOT NULL, ALTER "oversight_json_sha256" SET NOT NULL',
    );
    await queryRunner.query(
      'ALTER TABLE "report_versions" ALTER "oversight_csv" SET NOT NULL, ALTER "oversight_csv_sha256" SET NOT NULL',
    );
    await queryRunner.query(
      'ALTER TABLE "report_versions" ENABLE TRIGGER report_versions_append_only',
    );
    await queryRunner.query('DROP TRIGGER report_files_no_truncate ON "report_files"');
    await queryRunner.query('DROP TRIGGER report_files_append_only ON "report_files"');
    await queryRunner.query('DROP FUNCTION report_files_refuse_change()');
    await queryRunner.query('DROP TABLE "report_files"');
  }
}
