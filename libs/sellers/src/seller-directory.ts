import { Injectable } from '@nestjs/common';
import type { Locale } from '@app/kernel';
import { UnitOfWork } from '@app/persistence';
import type { Reader } from '@app/persistence';
import { SellerBusinessProfileEntity } from './business-profile.entity';
import { sellerError, SellerErrorCode } from './errors';

export interface SellerContact {
  email: string;
  locale: Locale;
}

/** What a KYC reviewer sees of a seller: the account and the business profile as the seller declared it (ops only). */
export interface SellerReviewProfile {
  sellerId: string;
  status: 'onboarding' | 'active' | 'suspended';
  country: string;
  createdAt: string;
  account: { email: string; locale: Locale; status: string; createdAt: string };
  business: {
    legalForm: string;
    sellerType: string;
    legalName: string;
    tradingName: string | null;
    identifiers: Record<string, string>;
    registeredAddress: Record<string, unknown>;
    shipFrom: Record<string, unknown>;
    phone: string;
    website: string | null;
    representative: { firstName: string; lastName: string };
    brands: string[];
    vatRegistered: boolean | null;
    packVersion: number;
    reverificationRequired: boolean;
    checkedAt: string;
    updatedAt: string;
  } | null;
}

/** The business profile as other contexts may read it (KYC checks, payout prefill, catalog brand and source-language defaults). */
export interface SellerBusinessProfile {
  readonly sellerId: string;
  readonly country: string;
  readonly legalForm: string;
  readonly sellerType: 'individual' | 'company' | 'partnership';
  readonly legalName: string;
  readonly identifiers: Readonly<Record<string, string>>;
  readonly registeredAddress: Readonly<Record<string, unknown>>;
  readonly shipFrom: Readonly<Record<string, unknown>>;
  readonly phone: string;
  readonly website: string | null;
  readonly representative: { readonly firstName: string; readonly lastName: string };
  readonly brands: readonly string[];
  readonly vatRegistered: boolean | null;
  readonly packVersion: number;
  readonly reverificationRequired: boolean;
}

export interface SellerStanding {
  status: 'onboarding' | 'active' | 'suspended';
  /** ISO 3166-1 alpha-2 country the seller is registered in. */
  country: string;
  businessProfile: 'missing' | 'reverification_required' | 'present';
}

/**
 * The sellers context's read model for other contexts: what they may know about a seller, read by id in one
 * query each, without reaching for this context's entities or tables. The CALLING seller comes with the
 * request (`callerSeller(ctx)`); this is for the rest (payouts prefilling Stripe, catalog readiness).
 */
@Injectable()
export class SellerDirectory {
  constructor(private readonly uow: UnitOfWork) {}

  async contact(sellerId: string): Promise<SellerContact> {
    const rows: { email: string; locale: Locale }[] = await this.uow.reader.query(
      'SELECT a.email, a.locale FROM sellers s JOIN accounts a ON a.id = s.account_id WHERE s.id = $1',
      [sellerId],
    );
    if (!rows[0]) throw sellerError(SellerErrorCode.SELLER_NOT_FOUND);
    return rows[0];
  }

  /** The seller's legal name as declared in the business profile (null without one). */
  async legalName(sellerId: string): Promise<string | null> {
    const rows: { legal_name: string }[] = await this.uow.reader.query('SELECT legal_name FROM seller_business_profiles WHERE seller_id = $1', [sellerId]);
    return rows[0]?.legal_name ?? null;
  }

  /** Account and business profile for a reviewer's case view (ops only; identifiers are personal data, never logged). Undefined for an unknown seller. */
  async reviewProfile(sellerId: string): Promise<SellerReviewProfile | undefined> {
    type Business = NonNullable<SellerReviewProfile['business']>;
    type Row = { id: string; status: SellerReviewProfile['status']; country: string; created_at: Date; email: string; locale: Locale; account_status: string; account_created_at: Date;
      has_profile: boolean; legal_form: string; seller_type: string; legal_name: string; trading_name: string | null; identifiers: Business['identifiers']; registered_address: Business['registeredAddress'];
      ship_from: Business['shipFrom']; phone: string; website: string | null; representative: Business['representative']; brands: string[]; vat_registered: boolean | null;
      pack_version: number; reverification_required: boolean; checked_at: Date; updated_at: Date };
    const rows: Row[] = await this.uow.reader.query(
      `SELECT s.id, s.status, s.country, s.created_at, a.email, a.locale, a.status AS account_status, a.created_at AS account_created_at,
              p.seller_id IS NOT NULL AS has_profile, p.legal_form, p.seller_type, p.legal_name, p.trading_name, p.identifiers, p.registered_address, p.ship_from,
              p.phone, p.website, p.representative, p.brands, p.vat_registered, p.pack_version, p.reverification_required, p.checked_at, p.updated_at
         FROM sellers s JOIN accounts a ON a.id = s.account_id LEFT JOIN seller_business_profiles p ON p.seller_id = s.id WHERE s.id = $1`,
      [sellerId],
    );
    const r = rows[0];
    if (!r) return undefined;
    const iso = (d: Date | null) => (d ? new Date(d).toISOString() : '');
    return {
      sellerId: r.id,
      status: r.status,
      country: r.country,
      createdAt: iso(r.created_at),
      account: { email: r.email, locale: r.locale, status: r.account_status, createdAt: iso(r.account_created_at) },
      business: r.has_profile
        ? {
            legalForm: r.legal_form,
            sellerType: r.seller_type,
            legalName: r.legal_name,
            tradingName: r.trading_name,
            identifiers: r.identifiers,
            registeredAddress: r.registered_address,
            shipFrom: r.ship_from,
            phone: r.phone,
            website: r.website,
            representative: r.representative,
            brands: r.brands,
            vatRegistered: r.vat_registered,
            packVersion: r.pack_version,
            reverificationRequired: r.reverification_required,
            checkedAt: iso(r.checked_at),
            updatedAt: iso(r.updated_at),
          }
        : null,
    };
  }

  /**
   * The seller's business profile, null before one was submitted. `db`: the caller's transaction when
   * the read belongs to one (a KYC submission), else `uow.reader`.
   */
  async businessProfile(sellerId: string, db: Reader): Promise<SellerBusinessProfile | null> {
    const p = await db.findOne(SellerBusinessProfileEntity, { where: { sellerId } });
    if (!p) return null;
    return {
      sellerId: p.sellerId,
      country: p.country,
      legalForm: p.legalForm,
      sellerType: p.sellerType,
      legalName: p.legalName,
      identifiers: { ...p.identifiers },
      registeredAddress: { ...p.registeredAddress },
      shipFrom: { ...p.shipFrom },
      phone: p.phone,
      website: p.website,
      representative: { ...p.representative },
      brands: [...p.brands],
      vatRegistered: p.vatRegistered,
      packVersion: p.packVersion,
      reverificationRequired: p.reverificationRequired,
    };
  }

  /** Undefined for an unknown seller. */
  async standing(sellerId: string, db: Reader): Promise<SellerStanding | undefined> {
    const rows: { status: SellerStanding['status']; country: string; has_profile: boolean; reverification_required: boolean | null }[] = await db.query(
      `SELECT s.status, s.country, p.seller_id IS NOT NULL AS has_profile, p.reverification_required
         FROM sellers s LEFT JOIN seller_business_profiles p ON p.seller_id = s.id WHERE s.id = $1`,
      [sellerId],
    );
    const row = rows[0];
    if (!row) return undefined;
    return { status: row.status, country: row.country, businessProfile: !row.has_profile ? 'missing' : row.reverification_required ? 'reverification_required' : 'present' };
  }
}
