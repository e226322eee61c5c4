import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@app/persistence';
import type { Reader } from '@app/persistence';
import { ScreeningEntryEntity } from './entities/screening-list.entity';
import type { SanctionsScreener, ScreeningSubject, SubjectScreening } from './sanctions.port';
import { ListEntry, ScreeningIndex } from './screening';

const SEVERITY = { clear: 0, review: 1, hit: 2 } as const;

/**
 * Screens against the newest loaded version of each list source. With no list loaded nothing can
 * be cleared, so every subject goes to review (a case is never approved unscreened). The in-memory
 * index is rebuilt when a new list version appears; concurrent callers share one build.
 */
@Injectable()
export class ListSanctionsScreener implements SanctionsScreener {
  private cache?: { key: string; index: Promise<ScreeningIndex> };

  constructor(private readonly uow: UnitOfWork) {}

  private async current(db: Reader): Promise<{ key: string; version: string; lists: { id: string; source: string; label: string }[] }> {
    const lists: { id: string; source: string; label: string }[] = await db.query(
      `SELECT DISTINCT ON (source) id, source, label FROM screening_lists ORDER BY source, loaded_at DESC`,
    );
    return { key: lists.map((l) => l.id).join(','), version: lists.map((l) => `${l.source}@${l.label}`).join(',') || 'none', lists };
  }

  // A build started on a caller's transaction is awaited by that caller before its transaction ends,
  // so other callers sharing the promise never see the connection go away under it.
  private index(db: Reader, key: string, lists: { id: string; source: string }[]): Promise<ScreeningIndex> {
    if (this.cache?.key !== key) {
      const build = (async () => {
        const entries: ListEntry[] = [];
        for (const list of lists) {
          const rows = await db.find(ScreeningEntryEntity, { where: { listId: list.id } });
          for (const r of rows) {
            entries.push({ id: r.entryId, source: list.source as ListEntry['source'], kind: r.kind as ListEntry['kind'], names: r.names, birthDates: r.birthDates });
          }
        }
        return new ScreeningIndex(entries);
      })();
      this.cache = { key, index: build };
      build.catch(() => {
        if (this.cache?.index === build) this.cache = undefined;
      });
    }
    return this.cache!.index;
  }

  async screen(subjects: ScreeningSubject[], db: Reader): Promise<SubjectScreening> {
    const { key, version, lists } = await this.current(db);
    if (!lists.length) return { decision: 'review', hits: [], listVersion: 'none' };
    const index = await this.index(db, key, lists);
    let decision: SubjectScreening['decision'] = 'clear';
    const hits: SubjectScreening['hits'] = [];
    for (const s of subjects) {
      const r = index.screen(s.name, { kind: s.kind, birthDate: s.birthDate });
      if (SEVERITY[r.decision] > SEVERITY[decision]) decision = r.decision;
      for (const h of r.hits) hits.push({ subject: s.ref, entryId: h.entryId, source: h.source, matchedName: h.matchedName, score: h.score, strength: h.strength, decision: h.decision });
    }
    return { decision, hits, listVersion: version };
  }
}
