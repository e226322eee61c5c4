import { Injectable } from '@nestjs/common';
import { FieldCipher } from '@app/kernel';
import type { EncryptedDataSet } from '@app/kernel';
import { UnitOfWork } from '@app/persistence';

/** Bank account numbers of the bank-transfer rail (context `bank-account:<sellerId>`). */
@Injectable()
export class BankAccountNumbersKeyRotation implements EncryptedDataSet {
  readonly name = 'payout_bank_accounts.number_encrypted';

  constructor(
    private readonly uow: UnitOfWork,
    private readonly cipher: FieldCipher,
  ) {}

  async census(): Promise<Record<string, number>> {
    const rows: { key: string; n: number }[] = await this.uow.reader.query(
      `SELECT split_part(number_encrypted, '.', 2) AS key, count(*)::int AS n FROM payout_bank_accounts GROUP BY 1 ORDER BY 1`,
    );
    return Object.fromEntries(rows.map((r) => [r.key, r.n]));
  }

  async reencryptBatch(limit: number): Promise<number> {
    const rows: { seller_id: string; number_encrypted: string }[] = await this.uow.reader.query(
      `SELECT seller_id, number_encrypted FROM payout_bank_accounts WHERE split_part(number_encrypted, '.', 2) <> $1 ORDER BY seller_id LIMIT $2`,
      [this.cipher.activeKeyId, limit],
    );
    for (const row of rows) {
      const next = this.cipher.reencrypt(row.number_encrypted, `bank-account:${row.seller_id}`);
      // compare-and-set: a seller who changed the details meanwhile keeps the new ones
      if (next) {
        await this.uow.reader.query(`UPDATE payout_bank_accounts SET number_encrypted = $3 WHERE seller_id = $1 AND number_encrypted = $2`, [
          row.seller_id,
          row.number_encrypted,
          next,
        ]);
      }
    }
    return rows.length;
  }
}
