import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { CountriesModule } from '@app/countries';
import { APP_CONFIG } from '@app/kernel';
import type { AppConfig } from '@app/kernel';
import { SellersModule } from '@app/sellers';
import { KycCaseEntity } from './entities/kyc-case.entity';
import { KycCheckEntity } from './entities/kyc-check.entity';
import { KycDocumentEntity } from './entities/kyc-document.entity';
import { KycCaseEventEntity } from './entities/kyc-event.entity';
import { KycCaseMessageEntity } from './entities/kyc-case-message.entity';
import { KycPersonEntity } from './entities/kyc-person.entity';
import { KycVendorResultEntity } from './entities/kyc-vendor-result.entity';
import { VendorResultsService } from './vendor-results.service';
import { VendorResultInboxHandler } from './vendor-inbox';
import { IdentityVerificationService } from './identity-verification.service';
import { IdentityVerificationProviderFactory } from './identity-vendor.provider';
import { KycWebhooksController } from './kyc-webhooks.controller';
import { ScreeningEntryEntity, ScreeningListEntity } from './entities/screening-list.entity';
import { OpsKycController, SellerKycController } from './kyc.controller';
import { UploadErrorsInterceptor } from './upload-errors';
import { KycCasesService } from './cases.service';
import { KycPersonsService } from './persons.service';
import { KycDocumentsService } from './documents.service';
import { KycSubmissionService } from './submission.service';
import { KycSellerViewService } from './seller-view.service';
import { KycErasure } from './erasure';
import { DocumentExpiryJob } from './expiry.job';
import { KycReviewService } from './review.service';
import { ReverificationOnPublish } from './reverification';
import { SANCTIONS_SCREENER } from './sanctions.port';
import { ListSanctionsScreener } from './screening.service';
import { OpsScreeningController, ScreeningListsController } from './screening-lists.controller';
import { RescreenApprovedJob, ScreeningListsService } from './screening-lists.service';
import { KycDocumentsKeyRotation, KycPersonIdNumbersKeyRotation } from './key-rotation';
import { KycStandingReader } from './standing';
import { HttpSanctionsListFeed, SANCTIONS_LIST_FEED, SanctionsListFetchJob, ScreeningCoverageController, ScreeningCoverageReader } from './list-fetch';

@Module({
  imports: [
    TypeOrmModule.forFeature([KycCaseEntity, KycPersonEntity, KycDocumentEntity, KycCheckEntity, KycCaseEventEntity, KycCaseMessageEntity, KycVendorResultEntity, ScreeningListEntity, ScreeningEntryEntity]),
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      // in memory: the bytes are sniffed, hashed and encrypted before they touch the storage
      useFactory: (config: AppConfig) => ({ limits: { files: 1, fields: 4, fileSize: config.documents.maxBytes } }),
    }),
    AuditModule,
    CountriesModule,
    SellersModule,
  ],
  controllers: [SellerKycController, OpsKycController, ScreeningListsController, OpsScreeningController, ScreeningCoverageController, KycWebhooksController],
  providers: [
    KycCasesService,
    KycPersonsService,
    KycDocumentsService,
    KycSubmissionService,
    KycSellerViewService,
    KycErasure,
    KycReviewService,
    ReverificationOnPublish,
    DocumentExpiryJob,
    UploadErrorsInterceptor,
    ListSanctionsScreener,
    ScreeningListsService,
    RescreenApprovedJob,
    VendorResultsService,
    VendorResultInboxHandler,
    IdentityVerificationService,
    KycPersonIdNumbersKeyRotation,
    KycDocumentsKeyRotation,
    KycStandingReader,
    SanctionsListFetchJob,
    ScreeningCoverageReader,
    { provide: SANCTIONS_LIST_FEED, useFactory: () => new HttpSanctionsListFeed() },
    IdentityVerificationProviderFactory,
    { provide: SANCTIONS_SCREENER, useExisting: ListSanctionsScreener },
  ],
  exports: [KycStandingReader, ScreeningCoverageReader, VendorResultsService, KycPersonIdNumbersKeyRotation, KycDocumentsKeyRotation],
})
export class KycModule {}
