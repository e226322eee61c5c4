import { MigrationInterface, QueryRunner } from 'typeorm';

export class PayoutsWebhookInboxOutbox1795432515136 implements MigrationInterface {
  name = 'PayoutsWebhookInboxOutbox1795432515136';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"outbox_events\" (\"id\" uuid NOT NULL, \"type\" character varying(100) NOT NULL, \"aggregate_type\" character varying(50) NOT NULL, \"aggregate_id\" character varying(100) NOT NULL, \"payload\" jsonb NOT NULL, \"occurred_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"delivered_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_6689a16c00d09b8089f6237f1d2\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_outbox_events_pending\" ON \"outbox_events\"  (\"occurred_at\") WHERE \"delivered_at\" IS NULL");
    await queryRunner.query("CREATE TABLE \"payout_accounts\" (\"seller_id\" uuid NOT NULL, \"country\" character(2) NOT NULL, \"rail\" character varying(20) NOT NULL, \"status\" character varying(20) NOT NULL, \"currency\" character(3) NOT NULL, \"setup_key\" uuid NOT NULL, \"stripe_account_id\" character varying(64), \"requirements\" jsonb, \"future_requirements\" jsonb, \"payouts_enabled\" boolean NOT NULL DEFAULT false, \"disabled_reason\" character varying(80), \"last_event_created\" bigint NOT NULL DEFAULT '0', \"last_payout_failure\" character varying(80), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_payout_accounts_status\" CHECK (\"status\" IN ('not_started', 'action_required', 'under_review', 'restricted', 'enabled', 'rejected', 'disconnected')), CONSTRAINT \"ck_payout_accounts_rail\" CHECK (\"rail\" IN ('stripe_connect', 'bank_transfer')), CONSTRAINT \"PK_3e927617c02c2145d150742034f\" PRIMARY KEY (\"seller_id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_payout_accounts_stripe_account_id\" ON \"payout_accounts\"  (\"stripe_account_id\") WHERE \"stripe_account_id\" IS NOT NULL");
    await queryRunner.query("CREATE TABLE \"webhook_inbox\" (\"id\" character varying(255) NOT NULL, \"provider\" character varying(20) NOT NULL, \"type\" character varying(100) NOT NULL, \"account\" character varying(64), \"livemode\" boolean NOT NULL, \"event_created\" bigint NOT NULL, \"payload\" jsonb NOT NULL, \"status\" character varying(16) NOT NULL, \"outcome\" character varying(40), \"attempts\" integer NOT NULL DEFAULT '0', \"last_error\" character varying(200), \"received_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"processed_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"ck_webhook_inbox_status\" CHECK (\"status\" IN ('received', 'processed', 'parked', 'dead')), CONSTRAINT \"PK_4b63b831d1a843667b74f0a5fc3\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_webhook_inbox_status_received\" ON \"webhook_inbox\"  (\"status\", \"received_at\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"ix_webhook_inbox_status_received\"");
    await queryRunner.query("DROP TABLE \"webhook_inbox\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_payout_accounts_stripe_account_id\"");
    await queryRunner.query("DROP TABLE \"payout_accounts\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_outbox_events_pending\"");
    await queryRunner.query("DROP TABLE \"outbox_events\"");
  }
}
