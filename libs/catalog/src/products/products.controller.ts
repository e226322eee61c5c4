import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiErrors, CommonErrorCode, Ctx, Public, Role, Roles } from '@app/kernel';
import type { RequestContext } from '@app/kernel';
import { SellerErrorCode } from '@app/sellers';
import { CatalogErrorCode } from '../errors';
import { ListingView, ListingsService } from '../listings/listings.service';
import { MarketCodePipe } from '../markets/markets.controller';
import { CATEGORIES, TAXONOMY_VERSION } from '../taxonomy/taxonomy';
import { ListingQueryDto, ListProductsQueryDto, ProductDto, PutTranslationsDto } from './dto';
import { ProductsService } from './products.service';
import { TranslationsService, TranslationsView } from './translations.service';
import { CategoryListView, ProductPageView, ProductView } from './views';

const PRODUCT_WRITE_ERRORS = [
  CommonErrorCode.VALIDATION_FAILED,
  CatalogErrorCode.PRODUCT_INVALID,
  CatalogErrorCode.PRICE_PRECISION_EXCEEDED,
  CatalogErrorCode.SKU_TAKEN,
  CatalogErrorCode.BRAND_NOT_DECLARED,
  CatalogErrorCode.STATUS_TRANSITION,
  SellerErrorCode.SELLER_NOT_FOUND,
];

@ApiTags('catalog')
@Controller({ path: 'sellers/me/products', version: '1' })
@Roles(Role.SELLER)
export class ProductsController {
  constructor(
    private readonly products: ProductsService,
    private readonly translations: TranslationsService,
    private readonly listings: ListingsService,
  ) {}

  @Post()
  @ApiOperation({ summary: "Create a product in the seller's source language and currency (variants, prices in minor units, HS code, origin, GPSR data)" })
  @ApiCreatedResponse({ type: ProductView })
  @ApiErrors(...PRODUCT_WRITE_ERRORS)
  create(@Ctx() ctx: RequestContext, @Body() body: ProductDto): Promise<ProductView> {
    return this.products.create(ctx, body);
  }

  @Get()
  @ApiOperation({ summary: "The caller's products, newest first; filter by exact SKU, status, category (with sub-categories) or words of the title" })
  @ApiOkResponse({ type: ProductPageView })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, SellerErrorCode.SELLER_NOT_FOUND)
  list(@Ctx() ctx: RequestContext, @Query() q: ListProductsQueryDto): Promise<ProductPageView> {
    return this.products.list(ctx, q);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One of the caller’s products' })
  @ApiOkResponse({ type: ProductView })
  @ApiErrors(CatalogErrorCode.PRODUCT_NOT_FOUND, SellerErrorCode.SELLER_NOT_FOUND)
  get(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<ProductView> {
    return this.products.get(ctx, id);
  }

  @Put(':id')
  @ApiOperation({ summary: 'Replace a product; variants are matched by SKU (kept SKUs keep their id and translations)' })
  @ApiOkResponse({ type: ProductView })
  @ApiErrors(CatalogErrorCode.PRODUCT_NOT_FOUND, ...PRODUCT_WRITE_ERRORS)
  update(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: ProductDto): Promise<ProductView> {
    return this.products.update(ctx, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a product with its variants and translations' })
  @ApiNoContentResponse()
  @ApiErrors(CatalogErrorCode.PRODUCT_NOT_FOUND, SellerErrorCode.SELLER_NOT_FOUND)
  async remove(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<void> {
    await this.products.remove(ctx, id);
  }

  @Get(':id/translations')
  @ApiOperation({ summary: 'Source fields with their sourceHash, and every translation with its status and whether it is outdated' })
  @ApiOkResponse({ type: TranslationsView })
  @ApiErrors(CatalogErrorCode.PRODUCT_NOT_FOUND, SellerErrorCode.SELLER_NOT_FOUND)
  getTranslations(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<TranslationsView> {
    return this.translations.get(ctx, id);
  }

  @Put(':id/translations/:locale')
  @ApiOperation({ summary: 'Write translated fields in one content locale (others untouched); each names the sourceHash it was translated from' })
  @ApiParam({ name: 'locale', example: 'it', description: 'BCP 47 content locale (not the source locale)' })
  @ApiOkResponse({ type: TranslationsView })
  @ApiErrors(
    CommonErrorCode.VALIDATION_FAILED,
    CatalogErrorCode.PRODUCT_NOT_FOUND,
    CatalogErrorCode.TRANSLATION_INVALID,
    CatalogErrorCode.TRANSLATION_SOURCE_CHANGED,
    SellerErrorCode.SELLER_NOT_FOUND,
  )
  putTranslations(@Ctx() ctx: RequestContext, @Param('id') id: string, @Param('locale') locale: string, @Body() body: PutTranslationsDto): Promise<TranslationsView> {
    return this.translations.put(ctx, id, locale, body);
  }

  @Delete(':id/translations/:locale')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove every translation of the product in one content locale' })
  @ApiParam({ name: 'locale', example: 'it' })
  @ApiNoContentResponse()
  @ApiErrors(CatalogErrorCode.PRODUCT_NOT_FOUND, CatalogErrorCode.TRANSLATION_INVALID, SellerErrorCode.SELLER_NOT_FOUND)
  async removeTranslations(@Ctx() ctx: RequestContext, @Param('id') id: string, @Param('locale') locale: string): Promise<void> {
    await this.translations.remove(ctx, id, locale);
  }

  @Get(':id/listings/:market')
  @ApiOperation({
    summary:
      "The product's content for one market: texts in the market's languages with the fallback used marked (never the source language when the market does not show it), package in the market's units. Price and readiness come later (null).",
  })
  @ApiParam({ name: 'market', example: 'US' })
  @ApiOkResponse({ type: ListingView })
  @ApiErrors(
    CommonErrorCode.VALIDATION_FAILED,
    CatalogErrorCode.PRODUCT_NOT_FOUND,
    CatalogErrorCode.MARKET_NOT_FOUND,
    CatalogErrorCode.MARKET_LOCALE_NOT_DISPLAYED,
    SellerErrorCode.SELLER_NOT_FOUND,
  )
  listing(@Ctx() ctx: RequestContext, @Param('id') id: string, @Param('market', MarketCodePipe) market: string, @Query() q: ListingQueryDto): Promise<ListingView> {
    return this.listings.content(ctx, id, market, q.locale);
  }
}

@ApiTags('catalog')
@Controller({ path: 'catalog/categories', version: '1' })
@Public()
export class CategoriesController {
  @Get()
  @ApiOperation({ summary: `The product taxonomy (version ${TAXONOMY_VERSION}), labelled in the caller's language` })
  @ApiOkResponse({ type: [CategoryListView] })
  list(@Ctx() ctx: RequestContext): CategoryListView[] {
    return CATEGORIES.map((c) => ({
      code: c.code,
      label: c.label[ctx.locale],
      ...(c.code.includes('.') ? { parent: c.code.slice(0, c.code.lastIndexOf('.')) } : {}),
    }));
  }
}
