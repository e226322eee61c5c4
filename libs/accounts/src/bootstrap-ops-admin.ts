import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, Role, systemContext } from '@app/kernel';
import type { AppConfig } from '@app/kernel';
import { AccountsService } from './accounts.service';
import { passwordProblem } from './passwords';

/** Creates the first ops_admin from BOOTSTRAP_OPS_ADMIN_EMAIL/PASSWORD at boot, once. */
@Injectable()
export class BootstrapOpsAdmin implements OnApplicationBootstrap {
  private readonly logger = new Logger(BootstrapOpsAdmin.name);

  constructor(
    private readonly accounts: AccountsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.bootstrapOpsAdmin;
    if (!admin) return;
    const problem = passwordProblem(admin.password, admin.email);
    if (problem) {
      throw new Error(`BOOTSTRAP_OPS_ADMIN_PASSWORD is refused by the password policy (${problem}); choose another`);
    }
    const { created, account } = await this.accounts.ensureOpsAccount(systemContext('bootstrap'), {
      email: admin.email,
      password: admin.password,
      role: Role.OPS_ADMIN,
      locale: 'en',
    });
    if (created) this.logger.log(`bootstrap ops_admin account created (${account.id})`);
    else if (account.role !== Role.OPS_ADMIN) {
      this.logger.warn(`BOOTSTRAP_OPS_ADMIN_EMAIL belongs to an existing ${account.role} account; it was left unchanged`);
    }
  }
}
