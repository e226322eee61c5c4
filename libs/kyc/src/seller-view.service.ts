import { Injectable } from '@nestjs/common';
import { Translator } from '@app/kernel';
import type { RequestContext } from '@app/kernel';
import { UnitOfWork } from '@app/persistence';
import { callerSeller } from '@app/sellers';
import { KycCasesService } from './cases.service';
import { KycCaseMessageEntity } from './entities/kyc-case-message.entity';
import { KycDocumentEntity } from './entities/kyc-document.entity';
import { KycPersonEntity } from './entities/kyc-person.entity';
import { IdentityVerificationService } from './identity-verification.service';
import { sellerReason, sellerStatus } from './seller-facing';
import { checklistView, documentView, personView, reasonView, sellerMessageView } from './views';

/** The seller's KYC page: status, checklist, documents, messages and, with a vendor, the identity step. */
@Injectable()
export class KycSellerViewService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly cases: KycCasesService,
    private readonly translator: Translator,
    private readonly identity: IdentityVerificationService,
  ) {}

  /** The seller's case (opened on first use), in the caller's language. */
  async view(ctx: RequestContext) {
    const seller = callerSeller(ctx);
    const t = this.translator;
    const view = await this.uow.run(async (tx) => {
      const kase = await this.cases.openCase(tx, seller);
      const documents = await tx.find(KycDocumentEntity, { where: { caseId: kase.id }, order: { uploadedAt: 'ASC' } });
      const pack = await this.cases.pack(tx, kase);
      const labels = new Map<string, Record<string, string>>(pack.documentTypes.map((d) => [d.code, d.label]));
      const persons = new Map(pack.documentTypes.flatMap((d) => (d.person ? [[d.code, d.person] as const] : [])));
      const missing = await this.cases.missing(tx, kase);
      const reason = sellerReason(kase.status, kase.reasonCode);
      return {
        caseId: kase.id,
        status: sellerStatus(kase.status),
        packVersion: kase.packVersion,
        ...(reason ? { reason: reasonView(reason, t, ctx.locale) } : {}),
        checklist: checklistView(missing, labels, t, ctx.locale, persons),
        documents: documents.map((d) => documentView(d, t, ctx.locale)),
        persons: (await tx.find(KycPersonEntity, { where: { caseId: kase.id }, order: { role: 'ASC', fullName: 'ASC' } })).map(personView),
        noOwnersDeclared: kase.noOwnersDeclaredAt !== null,
        ...(pack.legalForms.find((f) => f.code === kase.legalForm)?.sellerType === 'company' ? { ownerThresholdPercent: pack.risk.uboThresholdPercent } : {}),
        messages: (await tx.find(KycCaseMessageEntity, { where: { caseId: kase.id }, order: { sentAt: 'ASC' } })).map(sellerMessageView),
      };
    });
    // with a vendor: the identity step and its hosted link, minted after the case's transaction
    return { ...view, ...(await this.identity.sellerView(ctx, view.caseId)) };
  }
}
