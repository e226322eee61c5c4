import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditService } from '@app/audit';
import { FieldCipher, systemContext } from '@app/kernel';
import type { EncryptedDataSet } from '@app/kernel';
import { KycDocumentsKeyRotation, KycPersonIdNumbersKeyRotation } from '@app/kyc';
import { BankAccountNumbersKeyRotation } from '@app/payments';
import { UnitOfWork } from '@app/persistence';

/** Every set of values encrypted at rest, across the contexts. */
export function encryptedDataSets(app: INestApplicationContext): EncryptedDataSet[] {
  return [app.get(BankAccountNumbersKeyRotation), app.get(KycPersonIdNumbersKeyRotation), app.get(KycDocumentsKeyRotation)];
}

export interface KeyCensus {
  activeKeyId: string;
  sets: { name: string; byKey: Record<string, number> }[];
  /** Values not (known to be) under the active key. */
  outstanding: number;
}

export async function keyCensus(app: INestApplicationContext): Promise<KeyCensus> {
  const activeKeyId = app.get(FieldCipher).activeKeyId;
  const sets = [];
  let outstanding = 0;
  for (const set of encryptedDataSets(app)) {
    const byKey = await set.census();
    for (const [key, n] of Object.entries(byKey)) if (key !== activeKeyId) outstanding += n;
    sets.push({ name: set.name, byKey });
  }
  return { activeKeyId, sets, outstanding };
}

/**
 * Moves every encrypted value to the active key (the first of DATA_ENCRYPTION_KEYS), batch by
 * batch, then records one audit entry. Afterwards the census shows whether older keys can go.
 */
export async function reencryptAll(app: INestApplicationContext, batch: number, log: (m: string) => void): Promise<{ processed: Record<string, number>; census: KeyCensus }> {
  const processed: Record<string, number> = {};
  for (const set of encryptedDataSets(app)) {
    let total = 0;
    for (let n = await set.reencryptBatch(batch); n > 0; n = await set.reencryptBatch(batch)) {
      total += n;
      log(`${set.name}: ${total} re-encrypted so far`);
    }
    processed[set.name] = total;
  }
  const census = await keyCensus(app);
  const audit = app.get(AuditService);
  await app.get(UnitOfWork).run((tx) =>
    audit.record(tx, systemContext(`cli-reencrypt-${randomUUID()}`), {
      action: 'data.reencrypted',
      targetType: 'encryption_key',
      targetId: census.activeKeyId,
      changes: { processed, outstanding: census.outstanding },
    }),
  );
  return { processed, census };
}
