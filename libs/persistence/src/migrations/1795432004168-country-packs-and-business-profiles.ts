import { MigrationInterface, QueryRunner } from 'typeorm';

export class CountryPacksAndBusinessProfiles1795432004168 implements MigrationInterface {
  name = 'CountryPacksAndBusinessProfiles1795432004168';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"countries\" (\"code\" character(2) NOT NULL, \"status\" character varying(16) NOT NULL, \"published_version\" integer NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_countries_status\" CHECK (\"status\" IN ('enabled', 'disabled')), CONSTRAINT \"PK_b47cbb5311bad9c9ae17b8c1eda\" PRIMARY KEY (\"code\"))");
    await queryRunner.query("CREATE TABLE \"country_pack_versions\" (\"id\" uuid NOT NULL, \"country\" character(2) NOT NULL, \"version\" integer, \"state\" character varying(16) NOT NULL, \"document\" jsonb NOT NULL, \"created_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"published_by\" uuid, \"published_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"ck_country_pack_versions_numbered\" CHECK ((\"state\" = 'draft') = (\"version\" IS NULL)), CONSTRAINT \"ck_country_pack_versions_state\" CHECK (\"state\" IN ('draft', 'published', 'retired')), CONSTRAINT \"PK_c0606f422077984f9452a92b58d\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_country_pack_versions_draft\" ON \"country_pack_versions\"  (\"country\") WHERE \"state\" = 'draft'");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_country_pack_versions_version\" ON \"country_pack_versions\"  (\"country\", \"version\") ");
    await queryRunner.query("CREATE TABLE \"seller_business_profiles\" (\"seller_id\" uuid NOT NULL, \"country\" character(2) NOT NULL, \"legal_form\" character varying(64) NOT NULL, \"seller_type\" character varying(16) NOT NULL, \"legal_name\" character varying(200) NOT NULL, \"identifiers\" jsonb NOT NULL, \"registered_address\" jsonb NOT NULL, \"ship_from\" jsonb NOT NULL, \"phone\" character varying(20) NOT NULL, \"website\" character varying(300), \"representative\" jsonb NOT NULL, \"pack_version\" integer NOT NULL, \"reverification_required\" boolean NOT NULL DEFAULT false, \"reverification_reason\" character varying(64), \"checked_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_62a110b83f0979e601e3575abc4\" PRIMARY KEY (\"seller_id\"))");
    await queryRunner.query("CREATE INDEX \"ix_seller_business_profiles_country_form\" ON \"seller_business_profiles\"  (\"country\", \"legal_form\") ");
    await queryRunner.query("CREATE TABLE \"seller_identifiers\" (\"country\" character(2) NOT NULL, \"type\" character varying(40) NOT NULL, \"value\" character varying(64) NOT NULL, \"seller_id\" uuid NOT NULL, CONSTRAINT \"PK_4686e50950608eb493097ff2e1b\" PRIMARY KEY (\"country\", \"type\", \"value\"))");
    await queryRunner.query("CREATE INDEX \"ix_seller_identifiers_seller_id\" ON \"seller_identifiers\"  (\"seller_id\") ");
    await queryRunner.query("ALTER TABLE \"seller_business_profiles\" ADD CONSTRAINT \"fk_seller_business_profiles_seller\" FOREIGN KEY (\"seller_id\") REFERENCES \"sellers\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"seller_identifiers\" ADD CONSTRAINT \"fk_seller_identifiers_seller\" FOREIGN KEY (\"seller_id\") REFERENCES \"sellers\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"seller_identifiers\" DROP CONSTRAINT \"fk_seller_identifiers_seller\"");
    await queryRunner.query("ALTER TABLE \"seller_business_profiles\" DROP CONSTRAINT \"fk_seller_business_profiles_seller\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_seller_identifiers_seller_id\"");
    await queryRunner.query("DROP TABLE \"seller_identifiers\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_seller_business_profiles_country_form\"");
    await queryRunner.query("DROP TABLE \"seller_business_profiles\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_country_pack_versions_version\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_country_pack_versions_draft\"");
    await queryRunner.query("DROP TABLE \"country_pack_versions\"");
    await queryRunner.query("DROP TABLE \"countries\"");
  }
}
