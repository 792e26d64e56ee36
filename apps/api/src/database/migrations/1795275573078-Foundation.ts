import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795275573078 implements MigrationInterface {
  name = 'Foundation1795275573078';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "municipalities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character(6) NOT NULL, "name" character varying(100) NOT NULL, "kana" character varying(200) NOT NULL, "name_en" character varying(200), "prefecture_code" character(2) NOT NULL, "kind" character varying(20) NOT NULL, "population" integer, "membership_status" character varying(20), "joined_on" date, "search_text" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_municipalities" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_municipalities_code" ON "municipalities" ("code") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_municipalities_membership_status" ON "municipalities" ("membership_status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_municipalities_prefecture_code" ON "municipalities" ("prefecture_code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" character varying(254) NOT NULL, "name" character varying(100) NOT NULL, "role" character varying(20) NOT NULL, "municipality_id" uuid, "password_hash" character varying(255) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "CHK_users_officer_has_municipality" CHECK ("role" <> 'OFFICER' OR "municipality_id" IS NOT NULL), CONSTRAINT "PK_users" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_users_email" ON "users" ("email") `);
    await queryRunner.query(`CREATE INDEX "IDX_users_municipality_id" ON "users" ("municipality_id") `);
    await queryRunner.query(
      `CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" character(64) NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_sessions" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_sessions_token_hash" ON "sessions" ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "IDX_sessions_user_id" ON "sessions" ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "declarations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "signer_name" character varying(100) NOT NULL, "signer_title" character varying(100) NOT NULL, "statement" text NOT NULL, "signed_by_user_id" uuid, "signed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_declarations" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_declarations_municipality_id" ON "declarations" ("municipality_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "users" ADD CONSTRAINT "FK_users_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sessions" ADD CONSTRAINT "FK_sessions_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "declarations" ADD CONSTRAINT "FK_declarations_municipality" FOREIGN KEY ("municipality_id") REFERENCES "municipalities"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "declarations" ADD CONSTRAINT "FK_declarations_signed_by_user" FOREIGN KEY ("signed_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "declarations" DROP CONSTRAINT "FK_declarations_signed_by_user"`);
    await queryRunner.query(`ALTER TABLE "declarations" DROP CONSTRAINT "FK_declarations_municipality"`);
    await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "FK_sessions_user"`);
    await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_users_municipality"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_declarations_municipality_id"`);
    await queryRunner.query(`DROP TABLE "declarations"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sessions_user_id"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_sessions_token_hash"`);
    await queryRunner.query(`DROP TABLE "sessions"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_users_municipality_id"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_users_email"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_municipalities_prefecture_code"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_municipalities_membership_status"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_municipalities_code"`);
    await queryRunner.query(`DROP TABLE "municipalities"`);
  }
}
