import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { CountriesModule } from '@app/countries';
import { SellersModule } from '@app/sellers';
import { PayoutAccountEntity } from './entities/payout-account.entity';
import { WebhookInboxEntity } from './entities/webhook-inbox.entity';
import { OpsWebhooksController, SellerPayoutsController, WebhooksController } from './payouts.controller';
import { PayoutsService } from './payouts.service';
import { CONNECT_GATEWAY } from './ports';
import { StripeConnectGateway } from './stripe/stripe-connect.gateway';
import { ProcessWebhookJob, ReconcileEventsJob, WebhookInbox } from './webhooks.service';

@Module({
  imports: [TypeOrmModule.forFeature([PayoutAccountEntity, WebhookInboxEntity]), AuditModule, CountriesModule, SellersModule],
  controllers: [SellerPayoutsController, WebhooksController, OpsWebhooksController],
  providers: [
    { provide: CONNECT_GATEWAY, useClass: StripeConnectGateway },
    PayoutsService,
    WebhookInbox,
    ProcessWebhookJob,
    ReconcileEventsJob,
  ],
  exports: [PayoutsService],
})
export class PaymentsModule {}
