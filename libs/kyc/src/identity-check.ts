import type { KycCaseEntity } from './entities/kyc-case.entity';
import type { CheckResult } from './entities/kyc-check.entity';
import type { KycReasonCode } from './i18n';

/**
 * Submission's `identity` check when a vendor is configured (null with the manual provider): the
 * vendor's GREEN passes; no result yet is a review (an automatic approval waits for it, see
 * VendorResultsService); RETRY fails and sends the seller back with the reason; RED-final fails and
 * leaves the case to ops.
 */
export function identityCheck(
  provider: string,
  kase: Pick<KycCaseEntity, 'identityResult' | 'identityReasonCode' | 'identityDecidedAt' | 'identityApplicantId'>,
): { result: CheckResult; evidence: Record<string, unknown>; sendBack: boolean; reason: KycReasonCode | null } | null {
  if (provider === 'manual') return null;
  const outcome = kase.identityResult ?? 'pending';
  const evidence = { provider, outcome, applicantId: kase.identityApplicantId, decidedAt: kase.identityDecidedAt?.toISOString() ?? null, reasonCode: kase.identityReasonCode };
  const result: CheckResult = outcome === 'approved' ? 'pass' : outcome === 'pending' ? 'review' : 'fail';
  return { result, evidence, sendBack: outcome === 'retry', reason: outcome === 'retry' ? ((kase.identityReasonCode as KycReasonCode | null) ?? 'IDENTITY_CHECK_FAILED') : null };
}
