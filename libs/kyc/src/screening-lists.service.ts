import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { AuditService } from '@app/audit';
import { JobHandler, JobProcessor, JobQueue } from '@app/jobs';
import { CLOCK } from '@app/kernel';
import type { Clock, RequestContext } from '@app/kernel';
import { UnitOfWork } from '@app/persistence';
import type { Tx } from '@app/persistence';
import { SellerBusinessProfileEntity } from '@app/sellers';
import { ScreeningErrorCode } from './codes';
import type { ListSource } from './codes';
import { screeningError } from './errors';
import { KycCaseEntity } from './entities/kyc-case.entity';
import { KycCheckEntity } from './entities/kyc-check.entity';
import { KycPersonEntity } from './entities/kyc-person.entity';
import { ScreeningEntryEntity, ScreeningListEntity } from './entities/screening-list.entity';
import { KycCasesService } from './cases.service';
import { SANCTIONS_SCREENER } from './sanctions.port';
import type { SanctionsScreener, SubjectScreening } from './sanctions.port';
import { ListEntry, ListFormatError, parseEuConsolidated, parseOfacSdn, parseUnConsolidated } from './screening';


export const RESCREEN_JOB = 'kyc.rescreen-approved';

/** Ops load public sanctions lists; each load is a new version and triggers re-screening. */
@Injectable()
export class ScreeningListsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly jobs: JobQueue,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SANCTIONS_SCREENER) private readonly screener: SanctionsScreener,
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
      // the same bytes as the version in use names nobody new: recorded, but nobody is re-screened
      const previous = await tx.findOne(ScreeningListEntity, { where: { source: input.source }, order: { loadedAt: 'DESC' }, lock: { mode: 'pessimistic_write' } });
      const rescreen = previous?.sha256 !== sha256;
      const id = randomUUID();
      await tx.insert(ScreeningListEntity, { id, source: input.source, label: input.label, entryCount: entries.length, sha256, loadedBy: ctx.actor?.accountId ?? null, loadedAt: this.clock.now() });
      for (let i = 0; i < entries.length; i += 1000) {
        await tx.insert(
          ScreeningEntryEntity,
          entries.slice(i, i + 1000).map((e) => ({ listId: id, entryId: e.id, kind: e.kind, names: e.names as never, birthDates: (e.birthDates ?? []) as never })),
        );
      }
      await this.audit.record(tx, ctx, { action: 'screening.list_loaded', targetType: 'screening_list', targetId: id, changes: { source: input.source, label: input.label, entries: entries.length, sha256, rescreen } });
      if (rescreen) await this.jobs.sendInTx(tx, RESCREEN_JOB, { listId: id }, { singletonKey: `rescreen:${id}` });
      return { id, source: input.source, label: input.label, entryCount: entries.length, sha256 };
    });
  }

  async list() {
    return this.uow.reader.find(ScreeningListEntity, { order: { loadedAt: 'DESC' }, take: 100 });
  }

  /**
   * An ops look-up: screens one name (a person with an optional birth date, or an entity) against
   * the loaded lists and returns the evidence, exactly as a submission would see it. Audited (who
   * looked up whom, and the outcome). Nationality is recorded with the look-up; the lists as loaded
   * carry no nationality to compare it with, so it does not change the result (`nationalityUsed`).
   */
  async check(ctx: RequestContext, input: { name: string; kind: 'person' | 'entity'; birthDate?: string; nationality?: string }) {
    const result = await this.screener.screen([{ ref: 'subject', kind: input.kind, name: input.name, ...(input.birthDate ? { birthDate: input.birthDate } : {}) }], this.uow.reader);
    const id = randomUUID();
    await this.uow.run((tx) =>
      this.audit.record(tx, ctx, {
        action: 'screening.checked',
        targetType: 'screening_check',
        targetId: id,
        changes: { subject: input, decision: result.decision, listVersion: result.listVersion, hits: result.hits.map((h) => ({ source: h.source, entryId: h.entryId, score: h.score })) },
      }),
    );
    return {
      id,
      subject: input,
      decision: result.decision,
      listVersion: result.listVersion,
      nationalityUsed: false,
      hits: result.hits.map(({ subject: _subject, ...h }) => h),
    };
  }
}

type Hit = SubjectScreening['hits'][number];
const hitKey = (h: Pick<Hit, 'subject' | 'source' | 'entryId'>) => `${h.subject}|${h.source}|${h.entryId}`;

/**
 * After a list load, every approved seller is screened again. Only NEW matches count: a match
 * (subject × list entry) that was in a sanctions check of the case before a reviewer last approved
 * it has been cleared by that reviewer, and one already flagged since is pending; neither acts
 * again, whatever list version names it (so re-loading the same list changes nothing).
 *   - a new exact/near match (`hit`) suspends the case (which holds payouts through the
 *     `kyc.suspended` outbox event) and puts it in the review queue (status `suspended`);
 *   - a new fuzzy match (`review`) does not suspend: the case stays approved, payouts continue, and
 *     it is flagged (`reviewRequestedAt`), listed by `GET /ops/kyc/cases?status=approved&flagged=true`
 *     until a reviewer clears it with an `approve` decision (four-eyes where the case has it).
 * Either way the new matches are stored as a `sanctions` check (evidence for ops, and what a later
 * approval clears).
 */
@Injectable()
@JobHandler({ name: RESCREEN_JOB, retryLimit: 5 })
export class RescreenApprovedJob implements JobProcessor<{ listId: string }> {
  private readonly logger = new Logger('Screening');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly cases: KycCasesService,
    @Inject(SANCTIONS_SCREENER) private readonly screener: SanctionsScreener,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Matches a reviewer has already seen on this case (cleared by an approval) or that are flagged and pending. */
  private async knownMatches(tx: Tx, caseId: string): Promise<Set<string>> {
    const rows: { hits: Hit[] | null }[] = await tx.query(
      `SELECT k.evidence -> 'hits' AS hits FROM kyc_checks k WHERE k.case_id = $1 AND k.kind = 'sanctions'`,
      [caseId],
    );
    return new Set(rows.flatMap((r) => (Array.isArray(r.hits) ? r.hits.map(hitKey) : [])));
  }

  async handle(): Promise<void> {
    const approved = await this.uow.reader.find(KycCaseEntity, { where: { status: 'approved' } });
    let suspended = 0;
    let flagged = 0;
    for (const kase of approved) {
      const profile = await this.uow.reader.findOne(SellerBusinessProfileEntity, { where: { sellerId: kase.sellerId } });
      const persons = await this.uow.reader.find(KycPersonEntity, { where: { caseId: kase.id } });
      const result = await this.screener.screen([
        ...(profile ? [{ ref: 'company', kind: 'entity' as const, name: profile.legalName }] : []),
        ...persons.map((p) => ({ ref: `person:${p.id}`, kind: 'person' as const, name: p.fullName, birthDate: p.dateOfBirth })),
      ], this.uow.reader);
      if (result.decision === 'clear') continue;
      const outcome = await this.uow.run(async (tx) => {
        const current = await tx.findOne(KycCaseEntity, { where: { id: kase.id }, lock: { mode: 'pessimistic_write' } });
        if (current?.status !== 'approved') return 'none';
        // every earlier sanctions check of an approved case was either decided by the approval that
        // followed it (cleared) or is a flag still pending: either way, not new
        const known = await this.knownMatches(tx, current.id);
        const fresh = result.hits.filter((h) => !known.has(hitKey(h)));
        if (!fresh.length) return 'none';
        const blocking = fresh.some((h) => h.decision === 'hit');
        const note = `re-screening ${result.listVersion}: ${fresh.map((h) => `${h.source}:${h.entryId}`).join(', ')}`;
        await tx.insert(KycCheckEntity, {
          id: randomUUID(),
          caseId: current.id,
          kind: 'sanctions',
          result: blocking ? 'fail' : 'review',
          evidence: { decision: blocking ? 'hit' : 'review', hits: fresh, trigger: 'rescreening' } as never,
          ruleVersion: `sanctions:${result.listVersion}`.slice(0, 100),
          checkedAt: this.clock.now(),
        });
        if (blocking) {
          await this.cases.transition(tx, current, 'suspended', { role: 'system', reason: 'SANCTIONS_HIT', note });
          return 'suspended';
        }
        // a possible match: reviewed without holding payouts; a new review needs its own approvals
        await tx.update(KycCaseEntity, { id: current.id }, { reviewRequestedAt: this.clock.now(), firstApprovalBy: null });
        await this.cases.history(tx, current.id, 'approved', 'approved', { role: 'system', reason: 'SANCTIONS_REVIEW', note });
        return 'flagged';
      });
      if (outcome === 'suspended') suspended++;
      if (outcome === 'flagged') flagged++;
    }
    this.logger.log(`re-screened ${approved.length} approved seller(s); ${suspended} suspended, ${flagged} flagged for review`);
  }
}
