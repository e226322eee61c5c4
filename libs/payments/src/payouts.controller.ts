import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { Type } from 'class-transformer';
import { ApiErrors, BaseQueryDto, CommonErrorCode, Ctx, Public, Role, Roles, Translator } from '@app/kernel';
import type { RequestContext } from '@app/kernel';
import { CountryErrorCode } from '@app/countries';
import type { WebhookInboxEntity } from './entities/webhook-inbox.entity';
import { PaymentErrorCode } from './errors';
import { PayoutOverview, PayoutsService } from './payouts.service';
import { WebhookInbox } from './webhooks.service';

export class StartPayoutsDto {
  @ApiPropertyOptional({ example: 'EUR', description: "Payout currency; must be one the seller's country allows (default: its first)." })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z]{3}$/)
  currency?: string;
}

class ChecklistItemView {
  @ApiProperty({ example: 'bank_account' }) task: string;
  @ApiProperty({ enum: ['past_due', 'currently_due', 'pending_verification', 'eventually_due'] }) due: string;
  @ApiProperty({ example: 'Aggiungi un conto bancario per i pagamenti.' }) message: string;
  @ApiProperty({ type: [String], example: ['external_account'] }) requirements: string[];
  @ApiProperty({ type: [String] }) errors: string[];
}

export class PayoutOverviewView {
  @ApiProperty({ example: 'IT' }) country: string;
  @ApiProperty({ enum: ['stripe_connect', 'bank_transfer'], nullable: true }) rail: string | null;
  @ApiProperty({ enum: ['not_started', 'action_required', 'under_review', 'restricted', 'enabled', 'rejected', 'disconnected', 'unavailable'] }) status: string;
  @ApiPropertyOptional({ example: { reason: 'SANCTIONS_POLICY', message: '…' } }) unavailable?: { reason: string; message: string };
  @ApiProperty({ nullable: true, example: 'EUR' }) currency: string | null;
  @ApiProperty() payoutsEnabled: boolean;
  @ApiProperty({ type: [ChecklistItemView] }) checklist: ChecklistItemView[];
}

class OnboardingLinkView {
  @ApiProperty({ description: 'Single-use; open it at once, never store or log it.' }) url: string;
  @ApiProperty() expiresAt: string;
}

@ApiTags('payouts')
@Controller({ path: 'sellers/me/payouts', version: '1' })
@Roles(Role.SELLER)
export class SellerPayoutsController {
  constructor(
    private readonly payouts: PayoutsService,
    private readonly translator: Translator,
  ) {}

  private render(ctx: RequestContext, o: PayoutOverview): PayoutOverviewView {
    return {
      country: o.country,
      rail: o.rail,
      status: o.status,
      ...(o.unavailable ? { unavailable: { reason: o.unavailable.reason, message: String(this.translator.param(ctx.locale, o.unavailable.message)) } } : {}),
      currency: o.currency,
      payoutsEnabled: o.payoutsEnabled,
      checklist: o.checklist.map(({ messageKey, ...i }) => ({ ...i, message: this.translator.t(ctx.locale, messageKey) })),
    };
  }

  @Get()
  @ApiOperation({ summary: 'Payout rail, status and what is still needed, in the caller language' })
  @ApiOkResponse({ type: PayoutOverviewView })
  @ApiErrors(CountryErrorCode.NOT_FOUND)
  async get(@Ctx() ctx: RequestContext): Promise<PayoutOverviewView> {
    return this.render(ctx, await this.payouts.overview(ctx));
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ summary: "Start payout setup on the country's rail (idempotent: one processor account per seller)" })
  @ApiOkResponse({ type: PayoutOverviewView })
  @ApiErrors(
    CommonErrorCode.VALIDATION_FAILED,
    PaymentErrorCode.RAIL_UNAVAILABLE,
    PaymentErrorCode.CURRENCY_NOT_ALLOWED,
    PaymentErrorCode.BUSINESS_PROFILE_REQUIRED,
    PaymentErrorCode.PROCESSOR_UNAVAILABLE,
    PaymentErrorCode.PROCESSOR_REFUSED,
  )
  async start(@Ctx() ctx: RequestContext, @Body() body: StartPayoutsDto): Promise<PayoutOverviewView> {
    return this.render(ctx, await this.payouts.start(ctx, body));
  }

  @Post('onboarding-link')
  @HttpCode(200)
  @ApiOperation({ summary: 'A fresh hosted onboarding link for the caller’s own connected account' })
  @ApiOkResponse({ type: OnboardingLinkView })
  @ApiErrors(PaymentErrorCode.SETUP_REQUIRED, PaymentErrorCode.WRONG_RAIL, PaymentErrorCode.PROCESSOR_UNAVAILABLE)
  link(@Ctx() ctx: RequestContext): Promise<OnboardingLinkView> {
    return this.payouts.onboardingLink(ctx);
  }
}

@ApiTags('webhooks')
@Controller({ path: 'webhooks', version: '1' })
@Public()
export class WebhooksController {
  constructor(private readonly inbox: WebhookInbox) {}

  @Post('stripe')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stripe webhook endpoint: verified on the raw body, stored once, processed asynchronously' })
  @ApiHeader({ name: 'Stripe-Signature', required: true })
  @ApiErrors(PaymentErrorCode.WEBHOOK_SIGNATURE_INVALID)
  stripe(@Req() req: Request & { rawBody?: Buffer }, @Headers('stripe-signature') signature?: string) {
    return this.inbox.receive(req.rawBody, signature);
  }
}

class WebhookListQuery extends BaseQueryDto {
  @ApiPropertyOptional({ enum: ['received', 'processed', 'parked', 'dead'] }) @IsOptional() @IsIn(['received', 'processed', 'parked', 'dead']) status?: 'received' | 'processed' | 'parked' | 'dead';
  @ApiPropertyOptional({ example: 'account.updated' }) @IsOptional() @IsString() @Matches(/^[a-z0-9_.]{1,100}$/) type?: string;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}

const inboxView = (r: WebhookInboxEntity, withPayload = false) => ({
  id: r.id,
  type: r.type,
  account: r.account,
  livemode: r.livemode,
  eventCreated: new Date(r.eventCreated * 1000).toISOString(),
  status: r.status,
  outcome: r.outcome,
  attempts: r.attempts,
  lastError: r.lastError,
  receivedAt: r.receivedAt.toISOString(),
  processedAt: r.processedAt?.toISOString() ?? null,
  ...(withPayload ? { payload: r.payload } : {}),
});

@ApiTags('ops')
@Controller({ path: 'ops/webhooks', version: '1' })
@Roles(Role.OPS_REVIEWER, Role.OPS_ADMIN)
export class OpsWebhooksController {
  constructor(private readonly inbox: WebhookInbox) {}

  @Get()
  @ApiOperation({ summary: 'Webhook inbox: dead letters, parked and processed events, newest first' })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED)
  async list(@Query() q: WebhookListQuery) {
    return (await this.inbox.list({ status: q.status, type: q.type, limit: q.limit ?? 50 })).map((r) => inboxView(r));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One inbox event with its payload' })
  @ApiErrors(PaymentErrorCode.WEBHOOK_EVENT_NOT_FOUND)
  async get(@Param('id') id: string) {
    return inboxView(await this.inbox.get(id), true);
  }

  @Post(':id/replay')
  @Roles(Role.OPS_ADMIN)
  @HttpCode(200)
  @ApiOperation({ summary: 'Queue a dead or parked event again (audited)' })
  @ApiErrors(PaymentErrorCode.WEBHOOK_EVENT_NOT_FOUND)
  async replay(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return inboxView(await this.inbox.replay(ctx, id));
  }
}

