import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { CLOCK, DOCUMENT_STORAGE, FieldCipher, storedBeforeCommit, Translator } from '@app/kernel';
import type { Clock, DocumentStorage, RequestContext, SellerPrincipal } from '@app/kernel';
import { UnitOfWork } from '@app/persistence';
import type { Tx } from '@app/persistence';
import { callerSeller } from '@app/sellers';
import { KycErrorCode } from './codes';
import type { UploadedFile, UploadInput } from './codes';
import { assertEditable, KycCasesService, requiredDocuments } from './cases.service';
import { KycCaseEntity } from './entities/kyc-case.entity';
import { KycDocumentEntity } from './entities/kyc-document.entity';
import { KycPersonEntity } from './entities/kyc-person.entity';
import { kycError } from './errors';
import { isUuid } from './ids';
import { documentView } from './views';

const ALLOWED_MEDIA = new Set(['application/pdf', 'image/jpeg', 'image/png']);

/** The seller's documents: upload and replacement (encrypted, in DOCUMENT_STORAGE), withdrawal, and their bytes. */
@Injectable()
export class KycDocumentsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly cases: KycCasesService,
    private readonly cipher: FieldCipher,
    private readonly translator: Translator,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Uploads a document into the seller's open case. With `replaces`, the new file takes the place
   * of one of the case's documents (same type and person unless given) in the same transaction;
   * the old bytes are deleted from the storage after the commit. The checks run first (the case is
   * opened if needed), then the encrypted file is written OUTSIDE any transaction, then the row: the
   * checks run again under the case lock (the case may have moved on meanwhile) and the new file is
   * removed when that fails (`storedBeforeCommit`), so a rollback leaves no orphan.
   */
  async upload(ctx: RequestContext, input: UploadInput, file: UploadedFile | undefined, replaces?: string) {
    if (!file) throw kycError(KycErrorCode.FILE_MISSING);
    const { fileTypeFromBuffer } = await import('file-type');
    const detected = await fileTypeFromBuffer(file.buffer);
    if (!detected || !ALLOWED_MEDIA.has(detected.mime)) throw kycError(KycErrorCode.FILE_TYPE_NOT_ALLOWED);
    const seller = callerSeller(ctx);
    const caseId = await this.uow.run(async (tx) => (await this.uploadTarget(tx, seller, input, replaces)).kase.id);
    const id = randomUUID();
    const storageKey = `kyc/${caseId}/${id}`;
    let oldKey: string | null = null;
    const saved = await storedBeforeCommit(this.storage, storageKey, Buffer.from(this.cipher.encrypt(file.buffer, `kyc-document:${id}`)), () =>
      this.uow.run(async (tx) => {
        oldKey = null;
        const { kase, old, type, personId } = await this.uploadTarget(tx, seller, input, replaces);
        const doc = Object.assign(new KycDocumentEntity(), {
          id,
          caseId: kase.id,
          sellerId: seller.id,
          type,
          personId: personId ?? null,
          mediaType: detected.mime,
          size: file.size,
          sha256: createHash('sha256').update(file.buffer).digest('hex'),
          storageKey,
          reviewStatus: 'pending' as const,
          reviewReason: null,
          issuedOn: input.issuedOn ?? null,
          expiresOn: input.expiresOn ?? null,
          uploadedAt: this.clock.now(),
          cipherKeyId: this.cipher.activeKeyId,
        });
        if (old) {
          await tx.delete(KycDocumentEntity, { id: old.id });
          oldKey = old.storageKey;
        }
        await tx.insert(KycDocumentEntity, doc);
        return doc;
      }),
    );
    if (oldKey) await this.dropStored(oldKey);
    return documentView(saved, this.translator, ctx.locale);
  }

  /** The seller's open case (locked), the document replaced and the type and person, when the case takes this upload; else the refusal. */
  private async uploadTarget(
    tx: Tx,
    seller: SellerPrincipal,
    input: UploadInput,
    replaces: string | undefined,
  ): Promise<{ kase: KycCaseEntity; old: KycDocumentEntity | null; type: string; personId: string | undefined }> {
    const kase = await this.cases.openCase(tx, seller);
    let old: KycDocumentEntity | null = null;
    let personId = input.personId;
    let type = input.type;
    if (replaces) {
      old = isUuid(replaces) ? await tx.findOne(KycDocumentEntity, { where: { id: replaces, caseId: kase.id, sellerId: seller.id } }) : null;
      if (!old) throw kycError(KycErrorCode.DOCUMENT_NOT_FOUND);
      type = type ?? old.type;
      personId = personId ?? old.personId ?? undefined;
    }
    assertEditable(kase);
    if (old?.reviewStatus === 'accepted') throw kycError(KycErrorCode.DOCUMENT_ACCEPTED);
    const docType = type ?? '';
    const pack = await this.cases.pack(tx, kase);
    const allowed = requiredDocuments(pack, kase.legalForm).map((d) => d.type);
    if (!allowed.includes(docType)) {
      // named by their labels in the seller's language, never by their codes
      const labelOf = (code: string) => pack.documentTypes.find((d) => d.code === code)?.label;
      const joined = (codes: string[]) => ({ text: Object.fromEntries((['en', 'ru', 'tr', 'it', 'es'] as const).map((l) => [l, codes.map((c) => labelOf(c)?.[l] ?? c).join('; ')])) });
      const known = labelOf(docType);
      throw kycError(KycErrorCode.DOCUMENT_TYPE_NOT_REQUIRED, { type: known ? { text: known } : docType, allowed: joined(allowed) });
    }
    const today = this.clock.now().toISOString().slice(0, 10);
    const rule = pack.documentTypes.find((d) => d.code === docType);
    const maxAgeDays = rule?.maxAgeDays;
    // a maximum age can only be enforced on a known issue date: it is required for such types
    if (maxAgeDays && !input.issuedOn) {
      throw kycError(KycErrorCode.ISSUE_DATE_REQUIRED, { maxAgeDays }, [{ field: 'issuedOn', code: 'REQUIRED', messageKey: 'error.KYC_ISSUE_DATE_REQUIRED', params: { maxAgeDays } }]);
    }
    // the dates the spec says the document states (dates.expiresOn.required)
    if (rule?.expiresOn === 'required' && !input.expiresOn) {
      throw kycError(KycErrorCode.EXPIRY_DATE_REQUIRED, {}, [{ field: 'expiresOn', code: 'REQUIRED', messageKey: 'error.KYC_EXPIRY_DATE_REQUIRED' }]);
    }
    const tooOld = input.issuedOn && maxAgeDays && Date.parse(input.issuedOn) < Date.parse(today) - maxAgeDays * 86_400_000;
    if ((input.expiresOn && input.expiresOn <= today) || tooOld || (input.issuedOn && input.issuedOn > today)) {
      throw kycError(KycErrorCode.DOCUMENT_OUT_OF_DATE, { type: docType });
    }
    const person = personId ? await tx.findOne(KycPersonEntity, { where: { id: personId, caseId: kase.id } }) : null;
    if (personId && !person) throw kycError(KycErrorCode.PERSON_NOT_FOUND);
    // whose document it is (the spec's documents[].person): the legal representative's, or one of the declared persons'
    if (rule?.person) {
      const messageKey = `kyc.documentPerson.${rule.person}`;
      if (!person) throw kycError(KycErrorCode.DOCUMENT_PERSON_REQUIRED, {}, [{ field: 'personId', code: 'REQUIRED', messageKey }]);
      if (rule.person === 'representative' && person.role !== 'representative') {
        throw kycError(KycErrorCode.DOCUMENT_PERSON_REQUIRED, {}, [{ field: 'personId', code: 'WRONG_ROLE', messageKey }]);
      }
    }
    return { kase, old, type: docType, personId };
  }

  /**
   * Withdraws a document while the case is still with the seller (collecting, or sent back with
   * action_required); never after submission, and never one a reviewer accepted.
   */
  async withdraw(ctx: RequestContext, id: string): Promise<void> {
    const seller = callerSeller(ctx);
    const key = await this.uow.run(async (tx) => {
      const doc = isUuid(id) ? await tx.findOne(KycDocumentEntity, { where: { id, sellerId: seller.id } }) : null;
      if (!doc) throw kycError(KycErrorCode.DOCUMENT_NOT_FOUND);
      const kase = await tx.findOne(KycCaseEntity, { where: { id: doc.caseId }, lock: { mode: 'pessimistic_write' } });
      if (!kase || kase.status === 'superseded') throw kycError(KycErrorCode.DOCUMENT_NOT_FOUND);
      assertEditable(kase);
      if (doc.reviewStatus === 'accepted') throw kycError(KycErrorCode.DOCUMENT_ACCEPTED);
      await tx.delete(KycDocumentEntity, { id: doc.id });
      return doc.storageKey;
    });
    await this.dropStored(key);
  }

  /** Deletes stored bytes after the commit (also for the seller's erasure); a failure leaves an orphan (encrypted, unreferenced), never a broken row. */
  async dropStored(key: string): Promise<void> {
    try {
      await this.storage.delete(key);
    } catch {
      // the row is gone; the bytes are unreadable without it (bound to its id) and can be swept later
    }
  }

  /** Decrypted bytes of a document; callers decide who may read (owner or ops) and audit ops reads. */
  async content(doc: KycDocumentEntity): Promise<Buffer> {
    const sealed = (await this.storage.get(doc.storageKey)).toString('utf8');
    return this.cipher.decrypt(sealed, `kyc-document:${doc.id}`);
  }

  async ownDocument(ctx: RequestContext, id: string): Promise<KycDocumentEntity> {
    const seller = callerSeller(ctx);
    const doc = isUuid(id) ? await this.uow.reader.findOne(KycDocumentEntity, { where: { id, sellerId: seller.id } }) : null;
    if (!doc) throw kycError(KycErrorCode.DOCUMENT_NOT_FOUND);
    return doc;
  }

  /** One of the caller's own documents with its bytes, for a download. */
  async ownContent(ctx: RequestContext, id: string): Promise<{ doc: KycDocumentEntity; bytes: Buffer }> {
    const doc = await this.ownDocument(ctx, id);
    return { doc, bytes: await this.content(doc) };
  }
}
