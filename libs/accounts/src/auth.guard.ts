import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { commonError, CommonErrorCode, IS_PUBLIC, OPS_ROLES, Role, ROLES } from '@app/kernel';
import type { RequestContext } from '@app/kernel';
import { AccessTokens } from './access-tokens';
import { authError, AuthErrorCode } from './errors';

export type AuthenticatedRequest = Request & { ctx: RequestContext; tokenId?: string };

/**
 * Secure by default: every route needs a valid bearer token unless marked `@Public()`. Roles come
 * from `@Roles(...)`; any route under /v1/ops/ needs an ops role even if a controller forgot to say so.
 * When the caller did not choose a language, the account's preferred one is used.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokens,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = req.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw commonError(CommonErrorCode.UNAUTHENTICATED, {}, [], { 'WWW-Authenticate': 'Bearer' });
    const account = await this.tokens.authenticate(match[1]);
    if (!account) throw authError(AuthErrorCode.TOKEN_INVALID, {}, [], { 'WWW-Authenticate': 'Bearer error="invalid_token"' });

    req.ctx.actor = { accountId: account.accountId, role: account.role, ...(account.seller ? { seller: account.seller } : {}) };
    req.tokenId = account.tokenId;
    if (!req.ctx.localeExplicit) {
      req.ctx.locale = account.locale;
      context.switchToHttp().getResponse<Response>().setHeader('Content-Language', account.locale);
    }

    const declared = this.reflector.getAllAndOverride<Role[]>(ROLES, targets);
    const required = declared ?? (req.path.startsWith('/v1/ops/') ? OPS_ROLES : undefined);
    if (required && !required.includes(account.role)) throw commonError(CommonErrorCode.FORBIDDEN);
    return true;
  }
}
