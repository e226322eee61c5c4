import type { Reader } from '@app/persistence';

/** Screening of a case's subjects (company and people) against the loaded sanctions lists. */
export const SANCTIONS_SCREENER = Symbol('SANCTIONS_SCREENER');

export interface ScreeningSubject {
  ref: string;
  kind: 'person' | 'entity';
  name: string;
  birthDate?: string;
}

export interface SubjectScreening {
  decision: 'hit' | 'review' | 'clear';
  /** Internal only: which list entries matched. Never shown to the seller. */
  hits: {
    subject: string;
    entryId: string;
    source: string;
    matchedName: string;
    score: number;
    strength: string;
    /** What this one match contributes: `hit` blocks (exact/near), `review` needs a person to look (fuzzy, or a lowered near match). */
    decision: 'hit' | 'review';
  }[];
  /** `ofac_sdn@<version>,eu_consolidated@<version>` or `none` when no list is loaded. */
  listVersion: string;
}

export interface SanctionsScreener {
  /**
   * `db`: the caller's transaction when screening is part of one (submission), so list reads use
   * its connection and a submission holds one pooled connection, never two; otherwise uow.reader.
   */
  screen(subjects: ScreeningSubject[], db: Reader): Promise<SubjectScreening>;
}
