import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { APP_CONFIG, CLOCK } from '@app/kernel';
import type { Actor, AppConfig, Clock, Locale, Role } from '@app/kernel';
import { IsNull } from 'typeorm';
import { Tx, UnitOfWork } from '@app/persistence';
import { AccessTokenEntity } from './entities/access-token.entity';

const PREFIX = 'ltg_at_';
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface IssuedToken {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  expiresAt: string;
}

export interface AuthenticatedAccount extends Actor {
  locale: Locale;
  tokenId: string;
}

/**
 * Opaque, revocable bearer tokens: 32 random bytes, prefixed so secret scanners recognise them;
 * only the SHA-256 is stored. No signing secret to configure or rotate, and logout really logs out.
 */
@Injectable()
export class AccessTokens {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async issue(tx: Tx, accountId: string): Promise<IssuedToken> {
    const token = PREFIX + randomBytes(32).toString('base64url');
    const ttl = this.config.auth.accessTokenTtlSeconds;
    const expiresAt = new Date(this.clock.now().getTime() + ttl * 1000);
    await tx.insert(AccessTokenEntity, {
      id: randomUUID(),
      accountId,
      tokenHash: hashToken(token),
      expiresAt,
      revokedAt: null,
    });
    return { accessToken: token, tokenType: 'Bearer', expiresIn: ttl, expiresAt: expiresAt.toISOString() };
  }

  async authenticate(token: string): Promise<AuthenticatedAccount | undefined> {
    if (!token.startsWith(PREFIX) || token.length > 200) return undefined;
    const rows: { token_id: string; account_id: string; role: Role; locale: Locale }[] = await this.uow.reader.query(
      `SELECT t.id AS token_id, a.id AS account_id, a.role, a.locale
         FROM access_tokens t JOIN accounts a ON a.id = t.account_id
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > $2 AND a.status = 'active'`,
      [hashToken(token), this.clock.now()],
    );
    const row = rows[0];
    return row ? { accountId: row.account_id, role: row.role, locale: row.locale, tokenId: row.token_id } : undefined;
  }

  async revoke(tokenId: string): Promise<void> {
    await this.uow.run((tx) =>
      tx.update(AccessTokenEntity, { id: tokenId, revokedAt: IsNull() }, { revokedAt: this.clock.now() }),
    );
  }

  async revokeAllFor(tx: Tx, accountId: string): Promise<void> {
    await tx.query('UPDATE access_tokens SET revoked_at = $2 WHERE account_id = $1 AND revoked_at IS NULL', [
      accountId,
      this.clock.now(),
    ]);
  }

  /** Deletes tokens that expired or were revoked more than a day ago (run by the worker). */
  async purgeExpired(): Promise<number> {
    const res: [unknown, number] = await this.uow.reader.query(
      `DELETE FROM access_tokens
        WHERE expires_at < $1::timestamptz - interval '1 day' OR revoked_at < $1::timestamptz - interval '1 day'`,
      [this.clock.now()],
    );
    return res[1];
  }
}
