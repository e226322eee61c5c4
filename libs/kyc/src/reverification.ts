import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { CountryPublications } from '@app/countries';
import { Outbox } from '@app/jobs';
import { CLOCK, FieldCipher } from '@app/kernel';
import type { Clock, RequestContext } from '@app/kernel';
import type { Tx } from '@app/persistence';
import { Not } from 'typeorm';
import { KycCaseEntity } from './entities/kyc-case.entity';
import { KycDocumentEntity } from './entities/kyc-document.entity';
import { KycCaseEventEntity } from './entities/kyc-event.entity';
import { KycPersonEntity } from './entities/kyc-person.entity';
import { KycReverificationRequiredEvent } from './events';
import { KYC_CASE_LIFECYCLE } from './lifecycle';
import { DOCUMENT_STORAGE } from './storage';
import type { DocumentStorage } from './storage';

/**
 * A published pack that adds a requirement to a legal form re-verifies its sellers: each approved
 * case checked under an older version is superseded by a new case (collecting, pinned to the new
 * version), in the publishing transaction. The old decision stays in the history.
 */
@Injectable()
export class ReverificationOnPublish implements OnModuleInit {
  constructor(
    private readonly publications: CountryPublications,
    private readonly outbox: Outbox,
    private readonly cipher: FieldCipher,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.publications.onImpact(async (tx, event) => {
      const rows: { seller_id: string; legal_form: string }[] = await tx.query(
        `SELECT seller_id, legal_form FROM kyc_cases WHERE country = $1 AND status = 'approved' AND pack_version < $2 AND legal_form = ANY($3)`,
        [event.country, event.version, event.tightenedLegalForms],
      );
      return rows.map((r) => ({ sellerId: r.seller_id, legalForm: r.legal_form }));
    });
    this.publications.onPublished(async (tx, ctx, event) => {
      if (!event.tightenedLegalForms.length) return;
      const cases = await tx
        .createQueryBuilder(KycCaseEntity, 'c')
        .setLock('pessimistic_write')
        .where('c.country = :country AND c.status = :status AND c.packVersion < :version AND c.legalForm IN (:...forms)', {
          country: event.country,
          status: 'approved',
          version: event.version,
          forms: event.tightenedLegalForms,
        })
        .getMany();
      for (const old of cases) await this.reopen(tx, ctx, old, event.version, 'PACK_REQUIREMENTS_ADDED', `country pack ${event.country} v${event.version}`);
    });
  }
  /**
   * Supersedes an approved case with a new one (collecting, pinned to `packVersion`), carrying over
   * persons and still-valid documents, so the seller only adds what is new or expired.
   */
  async reopen(tx: Tx, ctx: RequestContext, old: KycCaseEntity, packVersion: number, reason: string, note: string, keepDocument: (d: KycDocumentEntity) => boolean = () => true): Promise<string> {
    const now = this.clock.now();
    KYC_CASE_LIFECYCLE.assert(old.status, 'superseded');
    await tx.update(KycCaseEntity, { id: old.id }, { status: 'superseded' });
    const id = randomUUID();
    await tx.insert(KycCaseEntity, {
      id,
      sellerId: old.sellerId,
      country: old.country,
      legalForm: old.legalForm,
      packVersion,
      status: 'collecting',
      reasonCode: reason,
      fourEyes: old.fourEyes,
      firstApprovalBy: null,
      // the seller's declaration that no one holds the ownership threshold carries over with the persons
      noOwnersDeclaredAt: old.noOwnersDeclaredAt,
      noOwnersThresholdPercent: old.noOwnersThresholdPercent,
      submittedAt: null,
      decidedAt: null,
    });
    // ciphertexts are bound to their row, so carried-over data is re-encrypted under the new ids
    const personIds = new Map<string, string>();
    for (const p of await tx.find(KycPersonEntity, { where: { caseId: old.id } })) {
      const newId = randomUUID();
      personIds.set(p.id, newId);
      const idNumber = p.idNumberEncrypted ? this.cipher.decryptText(p.idNumberEncrypted, `kyc-person:${p.id}`) : null;
      await tx.insert(KycPersonEntity, { ...p, id: newId, caseId: id, idNumberEncrypted: idNumber ? this.cipher.encrypt(idNumber, `kyc-person:${newId}`) : null });
    }
    for (const d of await tx.find(KycDocumentEntity, { where: { caseId: old.id, reviewStatus: Not('rejected') } })) {
      if (!keepDocument(d)) continue;
      const newId = randomUUID();
      const bytes = this.cipher.decrypt((await this.storage.get(d.storageKey)).toString('utf8'), `kyc-document:${d.id}`);
      const storageKey = `kyc/${id}/${newId}`;
      await this.storage.put(storageKey, Buffer.from(this.cipher.encrypt(bytes, `kyc-document:${newId}`)));
      await tx.insert(KycDocumentEntity, { ...d, id: newId, caseId: id, storageKey, personId: d.personId ? (personIds.get(d.personId) ?? null) : null, cipherKeyId: this.cipher.activeKeyId });
    }
    for (const [caseId, from, to] of [
      [old.id, 'approved', 'superseded'],
      [id, null, 'collecting'],
    ] as const) {
      await tx.insert(KycCaseEventEntity, {
        id: randomUUID(),
        caseId,
        fromStatus: from,
        toStatus: to,
        actorRole: ctx.actor?.role ?? 'system',
        actorAccountId: ctx.actor?.accountId ?? null,
        reasonCode: reason,
        internalNote: note,
        occurredAt: now,
      });
    }
    await this.outbox.add(tx, KycReverificationRequiredEvent, old.sellerId, { sellerId: old.sellerId, previousCaseId: old.id, caseId: id, country: old.country, packVersion, reason });
    return id;
  }
}
