import type { CheckFinding, SubmissionCheck, SubmissionContext } from './submission-check';

/** A pack that asks for enhanced due diligence sends every case to review. */
export class RiskPolicyCheck implements SubmissionCheck {
  readonly name = 'risk_policy';

  async run({ pack, packRef }: SubmissionContext): Promise<CheckFinding> {
    const edd = pack.risk.enhancedDueDiligence;
    return { result: edd ? 'review' : 'pass', evidence: { enhancedDueDiligence: edd, fourEyes: pack.risk.fourEyesReview }, ruleVersion: packRef };
  }
}
