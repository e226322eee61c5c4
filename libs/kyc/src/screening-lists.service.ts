import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { AuditService } from '@app/audit';
import { JobHandler, JobProcessor, JobQueue } from '@app/jobs';
import { CLOCK, errorFactory, registerErrorCatalogue } from '@app/kernel';
import type { Clock, ErrorCatalogue, RequestContext } from '@app/kernel';
import { UnitOfWork } from '@app/persistence';
import { SellerBusinessProfileEntity } from '@app/sellers';
import { KycCaseEntity } from './entities/kyc-case.entity';
import { KycPersonEntity } from './entities/kyc-person.entity';
import { ScreeningEntryEntity, ScreeningListEntity } from './entities/screening-list.entity';
import { KycService } from './kyc.service';
import { SANCTIONS_SCREENER } from './sanctions.port';
import type { SanctionsScreener } from './sanctions.port';
import { ListEntry, ListFormatError, parseEuConsolidated, parseOfacSdn, parseUnConsolidated } from './screening';

export enum ScreeningErrorCode {
  LIST_FORMAT = 'SCREENING.LIST_FORMAT',
  LIST_EMPTY = 'SCREENING.LIST_EMPTY',
}
export const SCREENING_ERRORS: ErrorCatalogue<ScreeningErrorCode> = registerErrorCatalogue({
  [ScreeningErrorCode.LIST_FORMAT]: { status: 422, description: 'The uploaded file is not a list in the named format.' },
  [ScreeningErrorCode.LIST_EMPTY]: { status: 422, description: 'The uploaded list has no entries.' },
});
const screeningError = errorFactory(SCREENING_ERRORS);

export const LIST_SOURCES = ['ofac_sdn', 'eu_consolidated', 'un_consolidated'] as const;
export type ListSource = (typeof LIST_SOURCES)[number];
export const RESCREEN_JOB = 'kyc.rescreen-approved';

/** Ops load public sanctions lists; each load is a new version and triggers re-screening. */
@Injectable()
export class ScreeningListsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  parse(source: ListSource, file: Buffer, aliases?: Buffer): ListEntry[] {
    try {
      if (source === 'ofac_sdn') return parseOfacSdn(file, aliases);
      if (source === 'eu_consolidated') return parseEuConsolidated(file);
      return parseUnConsolidated(file);
    } catch (e) {
      if (e instanceof ListFormatError) throw screeningError(ScreeningErrorCode.LIST_FORMAT, { source, reason: e.message.slice(0, 200) });
      throw e;
    }
  }

  async load(ctx: RequestContext, input: { source: ListSource; label: string; file: Buffer; aliases?: Buffer }) {
    const entries = this.parse(input.source, input.file, input.aliases);
    if (!entries.length) throw screeningError(ScreeningErrorCode.LIST_EMPTY, { source: input.source });
    const sha256 = createHash('sha256').update(input.file).update(input.aliases ?? Buffer.alloc(0)).digest('hex');
    return this.uow.run(async (tx) => {
      const id = randomUUID();
      await tx.insert(ScreeningListEntity, { id, source: input.source, label: input.label, entryCount: entries.length, sha256, loadedBy: ctx.actor?.accountId ?? null, loadedAt: this.clock.now() });
      for (let i = 0; i < entries.length; i += 1000) {
        await tx.insert(
          ScreeningEntryEntity,
          entries.slice(i, i + 1000).map((e) => ({ listId: id, entryId: e.id, kind: e.kind, names: e.names as never, birthDates: (e.birthDates ?? []) as never })),
        );
      }
      await this.audit.record(tx, ctx, { action: 'screening.list_loaded', targetType: 'screening_list', targetId: id, changes: { source: input.source, label: input.label, entries: entries.length, sha256 } });
      await this.jobs.sendInTx(tx, RESCREEN_JOB, { listId: id }, { singletonKey: `rescreen:${id}` });
      return { id, source: input.source, label: input.label, entryCount: entries.length, sha256 };
    });
  }

  async list() {
    return this.uow.reader.find(ScreeningListEntity, { order: { loadedAt: 'DESC' }, take: 100 });
  }
}

/**
 * After a list load, every approved seller is screened again; a new hit suspends the case (which
 * holds payouts through the `kyc.suspended` outbox event) and puts it in the review queue.
 */
@Injectable()
@JobHandler({ name: RESCREEN_JOB, retryLimit: 5 })
export class RescreenApprovedJob implements JobProcessor<{ listId: string }> {
  private readonly logger = new Logger('Screening');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly kyc: KycService,
    @Inject(SANCTIONS_SCREENER) private readonly screener: SanctionsScreener,
  ) {}

  async handle(): Promise<void> {
    const approved = await this.uow.reader.find(KycCaseEntity, { where: { status: 'approved' } });
    let suspended = 0;
    for (const kase of approved) {
      const profile = await this.uow.reader.findOne(SellerBusinessProfileEntity, { where: { sellerId: kase.sellerId } });
      const persons = await this.uow.reader.find(KycPersonEntity, { where: { caseId: kase.id } });
      const result = await this.screener.screen([
        ...(profile ? [{ ref: 'company', kind: 'entity' as const, name: profile.legalName }] : []),
        ...persons.map((p) => ({ ref: `person:${p.id}`, kind: 'person' as const, name: p.fullName, birthDate: p.dateOfBirth })),
      ]);
      if (result.decision !== 'hit') continue;
      await this.uow.run(async (tx) => {
        const current = await tx.findOne(KycCaseEntity, { where: { id: kase.id }, lock: { mode: 'pessimistic_write' } });
        if (current?.status !== 'approved') return;
        await this.kyc.transition(tx, current, 'suspended', { role: 'system', reason: 'SANCTIONS_HIT', note: `re-screening ${result.listVersion}: ${result.hits.map((h) => `${h.source}:${h.entryId}`).join(', ')}` });
      });
      suspended++;
    }
    this.logger.log(`re-screened ${approved.length} approved seller(s); ${suspended} suspended`);
  }
}
