import type { Locale } from '../i18n/locales';

/** Roles are a closed set shared by every context (who may call what). */
export enum Role {
  SELLER = 'seller',
  OPS_REVIEWER = 'ops_reviewer',
  OPS_ADMIN = 'ops_admin',
}

export const OPS_ROLES: readonly Role[] = [Role.OPS_REVIEWER, Role.OPS_ADMIN];

/** The seller an account acts as, resolved with the access token (one query; see `AccessTokens.extendPrincipal`). */
export interface SellerPrincipal {
  id: string;
  country: string;
}

export interface Actor {
  accountId: string;
  role: Role;
  /** Set for accounts that are sellers. */
  seller?: SellerPrincipal;
}

/**
 * Who is calling, in which language, under which correlation id. Services take it first
 * (`svc.create(ctx, input)`); HTTP requests build it at the edge, jobs and the CLI build their own.
 */
export interface RequestContext {
  readonly requestId: string;
  locale: Locale;
  /** True when the caller chose the language (`?lang=` or Accept-Language), false when defaulted. */
  localeExplicit: boolean;
  actor?: Actor;
  readonly ip?: string;
}

export function systemContext(requestId: string, locale: Locale = 'en'): RequestContext {
  return { requestId, locale, localeExplicit: false };
}
