import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A country's status is no longer pack content: it lives in `countries.status` alone, changed by
 * ops' enable/disable acts (audited), never by publishing. The old `status` field is removed from
 * every stored pack document (drafts, published and retired versions), so nothing can read it back.
 * `down` puts each country's current status back into its documents (the history of the field
 * itself is in the audit log: country.published entries carried it).
 */
export class CountryStatusOutOfPacks1796457300000 implements MigrationInterface {
  name = 'CountryStatusOutOfPacks1796457300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE country_pack_versions SET document = document - 'status' WHERE document ? 'status'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE country_pack_versions v SET document = jsonb_set(v.document, '{status}', to_jsonb(COALESCE(c.status, 'enabled')))
         FROM (SELECT code, status FROM countries) c WHERE c.code = v.country`,
    );
    await queryRunner.query(`UPDATE country_pack_versions SET document = jsonb_set(document, '{status}', '"enabled"') WHERE NOT document ? 'status'`);
  }
}
