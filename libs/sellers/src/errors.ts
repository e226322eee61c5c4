import { ErrorCatalogue, errorFactory, registerErrorCatalogue } from '@app/kernel';

export enum SellerErrorCode {
  SELLER_NOT_FOUND = 'SELLER_NOT_FOUND',
  BUSINESS_PROFILE_NOT_FOUND = 'SELLER_BUSINESS_PROFILE_NOT_FOUND',
}

export const SELLER_ERRORS: ErrorCatalogue<SellerErrorCode> = registerErrorCatalogue({
  [SellerErrorCode.SELLER_NOT_FOUND]: { status: 404, description: 'The caller has no seller profile, or no seller has this id.' },
  [SellerErrorCode.BUSINESS_PROFILE_NOT_FOUND]: { status: 404, description: 'The seller has not submitted business details yet.' },
});

export const sellerError = errorFactory(SELLER_ERRORS);
