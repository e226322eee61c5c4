import { Body, Controller, Get, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CountryErrorCode, REGISTRATION_BODY } from '@app/countries';
import { BusinessProfileService, BusinessProfileView } from './business-profile.service';
import { AuthErrorCode } from '@app/accounts';
import { ApiErrors, CommonErrorCode, Ctx, Public, Role, Roles } from '@app/kernel';
import type { RequestContext } from '@app/kernel';
import { ListSellersQueryDto, SellerView, SignupDto, SignupView } from './dto';
import { SellerErrorCode } from './errors';
import { SellersService } from './sellers.service';

@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class SignupController {
  constructor(private readonly sellers: SellersService) {}

  @Public()
  @Post('signup')
  @ApiOperation({ summary: 'Create a seller account (and sign it in)' })
  @ApiCreatedResponse({ type: SignupView })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, AuthErrorCode.EMAIL_TAKEN, AuthErrorCode.WEAK_PASSWORD, CountryErrorCode.NOT_ENABLED)
  signup(@Ctx() ctx: RequestContext, @Body() body: SignupDto): Promise<SignupView> {
    return this.sellers.signup(ctx, body);
  }
}

@ApiTags('sellers')
@Controller({ path: 'sellers', version: '1' })
@Roles(Role.SELLER)
export class SellersController {
  constructor(
    private readonly sellers: SellersService,
    private readonly business: BusinessProfileService,
  ) {}

  @Get('me/business')
  @ApiOperation({ summary: "The caller's business details, with the country-pack version they were checked under" })
  @ApiOkResponse({ type: BusinessProfileView })
  @ApiErrors(SellerErrorCode.SELLER_NOT_FOUND, SellerErrorCode.BUSINESS_PROFILE_NOT_FOUND)
  getBusiness(@Ctx() ctx: RequestContext): Promise<BusinessProfileView> {
    return this.business.get(ctx);
  }

  @Put('me/business')
  @ApiOperation({ summary: "Submit business details, checked against the rules of the seller's country" })
  @ApiBody({ schema: REGISTRATION_BODY })
  @ApiOkResponse({ type: BusinessProfileView })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, CountryErrorCode.REGISTRATION_INVALID, CountryErrorCode.NOT_ENABLED, CountryErrorCode.IDENTIFIER_IN_USE, SellerErrorCode.SELLER_NOT_FOUND)
  putBusiness(@Ctx() ctx: RequestContext, @Body() body: unknown): Promise<BusinessProfileView> {
    return this.business.put(ctx, body);
  }

  @Get('me')
  @ApiOperation({ summary: "The caller's seller" })
  @ApiOkResponse({ type: SellerView })
  @ApiErrors(SellerErrorCode.SELLER_NOT_FOUND)
  me(@Ctx() ctx: RequestContext): Promise<SellerView> {
    return this.sellers.getForAccount(ctx);
  }
}

@ApiTags('ops')
@Controller({ path: 'ops/sellers', version: '1' })
@Roles(Role.OPS_REVIEWER, Role.OPS_ADMIN)
export class OpsSellersController {
  constructor(private readonly sellers: SellersService) {}

  @Get()
  @ApiOperation({ summary: 'List sellers, newest first (ops)' })
  @ApiOkResponse({ type: [SellerView] })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED)
  list(@Query() q: ListSellersQueryDto): Promise<SellerView[]> {
    return this.sellers.list({ country: q.country, limit: q.limit ?? 50, offset: q.offset ?? 0, reverification: q.reverification === undefined ? undefined : q.reverification === 'true' });
  }
}
