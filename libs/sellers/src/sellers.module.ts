import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@app/accounts';
import { CountriesModule } from '@app/countries';
import { SellerBusinessProfileEntity, SellerIdentifierEntity } from './business-profile.entity';
import { BusinessProfileService } from './business-profile.service';
import { SellerEntity } from './seller.entity';
import { OpsSellersController, SellersController, SignupController } from './sellers.controller';
import { SellersService } from './sellers.service';

@Module({
  imports: [TypeOrmModule.forFeature([SellerEntity, SellerBusinessProfileEntity, SellerIdentifierEntity]), AccountsModule, CountriesModule],
  controllers: [SignupController, SellersController, OpsSellersController],
  providers: [SellersService, BusinessProfileService],
  exports: [SellersService],
})
export class SellersModule {}
