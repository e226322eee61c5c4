import type { Provider } from '@nestjs/common';
import { APP_CONFIG } from '@app/kernel';
import type { AppConfig } from '@app/kernel';
import { SumsubProvider } from './sumsub/sumsub.provider';
import { IDENTITY_VERIFICATION, ManualReviewProvider } from './verification.port';
import type { IdentityVerificationProvider } from './verification.port';

/** The provider KYC_PROVIDER names (config is validated at boot: sumsub comes with its settings). */
export function identityVerificationFactory(config: AppConfig): IdentityVerificationProvider {
  return config.kyc.provider === 'sumsub' && config.kyc.sumsub ? new SumsubProvider(config.kyc.sumsub) : new ManualReviewProvider();
}

/** IDENTITY_VERIFICATION: the vendor adapter chosen from the config (`manual` without a vendor). */
export const IdentityVerificationProviderFactory: Provider = { provide: IDENTITY_VERIFICATION, inject: [APP_CONFIG], useFactory: identityVerificationFactory };
