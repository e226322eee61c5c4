import type { CheckResult } from '../codes';
import type { CheckFinding, SubmissionCheck, SubmissionContext } from './submission-check';

/** The company and every declared person screened against the loaded sanctions lists: a hit holds the case with ops (SANCTIONS_HIT). */
export class SanctionsCheck implements SubmissionCheck {
  readonly name = 'sanctions';

  async run({ tx, profile, persons, screener }: SubmissionContext): Promise<CheckFinding> {
    const screening = await screener.screen(
      [
        { ref: 'company', kind: 'entity', name: profile.legalName },
        ...persons.map((p) => ({ ref: `person:${p.id}`, kind: 'person' as const, name: p.fullName, birthDate: p.dateOfBirth })),
      ],
      tx,
    );
    const result: CheckResult = screening.decision === 'clear' ? 'pass' : screening.decision === 'hit' ? 'fail' : 'review';
    return {
      result,
      evidence: { decision: screening.decision, hits: screening.hits },
      ruleVersion: `sanctions:${screening.listVersion}`,
      ...(result === 'fail' ? { hold: 'SANCTIONS_HIT' as const } : {}),
    };
  }
}
