export * from './kyc.module';
export * from './kyc.service';
export * from './errors';
export * from './lifecycle';
export { KYC_MESSAGES } from './i18n';
export { VendorResultsService } from './vendor-results.service';
export type { VendorResult, IdentityVerificationProvider } from './verification.port';
export { IDENTITY_VERIFICATION, ManualReviewProvider } from './verification.port';
export { DocumentExpiryJob, DOCUMENT_EXPIRY_JOB } from './expiry.job';
