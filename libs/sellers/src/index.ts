export * from './sellers.module';
export * from './sellers.service';
export * from './errors';
export * from './dto';
export { SELLERS_MESSAGES } from './messages';
export { SellerEntity } from './seller.entity';
export * from './business-profile.service';
export { SellerBusinessProfileEntity, SellerIdentifierEntity } from './business-profile.entity';
export { callerSeller } from './caller-seller';
