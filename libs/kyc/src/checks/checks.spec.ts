import { describe, expect, it } from '@jest/globals';
import { identityFinding, SUBMISSION_CHECKS } from './index';

describe('submission checks', () => {
  it('are listed once, in the order they run, by the kind stored in kyc_checks', () => {
    expect(SUBMISSION_CHECKS.map((c) => c.name)).toEqual(['completeness', 'identifiers', 'duplicate_seller', 'sanctions', 'risk_policy', 'identity']);
  });

  const kase = { identityResult: null, identityReasonCode: null, identityDecidedAt: null, identityApplicantId: null };

  it('identity: no finding with the manual provider', () => {
    expect(identityFinding('manual', kase)).toBeNull();
  });

  it('identity: no vendor result yet is a review; GREEN passes', () => {
    expect(identityFinding('sumsub', kase)).toMatchObject({ result: 'review', ruleVersion: 'identity:sumsub' });
    expect(identityFinding('sumsub', { ...kase, identityResult: 'approved' })?.result).toBe('pass');
  });

  it('identity: RETRY fails and sends the seller back with its reason; RED-final fails and stays with ops', () => {
    const retry = identityFinding('sumsub', { ...kase, identityResult: 'retry', identityReasonCode: 'DOCUMENT_UNREADABLE' });
    expect(retry).toMatchObject({ result: 'fail', sendBack: { actorRole: 'vendor:sumsub', reason: 'DOCUMENT_UNREADABLE' } });
    expect(identityFinding('sumsub', { ...kase, identityResult: 'retry' })?.sendBack?.reason).toBe('IDENTITY_CHECK_FAILED');
    const red = identityFinding('sumsub', { ...kase, identityResult: 'rejected' });
    expect(red?.result).toBe('fail');
    expect(red?.sendBack).toBeUndefined();
  });
});
