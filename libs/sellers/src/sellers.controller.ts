import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CountryErrorCode, REGISTRATION_BODY } from '@app/countries';
import { BusinessProfileService, BusinessProfileView } from './business-profile.service';
import { AuthErrorCode } from '@app/accounts';
import { ApiErrors, CommonErrorCode, Ctx, Public, Role, Roles } from '@app/kernel';
import type { RequestContext } from '@app/kernel';
import { DeleteAccountDto, EligibilityQueryDto, EligibilityView, ListSellersQueryDto, SellerView, SignupDto, SignupView } from './dto';
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
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, AuthErrorCode.EMAIL_TAKEN, AuthErrorCode.WEAK_PASSWORD, CountryErrorCode.NOT_ENABLED, SellerErrorCode.NOT_ELIGIBLE)
  signup(@Ctx() ctx: RequestContext, @Body() body: SignupDto): Promise<SignupView> {
    return this.sellers.signup(ctx, body);
  }

  @Public()
  @Get('signup/eligibility')
  @ApiOperation({ summary: 'Before signing up: can a seller of this kind (or legal form) register in the country? Lists its legal forms with eligibility, and why not.' })
  @ApiOkResponse({ type: EligibilityView })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, CountryErrorCode.NOT_ENABLED)
  eligibility(@Ctx() ctx: RequestContext, @Query() q: EligibilityQueryDto): Promise<EligibilityView> {
    return this.sellers.eligibility(ctx, q);
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

  @Delete('me')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete the caller’s seller account (password-confirmed; only before a verification was submitted). Personal data and sessions are removed; audited.' })
  @ApiNoContentResponse()
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, SellerErrorCode.PASSWORD_INCORRECT, SellerErrorCode.HAS_KYC_HISTORY, SellerErrorCode.SELLER_NOT_FOUND)
  async deleteMe(@Ctx() ctx: RequestContext, @Body() body: DeleteAccountDto): Promise<void> {
    await this.sellers.deleteOwnAccount(ctx, body.password);
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
