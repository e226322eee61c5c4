import { Module, OnModuleInit } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { CountriesModule } from '@app/countries';
import { APP_CONFIG } from '@app/kernel';
import type { AppConfig } from '@app/kernel';
import { SellerErasure, SellersModule } from '@app/sellers';
import { KycCaseEntity } from './entities/kyc-case.entity';
import { KycCheckEntity } from './entities/kyc-check.entity';
import { KycDocumentEntity } from './entities/kyc-document.entity';
import { KycCaseEventEntity } from './entities/kyc-event.entity';
import { KycCaseMessageEntity } from './entities/kyc-case-message.entity';
import { KycPersonEntity } from './entities/kyc-person.entity';
import { KycVendorResultEntity } from './entities/kyc-vendor-result.entity';
import { VendorResultsService } from './vendor-results.service';
import { VendorResultInboxHandler } from './vendor-inbox';
import { IDENTITY_VERIFICATION } from './verification.port';
import { IdentityVerificationService, identityVerificationFactory } from './identity-verification.service';
import { KycWebhooksController } from './kyc-webhooks.controller';
import { ScreeningEntryEntity, ScreeningListEntity } from './entities/screening-list.entity';
import { OpsKycController, SellerKycController, UploadErrorsInterceptor } from './kyc.controller';
import { KycService } from './kyc.service';
import { DocumentExpiryJob } from './expiry.job';
import { KycReviewService } from './review.service';
import { ReverificationOnPublish } from './reverification';
import { SANCTIONS_SCREENER } from './sanctions.port';
import { ListSanctionsScreener } from './screening.service';
import { OpsScreeningController, ScreeningListsController } from './screening-lists.controller';
import { RescreenApprovedJob, ScreeningListsService } from './screening-lists.service';
import { DOCUMENT_STORAGE, documentStorageFactory } from './storage';
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
    KycService,
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
    { provide: IDENTITY_VERIFICATION, inject: [APP_CONFIG], useFactory: identityVerificationFactory },
    { provide: SANCTIONS_SCREENER, useExisting: ListSanctionsScreener },
    { provide: DOCUMENT_STORAGE, inject: [APP_CONFIG], useFactory: documentStorageFactory },
  ],
  exports: [KycService, KycStandingReader, ScreeningCoverageReader, VendorResultsService, KycPersonIdNumbersKeyRotation, KycDocumentsKeyRotation],
})
export class KycModule implements OnModuleInit {
  constructor(
    private readonly erasure: SellerErasure,
    private readonly kyc: KycService,
  ) {}

  /** Account deletion: KYC refuses once a verification was submitted, else deletes the draft. */
  onModuleInit(): void {
    this.erasure.register({ name: 'kyc', refuse: (tx, id) => this.kyc.refuseErasure(tx, id), erase: (tx, id) => this.kyc.erase(tx, id) });
  }
}
