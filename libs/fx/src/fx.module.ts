import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { FxImportEntity } from './entities/fx-import.entity';
import { FxSnapshotEntity } from './entities/fx-snapshot.entity';
import { FX_FEED, HttpFxFeed } from './feed.port';
import { FxRatesController, FxUploadErrorsInterceptor, OpsFxController } from './fx.controller';
import { FxFetchJob, FxService } from './fx.service';

@Module({
  imports: [TypeOrmModule.forFeature([FxImportEntity, FxSnapshotEntity]), AuditModule],
  controllers: [OpsFxController, FxRatesController],
  providers: [FxService, FxFetchJob, FxUploadErrorsInterceptor, { provide: FX_FEED, useFactory: () => new HttpFxFeed() }],
  exports: [FxService],
})
export class FxModule {}
