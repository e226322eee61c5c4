import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@app/persistence';
import type { Reader } from '@app/persistence';
import type { KycStatus } from './codes';

/**
 * Where a seller stands in KYC, for other contexts (payouts): the status of the seller's current
 * case (`none` before the first one is opened) and whether that case re-verifies an earlier one
 * (a new pack version or an expired document superseded an approved case). Internal reason codes
 * are deliberately not part of it: what other contexts show sellers must not depend on them.
 */
export interface KycStanding {
  caseId: string | null;
  status: KycStatus | 'none';
  reverification: boolean;
}

@Injectable()
export class KycStandingReader {
  constructor(private readonly uow: UnitOfWork) {}

  async of(sellerId: string, tx: Reader): Promise<KycStanding> {
    const rows: { id: string; status: KycStatus; reverification: boolean }[] = await tx.query(
      `SELECT c.id, c.status,
              EXISTS (SELECT 1 FROM kyc_cases s WHERE s.seller_id = c.seller_id AND s.status = 'superseded') AS reverification
         FROM kyc_cases c WHERE c.seller_id = $1 AND c.status <> 'superseded'`,
      [sellerId],
    );
    const row = rows[0];
    return row ? { caseId: row.id, status: row.status, reverification: row.reverification } : { caseId: null, status: 'none', reverification: false };
  }
}
