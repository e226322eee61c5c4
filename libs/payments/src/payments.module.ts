import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { CountriesModule } from '@app/countries';
import { KycModule } from '@app/kyc';
import { SellerErasure, SellersModule } from '@app/sellers';
import { PayoutAccountEntity } from './entities/payout-account.entity';
import { PayoutHoldEntity } from './entities/payout-hold.entity';
import { BankAccountsService } from './bank-accounts.service';
import { BankAccountNumbersKeyRotation } from './bank-accounts.key-rotation';
import { ComplianceHoldJob } from './compliance-hold.job';
import { SellerActivationJob } from './seller-activation.job';
import { BankAccountEntity } from './entities/bank-account.entity';
import { OpsBankAccountsController, OpsWebhooksController, SellerPayoutsController, WebhooksController } from './payouts.controller';
import { PayoutsService } from './payouts.service';
import { CONNECT_GATEWAY } from './ports';
import { StripeConnectGateway } from './stripe/stripe-connect.gateway';
import { StripeWebhookRoute } from './stripe-webhook.route';
import { ReconcileEventsJob, StripeInboxHandler, WebhookInbox } from './webhooks.service';

@Module({
  imports: [TypeOrmModule.forFeature([PayoutAccountEntity, PayoutHoldEntity, BankAccountEntity]), AuditModule, CountriesModule, SellersModule, KycModule],
  controllers: [SellerPayoutsController, WebhooksController, OpsWebhooksController, OpsBankAccountsController],
  providers: [
    { provide: CONNECT_GATEWAY, useClass: StripeConnectGateway },
    PayoutsService,
    BankAccountsService,
    BankAccountNumbersKeyRotation,
    WebhookInbox,
    StripeWebhookRoute,
    StripeInboxHandler,
    ReconcileEventsJob,
    ComplianceHoldJob,
    SellerActivationJob,
  ],
  exports: [PayoutsService, StripeWebhookRoute, BankAccountNumbersKeyRotation],
})
export class PaymentsModule implements OnModuleInit {
  constructor(private readonly erasure: SellerErasure) {}

  /**
   * Account deletion: the seller's payout setup and bank details go with it. A Stripe connected
   * account, if one was created, stays at Stripe (its id is in the audit trail of the webhooks).
   */
  onModuleInit(): void {
    this.erasure.register({
      name: 'payments',
      refuse: async () => null,
      erase: async (tx, sellerId) => {
        for (const table of ['payout_bank_accounts', 'payout_holds', 'payout_accounts']) await tx.query(`DELETE FROM ${table} WHERE seller_id = $1`, [sellerId]);
      },
    });
  }
}
