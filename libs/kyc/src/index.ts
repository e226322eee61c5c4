export * from './kyc.module';
export * from './kyc.service';
export * from './errors';
export * from './lifecycle';
export { KYC_MESSAGES } from './i18n';
