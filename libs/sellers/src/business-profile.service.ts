import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { countryError, CountryErrorCode, CountryPublications, CountryRulesService, checkRegistration, isVatRegistered } from '@app/countries';
import type { Address, CountryPackDocument } from '@app/countries';
import { CLOCK, commonError, CommonErrorCode } from '@app/kernel';
import type { Clock, RequestContext } from '@app/kernel';
import { isUniqueViolation, UnitOfWork } from '@app/persistence';
import { SellerBusinessProfileEntity, SellerIdentifierEntity } from './business-profile.entity';
import { sellerError, SellerErrorCode } from './errors';
import { SellerEntity } from './seller.entity';

/** Registration problems that mean the body has the wrong shape rather than breaking a country rule. */
const SHAPE_PROBLEMS = new Set(['UNKNOWN_FIELD', 'WRONG_TYPE', 'BODY_NOT_OBJECT']);

export class BusinessProfileView {
  @ApiProperty({ example: 'ES' }) country: string;
  @ApiProperty({ example: 'es.sl' }) legalForm: string;
  @ApiProperty({ enum: ['individual', 'company'] }) sellerType: string;
  @ApiProperty({ example: 'Cerámicas Triana S.L.' }) legalName: string;
  @ApiProperty({ example: { 'es.cif': 'B79110482' } }) identifiers: Record<string, string>;
  @ApiProperty({ type: 'object', additionalProperties: true }) registeredAddress: Address;
  @ApiProperty({ type: 'object', additionalProperties: true }) shipFrom: Address;
  @ApiProperty({ example: '+34612345678' }) phone: string;
  @ApiPropertyOptional({ nullable: true }) website: string | null;
  @ApiProperty({ example: { firstName: 'Lucía', lastName: 'Fernández García' } }) representative: { firstName: string; lastName: string };
  @ApiProperty({ type: [String], example: ['Cerámicas Triana'], description: 'Brand names declared; a non-empty list asks for the documents of condition brand_declared.' }) brands: string[];
  @ApiProperty({
    description: 'VAT-registered, as the pack defines it: the legal form\'s VAT number given, or (forms without one) the declared vatRegistered flag. Asks for the documents of condition vat_registered.',
  })
  vatRegistered: boolean;
  @ApiProperty({ description: 'The country-pack version the profile was checked under.' }) packVersion: number;
  @ApiProperty({ description: 'A newer pack added a requirement for this legal form: resubmit the profile.' }) reverificationRequired: boolean;
  @ApiProperty() checkedAt: string;

  /** `pack`: the version the profile was checked under, which tells how VAT registration is shown. */
  static of(p: SellerBusinessProfileEntity, pack: CountryPackDocument): BusinessProfileView {
    return Object.assign(new BusinessProfileView(), {
      country: p.country,
      legalForm: p.legalForm,
      sellerType: p.sellerType,
      legalName: p.legalName,
      identifiers: p.identifiers,
      registeredAddress: p.registeredAddress,
      shipFrom: p.shipFrom,
      phone: p.phone,
      website: p.website,
      representative: p.representative,
      brands: p.brands,
      vatRegistered: isVatRegistered(pack.legalForms.find((f) => f.code === p.legalForm), p.identifiers, p.vatRegistered),
      packVersion: p.packVersion,
      reverificationRequired: p.reverificationRequired,
      checkedAt: p.checkedAt.toISOString(),
    });
  }
}

@Injectable()
export class BusinessProfileService implements OnModuleInit {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly countries: CountryRulesService,
    private readonly publications: CountryPublications,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** A publication that tightens a legal form's requirements flags its sellers checked under older versions. */
  onModuleInit(): void {
    this.publications.onImpact(async (tx, event) => {
      const rows: { seller_id: string; legal_form: string }[] = await tx.query(
        `SELECT seller_id, legal_form FROM seller_business_profiles WHERE country = $1 AND pack_version < $2 AND legal_form = ANY($3)`,
        [event.country, event.version, event.tightenedLegalForms],
      );
      return rows.map((r) => ({ sellerId: r.seller_id, legalForm: r.legal_form }));
    });
    this.publications.onPublished(async (tx, _ctx, event) => {
      if (!event.tightenedLegalForms.length) return;
      await tx.query(
        `UPDATE seller_business_profiles SET reverification_required = true, reverification_reason = 'PACK_REQUIREMENTS_ADDED'
          WHERE country = $1 AND pack_version < $2 AND legal_form = ANY($3)`,
        [event.country, event.version, event.tightenedLegalForms],
      );
    });
  }

  private async seller(ctx: RequestContext): Promise<SellerEntity> {
    const seller = await this.uow.reader.findOne(SellerEntity, { where: { accountId: ctx.actor?.accountId } });
    if (!seller) throw sellerError(SellerErrorCode.SELLER_NOT_FOUND);
    return seller;
  }

  async get(ctx: RequestContext): Promise<BusinessProfileView> {
    const seller = await this.seller(ctx);
    const profile = await this.uow.reader.findOne(SellerBusinessProfileEntity, { where: { sellerId: seller.id } });
    if (!profile) throw sellerError(SellerErrorCode.BUSINESS_PROFILE_NOT_FOUND);
    return BusinessProfileView.of(profile, (await this.countries.version(profile.country, profile.packVersion)).document);
  }

  /**
   * Validates the profile against the seller's country pack (every problem at once: 400 when the
   * body has the wrong shape, otherwise 422), refuses a
   * disabled country (422 COUNTRY_NOT_ENABLED) and an identifier another seller of the country
   * already registered (409, without saying who), then stores it pinned to the pack version.
   */
  async put(ctx: RequestContext, body: unknown): Promise<BusinessProfileView> {
    const seller = await this.seller(ctx);
    return this.uow.run(async (tx) => {
      const pack = await this.countries.openForSellers(seller.country, tx);
      const { problems, normalized } = checkRegistration(pack.document, body);
      if (!normalized) {
        // a body of the wrong shape (unknown field, wrong JSON type) is a 400 like on every other
        // route; business-rule problems alone are a 422. Either way every problem is listed.
        if (problems.some((p) => SHAPE_PROBLEMS.has(p.code))) throw commonError(CommonErrorCode.VALIDATION_FAILED, {}, problems);
        throw countryError(CountryErrorCode.REGISTRATION_INVALID, { country: seller.country }, problems);
      }

      const pairs = Object.entries(normalized.identifiers);
      if (pairs.length) {
        const taken: { type: string }[] = await tx.query(
          `SELECT type FROM seller_identifiers
            WHERE country = $1 AND seller_id <> $2 AND (type, value) IN (SELECT * FROM unnest($3::varchar[], $4::varchar[]))
            LIMIT 1`,
          [seller.country, seller.id, pairs.map(([t]) => t), pairs.map(([, v]) => v)],
        );
        if (taken.length) throw countryError(CountryErrorCode.IDENTIFIER_IN_USE, { type: taken[0].type });
      }
      await tx.delete(SellerIdentifierEntity, { sellerId: seller.id });
      try {
        await tx.query('SAVEPOINT identifiers');
        for (const [type, value] of pairs) await tx.insert(SellerIdentifierEntity, { country: seller.country, type, value, sellerId: seller.id });
        await tx.query('RELEASE SAVEPOINT identifiers');
      } catch (e) {
        await tx.query('ROLLBACK TO SAVEPOINT identifiers');
        // a concurrent profile took the same number between our check and insert
        if (isUniqueViolation(e)) throw countryError(CountryErrorCode.IDENTIFIER_IN_USE, { type: pairs[0]?.[0] ?? '' });
        throw e;
      }
      const profile = Object.assign(new SellerBusinessProfileEntity(), {
        sellerId: seller.id,
        country: seller.country,
        legalForm: normalized.legalForm,
        sellerType: normalized.sellerType,
        legalName: normalized.legalName,
        identifiers: normalized.identifiers,
        registeredAddress: normalized.registeredAddress,
        shipFrom: normalized.shipFrom ?? normalized.registeredAddress,
        phone: normalized.phone,
        website: normalized.website ?? null,
        representative: normalized.representative,
        brands: normalized.brands,
        vatRegistered: normalized.vatRegistered ?? null,
        packVersion: pack.version,
        reverificationRequired: false,
        reverificationReason: null,
        checkedAt: this.clock.now(),
      });
      await tx.save(SellerBusinessProfileEntity, profile);
      return BusinessProfileView.of(await tx.findOneOrFail(SellerBusinessProfileEntity, { where: { sellerId: seller.id } }), pack.document);
    });
  }
}
