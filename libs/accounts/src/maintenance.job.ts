import { Injectable, Logger } from '@nestjs/common';
import { JobHandler, JobProcessor } from '@app/jobs';
import { AccessTokens } from './access-tokens';
import { LoginThrottle } from './login-throttle';

export const PURGE_AUTH_STATE_JOB = 'accounts.purge-auth-state';

/** Hourly: drop expired/revoked tokens and finished throttle windows. Idempotent. */
@Injectable()
@JobHandler({ name: PURGE_AUTH_STATE_JOB, schedule: '17 * * * *', retryLimit: 3 })
export class PurgeAuthStateJob implements JobProcessor {
  private readonly logger = new Logger(PurgeAuthStateJob.name);

  constructor(
    private readonly tokens: AccessTokens,
    private readonly throttle: LoginThrottle,
  ) {}

  async handle(): Promise<void> {
    const tokens = await this.tokens.purgeExpired();
    const throttles = await this.throttle.purgeStale();
    this.logger.log(`purged ${tokens} access token(s) and ${throttles} throttle row(s)`);
  }
}
