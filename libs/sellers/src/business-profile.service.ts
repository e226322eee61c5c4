import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { countryError, CountryErrorCode, countryGateCte, CountryPublications, CountryRulesService, checkRegistration, isVatRegistered } from '@app/countries';
import type { Address, CountryPackDocument } from '@app/countries';
import { tokenStillValidSql } from '@app/accounts';
import type { TokenProof } from '@app/accounts';
import { CLOCK, commonError, CommonErrorCode } from '@app/kernel';
import type { Clock, RequestContext } from '@app/kernel';
import { refusalOf, UnitOfWork } from '@app/persistence';
import { SellerBusinessProfileEntity } from './business-profile.entity';
import { callerSeller } from './caller-seller';
import { sellerError, SellerErrorCode } from './errors';

/** Registration problems that mean the body has the wrong shape rather than breaking a country rule. */
const SHAPE_PROBLEMS = new Set(['UNKNOWN_FIELD', 'WRONG_TYPE', 'BODY_NOT_OBJECT']);

/**
 * The registration write: ONE autocommit statement (no BEGIN/COMMIT round trips), atomic on its own.
 * - `gate`/`open`: the country's row; every write happens only while it is enabled at the pack version
 *   the body was checked against (the caller's view of it may be stale: see `openForSellersSeen`).
 * - `auth`: when the caller's principal was remembered rather than looked up (a fast-route PUT, see
 *   RequestAuthenticator.authenticateForWrite), its token must still authenticate it, or nothing is written.
 * - `claimed`: the seller's identifiers, inserted or kept. A number another seller holds is neither
 *   inserted nor updated (the DO UPDATE's WHERE is false for it), so it is missing from `claimed` and
 *   reported in `taken`; a concurrent PUT by the SAME seller waits for the other and then finds its own
 *   row, which it claims: no false "in use by another seller". Also under a race with another seller,
 *   whose insert this one waits for.
 * - `released`: the seller's numbers that are no longer in the profile.
 * - `profile`: the upsert of the profile itself. The view is built from what was written (no re-read,
 *   and no stored JSON sent back to be parsed again).
 * When `taken` is not empty, `ltg_refuse` aborts the statement: nothing of it stays.
 */
const UPSERT = `
  WITH gate AS (${countryGateCte('$2::bpchar')}),
  auth AS (SELECT $19::varchar IS NULL OR ${tokenStillValidSql('$19::varchar', '$17::timestamptz', '$20::uuid')} AS ok),
  open AS (SELECT 1 FROM gate, auth WHERE status = 'enabled' AND published_version = $16::int AND auth.ok),
  wanted(type, value) AS (SELECT * FROM unnest($3::varchar[], $4::varchar[]) WHERE EXISTS (SELECT 1 FROM open)),
  claimed AS (
    INSERT INTO seller_identifiers (country, type, value, seller_id)
    SELECT $2::bpchar, type, value, $1::uuid FROM wanted
    ON CONFLICT (country, type, value) DO UPDATE SET seller_id = EXCLUDED.seller_id
      WHERE seller_identifiers.seller_id = EXCLUDED.seller_id
    RETURNING type, value
  ),
  released AS (
    DELETE FROM seller_identifiers si
     WHERE si.seller_id = $1::uuid AND EXISTS (SELECT 1 FROM open)
       AND NOT EXISTS (SELECT 1 FROM wanted w WHERE w.type = si.type AND w.value = si.value)
  ),
  profile AS (
    INSERT INTO seller_business_profiles AS p (seller_id, country, legal_form, seller_type, legal_name, identifiers,
      registered_address, ship_from, phone, website, representative, brands, vat_registered, pack_version,
      reverification_required, reverification_reason, checked_at, updated_at, trading_name)
    SELECT $1::uuid, $2::bpchar, $5::varchar, $6::varchar, $7::varchar, $8::jsonb, $9::jsonb, $10::jsonb, $11::varchar,
      $12::varchar, $13::jsonb, $14::jsonb, $15::boolean, $16::int, false, NULL, $17::timestamptz, now(), $18::varchar
     WHERE EXISTS (SELECT 1 FROM open)
    ON CONFLICT (seller_id) DO UPDATE SET country = EXCLUDED.country, legal_form = EXCLUDED.legal_form,
      seller_type = EXCLUDED.seller_type, legal_name = EXCLUDED.legal_name, identifiers = EXCLUDED.identifiers,
      registered_address = EXCLUDED.registered_address, ship_from = EXCLUDED.ship_from, phone = EXCLUDED.phone,
      website = EXCLUDED.website, representative = EXCLUDED.representative, brands = EXCLUDED.brands,
      vat_registered = EXCLUDED.vat_registered, pack_version = EXCLUDED.pack_version,
      reverification_required = false, reverification_reason = NULL, checked_at = EXCLUDED.checked_at, updated_at = now(),
      trading_name = EXCLUDED.trading_name
    RETURNING 1
  ),
  taken AS (
    SELECT array_agg(w.type ORDER BY w.type) AS types FROM wanted w
     WHERE NOT EXISTS (SELECT 1 FROM claimed c WHERE c.type = w.type AND c.value = w.value)
  )
  SELECT gate.status AS gate_status, gate.published_version AS gate_version, (SELECT count(*) FROM profile)::int AS written,
         (SELECT ok FROM auth) AS authorized,
         CASE WHEN taken.types IS NOT NULL THEN ltg_refuse('IDENTIFIER_IN_USE', taken.types[1]) END AS refused
    FROM gate CROSS JOIN taken LEFT JOIN profile ON true`;

/** Attempts when the country's current version moved between the check and the write (a publication). */
const MAX_ATTEMPTS = 3;

interface UpsertRow {
  gate_status: string;
  gate_version: number;
  written: number;
  authorized: boolean;
}

export class BusinessProfileView {
  @ApiProperty({ example: 'ES' }) country: string;
  @ApiProperty({ example: 'es.sl' }) legalForm: string;
  @ApiProperty({ enum: ['individual', 'company', 'partnership'] }) sellerType: string;
  @ApiProperty({ example: 'Cerámicas Triana S.L.' }) legalName: string;
  @ApiProperty({ nullable: true, example: 'Triana Cerámica', description: 'The name the business trades under, when it differs from the registered name.' }) tradingName: string | null;
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
      tradingName: p.tradingName,
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

  async get(ctx: RequestContext): Promise<BusinessProfileView> {
    const seller = callerSeller(ctx);
    const profile = await this.uow.reader.findOne(SellerBusinessProfileEntity, { where: { sellerId: seller.id } });
    if (!profile) throw sellerError(SellerErrorCode.BUSINESS_PROFILE_NOT_FOUND);
    return BusinessProfileView.of(profile, (await this.countries.version(profile.country, profile.packVersion, this.uow.reader)).document);
  }

  /**
   * Validates the profile against the seller's country pack (every problem at once: 400 when the
   * body has the wrong shape, otherwise 422), refuses a
   * disabled country (422 COUNTRY_NOT_ENABLED) and an identifier another seller of the country
   * already registered (409 naming the identifier, without saying who), then stores it pinned to the
   * pack version. Identifiers and profile are written by one autocommit statement (see {@link UPSERT}).
   */
  async put(ctx: RequestContext, body: unknown, token?: TokenProof): Promise<BusinessProfileView> {
    const seller = callerSeller(ctx);
    for (let attempt = 1; ; attempt++) {
      const pack = await this.countries.openForSellersSeen(seller.country);
      const { problems, normalized } = checkRegistration(pack.document, body);
      if (!normalized) {
        // checked against this process's view of the current version: make sure it still is before refusing
        if (attempt < MAX_ATTEMPTS && !(await this.countries.confirmSeen(seller.country, pack.version))) continue;
        await token?.confirm(); // a revoked token gets 401, never a 4xx about the body
        // a body of the wrong shape (unknown field, wrong JSON type) is a 400 like on every other
        // route; business-rule problems alone are a 422. Either way every problem is listed.
        if (problems.some((p) => SHAPE_PROBLEMS.has(p.code))) throw commonError(CommonErrorCode.VALIDATION_FAILED, {}, problems);
        throw countryError(CountryErrorCode.REGISTRATION_INVALID, { country: seller.country }, problems);
      }
      const pairs = Object.entries(normalized.identifiers);
      const now = this.clock.now();
      let rows: UpsertRow[];
      try {
        rows = await this.uow.preparedStatement<UpsertRow>('sellers.register', UPSERT, [
          seller.id,
          seller.country,
          pairs.map(([t]) => t),
          pairs.map(([, v]) => v),
          normalized.legalForm,
          normalized.sellerType,
          normalized.legalName,
          normalized.identifiers,
          normalized.registeredAddress,
          normalized.shipFrom ?? normalized.registeredAddress,
          normalized.phone,
          normalized.website ?? null,
          normalized.representative,
          JSON.stringify(normalized.brands),
          normalized.vatRegistered ?? null,
          pack.version,
          now,
          normalized.tradingName ?? null,
          token && !token.confirmed ? token.tokenHash : null,
          token?.accountId ?? null,
        ]);
      } catch (e) {
        // another seller of the country holds one of the numbers: the statement was aborted, nothing kept
        const refusal = refusalOf(e);
        if (refusal?.code === 'IDENTIFIER_IN_USE') throw countryError(CountryErrorCode.IDENTIFIER_IN_USE, { type: refusal.detail });
        throw e;
      }
      const row = rows[0];
      if (row && !row.authorized) token!.refused();
      const gate = row && { status: row.gate_status, published_version: row.gate_version };
      if (this.countries.observe(seller.country, pack.version, gate) && row.written === 1) {
        // exactly what the statement stored (see UPSERT)
        const stored = Object.assign(new SellerBusinessProfileEntity(), {
          sellerId: seller.id,
          country: seller.country,
          legalForm: normalized.legalForm,
          sellerType: normalized.sellerType,
          legalName: normalized.legalName,
          tradingName: normalized.tradingName ?? null,
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
          checkedAt: now,
        });
        return BusinessProfileView.of(stored, pack.document);
      }
      // nothing was written: the country was disabled, or a newer version was published meanwhile
      if (gate?.status !== 'enabled' || attempt >= MAX_ATTEMPTS) {
        await token?.confirm();
        throw countryError(CountryErrorCode.NOT_ENABLED, { country: seller.country });
      }
    }
  }
}
