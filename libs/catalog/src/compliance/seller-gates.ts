import { Injectable } from '@nestjs/common';
import { SellerDirectory } from '@app/sellers';
import type { Issue } from './evaluate';

/**
 * Seller-level gates of a listing, as far as the catalog may know them: a port, so readiness never
 * reaches into KYC or payments. The adapter below reads the sellers context only; KYC approval,
 * payouts enabled and per-market opt-in are not known there yet (they need events from KYC and
 * payments into the sellers context, or a catalog projection fed by those events).
 */
export const SELLER_GATES = Symbol('SELLER_GATES');

export interface SellerGateFacts {
  businessProfile: 'missing' | 'present' | 'reverification_required';
  suspended: boolean;
}

export interface SellerGates {
  facts(sellerId: string): Promise<SellerGateFacts>;
}

const gate = (code: Issue['code'], fields: string[]): Issue => ({
  code,
  severity: 'BLOCKER',
  category: 'AVAILABILITY',
  fields,
  params: {},
  ruleId: 'seller.gates',
  ruleVersion: '1',
});

/** The seller's own blockers: the same in every market. */
export function sellerGateIssues(f: SellerGateFacts): Issue[] {
  const out: Issue[] = [];
  if (f.suspended) out.push(gate('SELLER_SUSPENDED', []));
  if (f.businessProfile === 'missing') out.push(gate('SELLER_PROFILE_MISSING', ['business']));
  if (f.businessProfile === 'reverification_required') out.push(gate('SELLER_REVERIFICATION_REQUIRED', ['business']));
  return out;
}

/** SELLER_GATES from the sellers context alone (seller status, business profile). */
@Injectable()
export class SellersContextGates implements SellerGates {
  constructor(private readonly sellers: SellerDirectory) {}

  async facts(sellerId: string): Promise<SellerGateFacts> {
    const standing = await this.sellers.standing(sellerId);
    return { businessProfile: standing?.businessProfile ?? 'missing', suspended: standing?.status === 'suspended' };
  }
}
