import { describe, expect, it } from '@jest/globals';
import { SEED_PACKS } from '@app/countries';
import type { CountryPackDocument } from '@app/countries';
import { eligibility } from './eligibility';

// the fields eligibility reads (legal forms: code, seller type, label, eligibility) are the same in a seed pack's input
const pack = (cc: string) => SEED_PACKS.find((p) => p.country === cc) as unknown as CountryPackDocument;

describe('eligibility before sign-up', () => {
  it("refuses an individual in Spain with the pack's reason, and accepts a company", () => {
    const es = pack('ES');
    const individual = eligibility(es, { sellerType: 'individual' });
    expect(individual).toMatchObject({ eligible: false, reason: { code: 'ONLY_INCORPORATED_COMPANIES' }, legalForms: [{ code: 'es.autonomo', eligible: false }] });
    expect(eligibility(es, { sellerType: 'company' }).eligible).toBe(true);
    expect(eligibility(es, { legalForm: 'es.cb' })).toMatchObject({ eligible: false, reason: { code: 'ONLY_INCORPORATED_COMPANIES' } });
    expect(eligibility(es, { legalForm: 'es.nope' })).toMatchObject({ eligible: false, reason: { code: 'UNKNOWN_LEGAL_FORM' } });
  });

  it('accepts every kind where the pack has an eligible form (Italy)', () => {
    for (const sellerType of ['individual', 'company', 'partnership'] as const) expect(eligibility(pack('IT'), { sellerType }).eligible).toBe(true);
  });
});
