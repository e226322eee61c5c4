import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CLOCK, Translator } from '@app/kernel';
import type { Clock, ErrorDetail, MessageParam, RequestContext } from '@app/kernel';
import { UnitOfWork } from '@app/persistence';
import type { Tx } from '@app/persistence';
import { callerSeller, SellerBusinessProfileEntity } from '@app/sellers';
import { KycErrorCode, MIN_PARTNERS } from './codes';
import { assertEditable, KycCasesService } from './cases.service';
import { SUBMISSION_CHECKS } from './checks';
import type { CheckFinding, SubmissionContext } from './checks';
import { KycCaseEntity } from './entities/kyc-case.entity';
import { KycCheckEntity } from './entities/kyc-check.entity';
import { KycPersonEntity } from './entities/kyc-person.entity';
import { kycError } from './errors';
import { SANCTIONS_SCREENER } from './sanctions.port';
import type { SanctionsScreener } from './sanctions.port';
import { IDENTITY_VERIFICATION } from './verification.port';
import type { IdentityVerificationProvider } from './verification.port';
import { submitResultView } from './views';

/** Submission: the completeness gate, the automated checks (SUBMISSION_CHECKS) and the decision they lead to. */
@Injectable()
export class KycSubmissionService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly cases: KycCasesService,
    private readonly translator: Translator,
    @Inject(SANCTIONS_SCREENER) private readonly screener: SanctionsScreener,
    @Inject(IDENTITY_VERIFICATION) private readonly identity: IdentityVerificationProvider,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Submission, in ONE transaction: refuses an incomplete case (422 with what is missing), moves it
   * to submitted, runs and stores the automated checks (sanctions screening included) and decides:
   * all green and the pack allows it → approved, otherwise → in review. A failure anywhere (the
   * screener, the database, a crash) rolls everything back, so a case is never left in `submitted`
   * and `submitted → approved` never happens before screening; the outbox events commit with it.
   * Answers the case as the seller may read it.
   */
  async submit(ctx: RequestContext) {
    const seller = callerSeller(ctx);
    const kase = await this.uow.run(async (tx) => {
      const kase = await this.cases.openCase(tx, seller);
      if (kase.status === 'action_required') await this.cases.transition(tx, kase, 'collecting', { role: 'seller', accountId: ctx.actor?.accountId });
      assertEditable(kase);
      const missing = await this.cases.missing(tx, kase);
      if (missing.length) {
        const labels = new Map((await this.cases.pack(tx, kase)).documentTypes.map((d) => [d.code, d.label]));
        const documentName = (type: string): MessageParam => (labels.has(type) ? { text: labels.get(type)! } : type);
        throw kycError(
          KycErrorCode.INCOMPLETE,
          {},
          missing.map((m): ErrorDetail =>
            m.kind === 'representative'
              ? { field: 'persons', code: 'MISSING_REPRESENTATIVE', messageKey: 'kyc.missing.representative' }
              : m.kind === 'partners'
                ? { field: 'persons', code: 'MISSING_PARTNERS', messageKey: 'kyc.missing.partners', params: { min: MIN_PARTNERS } }
                : m.kind === 'owners'
                  ? { field: 'persons', code: 'MISSING_OWNERS', messageKey: 'kyc.missing.owners', params: { threshold: m.threshold! } }
                  : { field: `documents[${m.type}]`, code: 'MISSING_DOCUMENT', messageKey: 'kyc.missing.document', params: { document: documentName(m.type!) } },
          ),
        );
      }
      await this.cases.transition(tx, kase, 'submitted', { role: 'seller', accountId: ctx.actor?.accountId });
      return this.runChecks(tx, kase);
    });
    return submitResultView(kase, this.translator, ctx.locale);
  }

  /**
   * Runs SUBMISSION_CHECKS on a submitted case (locked by the caller's transaction), storing each
   * finding, and decides: all pass and no four-eyes → approved; otherwise in review, with the reason
   * of a finding that holds the case (a sanctions hit), or back to the seller when a finding asks
   * for it (a vendor's RETRY) and none holds it.
   */
  private async runChecks(tx: Tx, kase: KycCaseEntity): Promise<KycCaseEntity> {
    const context: SubmissionContext = {
      tx,
      kase,
      pack: await this.cases.pack(tx, kase),
      packRef: `pack:${kase.country}@${kase.packVersion}`,
      profile: await tx.findOneOrFail(SellerBusinessProfileEntity, { where: { sellerId: kase.sellerId } }),
      persons: await tx.find(KycPersonEntity, { where: { caseId: kase.id } }),
      missing: () => this.cases.missing(tx, kase),
      screener: this.screener,
      identity: this.identity,
    };
    const findings: CheckFinding[] = [];
    for (const check of SUBMISSION_CHECKS) {
      const finding = await check.run(context);
      if (!finding) continue;
      await tx.insert(KycCheckEntity, { id: randomUUID(), caseId: kase.id, kind: check.name, result: finding.result, evidence: finding.evidence as never, ruleVersion: finding.ruleVersion, checkedAt: this.clock.now() });
      findings.push(finding);
    }
    const hold = findings.find((f) => f.hold)?.hold ?? null;
    if (findings.every((f) => f.result === 'pass') && !kase.fourEyes) await this.cases.transition(tx, kase, 'approved', { role: 'system' });
    else {
      await this.cases.transition(tx, kase, 'in_review', { role: 'system', reason: hold });
      const sendBack = findings.find((f) => f.sendBack)?.sendBack;
      if (sendBack && !hold) await this.cases.transition(tx, kase, 'action_required', { role: sendBack.actorRole, reason: sendBack.reason });
    }
    return tx.findOneOrFail(KycCaseEntity, { where: { id: kase.id } });
  }
}
