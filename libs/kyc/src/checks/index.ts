import { CompletenessCheck } from './completeness.check';
import { DuplicateSellerCheck } from './duplicate-seller.check';
import { IdentifiersCheck } from './identifiers.check';
import { IdentityCheck } from './identity.check';
import { RiskPolicyCheck } from './risk-policy.check';
import { SanctionsCheck } from './sanctions.check';
import type { SubmissionCheck } from './submission-check';

export type { CheckFinding, SubmissionCheck, SubmissionContext } from './submission-check';
export { CompletenessCheck, DuplicateSellerCheck, IdentifiersCheck, IdentityCheck, RiskPolicyCheck, SanctionsCheck };
export { identityFinding } from './identity.check';

/**
 * The automated checks a submission runs, in this order, each stored as a kyc_checks row of its
 * name. All pass and no four-eyes review → approved; otherwise in review (see KycSubmissionService).
 */
export const SUBMISSION_CHECKS: readonly SubmissionCheck[] = [
  new CompletenessCheck(),
  new IdentifiersCheck(),
  new DuplicateSellerCheck(),
  new SanctionsCheck(),
  new RiskPolicyCheck(),
  new IdentityCheck(),
];
