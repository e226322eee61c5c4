import type { CheckResult, KycReasonCode } from '../codes';
import type { KycCaseEntity } from '../entities/kyc-case.entity';
import type { CheckFinding, SubmissionCheck, SubmissionContext } from './submission-check';

/**
 * The `identity` check when a vendor is configured (null with the manual provider): the vendor's
 * GREEN passes; no result yet is a review (an automatic approval waits for it, see
 * VendorResultsService); RETRY fails and sends the seller back with the reason; RED-final fails and
 * leaves the case to ops.
 */
export function identityFinding(
  provider: string,
  kase: Pick<KycCaseEntity, 'identityResult' | 'identityReasonCode' | 'identityDecidedAt' | 'identityApplicantId'>,
): CheckFinding | null {
  if (provider === 'manual') return null;
  const outcome = kase.identityResult ?? 'pending';
  const evidence = { provider, outcome, applicantId: kase.identityApplicantId, decidedAt: kase.identityDecidedAt?.toISOString() ?? null, reasonCode: kase.identityReasonCode };
  const result: CheckResult = outcome === 'approved' ? 'pass' : outcome === 'pending' ? 'review' : 'fail';
  const sendBack = outcome === 'retry' ? { actorRole: `vendor:${provider}`, reason: (kase.identityReasonCode as KycReasonCode | null) ?? 'IDENTITY_CHECK_FAILED' } : undefined;
  return { result, evidence, ruleVersion: `identity:${provider}`, ...(sendBack ? { sendBack } : {}) };
}

/** With a vendor (KYC_PROVIDER ≠ manual), its result on the seller's identity is one more check. */
export class IdentityCheck implements SubmissionCheck {
  readonly name = 'identity';

  async run({ identity, kase }: SubmissionContext): Promise<CheckFinding | null> {
    return identityFinding(identity.name, kase);
  }
}
