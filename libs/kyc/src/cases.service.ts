import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { conditionApplies, CountryRulesService, declarationsOf } from '@app/countries';
import type { CountryPackDocument } from '@app/countries';
import { Outbox } from '@app/jobs';
import { CLOCK, IllegalTransition } from '@app/kernel';
import type { Clock, SellerPrincipal } from '@app/kernel';
import type { Tx } from '@app/persistence';
import { Not } from 'typeorm';
import { SellerBusinessProfileEntity } from '@app/sellers';
import { KycErrorCode, MIN_PARTNERS } from './codes';
import type { KycStatus, MissingItem } from './codes';
import { KycCaseEntity } from './entities/kyc-case.entity';
import { KycDocumentEntity } from './entities/kyc-document.entity';
import { KycCaseEventEntity } from './entities/kyc-event.entity';
import { KycPersonEntity } from './entities/kyc-person.entity';
import { kycError } from './errors';
import { KYC_STATUS_EVENTS } from './events';
import { EDITABLE, KYC_CASE_LIFECYCLE, RESETS_APPROVALS, statusName } from './lifecycle';
import { sellerReason, sellerStatus } from './seller-facing';

/** Who moves a case (history row): a role, the account, the reason code and an internal note. */
export interface CaseActor {
  role: string;
  accountId?: string | null;
  reason?: string | null;
  note?: string | null;
}

/** Whether the case's legal form is a partnership in its pinned pack (its partners are then declared in KYC). */
export function isPartnership(pack: CountryPackDocument, legalForm: string): boolean {
  return pack.legalForms.find((f) => f.code === legalForm)?.sellerType === 'partnership';
}

/** The document types the pinned pack asks of the case's legal form. */
export function requiredDocuments(pack: CountryPackDocument, legalForm: string) {
  return pack.legalForms.find((f) => f.code === legalForm)?.documents ?? [];
}

/** A case that no longer takes changes from the seller is refused with KYC_CASE_LOCKED. */
export function assertEditable(kase: KycCaseEntity): void {
  if (!EDITABLE.includes(kase.status)) throw kycError(KycErrorCode.CASE_LOCKED, { status: statusName(sellerStatus(kase.status)) });
}

/** KYC cases: opening the seller's case, moving it through the transition table with its history, and what it still lacks. */
@Injectable()
export class KycCasesService {
  constructor(
    private readonly countries: CountryRulesService,
    private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The seller's open case, opened on first use under the currently published pack. Race-safe: the
   * first calls of a new seller often come in parallel, so the case is inserted with
   * `ON CONFLICT DO NOTHING` against the one-open-case-per-seller index; a call that loses the race
   * waits for the winner's commit and reads (and locks) the winner's case instead of failing.
   */
  async openCase(tx: Tx, seller: SellerPrincipal): Promise<KycCaseEntity> {
    const current = () => tx.findOne(KycCaseEntity, { where: { sellerId: seller.id, status: Not('superseded' as KycStatus) }, lock: { mode: 'pessimistic_write' } });
    const existing = await current();
    if (existing) return existing;
    const profile = await tx.findOne(SellerBusinessProfileEntity, { where: { sellerId: seller.id } });
    if (!profile) throw kycError(KycErrorCode.BUSINESS_PROFILE_REQUIRED);
    const pack = await this.countries.published(seller.country, tx);
    const id = randomUUID();
    const inserted = await tx
      .createQueryBuilder()
      .insert()
      .into(KycCaseEntity)
      .values({
        id,
        sellerId: seller.id,
        country: seller.country,
        legalForm: profile.legalForm,
        packVersion: pack.version,
        status: 'collecting' as KycStatus,
        reasonCode: null,
        fourEyes: pack.document.risk.fourEyesReview,
        firstApprovalBy: null,
        submittedAt: null,
        decidedAt: null,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    if (!(inserted.raw as unknown[]).length) {
      const winner = await current();
      if (!winner) throw new Error('kyc case insert conflicted but no open case is visible');
      return winner;
    }
    await this.history(tx, id, null, 'collecting', { role: 'system' });
    return tx.findOneOrFail(KycCaseEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /** The document of the pack version the case is pinned to. */
  async pack(tx: Tx, kase: Pick<KycCaseEntity, 'country' | 'packVersion'>): Promise<CountryPackDocument> {
    return (await this.countries.version(kase.country, kase.packVersion, tx)).document;
  }

  async history(tx: Tx, caseId: string, from: KycStatus | null, to: KycStatus, who: CaseActor) {
    await tx.insert(KycCaseEventEntity, {
      id: randomUUID(),
      caseId,
      fromStatus: from,
      toStatus: to,
      actorRole: who.role,
      actorAccountId: who.accountId ?? null,
      reasonCode: who.reason ?? null,
      internalNote: who.note ?? null,
      occurredAt: this.clock.now(),
    });
  }

  /** Moves a case through the transition table, recording history and the outbox event. */
  async transition(tx: Tx, kase: KycCaseEntity, to: KycStatus, who: CaseActor) {
    try {
      await KYC_CASE_LIFECYCLE.move(kase.status, to, async ({ from }) => {
        const decided = ['approved', 'rejected'].includes(to) ? { decidedAt: this.clock.now() } : {};
        const approvals = RESETS_APPROVALS.includes(to) ? { firstApprovalBy: null } : {};
        // a status change decides the case as a whole, a pending re-screening flag included
        await tx.update(KycCaseEntity, { id: kase.id }, { status: to, reasonCode: who.reason ?? null, reviewRequestedAt: null, ...decided, ...approvals, ...(to === 'submitted' ? { submittedAt: this.clock.now() } : {}) });
        await this.history(tx, kase.id, from, to, who);
      });
    } catch (e) {
      if (e instanceof IllegalTransition) throw kycError(KycErrorCode.ILLEGAL_TRANSITION, { from: statusName(e.from as KycStatus), to: statusName(e.to as KycStatus) });
      throw e;
    }
    // approval accepts every document still pending; those a reviewer rejected stay as decided
    if (to === 'approved') await tx.update(KycDocumentEntity, { caseId: kase.id, reviewStatus: 'pending' }, { reviewStatus: 'accepted' });
    const event = KYC_STATUS_EVENTS[to];
    if (event) {
      // events may reach the seller (notifications): the reason as the seller may read it, never a screening one
      await this.outbox.add(tx, event, kase.sellerId, { caseId: kase.id, sellerId: kase.sellerId, country: kase.country, from: kase.status, to, reasonCode: sellerReason(to, who.reason ?? null) });
    }
    kase.status = to;
  }

  /**
   * Missing items for the seller's checklist: the representative, for a partnership its partners
   * (at least {@link MIN_PARTNERS}), and required documents not
   * uploaded. A conditional document counts when the business profile, as it is now, declares
   * what it depends on (a brand; VAT registration as the pinned pack defines it).
   */
  async missing(tx: Tx, kase: KycCaseEntity): Promise<MissingItem[]> {
    const pack = await this.pack(tx, kase);
    const persons = await tx.find(KycPersonEntity, { where: { caseId: kase.id } });
    const docs = await tx.find(KycDocumentEntity, { where: { caseId: kase.id } });
    const profile = await tx.findOne(SellerBusinessProfileEntity, { where: { sellerId: kase.sellerId } });
    const declared = declarationsOf(
      pack.legalForms.find((f) => f.code === kase.legalForm),
      profile ?? { identifiers: {} },
    );
    const out: MissingItem[] = [];
    if (!persons.some((p) => p.role === 'representative')) out.push({ kind: 'representative' });
    // a company names its owners at or above the threshold, or declares that there are none
    const company = pack.legalForms.find((f) => f.code === kase.legalForm)?.sellerType === 'company';
    const threshold = pack.risk.uboThresholdPercent;
    // "no one holds 25 % or more" also covers a threshold of 50 %, not one of 10 %
    const declaredNone = kase.noOwnersDeclaredAt !== null && (kase.noOwnersThresholdPercent ?? Infinity) <= threshold;
    if (company && !persons.some((p) => p.role === 'owner') && !declaredNone) out.push({ kind: 'owners', threshold });
    if (isPartnership(pack, kase.legalForm) && persons.filter((p) => p.role === 'partner').length < MIN_PARTNERS) out.push({ kind: 'partners' });
    for (const req of requiredDocuments(pack, kase.legalForm)) {
      if (!req.required || !conditionApplies(req.condition, declared)) continue;
      if (!docs.some((d) => d.type === req.type && d.reviewStatus !== 'rejected')) out.push({ kind: 'document', type: req.type });
    }
    return out;
  }
}
