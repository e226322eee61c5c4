import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { APP_CONFIG, CLOCK } from '@app/kernel';
import type { AppConfig, Clock } from '@app/kernel';
import { UnitOfWork } from '@app/persistence';
import { authError, AuthErrorCode } from './errors';

const hashKey = (kind: 'email' | 'ip', value: string) =>
  `${kind}:${createHash('sha256').update(value).digest('hex').slice(0, 64)}`;

/**
 * Counts failed logins per email and per client IP in PostgreSQL (so every API process shares the
 * count). Past the limit the key is blocked for one window and every login for it gets 429 —
 * whether or not the email exists, so the throttle reveals nothing either.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  keys(emailNormalized: string, ip: string | undefined): { key: string; limit: number }[] {
    const limit = this.config.auth.loginMaxFailures;
    const keys = [{ key: hashKey('email', emailNormalized), limit }];
    if (ip) keys.push({ key: hashKey('ip', ip), limit: limit * 4 });
    return keys;
  }

  async assertAllowed(keys: { key: string }[]): Promise<void> {
    const rows: { blocked_until: Date }[] = await this.uow.reader.query(
      'SELECT blocked_until FROM login_throttle WHERE key = ANY($1) AND blocked_until > $2',
      [keys.map((k) => k.key), this.clock.now()],
    );
    if (rows.length === 0) return;
    const until = Math.max(...rows.map((r) => new Date(r.blocked_until).getTime()));
    const retryAfter = Math.max(1, Math.ceil((until - this.clock.now().getTime()) / 1000));
    throw authError(AuthErrorCode.TOO_MANY_ATTEMPTS, { retryAfter }, [], { 'Retry-After': String(retryAfter) });
  }

  /** Atomically counts one failure per key (one upsert each; safe under concurrent logins). */
  async recordFailure(keys: { key: string; limit: number }[]): Promise<void> {
    const now = this.clock.now();
    const windowSeconds = this.config.auth.loginFailureWindowSeconds;
    await this.uow.run(async (tx) => {
      for (const { key, limit } of keys) {
        await tx.query(
          `INSERT INTO login_throttle (key, failures, window_started_at, blocked_until)
           VALUES ($1, 1, $2, CASE WHEN 1 >= $4 THEN $2::timestamptz + make_interval(secs => $3) END)
           ON CONFLICT (key) DO UPDATE SET
             failures = CASE WHEN login_throttle.window_started_at <= $2::timestamptz - make_interval(secs => $3)
                             THEN 1 ELSE login_throttle.failures + 1 END,
             window_started_at = CASE WHEN login_throttle.window_started_at <= $2::timestamptz - make_interval(secs => $3)
                             THEN $2 ELSE login_throttle.window_started_at END,
             blocked_until = CASE
               WHEN (CASE WHEN login_throttle.window_started_at <= $2::timestamptz - make_interval(secs => $3)
                          THEN 1 ELSE login_throttle.failures + 1 END) >= $4
               THEN $2::timestamptz + make_interval(secs => $3)
               ELSE login_throttle.blocked_until END`,
          [key, now, windowSeconds, limit],
        );
      }
    });
  }

  async reset(key: string): Promise<void> {
    await this.uow.statement('DELETE FROM login_throttle WHERE key = $1', [key]);
  }

  /** Drops rows whose window and block are both over (run by the worker). */
  async purgeStale(): Promise<number> {
    const res = await this.uow.statement<[unknown, number]>(
      `DELETE FROM login_throttle
       WHERE window_started_at < $1::timestamptz - make_interval(secs => $2)
         AND (blocked_until IS NULL OR blocked_until < $1)`,
      [this.clock.now(), this.config.auth.loginFailureWindowSeconds],
    );
    return res[1];
  }
}
