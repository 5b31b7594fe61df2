import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ReferenceData1795646928632 implements MigrationInterface {
  name = 'ReferenceData1795646928632';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TYPE \"public\".\"classifications_occupational_group_enum\" AS ENUM('CUSTODIAL_DOMESTIC', 'HORTICULTURE', 'MECHANICAL_CONSTRUCTION_TRADES', 'OFFICE_ALLIED', 'CAREER_DEVELOPMENT_BRIDGING', 'AGRICULTURE_CONSERVATION', 'EDUCATION_LIBRARY', 'ENGINEERING_ALLIED', 'FISCAL_MANAGEMENT_STAFF_SERVICES', 'LEGAL', 'MEDICAL', 'DISASTER', 'PROTECTIVE_SERVICES_PUBLIC_SAFETY', 'SOCIAL_SECURITY_REHABILITATION', 'OTHER')",
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"classifications_eeo4_category_enum\" AS ENUM('OFFICIALS_ADMINISTRATORS', 'PROFESSIONALS', 'TECHNICIANS', 'PROTECTIVE_SERVICE_SWORN', 'PROTECTIVE_SERVICE_NON_SWORN', 'ADMINISTRATIVE_SUPPORT', 'SKILLED_CRAFT', 'SERVICE_MAINTENANCE')",
    );
    await queryRunner.query(
      'CREATE TABLE "classifications" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "class_code" character varying(10) NOT NULL, "title" character varying(200) NOT NULL, "occupational_group" "public"."classifications_occupational_group_enum" NOT NULL, "salary_low" numeric(10,2) NOT NULL, "salary_high" numeric(10,2) NOT NULL, "eeo4_category" "public"."classifications_eeo4_category_enum" NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "UQ_954dd9035b583e284c9f687bf37" UNIQUE ("class_code"), CONSTRAINT "PK_58d976e264f75fc0ea006718856" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE TABLE "departments" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(20) NOT NULL, "name" character varying(200) NOT NULL, "report_due_month_day" character(5) NOT NULL DEFAULT \'07-01\', "state_time_training_cap_hours" numeric(7,2), "small_cell_threshold" integer NOT NULL DEFAULT \'5\', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "UQ_91fddbe23e927e1e525c152baa3" UNIQUE ("code"), CONSTRAINT "PK_839517a681a86bb84cbcc6a1e9d" PRIMARY KEY ("id"))',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE "departments"');
    await queryRunner.query('DROP TABLE "classifications"');
    await queryRunner.query('DROP TYPE "public"."classifications_eeo4_category_enum"');
    await queryRunner.query('DROP TYPE "public"."classifications_occupational_group_enum"');
  }
}
