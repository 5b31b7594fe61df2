import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UmDesignations1795648240637 implements MigrationInterface {
  name = 'UmDesignations1795648240637';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TYPE \"public\".\"um_designations_designation_enum\" AS ENUM('LPEL', 'BRIDGING', 'ELTPA')",
    );
    await queryRunner.query(
      'CREATE TABLE "um_designations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "department_id" uuid NOT NULL, "fiscal_year" character(7) NOT NULL, "classification_id" uuid NOT NULL, "designation" "public"."um_designations_designation_enum" NOT NULL, "ladder_target_class_codes" character varying array NOT NULL DEFAULT \'{}\', CONSTRAINT "PK_20e108ec098b669a451f6fe984e" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_um_designations_class_year" ON "um_designations"  ("department_id", "fiscal_year", "classification_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "um_designations" ADD CONSTRAINT "FK_ab5ccefc14acd6700abe95b6d0e" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "um_designations" ADD CONSTRAINT "FK_dff640d85071ca70c6d0d238a5e" FOREIGN KEY ("classification_id") REFERENCES "classifications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "um_designations" DROP CONSTRAINT "FK_dff640d85071ca70c6d0d238a5e"',
    );
    await queryRunner.query(
      'ALTER TABLE "um_designations" DROP CONSTRAINT "FK_ab5ccefc14acd6700abe95b6d0e"',
    );
    await queryRunner.query('DROP INDEX "public"."UQ_um_designations_class_year"');
    await queryRunner.query('DROP TABLE "um_designations"');
    await queryRunner.query('DROP TYPE "public"."um_designations_designation_enum"');
  }
}
