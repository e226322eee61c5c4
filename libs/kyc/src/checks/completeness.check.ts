import type { CheckFinding, SubmissionCheck, SubmissionContext } from './submission-check';

/** Every person and document the pinned pack asks for is there (the checklist is empty). */
export class CompletenessCheck implements SubmissionCheck {
  readonly name = 'completeness';

  async run({ missing, packRef }: SubmissionContext): Promise<CheckFinding> {
    const items = await missing();
    return { result: items.length ? 'fail' : 'pass', evidence: { missing: items }, ruleVersion: packRef };
  }
}
