import { Injectable } from '@nestjs/common';
import { ErrorDetail } from '@app/kernel';
import { Tx, UnitOfWork } from '@app/persistence';
import { CountryEntity } from './entities/country.entity';
import { CountryPackVersionEntity } from './entities/country-pack-version.entity';
import { countryError, CountryErrorCode } from './errors';
import { IDENTIFIER_TYPES } from './identifiers';
import { identifierName } from './identifiers/names';
import { checkRegistration, RegistrationCheck } from './pack/registration';
import type { CountryPackDocument, PersonIdNumberRule } from './pack/schema';

export interface PublishedPack {
  country: CountryEntity;
  version: number;
  document: CountryPackDocument;
}

export interface IdentifierCheck {
  valid: boolean;
  normalized?: string;
  code?: string;
  detail?: ErrorDetail;
}

/** Read side of the country rules, used by the public API and by other contexts. */
@Injectable()
export class CountryRulesService {
  /**
   * Published pack versions never change (a new publication is a new version; drafts have no number),
   * so each one is read and parsed once per process. Which version is current is read every time.
   */
  private readonly versions = new Map<string, CountryPackVersionEntity>();

  constructor(private readonly uow: UnitOfWork) {}

  async list(): Promise<PublishedPack[]> {
    const countries = await this.uow.reader.find(CountryEntity, { order: { code: 'ASC' } });
    const versions = await this.uow.reader.find(CountryPackVersionEntity, { where: { state: 'published' } });
    const byCountry = new Map(versions.map((v) => [v.country, v]));
    return countries.flatMap((c) => {
      const v = byCountry.get(c.code);
      return v ? [{ country: c, version: v.version as number, document: v.document }] : [];
    });
  }

  /** The version new sellers get. 404 COUNTRY_NOT_FOUND when nothing is published. */
  async published(code: string, tx: Tx = this.uow.reader): Promise<PublishedPack> {
    const country = await tx.findOne(CountryEntity, { where: { code } });
    if (!country) throw countryError(CountryErrorCode.NOT_FOUND, { country: code });
    return this.current(country, tx);
  }

  private async current(country: CountryEntity, tx: Tx): Promise<PublishedPack> {
    const version = await this.version(country.code, country.publishedVersion, tx);
    return { country, version: country.publishedVersion, document: version.document };
  }

  /** A numbered (published or retired) version; cached, as it never changes. Callers must not mutate it. */
  async version(code: string, version: number, tx: Tx = this.uow.reader): Promise<CountryPackVersionEntity> {
    const key = `${code}:${version}`;
    const cached = this.versions.get(key);
    if (cached) return cached;
    const row = await tx.findOne(CountryPackVersionEntity, { where: { country: code, version } });
    if (!row) throw countryError(CountryErrorCode.VERSION_NOT_FOUND, { country: code, version });
    // only what another transaction committed is shared (a row read inside an open publication may still roll back)
    if (tx === this.uow.reader || !tx.queryRunner?.isTransactionActive) this.versions.set(key, row);
    return row;
  }

  /**
   * The ID-number rule for citizens of `nationality`, from its published pack; undefined when the
   * country has no published pack or the pack has no rule (older versions lack the field).
   */
  async personIdNumberRule(nationality: string, tx: Tx = this.uow.reader): Promise<PersonIdNumberRule | undefined> {
    const country = await tx.findOne(CountryEntity, { where: { code: nationality } });
    if (!country) return undefined;
    return (await this.version(nationality, country.publishedVersion, tx)).document.personIdNumber;
  }

  /** Sign-ups and new profiles: the country must have a published pack and be enabled (else 422). */
  async openForSellers(code: string, tx: Tx = this.uow.reader): Promise<PublishedPack> {
    const country = await tx.findOne(CountryEntity, { where: { code } });
    if (!country || country.status !== 'enabled') throw countryError(CountryErrorCode.NOT_ENABLED, { country: code });
    return this.current(country, tx);
  }

  async checkRegistration(code: string, input: unknown): Promise<{ version: number; check: RegistrationCheck }> {
    const pack = await this.published(code);
    return { version: pack.version, check: checkRegistration(pack.document, input) };
  }

  /** Identifier types a country uses: those of its legal forms, its bank rule, and its own national types. */
  identifierTypes(pack: CountryPackDocument): string[] {
    const types = new Set(pack.legalForms.flatMap((f) => f.identifiers.map((i) => i.type)));
    if (pack.bank.type === 'iban') types.add('iban');
    if (pack.bank.type === 'ru_account') ['ru.bik', 'ru.bank_account'].forEach((t) => types.add(t));
    for (const t of IDENTIFIER_TYPES.values()) if (t.country === pack.country) types.add(t.code);
    return [...types].sort();
  }

  async validateIdentifier(code: string, type: string, value: string): Promise<IdentifierCheck> {
    const { document } = await this.published(code);
    if (!this.identifierTypes(document).includes(type)) {
      throw countryError(CountryErrorCode.IDENTIFIER_TYPE_UNKNOWN, { country: code, type });
    }
    const rules = document.legalForms.flatMap((f) => f.identifiers).filter((i) => i.type === type);
    const rule = rules[0];
    // No legal form here: the pack's label only when every form labels the type alike (RU labels
    // a person's and an organisation's INN differently), else the type's own name ("ИНН", "DNI").
    const label = rule && rules.every((r) => JSON.stringify(r.label) === JSON.stringify(rule.label)) ? { text: rule.label } : identifierName(type);
    const result = IDENTIFIER_TYPES.get(type)!.validate(value);
    if (result.valid) {
      if (rule?.prefix && !result.normalized.startsWith(rule.prefix)) {
        return {
          valid: false,
          code: 'WRONG_PREFIX',
          normalized: result.normalized,
          detail: { field: type, code: 'WRONG_PREFIX', messageKey: 'country.check.IDENTIFIER_WRONG_PREFIX', params: { field: type, label, prefix: rule.prefix } },
        };
      }
      return { valid: true, normalized: result.normalized };
    }
    return {
      valid: false,
      code: result.code,
      ...(result.normalized ? { normalized: result.normalized } : {}),
      detail: {
        field: type,
        code: result.code,
        messageKey: `country.check.${result.code}`,
        params: { field: type, label },
      },
    };
  }
}
