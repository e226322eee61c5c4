import { MigrationInterface, QueryRunner } from 'typeorm';

export class KycVendorResults1795435487703 implements MigrationInterface {
  name = 'KycVendorResults1795435487703';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"kyc_vendor_results\" (\"provider\" character varying(40) NOT NULL, \"result_id\" character varying(200) NOT NULL, \"case_id\" uuid, \"outcome\" character varying(16) NOT NULL, \"decided_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"disposition\" character varying(20) NOT NULL, \"received_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_9c87cde01d2799c2f3654ec2b2f\" PRIMARY KEY (\"provider\", \"result_id\"))");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"kyc_vendor_results\"");
  }
}
