import { MigrationInterface, QueryRunner } from 'typeorm';

export class CatalogImportHeartbeat1796485166503 implements MigrationInterface {
  name = 'CatalogImportHeartbeat1796485166503';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"catalog_imports\" ADD \"heartbeat_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("CREATE INDEX \"ix_catalog_imports_unfinished\" ON \"catalog_imports\"  (\"created_at\") WHERE \"status\" IN ('WAITING', 'RUNNING')");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"ix_catalog_imports_unfinished\"");
    await queryRunner.query("ALTER TABLE \"catalog_imports\" DROP COLUMN \"heartbeat_at\"");
  }
}
