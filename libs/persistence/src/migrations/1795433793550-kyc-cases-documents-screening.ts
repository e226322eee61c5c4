import { MigrationInterface, QueryRunner } from 'typeorm';

export class KycCasesDocumentsScreening1795433793550 implements MigrationInterface {
  name = 'KycCasesDocumentsScreening1795433793550';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"kyc_cases\" (\"id\" uuid NOT NULL, \"seller_id\" uuid NOT NULL, \"country\" character(2) NOT NULL, \"legal_form\" character varying(64) NOT NULL, \"pack_version\" integer NOT NULL, \"status\" character varying(20) NOT NULL, \"reason_code\" character varying(64), \"four_eyes\" boolean NOT NULL DEFAULT false, \"first_approval_by\" uuid, \"submitted_at\" TIMESTAMP WITH TIME ZONE, \"decided_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_kyc_cases_status\" CHECK (\"status\" IN ('collecting', 'submitted', 'in_review', 'approved', 'rejected', 'action_required', 'suspended', 'superseded')), CONSTRAINT \"PK_3b69197a5c81a33177dec6b7e98\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_kyc_cases_seller\" ON \"kyc_cases\"  (\"seller_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_kyc_cases_open_per_seller\" ON \"kyc_cases\"  (\"seller_id\") WHERE \"status\" <> 'superseded'");
    await queryRunner.query("CREATE INDEX \"ix_kyc_cases_queue\" ON \"kyc_cases\"  (\"status\", \"submitted_at\") ");
    await queryRunner.query("CREATE TABLE \"kyc_checks\" (\"id\" uuid NOT NULL, \"case_id\" uuid NOT NULL, \"kind\" character varying(40) NOT NULL, \"result\" character varying(10) NOT NULL, \"evidence\" jsonb NOT NULL, \"rule_version\" character varying(100) NOT NULL, \"checked_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_c28137b746ea89f69376ac1b862\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_kyc_checks_case\" ON \"kyc_checks\"  (\"case_id\") ");
    await queryRunner.query("CREATE TABLE \"kyc_documents\" (\"id\" uuid NOT NULL, \"case_id\" uuid NOT NULL, \"seller_id\" uuid NOT NULL, \"type\" character varying(64) NOT NULL, \"person_id\" uuid, \"media_type\" character varying(40) NOT NULL, \"size\" integer NOT NULL, \"sha256\" character(64) NOT NULL, \"storage_key\" character varying(200) NOT NULL, \"review_status\" character varying(16) NOT NULL DEFAULT 'pending', \"review_reason\" character varying(64), \"uploaded_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"ck_kyc_documents_status\" CHECK (\"review_status\" IN ('pending', 'accepted', 'rejected')), CONSTRAINT \"PK_02e49877f1578e6285f84e57ab6\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_kyc_documents_case\" ON \"kyc_documents\"  (\"case_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_kyc_documents_sha256\" ON \"kyc_documents\"  (\"sha256\") ");
    await queryRunner.query("CREATE TABLE \"kyc_case_events\" (\"id\" uuid NOT NULL, \"case_id\" uuid NOT NULL, \"from_status\" character varying(20), \"to_status\" character varying(20) NOT NULL, \"actor_role\" character varying(20) NOT NULL, \"actor_account_id\" uuid, \"reason_code\" character varying(64), \"internal_note\" text, \"occurred_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_5c87d87350171d77f7da5325511\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_kyc_case_events_case\" ON \"kyc_case_events\"  (\"case_id\") ");
    await queryRunner.query("CREATE TABLE \"kyc_persons\" (\"id\" uuid NOT NULL, \"case_id\" uuid NOT NULL, \"role\" character varying(16) NOT NULL, \"full_name\" character varying(200) NOT NULL, \"date_of_birth\" date NOT NULL, \"nationality\" character(2) NOT NULL, \"id_number_encrypted\" text, \"share_percent\" numeric(5,2), CONSTRAINT \"ck_kyc_persons_role\" CHECK (\"role\" IN ('representative', 'owner', 'director')), CONSTRAINT \"PK_64e21d0e30943ce3b7e9c87dd5e\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_kyc_persons_case\" ON \"kyc_persons\"  (\"case_id\") ");
    await queryRunner.query("CREATE TABLE \"screening_lists\" (\"id\" uuid NOT NULL, \"source\" character varying(30) NOT NULL, \"label\" character varying(100) NOT NULL, \"entry_count\" integer NOT NULL, \"sha256\" character(64) NOT NULL, \"loaded_by\" uuid, \"loaded_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_b40f0b06eca7bd3625b298dca53\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_screening_lists_source\" ON \"screening_lists\"  (\"source\", \"loaded_at\") ");
    await queryRunner.query("CREATE TABLE \"screening_entries\" (\"list_id\" uuid NOT NULL, \"entry_id\" character varying(100) NOT NULL, \"kind\" character varying(10) NOT NULL, \"names\" jsonb NOT NULL, \"birth_dates\" jsonb NOT NULL DEFAULT '[]', CONSTRAINT \"PK_5d570dac698aa7f68559bde2faa\" PRIMARY KEY (\"list_id\", \"entry_id\"))");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"screening_entries\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_screening_lists_source\"");
    await queryRunner.query("DROP TABLE \"screening_lists\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_kyc_persons_case\"");
    await queryRunner.query("DROP TABLE \"kyc_persons\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_kyc_case_events_case\"");
    await queryRunner.query("DROP TABLE \"kyc_case_events\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_kyc_documents_sha256\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_kyc_documents_case\"");
    await queryRunner.query("DROP TABLE \"kyc_documents\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_kyc_checks_case\"");
    await queryRunner.query("DROP TABLE \"kyc_checks\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_kyc_cases_queue\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_kyc_cases_open_per_seller\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_kyc_cases_seller\"");
    await queryRunner.query("DROP TABLE \"kyc_cases\"");
  }
}
