import { Inject, Injectable } from '@nestjs/common';
import { FieldCipher } from '@app/kernel';
import type { EncryptedDataSet } from '@app/kernel';
import { EncryptedColumnRotation, UnitOfWork } from '@app/persistence';
import { DOCUMENT_STORAGE } from './storage';
import type { DocumentStorage } from './storage';

/** Identity-document numbers of KYC persons (context `kyc-person:<id>`). */
@Injectable()
export class KycPersonIdNumbersKeyRotation extends EncryptedColumnRotation implements EncryptedDataSet {
  constructor(uow: UnitOfWork, cipher: FieldCipher) {
    super(uow, cipher, { table: 'kyc_persons', key: 'id', column: 'id_number_encrypted', context: (id) => `kyc-person:${id}` });
  }
}

/**
 * KYC document files (context `kyc-document:<id>`). The bytes live in DOCUMENT_STORAGE; the row
 * records the key id (`cipher_key_id`, null for files stored before it was recorded, which are
 * read to find out). A file is rewritten in place (atomically on every adapter) and only then is
 * the row updated, so an interruption leaves a file readable under one of the configured keys.
 */
@Injectable()
export class KycDocumentsKeyRotation implements EncryptedDataSet {
  readonly name = 'kyc_documents (files in DOCUMENT_STORAGE)';

  constructor(
    private readonly uow: UnitOfWork,
    private readonly cipher: FieldCipher,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  async census(): Promise<Record<string, number>> {
    const rows: { key: string | null; n: number }[] = await this.uow.reader.query(
      `SELECT cipher_key_id AS key, count(*)::int AS n FROM kyc_documents GROUP BY 1 ORDER BY 1`,
    );
    return Object.fromEntries(rows.map((r) => [r.key ?? 'unknown', r.n]));
  }

  async reencryptBatch(limit: number): Promise<number> {
    const rows: { id: string; storage_key: string }[] = await this.uow.reader.query(
      `SELECT id, storage_key FROM kyc_documents WHERE cipher_key_id IS DISTINCT FROM $1 ORDER BY id LIMIT $2`,
      [this.cipher.activeKeyId, limit],
    );
    for (const row of rows) {
      const sealed = (await this.storage.get(row.storage_key)).toString('utf8');
      const next = this.cipher.reencrypt(sealed, `kyc-document:${row.id}`);
      if (next) await this.storage.put(row.storage_key, Buffer.from(next));
      await this.uow.statement(`UPDATE kyc_documents SET cipher_key_id = $2 WHERE id = $1`, [row.id, this.cipher.activeKeyId]);
    }
    return rows.length;
  }
}
