import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { APP_CONFIG, CLOCK } from '@app/kernel';
import type { Actor, AppConfig, Clock, Locale, Role } from '@app/kernel';
import { IsNull } from 'typeorm';
import { Tx, UnitOfWork } from '@app/persistence';
import { AccessTokenEntity } from './entities/access-token.entity';

const PREFIX = 'ltg_at_';
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * SQL (a boolean expression) for a statement acting on a principal remembered from an earlier request
 * (see RequestAuthenticator.authenticateForWrite): true when the token with hash `hash` still
 * authenticates account `account` at `now` — not revoked, not expired, the account active. The
 * arguments are SQL parameters, e.g. `'$19'`.
 */
export const tokenStillValidSql = (hash: string, now: string, account: string): string =>
  `EXISTS (SELECT 1 FROM access_tokens t JOIN accounts a ON a.id = t.account_id
            WHERE t.token_hash = ${hash} AND t.revoked_at IS NULL AND t.expires_at > ${now} AND a.id = ${account} AND a.status = 'active')`;

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
 * What another context adds to the principal, read in the same query as the token (one round trip per
 * authenticated request): a LEFT JOIN on `a` (accounts) and the columns it selects, named `x_<name>`.
 * The sellers context adds the seller the account acts as; this context does not know its tables.
 */
export interface PrincipalExtension {
  join: string;
  columns: Record<string, string>;
  apply(row: Record<string, unknown>, principal: AuthenticatedAccount): void;
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

  private readonly extensions: PrincipalExtension[] = [];
  private sql?: string;
  private name?: string;

  /** Called by other contexts' modules at start-up (see {@link PrincipalExtension}). */
  extendPrincipal(extension: PrincipalExtension): void {
    this.extensions.push(extension);
    this.sql = undefined;
    this.name = undefined;
  }

  /** Named by the text: contexts extend the principal at start-up, and one name must never mean two texts. */
  private statementName(): string {
    this.name ??= `accounts.authenticate.${createHash('sha1').update(this.query()).digest('hex').slice(0, 12)}`;
    return this.name;
  }

  private query(): string {
    this.sql ??= `SELECT t.id AS token_id, a.id AS account_id, a.role, a.locale${this.extensions
      .flatMap((e) => Object.entries(e.columns).map(([name, expr]) => `, ${expr} AS x_${name}`))
      .join('')}
         FROM access_tokens t JOIN accounts a ON a.id = t.account_id${this.extensions.map((e) => ` ${e.join}`).join('')}
        WHERE t.token_hash = $1 AND t.revoked_at IS NULL AND t.expires_at > $2 AND a.status = 'active'`;
    return this.sql;
  }

  async authenticate(token: string): Promise<AuthenticatedAccount | undefined> {
    if (!token.startsWith(PREFIX) || token.length > 200) return undefined;
    // prepared: every authenticated request runs it, and PostgreSQL then plans it once per connection
    const rows = await this.uow.preparedRead<{ token_id: string; account_id: string; role: Role; locale: Locale } & Record<string, unknown>>(
      this.statementName(),
      this.query(),
      [hashToken(token), this.clock.now()],
    );
    const row = rows[0];
    if (!row) return undefined;
    const principal: AuthenticatedAccount = { accountId: row.account_id, role: row.role, locale: row.locale, tokenId: row.token_id };
    for (const e of this.extensions) e.apply(row, principal);
    return principal;
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
    const res = await this.uow.statement<[unknown, number]>(
      `DELETE FROM access_tokens
        WHERE expires_at < $1::timestamptz - interval '1 day' OR revoked_at < $1::timestamptz - interval '1 day'`,
      [this.clock.now()],
    );
    return res[1];
  }
}
