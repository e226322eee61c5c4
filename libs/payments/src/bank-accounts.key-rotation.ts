import { Injectable } from '@nestjs/common';
import { FieldCipher } from '@app/kernel';
import type { EncryptedDataSet } from '@app/kernel';
import { EncryptedColumnRotation, UnitOfWork } from '@app/persistence';

/** Bank account numbers of the bank-transfer rail (context `bank-account:<sellerId>`). */
@Injectable()
export class BankAccountNumbersKeyRotation extends EncryptedColumnRotation implements EncryptedDataSet {
  constructor(uow: UnitOfWork, cipher: FieldCipher) {
    super(uow, cipher, { table: 'payout_bank_accounts', key: 'seller_id', column: 'number_encrypted', context: (id) => `bank-account:${id}` });
  }
}
