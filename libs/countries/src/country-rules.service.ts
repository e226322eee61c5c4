import { Injectable } from '@nestjs/common';
import { Reader, Tx, UnitOfWork } from '@app/persistence';
import { CountryEntity } from './entities/country.entity';
import { CountryPackVersionEntity } from './entities/country-pack-version.entity';
import { countryError, CountryErrorCode } from './errors';
import type { IdentifierResult } from './identifiers';
import { checkIdentifier, identifierTypesOf, packIdentifierType } from './pack/identifier-types';
import type { IdentifierCheck } from './pack/identifier-types';
import { checkRegistration, RegistrationCheck } from './pack/registration';
import type { CountryPackDocument, PersonIdNumberRule } from './pack/schema';

export interface PublishedPack {
  country: CountryEntity;
  version: number;
  document: CountryPackDocument;
}

export type { IdentifierCheck } from './pack/identifier-types';

/** A nationality's ID-number rule, with its check bound to the pack that defines it. */
export interface PersonIdNumberCheck extends PersonIdNumberRule {
  validate(raw: string): IdentifierResult;
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

  /** {@link published}, read outside any transaction (public API). */
  getPublished(code: string): Promise<PublishedPack> {
    return this.published(code, this.uow.reader);
  }

  /** {@link version}, read outside any transaction. */
  getVersion(code: string, version: number): Promise<CountryPackVersionEntity> {
    return this.version(code, version, this.uow.reader);
  }

  /** The version new sellers get. 404 COUNTRY_NOT_FOUND when nothing is published. */
  async published(code: string, tx: Reader): Promise<PublishedPack> {
    const country = await tx.findOne(CountryEntity, { where: { code } });
    if (!country) throw countryError(CountryErrorCode.NOT_FOUND, { country: code });
    return this.current(country, tx);
  }

  private async current(country: CountryEntity, tx: Reader): Promise<PublishedPack> {
    const version = await this.version(country.code, country.publishedVersion, tx);
    return { country, version: country.publishedVersion, document: version.document };
  }

  /** A numbered (published or retired) version; cached, as it never changes. Callers must not mutate it. */
  async version(code: string, version: number, tx: Reader): Promise<CountryPackVersionEntity> {
    const key = `${code}:${version}`;
    const cached = this.versions.get(key);
    if (cached) return cached;
    const row = await tx.findOne(CountryPackVersionEntity, { where: { country: code, version } });
    if (!row) throw countryError(CountryErrorCode.VERSION_NOT_FOUND, { country: code, version });
    // only what another transaction committed is shared (a row read inside an open publication may still roll back)
    if (tx === this.uow.reader || !(tx as Partial<Tx>).queryRunner?.isTransactionActive) this.versions.set(key, row);
    return row;
  }

  /**
   * The ID-number rule for citizens of `nationality`, from its published pack; undefined when the
   * country has no published pack or the pack has no rule (older versions lack the field).
   */
  async personIdNumberRule(nationality: string, tx: Reader): Promise<PersonIdNumberCheck | undefined> {
    const country = await tx.findOne(CountryEntity, { where: { code: nationality } });
    if (!country) return undefined;
    const pack = (await this.version(nationality, country.publishedVersion, tx)).document;
    const rule = pack.personIdNumber;
    if (!rule) return undefined;
    return {
      ...rule,
      validate: (raw) => rule.types.map((type) => packIdentifierType(pack, type)?.validate(raw)).find((r) => r?.valid) ?? { valid: false, code: 'INVALID_FORMAT' },
    };
  }

  /**
   * Each country's status and current version as this process last saw them, for
   * {@link openForSellersSeen}. Never trusted for a write on its own: see there.
   */
  private readonly seen = new Map<string, CountryEntity>();

  /**
   * Like {@link openForSellers}, but from this process's last view of the country (read on first use
   * and when it said "disabled"), which saves a round trip on the registration path. The caller's write
   * must confirm that view in the same statement — a `gate` CTE made by {@link countryGateCte}, writing only
   * when the row says enabled at the version checked against — and hand the row it got to
   * {@link observe}; a publication or a disable by another process is then seen by the first write
   * after it, never missed, with no TTL and no cross-process notification.
   */
  async openForSellersSeen(code: string): Promise<PublishedPack> {
    let country = this.seen.get(code);
    if (!country || country.status !== 'enabled') {
      country = (await this.uow.reader.findOne(CountryEntity, { where: { code } })) ?? undefined;
      if (country) this.seen.set(code, country);
    }
    if (!country || country.status !== 'enabled') throw countryError(CountryErrorCode.NOT_ENABLED, { country: code });
    return this.current(country, this.uow.reader);
  }

  /**
   * Re-reads the country's row when a {@link openForSellersSeen} view is about to be used for an
   * answer no statement confirms (e.g. a 422 for a body the pack refused): true when the view was
   * still current (enabled, at `version`).
   */
  async confirmSeen(code: string, version: number): Promise<boolean> {
    const country = await this.uow.reader.findOne(CountryEntity, { where: { code } });
    if (!country) this.seen.delete(code);
    else this.seen.set(code, country);
    return country?.status === 'enabled' && country.publishedVersion === version;
  }

  /**
   * Records what a statement's gate CTE (see {@link countryGateCte}) found; true when it matched
   * the view {@link openForSellersSeen} gave (enabled, at `version`). Unknown country: forgotten.
   */
  observe(code: string, version: number, gate: { status: string; published_version: number } | undefined): boolean {
    if (!gate) {
      this.seen.delete(code);
      return false;
    }
    this.seen.set(code, Object.assign(new CountryEntity(), { code, status: gate.status, publishedVersion: gate.published_version }));
    return gate.status === 'enabled' && gate.published_version === version;
  }

  /** Sign-ups and new profiles: the country must have a published pack and be enabled (else 422). */
  async openForSellers(code: string, tx: Reader): Promise<PublishedPack> {
    const country = await tx.findOne(CountryEntity, { where: { code } });
    if (!country || country.status !== 'enabled') throw countryError(CountryErrorCode.NOT_ENABLED, { country: code });
    return this.current(country, tx);
  }

  async checkRegistration(code: string, input: unknown): Promise<{ version: number; check: RegistrationCheck }> {
    const pack = await this.published(code, this.uow.reader);
    return { version: pack.version, check: checkRegistration(pack.document, input) };
  }

  /** Identifier types a country uses: those of its legal forms, its bank rule, and its own national types. */
  identifierTypes(pack: CountryPackDocument): string[] {
    return identifierTypesOf(pack);
  }

  async validateIdentifier(code: string, type: string, value: string): Promise<IdentifierCheck> {
    const { document } = await this.published(code, this.uow.reader);
    return checkIdentifier(document, type, value);
  }
}

/**
 * The body of a CTE yielding the country's `status` and `published_version` (no row when unknown),
 * for a write that must only happen while the country is open at the version it was checked against
 * (see {@link CountryRulesService.openForSellersSeen}). `code` is the SQL parameter, e.g. `'$2'`.
 */
export const countryGateCte = (code: string): string => `SELECT status, published_version FROM countries WHERE code = ${code}`;
