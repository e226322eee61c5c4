import { ErrorCatalogue, errorFactory, registerErrorCatalogue } from '@app/kernel';

export enum PaymentErrorCode {
  RAIL_UNAVAILABLE = 'PAYOUT_RAIL_UNAVAILABLE',
  BUSINESS_PROFILE_REQUIRED = 'PAYOUT_BUSINESS_PROFILE_REQUIRED',
  CURRENCY_NOT_ALLOWED = 'PAYOUT_CURRENCY_NOT_ALLOWED',
  SETUP_REQUIRED = 'PAYOUT_SETUP_REQUIRED',
  WRONG_RAIL = 'PAYOUT_WRONG_RAIL',
  PROCESSOR_UNAVAILABLE = 'PAYOUT_PROCESSOR_UNAVAILABLE',
  PROCESSOR_REFUSED = 'PAYOUT_PROCESSOR_REFUSED',
  WEBHOOK_SIGNATURE_INVALID = 'WEBHOOK_SIGNATURE_INVALID',
  WEBHOOK_EVENT_NOT_FOUND = 'WEBHOOK_EVENT_NOT_FOUND',
  BANK_ACCOUNT_INVALID = 'PAYOUT_BANK_ACCOUNT_INVALID',
  BANK_ACCOUNT_NOT_FOUND = 'PAYOUT_BANK_ACCOUNT_NOT_FOUND',
  BANK_ACCOUNT_NOT_PENDING = 'PAYOUT_BANK_ACCOUNT_NOT_PENDING',
}

export const PAYMENT_ERRORS: ErrorCatalogue<PaymentErrorCode> = registerErrorCatalogue({
  [PaymentErrorCode.RAIL_UNAVAILABLE]: { status: 422, description: "No payout rail for the seller's country; details[0].code is SANCTIONS_POLICY or PAYOUT_RAIL_NOT_CONFIGURED." },
  [PaymentErrorCode.BUSINESS_PROFILE_REQUIRED]: { status: 422, description: 'Submit the business profile (PUT /v1/sellers/me/business) before setting up payouts.' },
  [PaymentErrorCode.CURRENCY_NOT_ALLOWED]: { status: 422, description: "The payout currency is not one the seller's country allows; nothing was sent to the processor." },
  [PaymentErrorCode.SETUP_REQUIRED]: { status: 409, description: 'Start the payout setup (POST /v1/sellers/me/payouts) first.' },
  [PaymentErrorCode.WRONG_RAIL]: { status: 409, description: "The action does not apply to the seller's payout rail." },
  [PaymentErrorCode.PROCESSOR_UNAVAILABLE]: { status: 503, description: 'The payment processor did not answer; retry later (the retry is idempotent).' },
  [PaymentErrorCode.PROCESSOR_REFUSED]: { status: 502, description: 'The payment processor refused the request.' },
  [PaymentErrorCode.WEBHOOK_SIGNATURE_INVALID]: { status: 400, description: 'Missing, forged, stale or future-dated Stripe-Signature; nothing was stored.' },
  [PaymentErrorCode.WEBHOOK_EVENT_NOT_FOUND]: { status: 404, description: 'No webhook event with this id in the inbox.' },
  [PaymentErrorCode.BANK_ACCOUNT_INVALID]: { status: 422, description: "Bank details break the country's bank rule (IBAN checks, bank country, currency); details[] lists each field." },
  [PaymentErrorCode.BANK_ACCOUNT_NOT_FOUND]: { status: 404, description: 'The seller has not submitted bank details.' },
  [PaymentErrorCode.BANK_ACCOUNT_NOT_PENDING]: { status: 409, description: 'The bank details were already reviewed.' },
});

export const paymentError = errorFactory(PAYMENT_ERRORS);
