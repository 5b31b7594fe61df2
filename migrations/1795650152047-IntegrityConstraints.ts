import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IntegrityConstraints1795650152047 implements MigrationInterface {
  name = 'IntegrityConstraints1795650152047';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_program_applications_one_open" ON "program_applications"  ("employee_id") WHERE "status" IN (\'SUBMITTED\', \'WAITLISTED\')',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_program_participations_one_open" ON "program_participations"  ("employee_id") WHERE "withdrawn_on" IS NULL',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_career_plans_one_open" ON "career_plans"  ("employee_id") WHERE "state" NOT IN (\'COMPLETED\', \'WITHDRAWN\')',
    );
    await queryRunner.query(
      'ALTER TABLE "program_applications" ADD CONSTRAINT "FK_4d3d4ecd6d8e4a75841f76c6b50" FOREIGN KEY ("target_classification_id") REFERENCES "classifications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "program_applications" ADD CONSTRAINT "FK_6514fe71bbee907c1ba37c06589" FOREIGN KEY ("criteria_set_id") REFERENCES "selection_criteria_sets"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "program_participations" ADD CONSTRAINT "FK_71d0bcef1ce86960e427108305c" FOREIGN KEY ("application_id") REFERENCES "program_applications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "career_plans" ADD CONSTRAINT "FK_c99766939d319ab4bda39f36396" FOREIGN KEY ("participation_id") REFERENCES "program_participations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "career_plan_events" ADD CONSTRAINT "FK_3a2382cd1ef39da11d12758559d" FOREIGN KEY ("plan_id") REFERENCES "career_plans"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "training_records" ADD CONSTRAINT "FK_6a3a2502b2c2f404912e896864f" FOREIGN KEY ("plan_activity_id") REFERENCES "career_plan_activities"("id") ON DELETE SET NULL ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "training_records" DROP CONSTRAINT "FK_6a3a2502b2c2f404912e896864f"',
    );
    await queryRunner.query(
      'ALTER TABLE "career_plan_events" DROP CONSTRAINT "FK_3a2382cd1ef39da11d12758559d"',
    );
    await queryRunner.query(
      'ALTER TABLE "career_plans" DROP CONSTRAINT "FK_c99766939d319ab4bda39f36396"',
    );
    await queryRunner.query(
      'ALTER TABLE "program_participations" DROP CONSTRAINT "FK_71d0bcef1ce86960e427108305c"',
    );
    await queryRunner.query(
      'ALTER TABLE "program_applications" DROP CONSTRAINT "FK_6514fe71bbee907c1ba37c06589"',
    );
    await queryRunner.query(
      'ALTER TABLE "program_applications" DROP CONSTRAINT "FK_4d3d4ecd6d8e4a75841f76c6b50"',
    );
    await queryRunner.query('DROP INDEX "public"."UQ_career_plans_one_open"');
    await queryRunner.query('DROP INDEX "public"."UQ_program_participations_one_open"');
    await queryRunner.query('DROP INDEX "public"."UQ_program_applications_one_open"');
  }
}
