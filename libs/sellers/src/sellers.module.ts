import { Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccessTokens, AccountsModule } from '@app/accounts';
import { CountriesModule } from '@app/countries';
import { SellerBusinessProfileEntity, SellerIdentifierEntity } from './business-profile.entity';
import { SELLER_PRINCIPAL } from './caller-seller';
import { BusinessProfileService } from './business-profile.service';
import { SellerEntity } from './seller.entity';
import { OpsSellersController, SellersController, SignupController } from './sellers.controller';
import { SellersService } from './sellers.service';
import { SellerDirectory } from './seller-directory';
import { SellerErasure } from './erasure';
import { RegisterBusinessRoute, SellerMeRoute } from './fast-routes';

@Module({
  imports: [TypeOrmModule.forFeature([SellerEntity, SellerBusinessProfileEntity, SellerIdentifierEntity]), AccountsModule, CountriesModule],
  controllers: [SignupController, SellersController, OpsSellersController],
  providers: [SellersService, BusinessProfileService, SellerDirectory, SellerErasure, RegisterBusinessRoute, SellerMeRoute],
  exports: [SellersService, SellerDirectory, SellerErasure, RegisterBusinessRoute, SellerMeRoute],
})
export class SellersModule implements OnModuleInit {
  constructor(private readonly tokens: AccessTokens) {}

  onModuleInit(): void {
    this.tokens.extendPrincipal(SELLER_PRINCIPAL);
  }
}
