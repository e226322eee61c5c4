import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@app/persistence';
import type { SanctionsScreener, ScreeningSubject, SubjectScreening } from './sanctions.port';

/**
 * Screens against the newest loaded version of each list source. With no list loaded nothing can
 * be cleared, so every subject goes to review (a case is never approved unscreened).
 */
@Injectable()
export class ListSanctionsScreener implements SanctionsScreener {
  constructor(private readonly uow: UnitOfWork) {}

  async screen(_subjects: ScreeningSubject[]): Promise<SubjectScreening> {
    const lists: { source: string; label: string }[] = await this.uow.reader.query(
      `SELECT DISTINCT ON (source) source, label FROM screening_lists ORDER BY source, loaded_at DESC`,
    );
    if (!lists.length) return { decision: 'review', hits: [], listVersion: 'none' };
    return { decision: 'review', hits: [], listVersion: lists.map((l) => `${l.source}@${l.label}`).join(',') };
  }
}
