import type { MigrationInterface, QueryRunner } from 'typeorm';

export class DepartmentUmCoordinator1795651622100 implements MigrationInterface {
  name = 'DepartmentUmCoordinator1795651622100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "departments" ADD "um_coordinator_user_id" uuid');
    // A plain FK (no TypeORM relation: users already reference departments, and a relation both
    // ways would make the entity modules import each other).
    await queryRunner.query(
      'ALTER TABLE "departments" ADD CONSTRAINT "FK_departments_um_coordinator" FOREIGN KEY ("um_coordinator_user_id") REFERENCES "users"("id") ON DELETE SET NULL',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "departments" DROP CONSTRAINT "FK_departments_um_coordinator"',
    );
    await queryRunner.query('ALTER TABLE "departments" DROP COLUMN "um_coordinator_user_id"');
  }
}
