import type { CountryPackDocument, SellerType } from '@app/countries';
import type { LocalizedTextParam, MessageParam } from '@app/kernel';

export const SIGNUP_SELLER_TYPES: readonly SellerType[] = ['individual', 'company', 'partnership'];

export interface Eligibility {
  eligible: boolean;
  /** Legal forms of the asked seller type (all forms when none was asked), each with whether it may sell. */
  legalForms: { code: string; label: LocalizedTextParam; sellerType: SellerType; eligible: boolean }[];
  /** Why not, when not eligible: the pack's reason code and explanation. */
  reason?: { code: string; message: MessageParam };
}

/**
 * Whether a seller of this type (or legal form) can register in the country at all, decided by the
 * pack before an account exists: an autónomo learns at sign-up that Spain accepts only companies.
 */
export function eligibility(pack: CountryPackDocument, ask: { sellerType?: SellerType; legalForm?: string }): Eligibility {
  const forms = pack.legalForms.filter((f) => (!ask.sellerType || f.sellerType === ask.sellerType) && (!ask.legalForm || f.code === ask.legalForm));
  const legalForms = forms.map((f) => ({ code: f.code, label: { text: f.label }, sellerType: f.sellerType, eligible: f.eligibility.allowed }));
  if (legalForms.some((f) => f.eligible)) return { eligible: true, legalForms };
  const refused = forms.find((f) => !f.eligibility.allowed);
  if (refused && !refused.eligibility.allowed) {
    return { eligible: false, legalForms, reason: { code: refused.eligibility.reason, message: { text: refused.eligibility.explanation } } };
  }
  // the pack has no legal form of this kind at all
  return {
    eligible: false,
    legalForms,
    reason: ask.legalForm ? { code: 'UNKNOWN_LEGAL_FORM', message: { t: 'seller.eligibility.UNKNOWN_LEGAL_FORM' } } : { code: 'NO_LEGAL_FORM_FOR_TYPE', message: { t: `seller.eligibility.NO_LEGAL_FORM.${ask.sellerType ?? 'company'}` } },
  };
}
