import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditService } from '@app/audit';
import { CLOCK } from '@app/kernel';
import type { Clock, RequestContext } from '@app/kernel';
import { UnitOfWork } from '@app/persistence';
import { SellerDirectory } from '@app/sellers';
import { In } from 'typeorm';
import { KycCaseEntity } from './entities/kyc-case.entity';
import { KycCheckEntity } from './entities/kyc-check.entity';
import { KycDocumentEntity } from './entities/kyc-document.entity';
import { KycCaseEventEntity } from './entities/kyc-event.entity';
import { KycCaseMessageEntity } from './entities/kyc-case-message.entity';
import { KycPersonEntity } from './entities/kyc-person.entity';
import { KycErrorCode, REVIEW_REASONS } from './codes';
import type { KycReasonCode, KycStatus, OpsDecision, QueueFilter, ReviewReason } from './codes';
import { kycError } from './errors';
import { isUuid } from './ids';
import { OPS_DECISION_FROM, statusName } from './lifecycle';
import { KycCasesService } from './cases.service';
import { KycDocumentsService } from './documents.service';
import { caseMessageView } from './views';

/**
 * Why a case needs a person, as triage codes for ops (never shown to sellers), each an SQL
 * condition on case `c` over the checks of its latest submission (or any, before a submission) and
 * its flags, so the queue's filter and its labels can never disagree.
 */
const since = `(c.submitted_at IS NULL OR k.checked_at >= c.submitted_at)`;
const check = (kind: string, results: string) => `EXISTS (SELECT 1 FROM kyc_checks k WHERE k.case_id = c.id AND k.kind = '${kind}' AND k.result IN (${results}) AND ${since})`;
const REASON_SQL: Record<ReviewReason, string> = {
  SCREENING_POSSIBLE_MATCH: `(${check('sanctions', "'fail', 'review'")} OR c.review_requested_at IS NOT NULL OR EXISTS (SELECT 1 FROM kyc_checks k WHERE k.case_id = c.id AND k.kind = 'sanctions' AND k.evidence->>'trigger' = 'rescreening' AND k.result IN ('fail', 'review') AND k.checked_at >= COALESCE(c.decided_at, c.created_at)))`,
  VENDOR_RED: `(${check('identity', "'fail'")} OR (c.identity_result = 'rejected' AND c.status IN ('in_review', 'suspended'))
    OR EXISTS (SELECT 1 FROM kyc_case_events e WHERE e.case_id = c.id AND e.actor_role LIKE 'vendor:%' AND e.to_status = c.status AND c.status IN ('in_review', 'suspended')))`,
  DUPLICATE_DOCUMENT: check('duplicate_seller', "'review', 'fail'"),
  RISK_POLICY: check('risk_policy', "'review', 'fail'"),
};


export type QueueItem = KycCaseEntity & {
  legalName: string | null;
  tradingName: string | null;
  sellerEmail: string;
  persons: { role: string; fullName: string }[];
  reviewReasons: ReviewReason[];
  reviewReason: ReviewReason | null;
  ageHours: number;
  fourEyesState: 'not_required' | 'awaiting_first_approval' | 'awaiting_second_approval';
};

export interface Decision {
  decision: OpsDecision;
  reasonCode?: KycReasonCode;
  documents?: { documentId: string; status: 'accepted' | 'rejected'; reasonCode?: KycReasonCode }[];
  internalNote?: string;
}

/** Ops' side: the review queue, the case file, and decisions (four-eyes where the pack asks for it). */
@Injectable()
export class KycReviewService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly cases: KycCasesService,
    private readonly documents: KycDocumentsService,
    private readonly audit: AuditService,
    private readonly sellers: SellerDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * The review queue, oldest first, each case with what a reviewer needs to pick it up: who the
   * seller is (legal name, country, email, persons' names), why it is in review (REVIEW_REASONS,
   * from the checks of its latest submission and its flags), how long it has waited, and where
   * four-eyes stands. Filters: status, country, age, flag, reason, seller id, and `q` (part of the
   * legal name, a person's name or the seller's email, any case and accents as typed).
   */
  async queue(filter: QueueFilter): Promise<QueueItem[]> {
    const qb = this.uow.reader
      .createQueryBuilder(KycCaseEntity, 'c')
      .innerJoin('sellers', 's', 's.id = c.seller_id')
      .innerJoin('accounts', 'a', 'a.id = s.account_id')
      .leftJoin('seller_business_profiles', 'p', 'p.seller_id = c.seller_id')
      .where('c.status = :status', { status: filter.status });
    if (filter.flagged !== undefined) qb.andWhere(filter.flagged ? 'c.reviewRequestedAt IS NOT NULL' : 'c.reviewRequestedAt IS NULL');
    if (filter.country) qb.andWhere('c.country = :country', { country: filter.country });
    if (filter.olderThanHours) qb.andWhere(`c.submitted_at < now() - make_interval(hours => :h)`, { h: filter.olderThanHours });
    if (filter.sellerId) qb.andWhere('c.seller_id = :sellerId', { sellerId: filter.sellerId });
    if (filter.reason) qb.andWhere(REASON_SQL[filter.reason]);
    if (filter.q) {
      const like = `%${filter.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      qb.andWhere(
        `(p.legal_name ILIKE :like OR p.trading_name ILIKE :like OR a.email ILIKE :like OR EXISTS (SELECT 1 FROM kyc_persons kp WHERE kp.case_id = c.id AND kp.full_name ILIKE :like))`,
        { like },
      );
    }
    for (const reason of REVIEW_REASONS) qb.addSelect(`(${REASON_SQL[reason]})`, `r_${reason}`);
    qb.addSelect('p.legal_name', 'legal_name').addSelect('p.trading_name', 'trading_name').addSelect('a.email', 'email');
    const { entities, raw } = await qb.orderBy('c.submittedAt', 'ASC', 'NULLS LAST').addOrderBy('c.createdAt', 'ASC').limit(filter.limit).getRawAndEntities();
    const rawById = new Map((raw as Record<string, unknown>[]).map((r) => [r.c_id as string, r]));
    const persons = entities.length ? await this.uow.reader.find(KycPersonEntity, { where: { caseId: In(entities.map((c) => c.id)) } }) : [];
    const now = Date.now();
    return entities.map((c) => {
      const r = rawById.get(c.id)!;
      const reviewReasons = REVIEW_REASONS.filter((reason) => r[`r_${reason}`] === true);
      const since = c.submittedAt ?? c.createdAt;
      return {
        ...c,
        legalName: (r.legal_name as string | null) ?? null,
        tradingName: (r.trading_name as string | null) ?? null,
        sellerEmail: r.email as string,
        persons: persons.filter((p) => p.caseId === c.id).map((p) => ({ role: p.role, fullName: p.fullName })),
        reviewReasons,
        reviewReason: reviewReasons[0] ?? null,
        ageHours: Math.floor((now - since.getTime()) / 3_600_000),
        fourEyesState: !c.fourEyes ? 'not_required' : c.firstApprovalBy ? 'awaiting_second_approval' : 'awaiting_first_approval',
      };
    });
  }

  /** The case file as a reviewer reads it (ID numbers never leave: hasIdNumber). */
  async file(id: string) {
    const kase = isUuid(id) ? await this.uow.reader.findOne(KycCaseEntity, { where: { id } }) : null;
    if (!kase) throw kycError(KycErrorCode.CASE_NOT_FOUND);
    const [checks, documents, persons, history, messages, seller] = [
      await this.uow.reader.find(KycCheckEntity, { where: { caseId: id }, order: { checkedAt: 'ASC' } }),
      await this.uow.reader.find(KycDocumentEntity, { where: { caseId: id }, order: { uploadedAt: 'ASC' } }),
      await this.uow.reader.find(KycPersonEntity, { where: { caseId: id } }),
      await this.uow.reader.find(KycCaseEventEntity, { where: { caseId: id }, order: { occurredAt: 'ASC' } }),
      await this.uow.reader.find(KycCaseMessageEntity, { where: { caseId: id }, order: { sentAt: 'ASC' } }),
      // the seller's account and business profile through the sellers' read model (not their entities)
      (await this.sellers.reviewProfile(kase.sellerId)) ?? null,
    ];
    return {
      case: kase,
      seller,
      checks,
      documents,
      persons: persons.map(({ idNumberEncrypted, ...p }) => ({ ...p, hasIdNumber: Boolean(idNumberEncrypted) })),
      history,
      messages: messages.map(caseMessageView),
    };
  }

  /**
   * A message from the review team to the seller (audited, without its text): stored apart from the
   * internal notes, and shown to the seller as written, so nothing is ever added to it automatically.
   */
  async sendMessage(ctx: RequestContext, id: string, text: string) {
    const body = text.normalize('NFC');
    const sent = await this.uow.run(async (tx) => {
      const kase = isUuid(id) ? await tx.findOne(KycCaseEntity, { where: { id } }) : null;
      if (!kase) throw kycError(KycErrorCode.CASE_NOT_FOUND);
      const message = Object.assign(new KycCaseMessageEntity(), { id: randomUUID(), caseId: id, authorAccountId: ctx.actor!.accountId, body, sentAt: this.clock.now() });
      await tx.insert(KycCaseMessageEntity, message);
      await this.audit.record(tx, ctx, { action: 'kyc.message_sent', targetType: 'kyc_case', targetId: id, changes: { messageId: message.id, length: body.length } });
      return message;
    });
    return caseMessageView(sent);
  }

  async decide(ctx: RequestContext, id: string, d: Decision): Promise<KycCaseEntity> {
    return this.uow.run(async (tx) => {
      const kase = isUuid(id) ? await tx.findOne(KycCaseEntity, { where: { id }, lock: { mode: 'pessimistic_write' } }) : null;
      if (!kase) throw kycError(KycErrorCode.CASE_NOT_FOUND);
      const who = { role: ctx.actor!.role, accountId: ctx.actor!.accountId, reason: d.reasonCode ?? null, note: d.internalNote ?? null };
      for (const f of d.documents ?? []) {
        const res = await tx.update(KycDocumentEntity, { id: f.documentId, caseId: id }, { reviewStatus: f.status, reviewReason: f.reasonCode ?? null });
        if (!res.affected) throw kycError(KycErrorCode.DOCUMENT_NOT_FOUND);
      }
      let outcome: string = d.decision;
      const target: KycStatus = d.decision === 'approve' ? 'approved' : d.decision === 'reject' ? 'rejected' : d.decision === 'suspend' ? 'suspended' : 'action_required';
      // an approved case flagged by re-screening is decided by clearing the flag (approve)
      const clearing = d.decision === 'approve' && kase.status === 'approved' && kase.reviewRequestedAt !== null;
      if (!clearing && !OPS_DECISION_FROM[d.decision].includes(kase.status)) throw kycError(KycErrorCode.ILLEGAL_TRANSITION, { from: statusName(kase.status), to: statusName(target) });
      if (d.decision === 'approve') {
        // four eyes: out of review AND out of a suspension (a lifted suspension releases payouts)
        if (kase.fourEyes && !kase.firstApprovalBy) {
          // first of two approvals: recorded, the case stays where it is for a different reviewer
          await tx.update(KycCaseEntity, { id }, { firstApprovalBy: ctx.actor!.accountId });
          await this.cases.history(tx, id, kase.status, kase.status, { ...who, reason: 'FIRST_APPROVAL' });
          outcome = 'first_approval';
        } else {
          if (kase.fourEyes && kase.firstApprovalBy === ctx.actor!.accountId) throw kycError(KycErrorCode.SAME_REVIEWER);
          if (clearing) {
            // the possible match is not the seller: the flag goes, and its matches count as cleared
            await tx.update(KycCaseEntity, { id }, { reviewRequestedAt: null, firstApprovalBy: null });
            await this.cases.history(tx, id, 'approved', 'approved', { ...who, reason: 'SANCTIONS_REVIEW_CLEARED' });
            outcome = 'review_cleared';
          } else await this.cases.transition(tx, kase, target, who);
        }
      } else if (d.decision === 'suspend') {
        // the kyc.suspended outbox event pauses payouts; a pending re-screening flag is thereby decided
        await tx.update(KycCaseEntity, { id }, { reviewRequestedAt: null });
        await this.cases.transition(tx, kase, 'suspended', { ...who, reason: d.reasonCode ?? 'OTHER' });
      } else if (d.decision === 'reject') {
        await this.cases.transition(tx, kase, 'rejected', { ...who, reason: d.reasonCode ?? 'OTHER' });
      } else {
        if (!d.reasonCode && !(d.documents ?? []).some((x) => x.status === 'rejected')) throw kycError(KycErrorCode.FEEDBACK_REQUIRED);
        await this.cases.transition(tx, kase, 'action_required', { ...who, reason: d.reasonCode ?? 'INFORMATION_INCOMPLETE' });
      }
      await this.audit.record(tx, ctx, {
        action: `kyc.${outcome}`,
        targetType: 'kyc_case',
        targetId: id,
        changes: { reasonCode: d.reasonCode ?? null, documents: d.documents ?? [], ...(d.internalNote ? { internalNote: d.internalNote } : {}) },
      });
      return tx.findOneOrFail(KycCaseEntity, { where: { id } });
    });
  }

  /** Ops download of a document: allowed to reviewers, and always audited. */
  async download(ctx: RequestContext, documentId: string) {
    const doc = isUuid(documentId) ? await this.uow.reader.findOne(KycDocumentEntity, { where: { id: documentId } }) : null;
    if (!doc) throw kycError(KycErrorCode.DOCUMENT_NOT_FOUND);
    await this.uow.run((tx) => this.audit.record(tx, ctx, { action: 'kyc.document_downloaded', targetType: 'kyc_document', targetId: doc.id, changes: { caseId: doc.caseId, type: doc.type } }));
    return { doc, bytes: await this.documents.content(doc) };
  }
}
