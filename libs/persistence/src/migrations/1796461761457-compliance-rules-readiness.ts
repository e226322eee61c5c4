import { MigrationInterface, QueryRunner } from 'typeorm';

export class ComplianceRulesReadiness1796461761457 implements MigrationInterface {
  name = 'ComplianceRulesReadiness1796461761457';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"compliance_rule_set_versions\" (\"id\" uuid NOT NULL, \"version\" integer, \"state\" character varying(16) NOT NULL, \"document\" jsonb NOT NULL, \"created_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"published_by\" uuid, \"published_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"ck_compliance_rule_set_versions_numbered\" CHECK ((\"state\" = 'draft') = (\"version\" IS NULL)), CONSTRAINT \"ck_compliance_rule_set_versions_state\" CHECK (\"state\" IN ('draft', 'published', 'retired')), CONSTRAINT \"PK_fc82846cebca1fd9d16dc6c4c46\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_compliance_rule_set_versions_live\" ON \"compliance_rule_set_versions\"  (\"state\") WHERE \"state\" IN ('draft', 'published')");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_compliance_rule_set_versions_version\" ON \"compliance_rule_set_versions\"  (\"version\") ");
    await queryRunner.query("ALTER TABLE \"catalog_products\" ADD \"conformity\" jsonb");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"catalog_products\" DROP COLUMN \"conformity\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_compliance_rule_set_versions_version\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_compliance_rule_set_versions_live\"");
    await queryRunner.query("DROP TABLE \"compliance_rule_set_versions\"");
  }
}
