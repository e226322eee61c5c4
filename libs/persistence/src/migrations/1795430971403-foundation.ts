import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795430971403 implements MigrationInterface {
  name = 'Foundation1795430971403';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_log\" (\"id\" uuid NOT NULL, \"occurred_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"actor_account_id\" uuid, \"actor_role\" character varying(20) NOT NULL, \"action\" character varying(100) NOT NULL, \"target_type\" character varying(50) NOT NULL, \"target_id\" character varying(100) NOT NULL, \"changes\" jsonb NOT NULL DEFAULT '{}', \"request_id\" character varying(128) NOT NULL, CONSTRAINT \"PK_07fefa57f7f5ab8fc3f52b3ed0b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_audit_log_occurred_at\" ON \"audit_log\"  (\"occurred_at\") ");
    await queryRunner.query("CREATE INDEX \"ix_audit_log_action\" ON \"audit_log\"  (\"action\") ");
    await queryRunner.query("CREATE INDEX \"ix_audit_log_target\" ON \"audit_log\"  (\"target_type\", \"target_id\") ");
    await queryRunner.query("CREATE TABLE \"accounts\" (\"id\" uuid NOT NULL, \"email\" character varying(254) NOT NULL, \"email_normalized\" character varying(254) NOT NULL, \"password_hash\" character varying(255) NOT NULL, \"role\" character varying(20) NOT NULL, \"locale\" character varying(5) NOT NULL, \"status\" character varying(16) NOT NULL DEFAULT 'active', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_accounts_status\" CHECK (\"status\" IN ('active', 'disabled')), CONSTRAINT \"ck_accounts_role\" CHECK (\"role\" IN ('seller', 'ops_reviewer', 'ops_admin')), CONSTRAINT \"PK_5a7a02c20412299d198e097a8fe\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_accounts_email_normalized\" ON \"accounts\"  (\"email_normalized\") ");
    await queryRunner.query("CREATE TABLE \"access_tokens\" (\"id\" uuid NOT NULL, \"account_id\" uuid NOT NULL, \"token_hash\" character(64) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"revoked_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_65140f59763ff994a0252488166\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_access_tokens_account_id\" ON \"access_tokens\"  (\"account_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_access_tokens_token_hash\" ON \"access_tokens\"  (\"token_hash\") ");
    await queryRunner.query("CREATE INDEX \"ix_access_tokens_expires_at\" ON \"access_tokens\"  (\"expires_at\") ");
    await queryRunner.query("CREATE TABLE \"login_throttle\" (\"key\" character varying(80) NOT NULL, \"failures\" integer NOT NULL DEFAULT '0', \"window_started_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"blocked_until\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_14c03bac82292a8310c54cb98d0\" PRIMARY KEY (\"key\"))");
    await queryRunner.query("CREATE TABLE \"sellers\" (\"id\" uuid NOT NULL, \"account_id\" uuid NOT NULL, \"country\" character(2) NOT NULL, \"status\" character varying(20) NOT NULL DEFAULT 'onboarding', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_97337ccbf692c58e6c7682de8a2\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_sellers_account_id\" ON \"sellers\"  (\"account_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_sellers_country\" ON \"sellers\"  (\"country\") ");
    await queryRunner.query("ALTER TABLE \"access_tokens\" ADD CONSTRAINT \"fk_access_tokens_account\" FOREIGN KEY (\"account_id\") REFERENCES \"accounts\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"sellers\" ADD CONSTRAINT \"fk_sellers_account\" FOREIGN KEY (\"account_id\") REFERENCES \"accounts\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"sellers\" DROP CONSTRAINT \"fk_sellers_account\"");
    await queryRunner.query("ALTER TABLE \"access_tokens\" DROP CONSTRAINT \"fk_access_tokens_account\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_sellers_country\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_sellers_account_id\"");
    await queryRunner.query("DROP TABLE \"sellers\"");
    await queryRunner.query("DROP TABLE \"login_throttle\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_access_tokens_expires_at\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_access_tokens_token_hash\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_access_tokens_account_id\"");
    await queryRunner.query("DROP TABLE \"access_tokens\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_accounts_email_normalized\"");
    await queryRunner.query("DROP TABLE \"accounts\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_audit_log_target\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_audit_log_action\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_audit_log_occurred_at\"");
    await queryRunner.query("DROP TABLE \"audit_log\"");
  }
}
