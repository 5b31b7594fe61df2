import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentityAndAudit1795647720118 implements MigrationInterface {
  name = 'IdentityAndAudit1795647720118';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE "audit_log" ("id" BIGSERIAL NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_user_id" uuid, "actor_role" character varying(20), "department_id" uuid, "entity_type" character varying(60) NOT NULL, "entity_id" character varying(100), "action" character varying(60) NOT NULL, "changes" jsonb NOT NULL DEFAULT \'{}\', "request_id" character varying(128), "prev_hash" character(64) NOT NULL, "hash" character(64) NOT NULL, CONSTRAINT "UQ_8720a34a7f1ebda6f2b3b29f7e3" UNIQUE ("hash"), CONSTRAINT "PK_07fefa57f7f5ab8fc3f52b3ed0b" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_audit_log_time" ON "audit_log"  ("occurred_at") ');
    await queryRunner.query(
      'CREATE INDEX "IDX_audit_log_actor" ON "audit_log"  ("actor_user_id") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_audit_log_department_time" ON "audit_log"  ("department_id", "occurred_at") ',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_audit_log_entity" ON "audit_log"  ("entity_type", "entity_id") ',
    );
    await queryRunner.query(
      "CREATE TYPE \"public\".\"users_role_enum\" AS ENUM('ADMIN', 'COORDINATOR', 'SUPERVISOR', 'EMPLOYEE', 'AUDITOR')",
    );
    await queryRunner.query(
      'CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "display_name" character varying(200) NOT NULL, "password_hash" character varying(255), "role" "public"."users_role_enum" NOT NULL, "department_id" uuid, "employee_id" uuid, "disabled" boolean NOT NULL DEFAULT false, "failed_login_count" integer NOT NULL DEFAULT \'0\', "locked_until" TIMESTAMP WITH TIME ZONE, "last_login_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "UQ_97672ac88f789774dd47f7c8be3" UNIQUE ("email"), CONSTRAINT "UQ_9760615d88ed518196bb79ea03d" UNIQUE ("employee_id"), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))',
    );
    await queryRunner.query('CREATE INDEX "IDX_users_department" ON "users"  ("department_id") ');
    await queryRunner.query(
      'CREATE TABLE "refresh_tokens" ("id" uuid NOT NULL, "user_id" uuid NOT NULL, "secret_hash" character(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, "replaced_by_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_7d8bee0204106019488c4c50ffa" PRIMARY KEY ("id"))',
    );
    await queryRunner.query(
      'CREATE INDEX "IDX_refresh_tokens_user" ON "refresh_tokens"  ("user_id") ',
    );
    await queryRunner.query(
      'ALTER TABLE "users" ADD CONSTRAINT "FK_0921d1972cf861d568f5271cd85" FOREIGN KEY ("department_id") REFERENCES "departments"("id") ON DELETE RESTRICT ON UPDATE NO ACTION',
    );
    await queryRunner.query(
      'ALTER TABLE "refresh_tokens" ADD CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION',
    );
    // Append-only audit trail: the database itself refuses to rewrite history.
    await queryRunner.query(
      `CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
       END $$`,
    );
    await queryRunner.query(
      'CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON "audit_log" FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change()',
    );
    await queryRunner.query(
      'CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON "audit_log" FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change()',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER audit_log_no_truncate ON "audit_log"');
    await queryRunner.query('DROP TRIGGER audit_log_append_only ON "audit_log"');
    await queryRunner.query('DROP FUNCTION audit_log_refuse_change()');
    await queryRunner.query(
      'ALTER TABLE "refresh_tokens" DROP CONSTRAINT "FK_3ddc983c5f7bcf132fd8732c3f4"',
    );
    await queryRunner.query('ALTER TABLE "users" DROP CONSTRAINT "FK_0921d1972cf861d568f5271cd85"');
    await queryRunner.query('DROP INDEX "public"."IDX_refresh_tokens_user"');
    await queryRunner.query('DROP TABLE "refresh_tokens"');
    await queryRunner.query('DROP INDEX "public"."IDX_users_department"');
    await queryRunner.query('DROP TABLE "users"');
    await queryRunner.query('DROP TYPE "public"."users_role_enum"');
    await queryRunner.query('DROP INDEX "public"."IDX_audit_log_entity"');
    await queryRunner.query('DROP INDEX "public"."IDX_audit_log_department_time"');
    await queryRunner.query('DROP INDEX "public"."IDX_audit_log_actor"');
    await queryRunner.query('DROP INDEX "public"."IDX_audit_log_time"');
    await queryRunner.query('DROP TABLE "audit_log"');
  }
}
