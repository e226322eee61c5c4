import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `ltg_refuse(code, detail)`: raises SQLSTATE LT409 with the code as message. A single autocommit
 * statement calls it when it finds it must not keep what it wrote (e.g. the registration CTE finding
 * an identifier another seller holds): the error aborts the statement, so nothing of it stays —
 * atomic without BEGIN/COMMIT round trips. See `refusalOf` in @app/persistence.
 */
export class RefuseFunction1796476520942 implements MigrationInterface {
  name = 'RefuseFunction1796476520942';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION ltg_refuse(code text, detail text) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'LT409', MESSAGE = code, DETAIL = coalesce(detail, '');
END
$$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION ltg_refuse(text, text)`);
  }
}
