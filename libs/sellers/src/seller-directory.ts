import { Injectable } from '@nestjs/common';
import type { Locale } from '@app/kernel';
import { UnitOfWork } from '@app/persistence';
import type { Reader } from '@app/persistence';
import { sellerError, SellerErrorCode } from './errors';

export interface SellerContact {
  email: string;
  locale: Locale;
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
