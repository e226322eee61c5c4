import { Injectable } from '@nestjs/common';
import { RequestContext } from '@app/kernel';
import { UnitOfWork } from '@app/persistence';
import { AccessTokens, IssuedToken } from './access-tokens';
import { AccountsService } from './accounts.service';
import { authError, AuthErrorCode } from './errors';
import { LoginThrottle } from './login-throttle';
import { dummyPasswordHash, normalizeEmail, verifyPassword } from './passwords';

@Injectable()
export class AuthService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly accounts: AccountsService,
    private readonly tokens: AccessTokens,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * One answer for "no such email" and "wrong password" (same code, same work: a password hash is
   * verified either way), counted by the throttle per email and per client IP.
   */
  async login(ctx: RequestContext, email: string, password: string): Promise<IssuedToken> {
    const keys = this.throttle.keys(normalizeEmail(email), ctx.ip);
    await this.throttle.assertAllowed(keys);
    const account = await this.accounts.findByEmail(this.uow.reader, email);
    const ok = await verifyPassword(account?.passwordHash ?? (await dummyPasswordHash()), password);
    if (!account || !ok) {
      await this.throttle.recordFailure(keys);
      throw authError(AuthErrorCode.INVALID_CREDENTIALS);
    }
    if (account.status !== 'active') throw authError(AuthErrorCode.ACCOUNT_DISABLED);
    await this.throttle.reset(keys[0].key);
    return this.uow.run((tx) => this.tokens.issue(tx, account.id));
  }

  async logout(tokenId: string): Promise<void> {
    await this.tokens.revoke(tokenId);
  }
}
