import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '@app/accounts';
import { SellerEntity } from './seller.entity';
import { OpsSellersController, SellersController, SignupController } from './sellers.controller';
import { SellersService } from './sellers.service';

@Module({
  imports: [TypeOrmModule.forFeature([SellerEntity]), AccountsModule],
  controllers: [SignupController, SellersController, OpsSellersController],
  providers: [SellersService],
  exports: [SellersService],
})
export class SellersModule {}
