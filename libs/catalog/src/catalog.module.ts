import { DynamicModule, Inject, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import type { ModuleMetadata, Type } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { CountriesModule } from '@app/countries';
import { FxModule } from '@app/fx';
import { SellersModule } from '@app/sellers';
import { APP_CONFIG, PROCESS_ROLE } from '@app/kernel';
import type { ProcessRole } from '@app/kernel';
import { OpsComplianceRulesController, ReadinessController } from './compliance/compliance.controller';
import { ReadinessService } from './compliance/readiness.service';
import { ComplianceRuleSetVersionEntity } from './compliance/rule-set.entity';
import { ComplianceRulesService } from './compliance/rules-admin.service';
import { SELLER_GATES } from './compliance/seller-gates';
import type { SellerGates } from './compliance/seller-gates';
import { OnboardingController, SellerMarketsController } from './readiness/onboarding.controller';
import { OnboardingService } from './readiness/onboarding.service';
import { ListingReadinessEntity, SellerMarketEntity } from './readiness/readiness.entity';
import { ReadinessStore } from './readiness/readiness-store.service';
import { CatalogReadinessJob, CatalogReadinessRefreshJob } from './readiness/readiness.job';
import { ReadinessTrigger } from './readiness/trigger';
import { SEED_COMPLIANCE_RULES } from './compliance/seeds';
import { ProductImagesController } from './images/images.controller';
import { ImagesService } from './images/images.service';
import { ProductImageEntity } from './images/product-image.entity';
import { ImportEntity, ImportErrorEntity, ImportFileEntity } from './imports/import.entity';
import { ImportProcessor, ImportRepriceJob } from './imports/import.job';
import { ImportSweeper } from './imports/import-sweeper';
import { ImportsController, ListingsExportController } from './imports/imports.controller';
import { ImportsService } from './imports/imports.service';
import { ListingsExportService } from './imports/listings-export';
import { ListingsService } from './listings/listings.service';
import { MachineTranslationController } from './machine-translation/machine-translation.controller';
import { machineTranslationFactory, MachineTranslationService } from './machine-translation/machine-translation.service';
import { MACHINE_TRANSLATION } from './machine-translation/port';
import { MarketEntity, MarketVersionEntity } from './markets/market.entity';
import { MarketsAdminService } from './markets/markets-admin.service';
import { MarketsController, OpsMarketsController } from './markets/markets.controller';
import { MarketsService } from './markets/markets.service';
import { SEED_MARKETS } from './markets/seeds';
import { FixedPricesService } from './prices/fixed-prices.service';
import { MarketPriceEntity, PriceBreakdownEntity, PriceHistoryEntity, PriceOverrideEntity } from './prices/market-price.entity';
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

/** Catalog localisation: markets as versioned data, sellers' products, per-field translations, listings per market, readiness and the go-live checklist. */
@Module({
  imports: [
    TypeOrmModule.forFeature([MarketEntity, MarketVersionEntity, ProductEntity, VariantEntity, ProductTranslationEntity, MarketPriceEntity, PriceBreakdownEntity, PriceOverrideEntity, PriceHistoryEntity, ComplianceRuleSetVersionEntity, ProductImageEntity, SellerMarketEntity, ListingReadinessEntity, ImportEntity, ImportFileEntity, ImportErrorEntity]),
    AuditModule,
    CountriesModule,
    FxModule,
    SellersModule,
  ],
  // ImportsController before ProductsController: `…/products/imports` is not a product id
  controllers: [ImportsController, ListingsExportController, MarketsController, OpsMarketsController, ReadinessController, ProductsController, CategoriesController, PricesController, OpsComplianceRulesController, ProductImagesController, MachineTranslationController, SellerMarketsController, OnboardingController],
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
    ImagesService,
    MachineTranslationService,
    { provide: MACHINE_TRANSLATION, inject: [APP_CONFIG], useFactory: machineTranslationFactory },
    ReadinessTrigger,
    ReadinessStore,
    CatalogReadinessJob,
    CatalogReadinessRefreshJob,
    OnboardingService,
    ImportsService,
    ImportProcessor,
    ImportRepriceJob,
    ImportSweeper,
    ListingsExportService,
  ],
  exports: [MarketsService, ProductsService, ListingsService, PricesService, ComplianceRulesService, ReadinessService, ReadinessTrigger, ReadinessStore],
})
export class CatalogModule {
  /**
   * The catalog with its SELLER_GATES adapter, given by the composition root with the modules the
   * adapter reads (KYC, payouts…): the catalog's own code never imports them.
   */
  static register(options: CatalogModuleOptions): DynamicModule {
    return {
      module: CatalogModule,
      imports: options.sellerGates.imports ?? [],
      providers: [{ provide: SELLER_GATES, useClass: options.sellerGates.useClass }],
    };
  }
}

export interface CatalogModuleOptions {
  sellerGates: { imports?: ModuleMetadata['imports']; useClass: Type<SellerGates> };
}
