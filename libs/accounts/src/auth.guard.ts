import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { commonError, CommonErrorCode, IS_PUBLIC, OPS_ROLES, Role, ROLES } from '@app/kernel';
import type { RequestContext } from '@app/kernel';
import { AccessTokens } from './access-tokens';
import { authError, AuthErrorCode } from './errors';

export type AuthenticatedRequest = Request & { ctx: RequestContext; tokenId?: string };

/**
 * Who is calling, from the bearer token, onto the request context: the one implementation behind the
 * Nest routes' {@link AuthGuard} and the fast routes (served ahead of Express, see FastRouteServer).
 * 401 without a valid token, 403 when the account's role is not among `roles`. When the caller did
 * not choose a language, the account's preferred one is used.
 */
@Injectable()
export class RequestAuthenticator {
  constructor(private readonly tokens: AccessTokens) {}

  /** Returns the token's id (for logout). */
  async authenticate(authorization: string | string[] | undefined, ctx: RequestContext, roles?: readonly Role[]): Promise<string> {
    const match = typeof authorization === 'string' ? /^Bearer\s+(\S+)$/i.exec(authorization) : null;
    if (!match) throw commonError(CommonErrorCode.UNAUTHENTICATED, {}, [], { 'WWW-Authenticate': 'Bearer' });
    const account = await this.tokens.authenticate(match[1]);
    if (!account) throw authError(AuthErrorCode.TOKEN_INVALID, {}, [], { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    ctx.actor = { accountId: account.accountId, role: account.role, ...(account.seller ? { seller: account.seller } : {}) };
    if (!ctx.localeExplicit) ctx.locale = account.locale;
    if (roles && !roles.includes(account.role)) throw commonError(CommonErrorCode.FORBIDDEN);
    return account.tokenId;
  }
}

/**
 * Secure by default: every route needs a valid bearer token unless marked `@Public()`. Roles come
 * from `@Roles(...)`; any route under /v1/ops/ needs an ops role even if a controller forgot to say so.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: RequestAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const declared = this.reflector.getAllAndOverride<Role[]>(ROLES, targets);
    const required = declared ?? (req.path.startsWith('/v1/ops/') ? OPS_ROLES : undefined);
    try {
      req.tokenId = await this.authenticator.authenticate(req.headers.authorization, req.ctx, required);
    } finally {
      // the account's language, also when the role does not fit (the 403 is in it)
      context.switchToHttp().getResponse<Response>().setHeader('Content-Language', req.ctx.locale);
    }
    return true;
  }
}
