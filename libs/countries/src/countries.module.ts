import { Inject, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { PROCESS_ROLE } from '@app/kernel';
import type { ProcessRole } from '@app/kernel';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { CountriesController } from './countries.controller';
import { CountryPacksAdminService } from './country-packs-admin.service';
import { CountryRulesService } from './country-rules.service';
import { CountryEntity } from './entities/country.entity';
import { CountryPackVersionEntity } from './entities/country-pack-version.entity';
import { OpsCountriesController } from './ops-countries.controller';
import { SEED_PACKS } from './packs';
import { CountryPublications } from './publications';
import { PayoutRailReadiness } from './payout-rails';

/** Publishes the seed packs of countries that have none yet (idempotent; API and worker boots, not the CLI). */
@Injectable()
export class CountrySeeder implements OnApplicationBootstrap {
  constructor(
    private readonly admin: CountryPacksAdminService,
    @Inject(PROCESS_ROLE) private readonly role: ProcessRole,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.role === 'cli') return;
    await this.admin.seed(SEED_PACKS);
  }
}

@Module({
  imports: [TypeOrmModule.forFeature([CountryEntity, CountryPackVersionEntity]), AuditModule],
  controllers: [CountriesController, OpsCountriesController],
  providers: [CountryRulesService, CountryPacksAdminService, CountryPublications, PayoutRailReadiness, CountrySeeder],
  exports: [CountryRulesService, CountryPublications, CountryPacksAdminService, PayoutRailReadiness],
})
export class CountriesModule {}
