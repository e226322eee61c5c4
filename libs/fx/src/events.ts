import { defineEvent } from '@app/jobs';

/** New rate content from a source (a re-import of known content publishes nothing). */
export interface FxSnapshotImported {
  source: string;
  importId: string;
  snapshotIds: string[];
  lastRateDate: string;
  rateKind: string;
}

export const FxSnapshotImportedEvent = defineEvent<FxSnapshotImported>()('fx.snapshot_imported', 'fx_source');
