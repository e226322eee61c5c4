import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { AccessTokens } from './access-tokens';
import { AccountsService } from './accounts.service';
import { AuthController } from './auth.controller';
import { AuthGuard, RequestAuthenticator } from './auth.guard';
import { AuthService } from './auth.service';
import { BootstrapOpsAdmin } from './bootstrap-ops-admin';
import { AccessTokenEntity } from './entities/access-token.entity';
import { AccountEntity } from './entities/account.entity';
import { LoginThrottleEntity } from './entities/login-throttle.entity';
import { LoginThrottle } from './login-throttle';
import { PurgeAuthStateJob } from './maintenance.job';
import { OpsAccountsController } from './ops-accounts.controller';

@Module({
  imports: [TypeOrmModule.forFeature([AccountEntity, AccessTokenEntity, LoginThrottleEntity]), AuditModule],
  controllers: [AuthController, OpsAccountsController],
  providers: [AccountsService, AuthService, AccessTokens, LoginThrottle, RequestAuthenticator, AuthGuard, BootstrapOpsAdmin, PurgeAuthStateJob],
  exports: [AccountsService, AccessTokens, RequestAuthenticator, AuthGuard],
})
export class AccountsModule {}
