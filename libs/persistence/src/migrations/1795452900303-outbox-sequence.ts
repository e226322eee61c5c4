import { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxSequence1795452900303 implements MigrationInterface {
  name = 'OutboxSequence1795452900303';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"ix_outbox_events_pending\"");
    await queryRunner.query("ALTER TABLE \"outbox_events\" ADD \"seq\" BIGSERIAL NOT NULL");
    // events already written keep the order the relay used so far (occurred_at, id)
    await queryRunner.query(
      `UPDATE outbox_events o SET seq = r.rn FROM (SELECT id, row_number() OVER (ORDER BY occurred_at, id) AS rn FROM outbox_events) r WHERE o.id = r.id`,
    );
    await queryRunner.query(`SELECT setval(pg_get_serial_sequence('outbox_events', 'seq'), (SELECT COALESCE(max(seq), 0) + 1 FROM outbox_events), false)`);
    await queryRunner.query("CREATE INDEX \"ix_outbox_events_pending_seq\" ON \"outbox_events\"  (\"seq\") WHERE \"delivered_at\" IS NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"ix_outbox_events_pending_seq\"");
    await queryRunner.query("ALTER TABLE \"outbox_events\" DROP COLUMN \"seq\"");
    await queryRunner.query("CREATE INDEX \"ix_outbox_events_pending\" ON \"outbox_events\" USING btree (\"occurred_at\") WHERE (delivered_at IS NULL)");
  }
}
