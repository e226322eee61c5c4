import { MigrationInterface, QueryRunner } from 'typeorm';

export class WebhookInboxAsQueue1795435066633 implements MigrationInterface {
  name = 'WebhookInboxAsQueue1795435066633';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"webhook_inbox\" ADD \"next_attempt_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()");
    await queryRunner.query("CREATE INDEX \"ix_webhook_inbox_due\" ON \"webhook_inbox\"  (\"next_attempt_at\") WHERE \"status\" = 'received'");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"ix_webhook_inbox_due\"");
    await queryRunner.query("ALTER TABLE \"webhook_inbox\" DROP COLUMN \"next_attempt_at\"");
  }
}
