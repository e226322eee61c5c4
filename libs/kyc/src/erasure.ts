import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Tx } from '@app/persistence';
import { SellerErasure } from '@app/sellers';
import { KycDocumentsService } from './documents.service';
import { KycCaseEntity } from './entities/kyc-case.entity';
import { KycCheckEntity } from './entities/kyc-check.entity';
import { KycDocumentEntity } from './entities/kyc-document.entity';
import { KycCaseEventEntity } from './entities/kyc-event.entity';
import { KycPersonEntity } from './entities/kyc-person.entity';

/** KYC's part of self-service account deletion (sellers' SellerErasure). */
@Injectable()
export class KycErasure implements OnModuleInit {
  constructor(
    private readonly erasure: SellerErasure,
    private readonly documents: KycDocumentsService,
  ) {}

  /** Account deletion: KYC refuses once a verification was submitted, else deletes the draft. */
  onModuleInit(): void {
    this.erasure.register({ name: 'kyc', refuse: (tx, id) => this.refuseErasure(tx, id), erase: (tx, id) => this.erase(tx, id) });
  }

  /**
   * Account deletion (sellers' SellerErasure): a seller who ever submitted a verification keeps its
   * records (HAS_KYC_HISTORY); otherwise the open draft case, its persons and documents go, and the
   * stored files after the commit.
   */
  async refuseErasure(tx: Tx, sellerId: string): Promise<string | null> {
    const rows: { n: number }[] = await tx.query(`SELECT count(*)::int AS n FROM kyc_cases WHERE seller_id = $1 AND (submitted_at IS NOT NULL OR status <> 'collecting')`, [sellerId]);
    return rows[0].n > 0 ? 'HAS_KYC_HISTORY' : null;
  }

  async erase(tx: Tx, sellerId: string): Promise<() => Promise<void>> {
    const docs = await tx.find(KycDocumentEntity, { where: { sellerId } });
    const cases = await tx.find(KycCaseEntity, { where: { sellerId } });
    for (const c of cases) {
      await tx.delete(KycPersonEntity, { caseId: c.id });
      await tx.delete(KycCheckEntity, { caseId: c.id });
      await tx.delete(KycCaseEventEntity, { caseId: c.id });
    }
    await tx.delete(KycDocumentEntity, { sellerId });
    await tx.query('DELETE FROM kyc_vendor_results WHERE case_id = ANY($1::uuid[])', [cases.map((c) => c.id)]);
    await tx.delete(KycCaseEntity, { sellerId });
    return async () => {
      for (const d of docs) await this.documents.dropStored(d.storageKey);
    };
  }
}
