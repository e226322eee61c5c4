import type { Reader } from '@app/persistence';
import type { Issue, IssueCode } from './evaluate';

/**
 * Seller-level gates of a listing: a port, so the catalog never reaches into KYC or payments. The
 * adapter lives in the composition root (libs/platform), which may read every context; the catalog
 * only ever sees these neutral facts. A KYC case in review, a suspended case and a suspended seller
 * account all read `verification: 'pending'`: the catalog cannot tell them apart, so nothing built
 * on it can tip a seller off about screening.
 */
export const SELLER_GATES = Symbol('SELLER_GATES');

export type VerificationGate = 'approved' | 'not_started' | 'action_required' | 'pending' | 'rejected' | 'reverification';
export type PayoutsGate = 'enabled' | 'setup_required' | 'pending' | 'unavailable';

export interface SellerGateFacts {
  businessProfile: 'missing' | 'present' | 'reverification_required';
  verification: VerificationGate;
  payouts: PayoutsGate;
}

export interface SellerGates {
  /** Read through `db`: `uow.reader` for a view, the job's transaction under its per-seller lock. */
  facts(sellerId: string, db: Reader): Promise<SellerGateFacts>;
}

export const SELLER_GATE_CODES = [
  'SELLER_PROFILE_MISSING', 'SELLER_REVERIFICATION_REQUIRED', 'SELLER_KYC_REQUIRED', 'SELLER_KYC_ACTION_REQUIRED',
  'SELLER_VERIFICATION_PENDING', 'SELLER_KYC_REJECTED', 'SELLER_PAYOUTS_NOT_ENABLED', 'SELLER_PAYOUTS_PENDING', 'SELLER_PAYOUTS_UNAVAILABLE', 'SELLER_MARKET_NOT_CHOSEN',
] as const satisfies readonly IssueCode[];
export type SellerGateCode = (typeof SELLER_GATE_CODES)[number];

const gate = (code: SellerGateCode, fields: string[], params: Record<string, string> = {}): Issue => ({
  code,
  severity: 'BLOCKER',
  category: 'SELLER',
  fields,
  params,
  ruleId: 'seller.gates',
  ruleVersion: '1',
});

/** The business-profile, verification and payout gates: the same in every market. */
export function businessGate(f: SellerGateFacts): Issue | null {
  if (f.businessProfile === 'missing') return gate('SELLER_PROFILE_MISSING', ['business']);
  if (f.businessProfile === 'reverification_required') return gate('SELLER_REVERIFICATION_REQUIRED', ['business']);
  return null;
}

export function verificationGate(f: SellerGateFacts): Issue | null {
  switch (f.verification) {
    case 'approved':
      return null;
    case 'not_started':
      return gate('SELLER_KYC_REQUIRED', ['kyc']);
    case 'action_required':
      return gate('SELLER_KYC_ACTION_REQUIRED', ['kyc']);
    case 'reverification':
      return gate('SELLER_REVERIFICATION_REQUIRED', ['kyc']);
    case 'pending':
      return gate('SELLER_VERIFICATION_PENDING', []);
    case 'rejected':
      return gate('SELLER_KYC_REJECTED', ['kyc']);
  }
}

export function payoutsGate(f: SellerGateFacts): Issue | null {
  switch (f.payouts) {
    case 'enabled':
      return null;
    case 'unavailable':
      return gate('SELLER_PAYOUTS_UNAVAILABLE', ['payouts']);
    case 'pending':
      return gate('SELLER_PAYOUTS_PENDING', []);
    case 'setup_required':
      return gate('SELLER_PAYOUTS_NOT_ENABLED', ['payouts']);
  }
}

/**
 * Every gate of the seller for one market, in the order a seller clears them: business profile,
 * verification, payouts, then the market chosen (PUT /v1/sellers/me/markets). All BLOCKERs,
 * category SELLER. A re-verification asked both of the profile and of KYC is reported once.
 */
export function sellerGateIssues(f: SellerGateFacts, market: { code: string; chosen: boolean }): Issue[] {
  const out: Issue[] = [];
  for (const g of [businessGate(f), verificationGate(f), payoutsGate(f)]) {
    if (g && !out.some((o) => o.code === g.code)) out.push(g);
  }
  if (!market.chosen) out.push(gate('SELLER_MARKET_NOT_CHOSEN', ['markets'], { market: market.code }));
  return out;
}
