import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, CommonErrorCode, Ctx, Role, Roles } from '@app/kernel';
import type { RequestContext } from '@app/kernel';
import { AccountsService } from './accounts.service';
import { AccountView, CreateOpsAccountDto, ListAccountsQueryDto } from './dto';
import { AuthErrorCode } from './errors';

@ApiTags('ops')
@Controller({ path: 'ops/accounts', version: '1' })
@Roles(Role.OPS_ADMIN)
export class OpsAccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @ApiOperation({ summary: 'List accounts (ops_admin)' })
  @ApiOkResponse({ type: [AccountView] })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED)
  async list(@Query() q: ListAccountsQueryDto): Promise<AccountView[]> {
    const rows = await this.accounts.list({ role: q.role, limit: q.limit ?? 50, offset: q.offset ?? 0 });
    return rows.map(AccountView.of);
  }

  @Post()
  @ApiOperation({ summary: 'Create an ops_reviewer or ops_admin account (audited)' })
  @ApiCreatedResponse({ type: AccountView })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, AuthErrorCode.EMAIL_TAKEN, AuthErrorCode.WEAK_PASSWORD)
  async create(@Ctx() ctx: RequestContext, @Body() body: CreateOpsAccountDto): Promise<AccountView> {
    const account = await this.accounts.createOpsMember(ctx, { ...body, locale: body.locale ?? 'en' });
    return AccountView.of(account);
  }
}
