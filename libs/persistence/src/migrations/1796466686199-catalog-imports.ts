import { MigrationInterface, QueryRunner } from 'typeorm';

export class CatalogImports1796466686199 implements MigrationInterface {
  name = 'CatalogImports1796466686199';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"catalog_imports\" (\"id\" uuid NOT NULL, \"seller_id\" uuid NOT NULL, \"status\" character varying(16) NOT NULL, \"file_name\" character varying(255), \"size_bytes\" integer NOT NULL, \"file_sha256\" character(64) NOT NULL, \"encoding\" character varying(16) NOT NULL, \"encoding_by\" character varying(16) NOT NULL, \"delimiter\" character varying(8) NOT NULL, \"rows_read\" integer NOT NULL DEFAULT '0', \"created\" integer NOT NULL DEFAULT '0', \"updated\" integer NOT NULL DEFAULT '0', \"unchanged\" integer NOT NULL DEFAULT '0', \"failed\" integer NOT NULL DEFAULT '0', \"rows_done\" integer NOT NULL DEFAULT '0', \"failure_code\" character varying(64), \"failure_params\" jsonb, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"started_at\" TIMESTAMP WITH TIME ZONE, \"finished_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"ck_catalog_imports_status\" CHECK (\"status\" IN ('WAITING', 'RUNNING', 'COMPLETE', 'FAILED')), CONSTRAINT \"PK_534430ad56514be7fa01ba846ca\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_catalog_imports_seller_created\" ON \"catalog_imports\"  (\"seller_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"catalog_import_files\" (\"import_id\" uuid NOT NULL, \"content\" bytea NOT NULL, CONSTRAINT \"PK_302efda7fb30de6afe0794cb9cf\" PRIMARY KEY (\"import_id\"))");
    await queryRunner.query("CREATE TABLE \"catalog_import_errors\" (\"import_id\" uuid NOT NULL, \"seq\" integer NOT NULL, \"row\" integer NOT NULL, \"column\" character varying(64) NOT NULL, \"sku\" character varying(64) COLLATE \"C\", \"code\" character varying(64) NOT NULL, \"message_key\" character varying(120) NOT NULL, \"params\" jsonb NOT NULL DEFAULT '{}', CONSTRAINT \"PK_147eb8eaae323334e33c835bf0a\" PRIMARY KEY (\"import_id\", \"seq\"))");
    await queryRunner.query("CREATE INDEX \"ix_catalog_import_errors_row\" ON \"catalog_import_errors\"  (\"import_id\", \"row\", \"seq\") ");
    await queryRunner.query("ALTER TABLE \"catalog_imports\" ADD CONSTRAINT \"fk_catalog_imports_seller\" FOREIGN KEY (\"seller_id\") REFERENCES \"sellers\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"catalog_import_files\" ADD CONSTRAINT \"fk_catalog_import_files_import\" FOREIGN KEY (\"import_id\") REFERENCES \"catalog_imports\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"catalog_import_errors\" ADD CONSTRAINT \"fk_catalog_import_errors_import\" FOREIGN KEY (\"import_id\") REFERENCES \"catalog_imports\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"catalog_import_errors\" DROP CONSTRAINT \"fk_catalog_import_errors_import\"");
    await queryRunner.query("ALTER TABLE \"catalog_import_files\" DROP CONSTRAINT \"fk_catalog_import_files_import\"");
    await queryRunner.query("ALTER TABLE \"catalog_imports\" DROP CONSTRAINT \"fk_catalog_imports_seller\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_catalog_import_errors_row\"");
    await queryRunner.query("DROP TABLE \"catalog_import_errors\"");
    await queryRunner.query("DROP TABLE \"catalog_import_files\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_catalog_imports_seller_created\"");
    await queryRunner.query("DROP TABLE \"catalog_imports\"");
  }
}
