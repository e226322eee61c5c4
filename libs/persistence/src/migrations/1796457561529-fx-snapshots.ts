import { MigrationInterface, QueryRunner } from 'typeorm';

export class FxSnapshots1796457561529 implements MigrationInterface {
  name = 'FxSnapshots1796457561529';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"fx_imports\" (\"id\" uuid NOT NULL, \"source\" character varying(8) NOT NULL, \"file_sha256\" character(64) NOT NULL, \"byte_size\" integer NOT NULL, \"origin\" character varying(10) NOT NULL, \"rate_kind\" character varying(20) NOT NULL, \"first_rate_date\" date NOT NULL, \"last_rate_date\" date NOT NULL, \"snapshot_ids\" jsonb NOT NULL, \"new_snapshots\" integer NOT NULL, \"skipped\" jsonb NOT NULL DEFAULT '[]', \"imported_by\" uuid, \"fetched_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_38b9c5591d9a00dff74e17211d8\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"ux_fx_imports_source_file\" ON \"fx_imports\"  (\"source\", \"file_sha256\") ");
    await queryRunner.query("CREATE TABLE \"fx_snapshots\" (\"id\" uuid NOT NULL, \"source\" character varying(8) NOT NULL, \"pivot\" character(3) NOT NULL, \"quote_style\" character varying(20) NOT NULL, \"rate_kind\" character varying(20) NOT NULL, \"rate_date\" date NOT NULL, \"quotes\" jsonb NOT NULL, \"currency_count\" integer NOT NULL, \"content_sha256\" character(64) NOT NULL, \"file_sha256\" character(64) NOT NULL, \"import_id\" uuid NOT NULL, \"fetched_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_b81fe3c9e242c92f067333b615f\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_fx_snapshots_latest\" ON \"fx_snapshots\"  (\"source\", \"rate_date\", \"fetched_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"ux_fx_snapshots_content\" ON \"fx_snapshots\"  (\"source\", \"rate_date\", \"rate_kind\", \"content_sha256\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"ux_fx_snapshots_content\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_fx_snapshots_latest\"");
    await queryRunner.query("DROP TABLE \"fx_snapshots\"");
    await queryRunner.query("DROP INDEX \"public\".\"ux_fx_imports_source_file\"");
    await queryRunner.query("DROP TABLE \"fx_imports\"");
  }
}
