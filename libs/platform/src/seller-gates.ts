import { Injectable } from '@nestjs/common';
import type { SellerGateFacts, SellerGates, VerificationGate, PayoutsGate } from '@app/catalog';
import { KycStandingReader } from '@app/kyc';
import type { KycStanding } from '@app/kyc';
import { PayoutsService } from '@app/payments';
import type { EffectivePayoutStatus } from '@app/payments';
import type { Reader } from '@app/persistence';
import { SellerDirectory } from '@app/sellers';

/**
 * The catalog's SELLER_GATES port, answered from the contexts that own each fact: the sellers
 * context (business profile, account status), KYC (the current case) and payouts (the payout gate).
 * Lives in the composition root because the catalog may not import KYC or payments.
 *
 * No tipping-off by construction: a case submitted, in review or SUSPENDED, and a suspended seller
 * account, all become `verification: 'pending'` here — the catalog never learns which.
 */
@Injectable()
export class PlatformSellerGates implements SellerGates {
  constructor(
    private readonly sellers: SellerDirectory,
    private readonly kyc: KycStandingReader,
    private readonly payouts: PayoutsService,
  ) {}

  async facts(sellerId: string, db: Reader): Promise<SellerGateFacts> {
    const standing = await this.sellers.standing(sellerId, db);
    if (!standing) return { businessProfile: 'missing', verification: 'not_started', payouts: 'setup_required' };
    const kyc = await this.kyc.of(sellerId, db);
    const gate = await this.payouts.gateOf(sellerId, standing.country, db);
    return {
      businessProfile: standing.businessProfile,
      verification: standing.status === 'suspended' ? 'pending' : verificationOf(kyc),
      payouts: payoutsOf(gate.status, gate.payoutsEnabled),
    };
  }
}

export function verificationOf(kyc: KycStanding): VerificationGate {
  switch (kyc.status) {
    case 'approved':
      return 'approved';
    case 'none':
    case 'superseded':
      return 'not_started';
    case 'collecting':
      return kyc.reverification ? 'reverification' : 'not_started';
    case 'action_required':
      return kyc.reverification ? 'reverification' : 'action_required';
    case 'submitted':
    case 'in_review':
    case 'suspended':
      return 'pending';
    case 'rejected':
      return 'rejected';
  }
}

export function payoutsOf(status: EffectivePayoutStatus, enabled: boolean): PayoutsGate {
  if (enabled) return 'enabled';
  switch (status) {
    case 'unavailable':
      return 'unavailable';
    case 'on_hold':
    case 'under_review':
      return 'pending';
    default:
      return 'setup_required';
  }
}
