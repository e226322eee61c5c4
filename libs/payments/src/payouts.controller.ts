import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Req } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Type } from 'class-transformer';
import { ApiErrors, BaseQueryDto, CommonErrorCode, Ctx, Public, Role, Roles, Translator } from '@app/kernel';
import type { RequestContext } from '@app/kernel';
import { CountryErrorCode } from '@app/countries';
import type { WebhookInboxEntity } from '@app/jobs';
import { BankAccountsService, REJECTION_REASONS } from './bank-accounts.service';
import type { RejectionReason } from './bank-accounts.service';
import { paymentError, PaymentErrorCode } from './errors';
import { BLOCKING_REASONS, EFFECTIVE_PAYOUT_STATUSES } from './gate';
import { NEXT_ACTION_ENDPOINTS, NEXT_ACTIONS } from './next-action';
import { PAYOUT_STATUSES } from './status';
import { PayoutOverview, PayoutsService } from './payouts.service';
import { WebhookInbox } from './webhooks.service';

export class StartPayoutsDto {
  @ApiPropertyOptional({ example: 'EUR', description: "Payout currency; must be one the seller's country allows (default: its first)." })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z]{3}$/)
  currency?: string;
}

export class BankAccountDto {
  @ApiProperty({ example: 'Anadolu Tekstil Ltd. Şti.' }) @IsString() @MinLength(2) @MaxLength(200) holderName: string;
  @ApiPropertyOptional({ example: 'TR330006100519786457841326', description: 'IBAN countries' }) @IsOptional() @IsString() @MaxLength(64) iban?: string;
  @ApiPropertyOptional({ example: '044525225', description: 'RU: БИК' }) @IsOptional() @IsString() @MaxLength(20) bik?: string;
  @ApiPropertyOptional({ example: '40702810400000000001', description: 'RU: расчётный счёт' }) @IsOptional() @IsString() @MaxLength(40) account?: string;
  @ApiPropertyOptional({ example: 'TRY' }) @IsOptional() @IsString() @Matches(/^[A-Za-z]{3}$/) currency?: string;
}

class RejectBankAccountDto {
  @ApiProperty({ enum: REJECTION_REASONS, description: 'Shown to the seller in their language.' }) @IsIn(REJECTION_REASONS) reason: RejectionReason;
  @ApiPropertyOptional({ description: 'Internal note: kept in the audit log, never shown to the seller.' }) @IsOptional() @IsString() @MaxLength(1000) note?: string;
}

class BankAccountListQuery extends BaseQueryDto {
  @ApiPropertyOptional({ enum: ['pending_review', 'verified', 'rejected'] }) @IsOptional() @IsIn(['pending_review', 'verified', 'rejected']) status?: 'pending_review' | 'verified' | 'rejected';
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}

class ChecklistItemView {
  @ApiProperty({ example: 'bank_account' }) task: string;
  @ApiProperty({ enum: ['past_due', 'currently_due', 'pending_verification', 'eventually_due'] }) due: string;
  @ApiProperty({ example: 'Aggiungi un conto bancario per i pagamenti.' }) message: string;
  @ApiProperty({ type: [String], example: ['external_account'] }) requirements: string[];
  @ApiProperty({ type: [String] }) errors: string[];
}

class BlockingReasonView {
  @ApiProperty({ enum: BLOCKING_REASONS, example: 'KYC_PENDING' }) code: string;
  @ApiProperty({ description: "In the caller's language.", example: 'Waiting for identity verification.' }) message: string;
}

class NextActionView {
  @ApiProperty({ enum: NEXT_ACTIONS, example: 'add_bank_account' }) code: string;
  @ApiProperty({ description: "In the caller's language.", example: 'Add the bank account your payouts should go to.' }) message: string;
  @ApiPropertyOptional({ example: 'PUT /v1/sellers/me/payouts/bank-account', description: 'The request that does it (absent when there is nothing to call).' }) endpoint?: string;
}

export class PayoutOverviewView {
  @ApiProperty({ example: 'IT' }) country: string;
  @ApiProperty({ enum: ['stripe_connect', 'bank_transfer'], nullable: true, description: "The country's payout rail (its pack's first); null when the country has none (e.g. RU)." }) rail: string | null;
  @ApiProperty({ description: 'Whether this deployment runs the rail (false: "not configured", e.g. stripe_connect without STRIPE_SECRET_KEY; status is then `unavailable`).' }) railConfigured: boolean;
  @ApiProperty({ type: NextActionView, description: 'What to do next, from the first call: start_onboarding (opens hosted onboarding; the first link also starts the setup), add_bank_account (bank details may be sent first), wait_for_review, complete_verification, …' })
  nextAction: NextActionView;
  @ApiProperty({
    enum: EFFECTIVE_PAYOUT_STATUSES,
    description: 'One status: the payout setup stage while the rail is not ready; then `enabled` only when the seller’s identity verification is approved too, otherwise `on_hold`.',
  })
  status: string;
  @ApiPropertyOptional({ enum: PAYOUT_STATUSES, description: 'The payout account’s own setup status (absent before setup).' }) railStatus?: string;
  @ApiPropertyOptional({ example: { reason: 'SANCTIONS_POLICY', message: '…' } }) unavailable?: { reason: string; message: string };
  @ApiProperty({ nullable: true, example: 'EUR' }) currency: string | null;
  @ApiProperty({ description: 'True only when status is `enabled`.' }) payoutsEnabled: boolean;
  @ApiPropertyOptional({ type: BlockingReasonView, description: 'Why payouts are not flowing (explains `status`); absent when enabled.' }) blockingReason?: BlockingReasonView;
  @ApiProperty({ type: [BlockingReasonView], description: 'Every reason payouts are not flowing, the one in blockingReason first.' }) blockingReasons: BlockingReasonView[];
  @ApiProperty({ type: [ChecklistItemView] }) checklist: ChecklistItemView[];
  @ApiPropertyOptional({ description: 'Bank-transfer rail: the submitted bank details, masked.' })
  bankAccount?: { holderName: string; numberMasked: string; currency: string; status: string; rejectionReason: string | null; rejectionMessage?: string };
}

class HolderNameCheckView {
  @ApiProperty({ nullable: true, example: 'Anadolu Tekstil Ltd. Şti.' }) legalName: string | null;
  @ApiProperty({ enum: ['match', 'mismatch', 'no_legal_name'] }) result: string;
}

class BankAccountReviewView {
  @ApiPropertyOptional({ format: 'uuid', description: 'Present in ops views.' }) sellerId?: string;
  @ApiProperty({ example: 'TR' }) country: string;
  @ApiProperty({ example: 'Anadolu Tekstil Ltd. Şti.' }) holderName: string;
  @ApiProperty({ example: 'TR33 •••• 1326' }) numberMasked: string;
  @ApiProperty({ example: 'TRY' }) currency: string;
  @ApiProperty({ enum: ['pending_review', 'verified', 'rejected'] }) status: string;
  @ApiProperty({ nullable: true, enum: REJECTION_REASONS }) rejectionReason: string | null;
  @ApiProperty() submittedAt: string;
  @ApiProperty({ nullable: true }) reviewedAt: string | null;
  @ApiPropertyOptional({ type: HolderNameCheckView, description: 'Ops views: the holder name compared with the seller’s legal name (case, accents, legal-form words, word order and script ignored).' })
  holderNameCheck?: HolderNameCheckView;
  @ApiPropertyOptional({ enum: ['HOLDER_NAME_MISMATCH'], isArray: true, description: 'Ops views: why the details need a look.' }) reviewReasons?: string[];
}

class BankAccountNumberView {
  @ApiProperty({ format: 'uuid' }) sellerId: string;
  @ApiProperty({ description: 'The full account number (IBAN or local); never log or store it.' }) number: string;
  @ApiProperty() holderName: string;
}

class WebhookReceiptView {
  @ApiProperty({ enum: [true] }) received: true;
  @ApiProperty({ description: 'The event id was stored before (a redelivery); it is not applied twice.' }) duplicate: boolean;
}

class WebhookEventView {
  @ApiProperty({ example: 'evt_1PQ…', description: 'Stripe: the event id; identity vendors: provider:result id.' }) id: string;
  @ApiProperty({ enum: ['stripe', 'sumsub'] }) provider: string;
  @ApiProperty({ example: 'account.updated' }) type: string;
  @ApiProperty({ nullable: true, example: 'acct_1PQ…' }) account: string | null;
  @ApiProperty() livemode: boolean;
  @ApiProperty({ description: 'When the provider created the event (an identity vendor: when it decided).' }) eventCreated: string;
  @ApiProperty({ enum: ['received', 'processed', 'parked', 'dead'] }) status: string;
  @ApiProperty({ nullable: true, example: 'applied', description: 'What processing did (Stripe: applied, stale, unknown_account, unhandled_type, malformed, …; identity vendors: applied, recorded, duplicate, late, not_applicable, unknown_applicant, malformed).' }) outcome: string | null;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true }) lastError: string | null;
  @ApiProperty() receivedAt: string;
  @ApiProperty({ nullable: true }) processedAt: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'The event as Stripe sent it (single-event view only).' }) payload?: unknown;
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
    private readonly banks: BankAccountsService,
    private readonly translator: Translator,
  ) {}

  private async render(ctx: RequestContext, o: PayoutOverview): Promise<PayoutOverviewView> {
    // the country's own explanation where it has one (e.g. RU's sanctions policy), else ours
    const reasons = o.blockingReasons.map((code) => ({
      code,
      message: o.unavailable && code === o.unavailable.reason ? String(this.translator.param(ctx.locale, o.unavailable.message)) : this.translator.t(ctx.locale, `payouts.block.${code}`),
    }));
    const bank = o.rail === 'bank_transfer' && o.sellerId ? await this.banks.forSeller(o.sellerId) : null;
    return {
      ...(bank
        ? {
            bankAccount: {
              holderName: bank.holderName,
              numberMasked: bank.numberMasked,
              currency: bank.currency,
              status: bank.status,
              rejectionReason: bank.rejectionReason,
              ...(bank.rejectionReason ? { rejectionMessage: this.translator.t(ctx.locale, `payouts.bank.rejection.${bank.rejectionReason}`) } : {}),
            },
          }
        : {}),
      country: o.country,
      rail: o.rail,
      railConfigured: o.railConfigured,
      nextAction: {
        code: o.nextAction,
        message: this.translator.t(ctx.locale, `payouts.next.${o.nextAction}`),
        ...(NEXT_ACTION_ENDPOINTS[o.nextAction] ? { endpoint: NEXT_ACTION_ENDPOINTS[o.nextAction] } : {}),
      },
      status: o.status,
      ...(o.railStatus ? { railStatus: o.railStatus } : {}),
      ...(o.unavailable ? { unavailable: { reason: o.unavailable.reason, message: String(this.translator.param(ctx.locale, o.unavailable.message)) } } : {}),
      currency: o.currency,
      payoutsEnabled: o.payoutsEnabled,
      ...(reasons.length ? { blockingReason: reasons[0] } : {}),
      blockingReasons: reasons,
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
  @ApiOperation({ summary: 'A fresh hosted onboarding link for the caller’s own connected account (the first call also starts the setup)' })
  @ApiOkResponse({ type: OnboardingLinkView })
  @ApiErrors(PaymentErrorCode.RAIL_UNAVAILABLE, PaymentErrorCode.BUSINESS_PROFILE_REQUIRED, PaymentErrorCode.SETUP_REQUIRED, PaymentErrorCode.WRONG_RAIL, PaymentErrorCode.PROCESSOR_UNAVAILABLE, PaymentErrorCode.PROCESSOR_REFUSED)
  link(@Ctx() ctx: RequestContext): Promise<OnboardingLinkView> {
    return this.payouts.onboardingLink(ctx);
  }

  @Put('bank-account')
  @ApiOperation({ summary: 'Bank-transfer rail: submit bank details (validated by the country rules, stored encrypted, reviewed by ops); may come first — it starts the setup' })
  @ApiOkResponse({ type: BankAccountReviewView })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, PaymentErrorCode.BANK_ACCOUNT_INVALID, PaymentErrorCode.RAIL_UNAVAILABLE, PaymentErrorCode.BUSINESS_PROFILE_REQUIRED, PaymentErrorCode.WRONG_RAIL)
  async bankAccount(@Ctx() ctx: RequestContext, @Body() body: BankAccountDto) {
    return this.banks.submit(ctx, body);
  }
}

@ApiTags('ops')
@Controller({ path: 'ops/payouts/bank-accounts', version: '1' })
@Roles(Role.OPS_REVIEWER, Role.OPS_ADMIN)
export class OpsBankAccountsController {
  constructor(private readonly banks: BankAccountsService) {}

  @Get()
  @ApiOperation({ summary: 'Bank details to review, oldest first (masked)' })
  @ApiOkResponse({ type: [BankAccountReviewView] })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED)
  list(@Query() q: BankAccountListQuery) {
    return this.banks.list(q.status, q.limit ?? 50);
  }

  @Get(':sellerId/number')
  @ApiOperation({ summary: 'The full account number, to check against the bank letter (audited)' })
  @ApiOkResponse({ type: BankAccountNumberView })
  @ApiErrors(PaymentErrorCode.BANK_ACCOUNT_NOT_FOUND)
  reveal(@Ctx() ctx: RequestContext, @Param('sellerId', new ParseUUIDPipe({ exceptionFactory: () => paymentError(PaymentErrorCode.BANK_ACCOUNT_NOT_FOUND) })) sellerId: string) {
    return this.banks.reveal(ctx, sellerId);
  }

  @Post(':sellerId/verify')
  @HttpCode(200)
  @ApiOperation({ summary: 'Bank details checked: the bank-transfer rail becomes enabled (audited)' })
  @ApiOkResponse({ type: BankAccountReviewView })
  @ApiErrors(PaymentErrorCode.BANK_ACCOUNT_NOT_FOUND, PaymentErrorCode.BANK_ACCOUNT_NOT_PENDING)
  verify(@Ctx() ctx: RequestContext, @Param('sellerId', new ParseUUIDPipe({ exceptionFactory: () => paymentError(PaymentErrorCode.BANK_ACCOUNT_NOT_FOUND) })) sellerId: string) {
    return this.banks.verify(ctx, sellerId);
  }

  @Post(':sellerId/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Refuse the bank details with a reason the seller reads in their language (audited)' })
  @ApiOkResponse({ type: BankAccountReviewView })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, PaymentErrorCode.BANK_ACCOUNT_NOT_FOUND, PaymentErrorCode.BANK_ACCOUNT_NOT_PENDING)
  reject(
    @Ctx() ctx: RequestContext,
    @Param('sellerId', new ParseUUIDPipe({ exceptionFactory: () => paymentError(PaymentErrorCode.BANK_ACCOUNT_NOT_FOUND) })) sellerId: string,
    @Body() body: RejectBankAccountDto,
  ) {
    return this.banks.reject(ctx, sellerId, body.reason, body.note);
  }
}

/**
 * The Stripe webhook route as Nest sees it: its OpenAPI entry, and the intake for path variants.
 * The exact path is answered first by StripeWebhookRoute, a fast route in front of Express that
 * calls the same `WebhookInbox.receive`.
 */
@ApiTags('webhooks')
@Controller({ path: 'webhooks', version: '1' })
@Public()
export class WebhooksController {
  constructor(private readonly inbox: WebhookInbox) {}

  @Post('stripe')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stripe webhook endpoint: verified on the raw body, stored once, processed asynchronously' })
  @ApiHeader({ name: 'Stripe-Signature', required: true })
  @ApiOkResponse({ type: WebhookReceiptView })
  @ApiErrors(PaymentErrorCode.WEBHOOK_SIGNATURE_INVALID)
  stripe(@Req() req: Request & { rawBody?: Buffer }, @Headers('stripe-signature') signature?: string) {
    return this.inbox.receive(req.rawBody, signature);
  }
}

class WebhookListQuery extends BaseQueryDto {
  @ApiPropertyOptional({ enum: ['received', 'processed', 'parked', 'dead'] }) @IsOptional() @IsIn(['received', 'processed', 'parked', 'dead']) status?: 'received' | 'processed' | 'parked' | 'dead';
  @ApiPropertyOptional({ example: 'account.updated' }) @IsOptional() @IsString() @Matches(/^[a-z0-9_.]{1,100}$/) type?: string;
  @ApiPropertyOptional({ enum: ['stripe', 'sumsub'], description: 'Whose events: Stripe or the identity-verification vendor.' }) @IsOptional() @IsIn(['stripe', 'sumsub']) provider?: string;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
}

const inboxView = (r: WebhookInboxEntity, withPayload = false) => ({
  id: r.id,
  provider: r.provider,
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
  @ApiOkResponse({ type: [WebhookEventView] })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED)
  async list(@Query() q: WebhookListQuery) {
    return (await this.inbox.list({ status: q.status, type: q.type, provider: q.provider, limit: q.limit ?? 50 })).map((r) => inboxView(r));
  }

  @Get(':id')
  @ApiOperation({ summary: 'One inbox event with its payload' })
  @ApiOkResponse({ type: WebhookEventView })
  @ApiErrors(PaymentErrorCode.WEBHOOK_EVENT_NOT_FOUND)
  async get(@Param('id') id: string) {
    return inboxView(await this.inbox.get(id), true);
  }

  @Post(':id/replay')
  @Roles(Role.OPS_ADMIN)
  @HttpCode(200)
  @ApiOperation({ summary: 'Queue a dead or parked event again (audited)' })
  @ApiOkResponse({ type: WebhookEventView })
  @ApiErrors(PaymentErrorCode.WEBHOOK_EVENT_NOT_FOUND)
  async replay(@Ctx() ctx: RequestContext, @Param('id') id: string) {
    return inboxView(await this.inbox.replay(ctx, id));
  }
}

