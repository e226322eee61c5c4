import { Inject, Injectable } from '@nestjs/common';
import { MoreThanOrEqual, Not } from 'typeorm';
import { CLOCK } from '@app/kernel';
import type { Clock } from '@app/kernel';
import { Tx, UnitOfWork } from '@app/persistence';
import { KycCaseEntity } from './entities/kyc-case.entity';
import { KycCheckEntity } from './entities/kyc-check.entity';
import { KycVendorResultEntity } from './entities/kyc-vendor-result.entity';
import { EDITABLE, KYC_TRANSITIONS } from './lifecycle';
import type { KycStatus } from './codes';
import { KycCasesService } from './cases.service';
import { IDENTITY_VERIFICATION } from './verification.port';
import type { IdentityVerificationProvider, VendorResult } from './verification.port';
import { isUuid } from './ids';

/**
 * applied (the case moved) · recorded (kept as the identity check's result; the case did not move)
 * · duplicate · late (a later decision exists) · not_applicable (the case cannot move that way) ·
 * unknown_applicant
 */
export type Disposition = 'applied' | 'recorded' | 'duplicate' | 'late' | 'not_applicable' | 'unknown_applicant';

/**
 * Applies vendor results to cases, at most once each, and never against a later decision: a
 * result decided before the case's last decision (a late or reordered delivery, or a vendor that
 * changes its mind after ops decided) is recorded but not applied.
 *
 * With an identity vendor configured (KYC_PROVIDER ≠ manual), the vendor's result is also the case's
 * identity check, kept on the case (`identity_*`) when it is newer than the one held:
 * - while the seller is still editing (collecting, action_required) it only is recorded; submission
 *   reads it (GREEN is needed for an automatic approval, RETRY sends the seller back, RED-final
 *   leaves the case to ops);
 * - in review, a GREEN approves only when it was the one thing the automatic approval waited for
 *   (every other check of the submission passed, no four-eyes); otherwise it is recorded for ops;
 *   RETRY and RED move the case as in the transition table (action_required, rejected);
 * - once approved, a RED suspends (payouts held); only ops lift a suspension or a rejection.
 * Without a vendor (manual), results apply through the transition table alone, as before.
 */
@Injectable()
export class VendorResultsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly cases: KycCasesService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IDENTITY_VERIFICATION) private readonly provider: IdentityVerificationProvider,
  ) {}

  async apply(result: VendorResult): Promise<Disposition> {
    return this.uow.run((tx) => this.applyIn(tx, result));
  }

  /** {@link apply} in the caller's transaction (the webhook inbox's worker, which holds the inbox row's lock). */
  async applyIn(tx: Tx, result: VendorResult): Promise<Disposition> {
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
    const tracked = this.provider.name !== 'manual' && result.provider === this.provider.name;
    // an identity result older than the one the case holds never replaces it
    if (tracked && kase.identityDecidedAt && result.decidedAt <= kase.identityDecidedAt) return record('late', kase.id);
    // only ops lift a suspension or a rejection; a vendor's rejection after an approval suspends
    if (kase.status === 'suspended' || kase.status === 'rejected') return record('not_applicable', kase.id);
    if (tracked && (EDITABLE.includes(kase.status) || (kase.status === 'in_review' && result.outcome === 'approved' && !(await this.onlyIdentityOutstanding(tx, kase))))) {
      await this.remember(tx, kase, result);
      return record('recorded', kase.id);
    }
    const target: KycStatus =
      result.outcome === 'approved' ? 'approved' : result.outcome === 'retry' ? 'action_required' : kase.status === 'approved' ? 'suspended' : 'rejected';
    if (!KYC_TRANSITIONS[kase.status].includes(target)) return record('not_applicable', kase.id);
    await this.cases.transition(tx, kase, target, { role: `vendor:${result.provider}`, reason: result.reasonCode ?? null });
    await tx.update(KycCaseEntity, { id: kase.id }, { decidedAt: result.decidedAt });
    if (tracked) await this.remember(tx, kase, result);
    return record('applied', kase.id);
  }

  /** Keeps a vendor result as the case's identity check (applicant id, outcome, reason, decision time). */
  private async remember(tx: Tx, kase: KycCaseEntity, result: VendorResult) {
    await tx.update(
      KycCaseEntity,
      { id: kase.id },
      {
        identityProvider: result.provider,
        identityApplicantId: kase.identityApplicantId ?? result.vendorApplicantId ?? null,
        identityResult: result.outcome,
        identityReasonCode: result.outcome === 'approved' ? null : (result.reasonCode ?? null),
        identityDecidedAt: result.decidedAt,
      },
    );
  }

  /** In review only because the identity result was missing: every other check of this submission passed, and one approval suffices. */
  private async onlyIdentityOutstanding(tx: Tx, kase: KycCaseEntity): Promise<boolean> {
    if (kase.fourEyes || kase.reviewRequestedAt || !kase.submittedAt) return false;
    const checks = await tx.find(KycCheckEntity, { where: { caseId: kase.id, kind: Not('identity'), checkedAt: MoreThanOrEqual(kase.submittedAt) } });
    return checks.length > 0 && checks.every((c) => c.result === 'pass');
  }
}
