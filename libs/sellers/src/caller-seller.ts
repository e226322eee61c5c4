import type { AuthenticatedAccount, PrincipalExtension } from '@app/accounts';
import type { RequestContext, SellerPrincipal } from '@app/kernel';
import { sellerError, SellerErrorCode } from './errors';

/**
 * The seller an account acts as is read with its access token, in the authentication query itself
 * (no second round trip): a seller account's principal carries `seller: {id, country}`.
 */
export const SELLER_PRINCIPAL: PrincipalExtension = {
  join: 'LEFT JOIN sellers s ON s.account_id = a.id',
  columns: { seller_id: 's.id', seller_country: 's.country' },
  apply(row: Record<string, unknown>, principal: AuthenticatedAccount): void {
    if (typeof row.x_seller_id === 'string') principal.seller = { id: row.x_seller_id, country: String(row.x_seller_country) };
  },
};

/** The calling seller (from the request context); 404 SELLER_NOT_FOUND for an account that is not one. */
export function callerSeller(ctx: RequestContext): SellerPrincipal {
  const seller = ctx.actor?.seller;
  if (!seller) throw sellerError(SellerErrorCode.SELLER_NOT_FOUND);
  return seller;
}
