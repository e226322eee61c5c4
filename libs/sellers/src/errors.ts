import { ErrorCatalogue, errorFactory, registerErrorCatalogue } from '@app/kernel';

export enum SellerErrorCode {
  SELLER_NOT_FOUND = 'SELLER.NOT_FOUND',
  BUSINESS_PROFILE_NOT_FOUND = 'SELLER.BUSINESS_PROFILE_NOT_FOUND',
  NOT_ELIGIBLE = 'SELLER.NOT_ELIGIBLE',
  HAS_KYC_HISTORY = 'SELLER.HAS_KYC_HISTORY',
  PASSWORD_INCORRECT = 'SELLER.PASSWORD_INCORRECT',
}

export const SELLER_ERRORS: ErrorCatalogue<SellerErrorCode> = registerErrorCatalogue({
  [SellerErrorCode.SELLER_NOT_FOUND]: { status: 404, description: 'The caller has no seller profile, or no seller has this id.' },
  [SellerErrorCode.BUSINESS_PROFILE_NOT_FOUND]: { status: 404, description: 'The seller has not submitted business details yet.' },
  [SellerErrorCode.NOT_ELIGIBLE]: { status: 422, description: "The country accepts no legal form of the seller's type (or the named legal form is not eligible); nothing was created. details[0].code is the pack's reason." },
  [SellerErrorCode.HAS_KYC_HISTORY]: { status: 409, description: 'A seller who submitted a verification cannot delete the account (the records must be kept); support closes it.' },
  [SellerErrorCode.PASSWORD_INCORRECT]: { status: 403, description: 'The password given to confirm the deletion is wrong.' },
});

export const sellerError = errorFactory(SELLER_ERRORS);
