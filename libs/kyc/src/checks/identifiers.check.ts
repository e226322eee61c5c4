import { validateWithPack } from '@app/countries';
import type { CheckFinding, SubmissionCheck, SubmissionContext } from './submission-check';

/** The business profile's identifiers are valid under the pinned pack (a type the pack does not know is invalid). */
export class IdentifiersCheck implements SubmissionCheck {
  readonly name = 'identifiers';

  async run({ profile, pack, packRef }: SubmissionContext): Promise<CheckFinding> {
    const invalid = Object.entries(profile.identifiers)
      .filter(([type, value]) => {
        try {
          return !validateWithPack(pack, type, value).valid;
        } catch {
          return true; // a type the pinned pack does not know
        }
      })
      .map(([type]) => type);
    return { result: invalid.length ? 'fail' : 'pass', evidence: { invalid }, ruleVersion: packRef };
  }
}
