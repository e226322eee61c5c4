import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { checkPersonIdNumber, conditionApplies, CountryRulesService, declarationsOf, DEFAULT_PERSON_ID_DOCUMENT, personIdDocumentsOf, validateWithPack } from '@app/countries';
import type { CountryPackDocument, PersonIdNumberCheck } from '@app/countries';
import { Outbox } from '@app/jobs';
import { CLOCK, DOCUMENT_STORAGE, FieldCipher, IllegalTransition, storedBeforeCommit } from '@app/kernel';
import type { Clock, DocumentStorage, ErrorDetail, MessageParam, RequestContext, SellerPrincipal } from '@app/kernel';
import { Tx, UnitOfWork } from '@app/persistence';
import { Not } from 'typeorm';
import { callerSeller, SellerBusinessProfileEntity } from '@app/sellers';
import { KycCaseEntity } from './entities/kyc-case.entity';
import { CheckResult, KycCheckEntity } from './entities/kyc-check.entity';
import { KycDocumentEntity } from './entities/kyc-document.entity';
import { KycCaseEventEntity } from './entities/kyc-event.entity';
import { KycPersonEntity } from './entities/kyc-person.entity';
import { kycError, KycErrorCode } from './errors';
import { isUuid } from './ids';
import { KYC_STATUS_EVENTS } from './events';
import { EDITABLE, KYC_CASE_LIFECYCLE, KycStatus, RESETS_APPROVALS, statusName } from './lifecycle';
import { SANCTIONS_SCREENER } from './sanctions.port';
import { sellerReason, sellerStatus } from './seller-facing';
import type { SanctionsScreener } from './sanctions.port';
import { identityCheck } from './identity-check';
import { IDENTITY_VERIFICATION } from './verification.port';
import type { IdentityVerificationProvider } from './verification.port';

export interface PersonInput {
  role: 'representative' | 'owner' | 'director' | 'partner';
  fullName: string;
  dateOfBirth: string;
  nationality: string;
  idDocumentType?: string;
  idDocumentNumber?: string;
  sharePercent?: string;
}

/** A partnership has at least two partners (V.O.F., S.n.c., OHG, Kollektif şirket, полное товарищество). */
export const MIN_PARTNERS = 2;

export type MissingKind = 'representative' | 'partners' | 'owners' | 'document';

export interface UploadedFile {
  buffer: Buffer;
  size: number;
}

const ALLOWED_MEDIA = new Set(['application/pdf', 'image/jpeg', 'image/png']);
/** A declared birth date before this is a typing error, not a person (the DTO already refuses impossible dates). */
const EARLIEST_BIRTH_DATE = '1900-01-01';

/** The seller's side of KYC/KYB: persons, documents, submission and the checks it runs. */
@Injectable()
export class KycService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly countries: CountryRulesService,
    private readonly outbox: Outbox,
    private readonly cipher: FieldCipher,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    @Inject(SANCTIONS_SCREENER) private readonly screener: SanctionsScreener,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(IDENTITY_VERIFICATION) private readonly identity: IdentityVerificationProvider,
  ) {}

  /** The calling seller, resolved with the access token (no lookup here). */
  sellerOf(ctx: RequestContext): SellerPrincipal {
    return callerSeller(ctx);
  }

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

  async history(tx: Tx, caseId: string, from: KycStatus | null, to: KycStatus, who: { role: string; accountId?: string | null; reason?: string | null; note?: string | null }) {
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
  async transition(tx: Tx, kase: KycCaseEntity, to: KycStatus, who: { role: string; accountId?: string | null; reason?: string | null; note?: string | null }) {
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

  private assertEditable(kase: KycCaseEntity) {
    if (!EDITABLE.includes(kase.status)) throw kycError(KycErrorCode.CASE_LOCKED, { status: statusName(sellerStatus(kase.status)) });
  }

  /**
   * Replaces the case's persons. `noOwners`: the seller declares that no person holds the pack's
   * ownership threshold or more (a company's alternative to declaring owners), kept on the case with
   * its time; declaring owners clears it, and both at once are refused.
   */
  async setPersons(ctx: RequestContext, persons: PersonInput[], noOwners = false): Promise<KycPersonEntity[]> {
    const seller = await this.sellerOf(ctx);
    return this.uow.run(async (tx) => {
      const kase = await this.openCase(tx, seller);
      this.assertEditable(kase);
      const pack = (await this.countries.version(kase.country, kase.packVersion, tx)).document;
      const problems: ErrorDetail[] = [];
      if (persons.filter((p) => p.role === 'representative').length !== 1) {
        problems.push({ field: 'persons', code: 'NO_REPRESENTATIVE', messageKey: 'kyc.person.NO_REPRESENTATIVE' });
      }
      // partners answer personally for a partnership's debts: declared only for (and required of) partnerships
      const partnership = this.isPartnership(pack, kase.legalForm);
      persons.forEach((p, i) => {
        if (p.role === 'partner' && !partnership) {
          problems.push({ field: `persons[${i}].role`, code: 'PARTNER_NOT_PARTNERSHIP', messageKey: 'kyc.person.PARTNER_NOT_PARTNERSHIP', params: { field: `persons[${i}].role` } });
        }
      });
      const threshold = pack.risk.uboThresholdPercent;
      const today = this.clock.now().toISOString().slice(0, 10);
      let total = 0;
      persons.forEach((p, i) => {
        if (p.dateOfBirth < EARLIEST_BIRTH_DATE || p.dateOfBirth > today) {
          const field = `persons[${i}].dateOfBirth`;
          problems.push({ field, code: 'BIRTH_DATE_OUT_OF_RANGE', messageKey: 'kyc.person.BIRTH_DATE_OUT_OF_RANGE', params: { field, min: EARLIEST_BIRTH_DATE } });
        }
        if (p.role === 'owner') {
          const share = Number(p.sharePercent);
          if (!p.sharePercent || !(share >= threshold && share <= 100)) {
            problems.push({ field: `persons[${i}].sharePercent`, code: 'SHARE_REQUIRED', messageKey: 'kyc.person.SHARE_REQUIRED', params: { field: `persons[${i}].sharePercent`, threshold } });
          }
          total += Number.isFinite(share) ? share : 0;
        }
      });
      if (total > 100) problems.push({ field: 'persons', code: 'SHARES_OVER_100', messageKey: 'kyc.person.SHARES_OVER_100' });
      if (noOwners && persons.some((p) => p.role === 'owner')) {
        problems.push({ field: 'noOwnersAtOrAboveThreshold', code: 'OWNERS_AND_NO_OWNERS', messageKey: 'kyc.person.OWNERS_AND_NO_OWNERS', params: { threshold } });
      }
      const idNumbers = await this.checkIdNumbers(tx, pack, persons, problems);
      if (problems.length) throw kycError(KycErrorCode.PERSONS_INVALID, {}, problems);

      const declaration = { noOwnersDeclaredAt: noOwners ? this.clock.now() : null, noOwnersThresholdPercent: noOwners ? threshold : null };
      await tx.update(KycCaseEntity, { id: kase.id }, declaration);
      Object.assign(kase, declaration);
      // a person declared again (same role, name and birth date) keeps their id, so the documents bound to them (personId) stay theirs
      const before = await tx.find(KycPersonEntity, { where: { caseId: kase.id } });
      const keyOf = (p: { role: string; fullName: string; dateOfBirth: string }) => `${p.role}|${p.fullName.trim().normalize('NFC')}|${p.dateOfBirth}`;
      const kept = new Map(before.map((p) => [keyOf(p), p.id]));
      await tx.delete(KycPersonEntity, { caseId: kase.id });
      const rows = persons.map((p, i) => {
        const key = keyOf(p);
        const id = kept.get(key) ?? randomUUID();
        kept.delete(key);
        return Object.assign(new KycPersonEntity(), {
          id,
          caseId: kase.id,
          role: p.role,
          fullName: p.fullName.trim().normalize('NFC'),
          dateOfBirth: p.dateOfBirth,
          nationality: p.nationality.toUpperCase(),
          idDocumentType: idNumbers[i] ? (p.idDocumentType ?? DEFAULT_PERSON_ID_DOCUMENT) : null,
          idNumberEncrypted: idNumbers[i] ? this.cipher.encrypt(idNumbers[i]!, `kyc-person:${id}`) : null,
          sharePercent: p.role === 'owner' ? p.sharePercent! : null,
        });
      });
      if (rows.length) await tx.insert(KycPersonEntity, rows);
      return rows;
    });
  }

  /**
   * Checks each person's ID document number by the rule of its document KIND (`idDocumentType`, one
   * of the case pack's `personIdDocuments`; default `national_id`): a national ID by the rule of the
   * person's NATIONALITY (its published pack's `personIdNumber`: a Turkish citizen's T.C. Kimlik No, a
   * Spaniard's DNI; none: any number), a passport by the passport rule, a pack's own kind (the Spanish
   * NIE) by its identifier types. Returns the numbers to store (normalised where a rule checked them).
   * The number itself never goes into a detail or a log line.
   */
  private async checkIdNumbers(tx: Tx, pack: CountryPackDocument, persons: PersonInput[], problems: ErrorDetail[]): Promise<(string | undefined)[]> {
    const rules = new Map<string, PersonIdNumberCheck | undefined>();
    const kinds = personIdDocumentsOf(pack);
    const out: (string | undefined)[] = [];
    for (const [i, p] of persons.entries()) {
      const raw = p.idDocumentNumber?.trim();
      out.push(raw || undefined);
      const kind = kinds.find((k) => k.code === (p.idDocumentType ?? DEFAULT_PERSON_ID_DOCUMENT));
      if (!kind) {
        const field = `persons[${i}].idDocumentType`;
        const allowed = { text: Object.fromEntries((['en', 'ru', 'tr', 'it', 'es'] as const).map((l) => [l, kinds.map((k) => k.label[l]).join(', ')])) };
        problems.push({ field, code: 'NOT_ALLOWED', messageKey: 'kyc.person.ID_DOCUMENT_TYPE_NOT_ALLOWED', params: { field, allowed } });
        continue;
      }
      if (!raw) continue;
      let national: PersonIdNumberCheck | undefined;
      if (kind.check.by === 'nationality') {
        const nationality = p.nationality.toUpperCase();
        if (!rules.has(nationality)) rules.set(nationality, await this.countries.personIdNumberRule(nationality, tx));
        national = rules.get(nationality);
      }
      const valid = checkPersonIdNumber(pack, kind, raw, national ? (v) => national.validate(v) : undefined);
      if (valid.valid) {
        out[i] = valid.normalized;
        continue;
      }
      const field = `persons[${i}].idDocumentNumber`;
      problems.push({ field, code: 'ID_NUMBER_INVALID', messageKey: 'kyc.person.ID_NUMBER_INVALID', params: { field, label: { text: national?.label ?? kind.label } } });
    }
    return out;
  }

  /** Whether the case's legal form is a partnership in its pinned pack (its partners are then declared in KYC). */
  isPartnership(pack: CountryPackDocument, legalForm: string): boolean {
    return pack.legalForms.find((f) => f.code === legalForm)?.sellerType === 'partnership';
  }

  /** The document types the pinned pack asks of the case's legal form. */
  requiredDocuments(pack: CountryPackDocument, legalForm: string) {
    return pack.legalForms.find((f) => f.code === legalForm)?.documents ?? [];
  }

  /**
   * Uploads a document into the seller's open case. With `replaces`, the new file takes the place
   * of one of the case's documents (same type and person unless given) in the same transaction;
   * the old bytes are deleted from the storage after the commit. The checks run first (the case is
   * opened if needed), then the encrypted file is written OUTSIDE any transaction, then the row: the
   * checks run again under the case lock (the case may have moved on meanwhile) and the new file is
   * removed when that fails (`storedBeforeCommit`), so a rollback leaves no orphan.
   */
  async upload(
    ctx: RequestContext,
    input: { type?: string; personId?: string; issuedOn?: string; expiresOn?: string },
    file: UploadedFile | undefined,
    replaces?: string,
  ): Promise<KycDocumentEntity> {
    if (!file) throw kycError(KycErrorCode.FILE_MISSING);
    const { fileTypeFromBuffer } = await import('file-type');
    const detected = await fileTypeFromBuffer(file.buffer);
    if (!detected || !ALLOWED_MEDIA.has(detected.mime)) throw kycError(KycErrorCode.FILE_TYPE_NOT_ALLOWED);
    const seller = await this.sellerOf(ctx);
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
    return saved;
  }

  /** The seller's open case (locked), the document replaced and the type and person, when the case takes this upload; else the refusal. */
  private async uploadTarget(
    tx: Tx,
    seller: SellerPrincipal,
    input: { type?: string; personId?: string; issuedOn?: string; expiresOn?: string },
    replaces: string | undefined,
  ): Promise<{ kase: KycCaseEntity; old: KycDocumentEntity | null; type: string; personId: string | undefined }> {
    const kase = await this.openCase(tx, seller);
    let old: KycDocumentEntity | null = null;
    let personId = input.personId;
    let type = input.type;
    if (replaces) {
      old = isUuid(replaces) ? await tx.findOne(KycDocumentEntity, { where: { id: replaces, caseId: kase.id, sellerId: seller.id } }) : null;
      if (!old) throw kycError(KycErrorCode.DOCUMENT_NOT_FOUND);
      type = type ?? old.type;
      personId = personId ?? old.personId ?? undefined;
    }
    this.assertEditable(kase);
    if (old?.reviewStatus === 'accepted') throw kycError(KycErrorCode.DOCUMENT_ACCEPTED);
    const docType = type ?? '';
    const pack = (await this.countries.version(kase.country, kase.packVersion, tx)).document;
    const allowed = this.requiredDocuments(pack, kase.legalForm).map((d) => d.type);
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
    const seller = await this.sellerOf(ctx);
    const key = await this.uow.run(async (tx) => {
      const doc = isUuid(id) ? await tx.findOne(KycDocumentEntity, { where: { id, sellerId: seller.id } }) : null;
      if (!doc) throw kycError(KycErrorCode.DOCUMENT_NOT_FOUND);
      const kase = await tx.findOne(KycCaseEntity, { where: { id: doc.caseId }, lock: { mode: 'pessimistic_write' } });
      if (!kase || kase.status === 'superseded') throw kycError(KycErrorCode.DOCUMENT_NOT_FOUND);
      this.assertEditable(kase);
      if (doc.reviewStatus === 'accepted') throw kycError(KycErrorCode.DOCUMENT_ACCEPTED);
      await tx.delete(KycDocumentEntity, { id: doc.id });
      return doc.storageKey;
    });
    await this.dropStored(key);
  }

  /** Deletes stored bytes after the commit; a failure leaves an orphan (encrypted, unreferenced), never a broken row. */
  private async dropStored(key: string): Promise<void> {
    try {
      await this.storage.delete(key);
    } catch {
      // the row is gone; the bytes are unreadable without it (bound to its id) and can be swept later
    }
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
      for (const d of docs) await this.dropStored(d.storageKey);
    };
  }

  /** Decrypted bytes of a document; callers decide who may read (owner or ops) and audit ops reads. */
  async content(doc: KycDocumentEntity): Promise<Buffer> {
    const sealed = (await this.storage.get(doc.storageKey)).toString('utf8');
    return this.cipher.decrypt(sealed, `kyc-document:${doc.id}`);
  }

  async ownDocument(ctx: RequestContext, id: string): Promise<KycDocumentEntity> {
    const seller = await this.sellerOf(ctx);
    const doc = isUuid(id) ? await this.uow.reader.findOne(KycDocumentEntity, { where: { id, sellerId: seller.id } }) : null;
    if (!doc) throw kycError(KycErrorCode.DOCUMENT_NOT_FOUND);
    return doc;
  }

  /**
   * Missing items for the seller's checklist: the representative, for a partnership its partners
   * (at least {@link MIN_PARTNERS}), and required documents not
   * uploaded. A conditional document counts when the business profile, as it is now, declares
   * what it depends on (a brand; VAT registration as the pinned pack defines it).
   */
  async missing(tx: Tx, kase: KycCaseEntity): Promise<{ kind: MissingKind; type?: string; threshold?: number }[]> {
    const pack = (await this.countries.version(kase.country, kase.packVersion, tx)).document;
    const persons = await tx.find(KycPersonEntity, { where: { caseId: kase.id } });
    const docs = await tx.find(KycDocumentEntity, { where: { caseId: kase.id } });
    const profile = await tx.findOne(SellerBusinessProfileEntity, { where: { sellerId: kase.sellerId } });
    const declared = declarationsOf(
      pack.legalForms.find((f) => f.code === kase.legalForm),
      profile ?? { identifiers: {} },
    );
    const out: { kind: MissingKind; type?: string; threshold?: number }[] = [];
    if (!persons.some((p) => p.role === 'representative')) out.push({ kind: 'representative' });
    // a company names its owners at or above the threshold, or declares that there are none
    const company = pack.legalForms.find((f) => f.code === kase.legalForm)?.sellerType === 'company';
    const threshold = pack.risk.uboThresholdPercent;
    // "no one holds 25 % or more" also covers a threshold of 50 %, not one of 10 %
    const declaredNone = kase.noOwnersDeclaredAt !== null && (kase.noOwnersThresholdPercent ?? Infinity) <= threshold;
    if (company && !persons.some((p) => p.role === 'owner') && !declaredNone) out.push({ kind: 'owners', threshold });
    if (this.isPartnership(pack, kase.legalForm) && persons.filter((p) => p.role === 'partner').length < MIN_PARTNERS) out.push({ kind: 'partners' });
    for (const req of this.requiredDocuments(pack, kase.legalForm)) {
      if (!req.required || !conditionApplies(req.condition, declared)) continue;
      if (!docs.some((d) => d.type === req.type && d.reviewStatus !== 'rejected')) out.push({ kind: 'document', type: req.type });
    }
    return out;
  }

  /**
   * Submission, in ONE transaction: refuses an incomplete case (422 with what is missing), moves it
   * to submitted, runs and stores the automated checks (sanctions screening included) and decides:
   * all green and the pack allows it → approved, otherwise → in review. A failure anywhere (the
   * screener, the database, a crash) rolls everything back, so a case is never left in `submitted`
   * and `submitted → approved` never happens before screening; the outbox events commit with it.
   */
  async submit(ctx: RequestContext): Promise<KycCaseEntity> {
    const seller = await this.sellerOf(ctx);
    return this.uow.run(async (tx) => {
      const kase = await this.openCase(tx, seller);
      if (kase.status === 'action_required') await this.transition(tx, kase, 'collecting', { role: 'seller', accountId: ctx.actor?.accountId });
      this.assertEditable(kase);
      const missing = await this.missing(tx, kase);
      if (missing.length) {
        const labels = new Map((await this.countries.version(kase.country, kase.packVersion, tx)).document.documentTypes.map((d) => [d.code, d.label]));
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
      await this.transition(tx, kase, 'submitted', { role: 'seller', accountId: ctx.actor?.accountId });
      return this.runChecks(tx, kase);
    });
  }

  private async check(tx: Tx, caseId: string, kind: string, result: CheckResult, evidence: Record<string, unknown>, ruleVersion: string) {
    await tx.insert(KycCheckEntity, { id: randomUUID(), caseId, kind, result, evidence: evidence as never, ruleVersion, checkedAt: this.clock.now() });
    return result;
  }

  /** Runs the automated checks of a submitted case (locked by the caller's transaction) and decides: approved, or in review. */
  private async runChecks(tx: Tx, kase: KycCaseEntity): Promise<KycCaseEntity> {
    const caseId = kase.id;
    const profile = await tx.findOneOrFail(SellerBusinessProfileEntity, { where: { sellerId: kase.sellerId } });
    const persons = await tx.find(KycPersonEntity, { where: { caseId } });
    const screening = await this.screener.screen(
      [
        { ref: 'company', kind: 'entity', name: profile.legalName },
        ...persons.map((p) => ({ ref: `person:${p.id}`, kind: 'person' as const, name: p.fullName, birthDate: p.dateOfBirth })),
      ],
      tx,
    );
    const pack = (await this.countries.version(kase.country, kase.packVersion, tx)).document;
    const packRef = `pack:${kase.country}@${kase.packVersion}`;
    const results: CheckResult[] = [];

    const missing = await this.missing(tx, kase);
    results.push(await this.check(tx, caseId, 'completeness', missing.length ? 'fail' : 'pass', { missing }, packRef));

    const invalid = Object.entries(profile.identifiers)
      .filter(([type, value]) => {
        try {
          return !validateWithPack(pack, type, value).valid;
        } catch {
          return true; // a type the pinned pack does not know
        }
      })
      .map(([type]) => type);
    results.push(await this.check(tx, caseId, 'identifiers', invalid.length ? 'fail' : 'pass', { invalid }, packRef));

    const dupes: { seller_id: string; sha256: string }[] = await tx.query(
      `SELECT DISTINCT d2.seller_id, d2.sha256 FROM kyc_documents d1 JOIN kyc_documents d2 ON d2.sha256 = d1.sha256 AND d2.seller_id <> d1.seller_id
        WHERE d1.case_id = $1`,
      [caseId],
    );
    results.push(await this.check(tx, caseId, 'duplicate_seller', dupes.length ? 'review' : 'pass', { sameDocumentOnSellers: dupes.map((d) => d.seller_id) }, 'sha256'));

    const sanctions: CheckResult = screening.decision === 'clear' ? 'pass' : screening.decision === 'hit' ? 'fail' : 'review';
    results.push(await this.check(tx, caseId, 'sanctions', sanctions, { decision: screening.decision, hits: screening.hits }, `sanctions:${screening.listVersion}`));

    const edd = pack.risk.enhancedDueDiligence;
    results.push(await this.check(tx, caseId, 'risk_policy', edd ? 'review' : 'pass', { enhancedDueDiligence: edd, fourEyes: pack.risk.fourEyesReview }, packRef));

    // with a vendor (KYC_PROVIDER ≠ manual) its result is one more check, see identityCheck
    const identity = identityCheck(this.identity.name, kase);
    if (identity) results.push(await this.check(tx, caseId, 'identity', identity.result, identity.evidence, `identity:${this.identity.name}`));

    if (results.every((r) => r === 'pass') && !kase.fourEyes) await this.transition(tx, kase, 'approved', { role: 'system' });
    else {
      await this.transition(tx, kase, 'in_review', { role: 'system', reason: sanctions === 'fail' ? 'SANCTIONS_HIT' : null });
      // the vendor asked for a retry: back to the seller with its reason (a sanctions hit stays with ops)
      if (identity?.sendBack && sanctions !== 'fail') await this.transition(tx, kase, 'action_required', { role: `vendor:${this.identity.name}`, reason: identity.reason });
    }
    return tx.findOneOrFail(KycCaseEntity, { where: { id: caseId } });
  }
}
