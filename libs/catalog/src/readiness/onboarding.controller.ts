import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, CommonErrorCode, Ctx, Role, Roles } from '@app/kernel';
import type { RequestContext } from '@app/kernel';
import { SellerErrorCode } from '@app/sellers';
import { CatalogErrorCode } from '../errors';
import { OnboardingService, OnboardingView, SellerMarketsDto, SellerMarketsView } from './onboarding.service';

@ApiTags('catalog')
@Controller({ path: 'sellers/me/markets', version: '1' })
@Roles(Role.SELLER)
export class SellerMarketsController {
  constructor(private readonly onboarding: OnboardingService) {}

  @Get()
  @ApiOperation({ summary: 'The markets the seller chose to sell in' })
  @ApiOkResponse({ type: SellerMarketsView })
  @ApiErrors(SellerErrorCode.SELLER_NOT_FOUND)
  list(@Ctx() ctx: RequestContext): Promise<SellerMarketsView> {
    return this.onboarding.chosenMarkets(ctx);
  }

  @Put()
  @ApiOperation({ summary: 'Choose the markets to sell in (replaces the choice; only published, enabled markets; audited)' })
  @ApiOkResponse({ type: SellerMarketsView })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, CatalogErrorCode.MARKET_NOT_AVAILABLE, SellerErrorCode.SELLER_NOT_FOUND)
  choose(@Ctx() ctx: RequestContext, @Body() body: SellerMarketsDto): Promise<SellerMarketsView> {
    return this.onboarding.choose(ctx, body);
  }
}

@ApiTags('catalog')
@Controller({ path: 'sellers/me/onboarding', version: '1' })
@Roles(Role.SELLER)
export class OnboardingController {
  constructor(private readonly onboarding: OnboardingService) {}

  @Get()
  @ApiOperation({ summary: "The go-live checklist per chosen market: business profile, KYC, payouts and listings (counts by status, top blocking codes), with the next action in the caller's language" })
  @ApiOkResponse({ type: OnboardingView })
  @ApiErrors(SellerErrorCode.SELLER_NOT_FOUND)
  get(@Ctx() ctx: RequestContext): Promise<OnboardingView> {
    return this.onboarding.onboarding(ctx);
  }
}
