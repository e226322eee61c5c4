import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors, CommonErrorCode, Ctx, Role, Roles } from '@app/kernel';
import type { RequestContext } from '@app/kernel';
import { SellerErrorCode } from '@app/sellers';
import { CatalogErrorCode } from '../errors';
import { MarketCodePipe } from '../markets/markets.controller';
import { ProductPricesView, PutFixedPricesDto } from './dto';
import { FixedPricesService } from './fixed-prices.service';

const COMMON = [CatalogErrorCode.PRODUCT_NOT_FOUND, CatalogErrorCode.MARKET_NOT_FOUND, SellerErrorCode.SELLER_NOT_FOUND] as const;

@ApiTags('catalog')
@Controller({ path: 'sellers/me/products', version: '1' })
@Roles(Role.SELLER)
export class PricesController {
  constructor(private readonly fixed: FixedPricesService) {}

  @Get(':id/prices/:market')
  @ApiOperation({ summary: "The product's prices in one market, per variant (stored price as previous, recomputed now), with any fixed prices" })
  @ApiParam({ name: 'market', example: 'IT' })
  @ApiOkResponse({ type: ProductPricesView })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, ...COMMON)
  get(@Ctx() ctx: RequestContext, @Param('id') id: string, @Param('market', MarketCodePipe) market: string): Promise<ProductPricesView> {
    return this.fixed.get(ctx, id, market);
  }

  @Put(':id/prices/:market')
  @ApiOperation({ summary: "Set fixed prices per variant SKU in the market's currency (no FX, no rounding); variants not named keep theirs" })
  @ApiParam({ name: 'market', example: 'IT' })
  @ApiOkResponse({ type: ProductPricesView })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, CatalogErrorCode.CURRENCY_NOT_ENABLED_FOR_MARKET, CatalogErrorCode.PRICE_OVERRIDE_INVALID, CatalogErrorCode.PRICE_PRECISION_EXCEEDED, ...COMMON)
  put(@Ctx() ctx: RequestContext, @Param('id') id: string, @Param('market', MarketCodePipe) market: string, @Body() body: PutFixedPricesDto): Promise<ProductPricesView> {
    return this.fixed.put(ctx, id, market, body);
  }

  @Delete(':id/prices/:market')
  @ApiOperation({ summary: "Remove the product's fixed prices in the market: its variants are converted again" })
  @ApiParam({ name: 'market', example: 'IT' })
  @ApiOkResponse({ type: ProductPricesView })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, ...COMMON)
  remove(@Ctx() ctx: RequestContext, @Param('id') id: string, @Param('market', MarketCodePipe) market: string): Promise<ProductPricesView> {
    return this.fixed.remove(ctx, id, market);
  }
}
