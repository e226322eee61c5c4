import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, CommonErrorCode, Ctx, Public } from '@app/kernel';
import type { RequestContext } from '@app/kernel';
import type { AuthenticatedRequest } from './auth.guard';
import { AuthService } from './auth.service';
import { AccountsService } from './accounts.service';
import { LoginDto, MeView, TokenView } from './dto';
import { AuthErrorCode } from './errors';

@ApiTags('auth')
@Controller({ path: 'auth', version: '1' })
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly accounts: AccountsService,
  ) {}

  @Get('me')
  @ApiOperation({ summary: 'The signed-in account (seller or ops): id, email, role and preferred language' })
  @ApiOkResponse({ type: MeView })
  @ApiErrors(CommonErrorCode.UNAUTHENTICATED, AuthErrorCode.TOKEN_INVALID)
  async me(@Ctx() ctx: RequestContext): Promise<MeView> {
    return MeView.of(await this.accounts.get(ctx.actor!.accountId));
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ summary: 'Exchange email and password for a bearer access token' })
  @ApiOkResponse({ type: TokenView })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, AuthErrorCode.INVALID_CREDENTIALS, AuthErrorCode.TOO_MANY_ATTEMPTS, AuthErrorCode.ACCOUNT_DISABLED)
  login(@Ctx() ctx: RequestContext, @Body() body: LoginDto): Promise<TokenView> {
    return this.auth.login(ctx, body.email, body.password);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke the access token used for this call' })
  @ApiNoContentResponse()
  @ApiErrors(CommonErrorCode.UNAUTHENTICATED, AuthErrorCode.TOKEN_INVALID)
  async logout(@Req() req: AuthenticatedRequest): Promise<void> {
    await this.auth.logout(req.tokenId as string);
  }
}
