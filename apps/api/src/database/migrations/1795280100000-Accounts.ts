import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts (issue #10): the user's profile, mail preferences, status and login times; invitations and
 * password-reset links (token hashes only); network settings (key → jsonb). The reset rate limits count in
 * the shared `rate_limits` table (RateLimits1795280300000).
 */
export class Accounts1795280100000 implements MigrationInterface {
  name = 'Accounts1795280100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "invitations" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "email" character varying(254) NOT NULL,
                "role" character varying(20) NOT NULL,
                "municipality_id" uuid,
                "name" character varying(100),
                "purpose" character varying(20) NOT NULL DEFAULT 'INVITATION',
                "token_hash" character(64) NOT NULL,
                "invited_by" uuid,
                "user_id" uuid,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "accepted_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "CHK_invitations_officer_has_municipality" CHECK (
                    "role" <> 'OFFICER'
                    OR "municipality_id" IS NOT NULL
                ),
                CONSTRAINT "CHK_invitations_purpose" CHECK ("purpose" IN ('INVITATION', 'SET_PASSWORD')),
                CONSTRAINT "PK_invitations" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_invitations_municipality_id" ON "invitations" ("municipality_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_invitations_token_hash" ON "invitations" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_invitations_open_email" ON "invitations" ("email")
            WHERE "accepted_at" IS NULL
                AND "revoked_at" IS NULL
        `);
    await queryRunner.query(`
            CREATE TABLE "password_resets" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "token_hash" character(64) NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "revoked_at" TIMESTAMP WITH TIME ZONE,
                CONSTRAINT "PK_password_resets" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "IDX_password_resets_user_id" ON "password_resets" ("user_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "UQ_password_resets_token_hash" ON "password_resets" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE TABLE "app_settings" (
                "key" character varying(100) NOT NULL,
                "value" jsonb NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_app_settings" PRIMARY KEY ("key")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "title" character varying(100)
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "department" character varying(100)
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "phone" character varying(40)
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "locale" character varying(2) NOT NULL DEFAULT 'JA'
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "session_notices" boolean NOT NULL DEFAULT true
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "adoption_notices" boolean NOT NULL DEFAULT true
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "inquiry_notices" boolean NOT NULL DEFAULT true
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "status" character varying(10) NOT NULL DEFAULT 'ACTIVE'
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "last_login_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD "password_changed_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "CHK_users_status" CHECK ("status" IN ('ACTIVE', 'DISABLED'))
        `);
    await queryRunner.query(`
            ALTER TABLE "users"
            ADD CONSTRAINT "CHK_users_locale" CHECK ("locale" IN ('JA', 'EN'))
        `);
    await queryRunner.query(`
            ALTER TABLE "invitations"
            ADD CONSTRAINT "FK_invitations_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "invitations"
            ADD CONSTRAINT "FK_invitations_invited_by" FOREIGN KEY ("invited_by") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "invitations"
            ADD CONSTRAINT "FK_invitations_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "password_resets"
            ADD CONSTRAINT "FK_password_resets_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "password_resets" DROP CONSTRAINT "FK_password_resets_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "invitations" DROP CONSTRAINT "FK_invitations_user"
        `);
    await queryRunner.query(`
            ALTER TABLE "invitations" DROP CONSTRAINT "FK_invitations_invited_by"
        `);
    await queryRunner.query(`
            ALTER TABLE "invitations" DROP CONSTRAINT "FK_invitations_municipality"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "CHK_users_locale"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP CONSTRAINT "CHK_users_status"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "password_changed_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "last_login_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "status"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "inquiry_notices"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "adoption_notices"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "session_notices"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "locale"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "phone"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "department"
        `);
    await queryRunner.query(`
            ALTER TABLE "users" DROP COLUMN "title"
        `);
    await queryRunner.query(`
            DROP TABLE "app_settings"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_password_resets_token_hash"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_password_resets_user_id"
        `);
    await queryRunner.query(`
            DROP TABLE "password_resets"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_invitations_open_email"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."UQ_invitations_token_hash"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."IDX_invitations_municipality_id"
        `);
    await queryRunner.query(`
            DROP TABLE "invitations"
        `);
  }
}
