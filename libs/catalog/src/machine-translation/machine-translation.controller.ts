import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors, Ctx, Role, Roles } from '@app/kernel';
import type { RequestContext } from '@app/kernel';
import { SellerErrorCode } from '@app/sellers';
import { CatalogErrorCode } from '../errors';
import { MachineFillView, MachineTranslationService } from './machine-translation.service';

@ApiTags('catalog')
@Controller({ path: 'sellers/me/products/:id/translations/:locale/machine', version: '1' })
@Roles(Role.SELLER)
export class MachineTranslationController {
  constructor(private readonly mt: MachineTranslationService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Fill the missing or outdated translations of one locale by machine translation (status machine, current sourceHash). Legal fields are never machine-translated; brand, sizes, numbers with units and percentages are kept verbatim. 409 when MT_PROVIDER=none.',
  })
  @ApiParam({ name: 'locale', example: 'it', description: 'BCP 47 content locale (not the source locale)' })
  @ApiOkResponse({ type: MachineFillView })
  @ApiErrors(
    CatalogErrorCode.MT_NOT_CONFIGURED,
    CatalogErrorCode.MT_LOCALE_UNSUPPORTED,
    CatalogErrorCode.MT_PROVIDER_FAILED,
    CatalogErrorCode.PRODUCT_NOT_FOUND,
    CatalogErrorCode.TRANSLATION_INVALID,
    SellerErrorCode.SELLER_NOT_FOUND,
  )
  fill(@Ctx() ctx: RequestContext, @Param('id') id: string, @Param('locale') locale: string): Promise<MachineFillView> {
    return this.mt.fill(ctx, id, locale);
  }
}
