import type { MigrationInterface, QueryRunner } from 'typeorm';

export class EligibilityRuleSets1795651479309 implements MigrationInterface {
  name = 'EligibilityRuleSets1795651479309';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "eligibility_rule_sets" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "classification_id" uuid NOT NULL, "effective_from" date NOT NULL, "definition" jsonb NOT NULL, "illustrative" boolean NOT NULL DEFAULT false, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_23df3f81262e7c68a36b2f3dae2" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "UQ_eligibility_rule_sets_version" ON "eligibility_rule_sets"  ("classification_id", "effective_from") ',
    );
    await queryRunner.query(
      'ALTER TABLE "eligibility_rule_sets" ADD CONSTRAINT "FK_5c873ab66347819aabaf84e8c6a" FOREIGN KEY ("classification_id") REFERENCES "classifications"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE "eligibility_rule_sets" DROP CONSTRAINT "FK_5c873ab66347819aabaf84e8c6a"',
    );
    await queryRunner.query('DROP INDEX "public"."UQ_eligibility_rule_sets_version"');
    await queryRunner.query('DROP TABLE "eligibility_rule_sets"');
  }
}
