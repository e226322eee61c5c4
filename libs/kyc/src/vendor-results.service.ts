import { Inject, Injectable } from '@nestjs/common';
import { CLOCK } from '@app/kernel';
import type { Clock } from '@app/kernel';
import { UnitOfWork } from '@app/persistence';
import { KycCaseEntity } from './entities/kyc-case.entity';
import { KycVendorResultEntity } from './entities/kyc-vendor-result.entity';
import { KYC_TRANSITIONS } from './lifecycle';
import type { KycStatus } from './lifecycle';
import { KycService } from './kyc.service';
import type { VendorResult } from './verification.port';
import { isUuid } from './ids';

export type Disposition = 'applied' | 'duplicate' | 'late' | 'not_applicable' | 'unknown_applicant';

/**
 * Applies vendor results to cases, at most once each, and never against a later decision: a
 * result decided before the case's last decision (a late or reordered delivery, or a vendor that
 * changes its mind after ops decided) is recorded but not applied.
 */
@Injectable()
export class VendorResultsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly kyc: KycService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async apply(result: VendorResult): Promise<Disposition> {
    return this.uow.run(async (tx) => {
      const inserted: unknown[] = await tx.query(
        `INSERT INTO kyc_vendor_results (provider, result_id, case_id, outcome, decided_at, disposition, received_at)
         VALUES ($1, $2, NULL, $3, $4, 'pending', $5) ON CONFLICT DO NOTHING RETURNING result_id`,
        [result.provider, result.resultId, result.outcome, result.decidedAt, this.clock.now()],
      );
      if (!inserted.length) return 'duplicate';
      const record = (disposition: Disposition, caseId: string | null = null) =>
        tx.update(KycVendorResultEntity, { provider: result.provider, resultId: result.resultId }, { disposition, caseId }).then(() => disposition);

      const kase = isUuid(result.applicantId)
        ? await tx.findOne(KycCaseEntity, { where: { id: result.applicantId }, lock: { mode: 'pessimistic_write' } })
        : null;
      if (!kase) return record('unknown_applicant');
      if (kase.decidedAt && result.decidedAt <= kase.decidedAt) return record('late', kase.id);
      // only ops lift a suspension or a rejection; a vendor's rejection after an approval suspends
      if (kase.status === 'suspended' || kase.status === 'rejected') return record('not_applicable', kase.id);
      const target: KycStatus =
        result.outcome === 'approved' ? 'approved' : result.outcome === 'retry' ? 'action_required' : kase.status === 'approved' ? 'suspended' : 'rejected';
      if (!KYC_TRANSITIONS[kase.status].includes(target)) return record('not_applicable', kase.id);
      await this.kyc.transition(tx, kase, target, { role: `vendor:${result.provider}`, reason: result.reasonCode ?? null });
      await tx.update(KycCaseEntity, { id: kase.id }, { decidedAt: result.decidedAt });
      return record('applied', kase.id);
    });
  }
}
