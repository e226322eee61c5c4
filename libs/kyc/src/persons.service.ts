import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { checkPersonIdNumber, CountryRulesService, DEFAULT_PERSON_ID_DOCUMENT, personIdDocumentsOf } from '@app/countries';
import type { CountryPackDocument, PersonIdNumberCheck } from '@app/countries';
import { CLOCK, FieldCipher } from '@app/kernel';
import type { Clock, ErrorDetail, RequestContext } from '@app/kernel';
import { UnitOfWork } from '@app/persistence';
import type { Tx } from '@app/persistence';
import { callerSeller } from '@app/sellers';
import { KycErrorCode } from './codes';
import type { PersonRole } from './codes';
import { assertEditable, isPartnership, KycCasesService } from './cases.service';
import { KycCaseEntity } from './entities/kyc-case.entity';
import { KycPersonEntity } from './entities/kyc-person.entity';
import { kycError } from './errors';
import { personView } from './views';

export interface PersonInput {
  role: PersonRole;
  fullName: string;
  dateOfBirth: string;
  nationality: string;
  idDocumentType?: string;
  idDocumentNumber?: string;
  sharePercent?: string;
}

/** A declared birth date before this is a typing error, not a person (the DTO already refuses impossible dates). */
const EARLIEST_BIRTH_DATE = '1900-01-01';

/** The persons of the seller's case: representative, owners (or the no-owners declaration), directors, partners. */
@Injectable()
export class KycPersonsService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly cases: KycCasesService,
    private readonly countries: CountryRulesService,
    private readonly cipher: FieldCipher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Replaces the case's persons. `noOwners`: the seller declares that no person holds the pack's
   * ownership threshold or more (a company's alternative to declaring owners), kept on the case with
   * its time; declaring owners clears it, and both at once are refused. Answers the persons' views.
   */
  async setPersons(ctx: RequestContext, persons: PersonInput[], noOwners = false) {
    const seller = callerSeller(ctx);
    const rows = await this.uow.run(async (tx) => {
      const kase = await this.cases.openCase(tx, seller);
      assertEditable(kase);
      const pack = await this.cases.pack(tx, kase);
      const problems: ErrorDetail[] = [];
      if (persons.filter((p) => p.role === 'representative').length !== 1) {
        problems.push({ field: 'persons', code: 'NO_REPRESENTATIVE', messageKey: 'kyc.person.NO_REPRESENTATIVE' });
      }
      // partners answer personally for a partnership's debts: declared only for (and required of) partnerships
      const partnership = isPartnership(pack, kase.legalForm);
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
    return rows.map(personView);
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
}
