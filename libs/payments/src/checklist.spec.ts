import { describe, expect, it } from '@jest/globals';
import { SUPPORTED_LOCALES, Translator } from '@app/kernel';
import { buildChecklist, CHECKLIST_TASKS, taskOf } from './checklist';
import { PAYMENTS_MESSAGES } from './i18n';

describe('requirements → checklist', () => {
  it('groups requirement paths into seller tasks, including person_ prefixes and unknown future paths', () => {
    expect(taskOf('external_account')).toBe('bank_account');
    expect(taskOf('tos_acceptance.date')).toBe('terms');
    expect(taskOf('representative.verification.document')).toBe('identity_document');
    expect(taskOf('person_1AbCdE.verification.additional_document')).toBe('identity_document');
    expect(taskOf('person_1AbCdE.dob.day')).toBe('representative');
    expect(taskOf('company.tax_id')).toBe('company_tax_id');
    expect(taskOf('company.address.city')).toBe('company_details');
    expect(taskOf('company.owners_provided')).toBe('owners');
    expect(taskOf('business_profile.mcc')).toBe('business_profile');
    expect(taskOf('some.requirement.stripe_adds_next_year')).toBe('other');
  });

  it('lists each requirement once, at its most urgent level, with the processor error codes', () => {
    const items = buildChecklist({
      currentlyDue: ['external_account', 'company.tax_id'],
      eventuallyDue: ['external_account', 'company.tax_id', 'business_profile.url'],
      pastDue: ['company.tax_id'],
      pendingVerification: ['representative.verification.document'],
      errors: [{ requirement: 'company.tax_id', code: 'invalid_tax_id' }],
      disabledReason: 'requirements.past_due',
      currentDeadline: null,
    });
    expect(items).toEqual([
      { task: 'company_tax_id', due: 'past_due', requirements: ['company.tax_id'], errors: ['invalid_tax_id'] },
      { task: 'bank_account', due: 'currently_due', requirements: ['external_account'], errors: [] },
      { task: 'identity_document', due: 'pending_verification', requirements: ['representative.verification.document'], errors: [] },
      { task: 'business_profile', due: 'eventually_due', requirements: ['business_profile.url'], errors: [] },
    ]);
  });

  it('says every task in all five languages', () => {
    const t = new Translator([PAYMENTS_MESSAGES]);
    const texts = new Map<string, string>();
    for (const locale of SUPPORTED_LOCALES) {
      for (const task of CHECKLIST_TASKS) {
        const text = t.t(locale, `payouts.task.${task}`);
        expect(text).not.toBe(`payouts.task.${task}`);
        texts.set(`${locale}:${task}`, text);
      }
    }
    expect(texts.get('it:bank_account')).toBe('Aggiungi un conto bancario per i pagamenti.');
    expect(texts.get('tr:bank_account')).toBe('Ödemeler için bir banka hesabı ekleyin.');
    expect(new Set(SUPPORTED_LOCALES.map((l) => texts.get(`${l}:bank_account`))).size).toBe(5);
  });
});
