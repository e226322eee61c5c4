import { MigrationInterface, QueryRunner } from 'typeorm';

export class ProductImages1796466468854 implements MigrationInterface {
  name = 'ProductImages1796466468854';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"catalog_product_images\" (\"id\" uuid NOT NULL, \"product_id\" uuid NOT NULL, \"seller_id\" uuid NOT NULL, \"position\" integer NOT NULL, \"media_type\" character varying(16) NOT NULL, \"size\" integer NOT NULL, \"sha256\" character(64) NOT NULL, \"storage_key\" character varying(200) NOT NULL, \"alt\" jsonb NOT NULL DEFAULT '{}', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"ck_catalog_product_images_position\" CHECK (\"position\" >= 1), CONSTRAINT \"ck_catalog_product_images_media_type\" CHECK (\"media_type\" IN ('image/jpeg', 'image/png', 'image/webp')), CONSTRAINT \"PK_f678cb096cae1eead50afa4c814\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_catalog_product_images_product\" ON \"catalog_product_images\"  (\"product_id\", \"position\") ");
    await queryRunner.query("ALTER TABLE \"catalog_product_images\" ADD CONSTRAINT \"fk_catalog_product_images_product\" FOREIGN KEY (\"product_id\") REFERENCES \"catalog_products\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"catalog_product_images\" DROP CONSTRAINT \"fk_catalog_product_images_product\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_catalog_product_images_product\"");
    await queryRunner.query("DROP TABLE \"catalog_product_images\"");
  }
}
