import { Inject, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { CountriesModule } from '@app/countries';
import { FxModule } from '@app/fx';
import { SellersModule } from '@app/sellers';
import { PROCESS_ROLE } from '@app/kernel';
import type { ProcessRole } from '@app/kernel';
import { OpsComplianceRulesController, ReadinessController } from './compliance/compliance.controller';
import { ReadinessService } from './compliance/readiness.service';
import { ComplianceRuleSetVersionEntity } from './compliance/rule-set.entity';
import { ComplianceRulesService } from './compliance/rules-admin.service';
import { SELLER_GATES, SellersContextGates } from './compliance/seller-gates';
import { SEED_COMPLIANCE_RULES } from './compliance/seeds';
import { ImportEntity, ImportErrorEntity, ImportFileEntity } from './imports/import.entity';
import { ImportProcessor, ImportRepriceJob } from './imports/import.job';
import { ImportsController, ListingsExportController } from './imports/imports.controller';
import { ImportsService } from './imports/imports.service';
import { ListingsExportService } from './imports/listings-export';
import { ListingsService } from './listings/listings.service';
import { MarketEntity, MarketVersionEntity } from './markets/market.entity';
import { MarketsAdminService } from './markets/markets-admin.service';
import { MarketsController, OpsMarketsController } from './markets/markets.controller';
import { MarketsService } from './markets/markets.service';
import { SEED_MARKETS } from './markets/seeds';
import { FixedPricesService } from './prices/fixed-prices.service';
import { MarketPriceEntity, PriceOverrideEntity } from './prices/market-price.entity';
import { PricesController } from './prices/prices.controller';
import { PricesService } from './prices/prices.service';
import { CatalogRepriceJob } from './prices/reprice.job';
import { ProductEntity, ProductTranslationEntity, VariantEntity } from './products/product.entity';
import { CategoriesController, ProductsController } from './products/products.controller';
import { ProductsService } from './products/products.service';
import { TranslationsService } from './products/translations.service';

/**
 * Publishes the seed markets of codes that have no version yet, and the seed compliance rule set
 * when there is none (idempotent; API and worker boots, not the CLI).
 */
@Injectable()
export class MarketSeeder implements OnApplicationBootstrap {
  constructor(
    private readonly admin: MarketsAdminService,
    private readonly compliance: ComplianceRulesService,
    @Inject(PROCESS_ROLE) private readonly role: ProcessRole,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.role === 'cli') return;
    await this.admin.seed(SEED_MARKETS);
    await this.compliance.seed(SEED_COMPLIANCE_RULES);
  }
}

/** Catalog localisation: markets as versioned data, sellers' products, per-field translations, listings per market. */
@Module({
  imports: [
    TypeOrmModule.forFeature([MarketEntity, MarketVersionEntity, ProductEntity, VariantEntity, ProductTranslationEntity, MarketPriceEntity, PriceOverrideEntity, ComplianceRuleSetVersionEntity, ImportEntity, ImportFileEntity, ImportErrorEntity]),
    AuditModule,
    CountriesModule,
    FxModule,
    SellersModule,
  ],
  // ImportsController before ProductsController: `…/products/imports` is not a product id
  controllers: [ImportsController, ListingsExportController, MarketsController, OpsMarketsController, ReadinessController, ProductsController, CategoriesController, PricesController, OpsComplianceRulesController],
  providers: [
    MarketsService,
    MarketsAdminService,
    MarketSeeder,
    ProductsService,
    TranslationsService,
    ListingsService,
    PricesService,
    FixedPricesService,
    CatalogRepriceJob,
    ComplianceRulesService,
    ReadinessService,
    { provide: SELLER_GATES, useClass: SellersContextGates },
    ImportsService,
    ImportProcessor,
    ImportRepriceJob,
    ListingsExportService,
  ],
  exports: [MarketsService, ProductsService, ListingsService, PricesService, ComplianceRulesService, ReadinessService],
})
export class CatalogModule {}
