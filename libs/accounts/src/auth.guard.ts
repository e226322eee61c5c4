import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request, Response } from 'express';
import { commonError, CommonErrorCode, IS_PUBLIC, OPS_ROLES, Role, ROLES } from '@app/kernel';
import type { RequestContext } from '@app/kernel';
import { AccessTokens, hashToken } from './access-tokens';
import type { AuthenticatedAccount } from './access-tokens';
import { authError, AuthErrorCode } from './errors';

export type AuthenticatedRequest = Request & { ctx: RequestContext; tokenId?: string };

/**
 * Who is calling, from the bearer token, onto the request context: the one implementation behind the
 * Nest routes' {@link AuthGuard} and the fast routes (served ahead of Express, see FastRouteServer).
 * 401 without a valid token, 403 when the account's role is not among `roles`. When the caller did
 * not choose a language, the account's preferred one is used.
 */
/** What {@link RequestAuthenticator.authenticateForWrite} hands the write that re-checks the token. */
export interface TokenProof {
  /** The token's hash, for the statement's check ({@link tokenStillValidSql}). */
  readonly tokenHash: string;
  /** The account the statement must find the token still authenticating. */
  readonly accountId: string;
  /** False when the principal came from this process's memory: the token is not checked yet. */
  readonly confirmed: boolean;
  /** Checks the token in the database now (401 when it no longer authenticates); nothing when confirmed. */
  confirm(): Promise<void>;
  /** The statement found the token no longer valid: forgets it and throws the 401 an unauthenticated caller gets. */
  refused(): never;
}

/** How long a principal is remembered for {@link RequestAuthenticator.authenticateForWrite} (its language may change meanwhile). */
const REMEMBER_MS = 60_000;
const REMEMBER_MAX = 10_000;

@Injectable()
export class RequestAuthenticator {
  /** Token hash → principal, for writes that re-check the token in their own statement. */
  private readonly remembered = new Map<string, { principal: AuthenticatedAccount; at: number }>();

  constructor(private readonly tokens: AccessTokens) {}

  /**
   * For a hot write that checks the token in its own statement ({@link tokenStillValidSql}): the
   * principal is taken from this process's memory when the same token authenticated here in the last
   * minute, saving the lookup round trip; otherwise (and for the first request) it is looked up as
   * {@link authenticate} does. Whatever the caller answers without that statement having confirmed the
   * token (a 4xx for the body, say) must first {@link TokenProof.confirm} it, so a revoked token
   * never gets anything but 401 — in any process.
   */
  async authenticateForWrite(authorization: string | string[] | undefined, ctx: RequestContext, roles: readonly Role[]): Promise<TokenProof> {
    const match = typeof authorization === 'string' ? /^Bearer\s+(\S+)$/i.exec(authorization) : null;
    const tokenHash = match ? hashToken(match[1]) : undefined;
    const now = Date.now();
    const memory = tokenHash ? this.remembered.get(tokenHash) : undefined;
    const negotiated = ctx.locale;
    const proof = (accountId: string, confirmed: boolean): TokenProof => ({
      tokenHash: tokenHash!,
      accountId,
      confirmed,
      confirm: async () => {
        if (confirmed) return;
        ctx.locale = negotiated;
        await this.authenticate(authorization, ctx, roles);
      },
      refused: () => {
        this.remembered.delete(tokenHash!);
        ctx.locale = negotiated;
        ctx.actor = undefined;
        throw authError(AuthErrorCode.TOKEN_INVALID, {}, [], { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
      },
    });
    // a remembered principal whose role does not fit is looked up again: a revoked token gets 401, not 403
    if (memory && now - memory.at < REMEMBER_MS && roles.includes(memory.principal.role)) {
      this.apply(memory.principal, ctx, roles);
      return proof(memory.principal.accountId, false);
    }
    const principal = await this.lookUp(authorization, ctx, roles);
    if (tokenHash) {
      if (this.remembered.size >= REMEMBER_MAX) this.remembered.delete(this.remembered.keys().next().value as string);
      this.remembered.set(tokenHash, { principal, at: now });
    }
    return proof(principal.accountId, true);
  }

  /** The caller logged out here: its token is not remembered any more (other processes learn it from their statements). */
  forget(tokenHash: string): void {
    this.remembered.delete(tokenHash);
  }

  private apply(account: AuthenticatedAccount, ctx: RequestContext, roles?: readonly Role[]): void {
    ctx.actor = { accountId: account.accountId, role: account.role, ...(account.seller ? { seller: account.seller } : {}) };
    if (!ctx.localeExplicit) ctx.locale = account.locale;
    if (roles && !roles.includes(account.role)) throw commonError(CommonErrorCode.FORBIDDEN);
  }

  private async lookUp(authorization: string | string[] | undefined, ctx: RequestContext, roles?: readonly Role[]): Promise<AuthenticatedAccount> {
    const match = typeof authorization === 'string' ? /^Bearer\s+(\S+)$/i.exec(authorization) : null;
    if (!match) throw commonError(CommonErrorCode.UNAUTHENTICATED, {}, [], { 'WWW-Authenticate': 'Bearer' });
    const account = await this.tokens.authenticate(match[1]);
    if (!account) throw authError(AuthErrorCode.TOKEN_INVALID, {}, [], { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    this.apply(account, ctx, roles);
    return account;
  }

  /** Returns the token's id (for logout). */
  async authenticate(authorization: string | string[] | undefined, ctx: RequestContext, roles?: readonly Role[]): Promise<string> {
    return (await this.lookUp(authorization, ctx, roles)).tokenId;
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
