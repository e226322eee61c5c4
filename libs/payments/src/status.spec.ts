import { describe, expect, it } from '@jest/globals';
import type { ConnectAccountSnapshot, RequirementsSnapshot } from './ports';
import { canTransition, deriveStatus, PAYOUT_STATUSES, PAYOUT_TRANSITIONS } from './status';

const none: RequirementsSnapshot = { currentlyDue: [], eventuallyDue: [], pastDue: [], pendingVerification: [], errors: [], disabledReason: null, currentDeadline: null };
const snap = (over: Partial<ConnectAccountSnapshot> = {}, req: Partial<RequirementsSnapshot> = {}): ConnectAccountSnapshot => ({
  id: 'acct_1',
  country: 'IT',
  chargesEnabled: false,
  payoutsEnabled: false,
  detailsSubmitted: false,
  transfers: 'inactive',
  requirements: { ...none, ...req },
  futureRequirements: { ...none },
  ...over,
});

describe('payout status from a processor snapshot', () => {
  it.each([
    ['a new account with everything due', snap({}, { currentlyDue: ['external_account'], pastDue: ['external_account'], disabledReason: 'requirements.past_due' }), 'action_required'],
    ['a submitted account still owing a field', snap({ detailsSubmitted: true }, { currentlyDue: ['external_account'] }), 'action_required'],
    ['a submitted account past its deadline', snap({ detailsSubmitted: true }, { currentlyDue: ['company.tax_id'], pastDue: ['company.tax_id'], disabledReason: 'requirements.past_due' }), 'restricted'],
    ['a submitted account under verification', snap({ detailsSubmitted: true, transfers: 'pending' }, { pendingVerification: ['company.tax_id'], disabledReason: 'requirements.pending_verification' }), 'under_review'],
    ['a verified account', snap({ detailsSubmitted: true, payoutsEnabled: true, transfers: 'active' }), 'enabled'],
    ['payouts on but transfers not yet active', snap({ detailsSubmitted: true, payoutsEnabled: true, transfers: 'pending' }), 'under_review'],
    ['a rejected account', snap({ detailsSubmitted: true }, { disabledReason: 'rejected.fraud' }), 'rejected'],
  ])('%s → %s', (_name, snapshot, expected) => {
    expect(deriveStatus(snapshot)).toBe(expected);
  });

  it('never leaves disconnected, and allows every other move between derived statuses', () => {
    for (const to of PAYOUT_STATUSES) expect(canTransition('disconnected', to)).toBe(to === 'disconnected');
    for (const from of PAYOUT_STATUSES.filter((s) => s !== 'disconnected')) {
      expect(PAYOUT_TRANSITIONS[from]).toContain('disconnected');
      expect(canTransition(from, from)).toBe(true);
    }
    expect(canTransition('enabled', 'not_started')).toBe(false);
  });
});
