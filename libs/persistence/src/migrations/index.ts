import type { MigrationInterface } from 'typeorm';
import { Foundation1795430971403 } from './1795430971403-foundation';
import { CountryPacksAndBusinessProfiles1795432004168 } from './1795432004168-country-packs-and-business-profiles';
import { PayoutsWebhookInboxOutbox1795432515136 } from './1795432515136-payouts-webhook-inbox-outbox';
import { BankTransferRail1795433138298 } from './1795433138298-bank-transfer-rail';
import { KycCasesDocumentsScreening1795433793550 } from './1795433793550-kyc-cases-documents-screening';
import { PayoutComplianceHold1795434016745 } from './1795434016745-payout-compliance-hold';
import { WebhookInboxAsQueue1795435066633 } from './1795435066633-webhook-inbox-as-queue';
import { KycVendorResults1795435487703 } from './1795435487703-kyc-vendor-results';
import { KycDocumentDates1795435681948 } from './1795435681948-kyc-document-dates';
import { KycDocumentCipherKey1795437749540 } from './1795437749540-kyc-document-cipher-key';
import { KycReviewRequested1795450905877 } from './1795450905877-kyc-review-requested';
import { KycIdentityVerification1795451182371 } from './1795451182371-kyc-identity-verification';
import { SellerDeclarations1795451823861 } from './1795451823861-seller-declarations';
import { OutboxSequence1795452900303 } from './1795452900303-outbox-sequence';
import { PayoutGate1796457132539 } from './1796457132539-payout-gate';
import { CountryStatusOutOfPacks1796457300000 } from './1796457300000-country-status-out-of-packs';
import { FxSnapshots1796457561529 } from './1796457561529-fx-snapshots';
import { CatalogMarketsProducts1796457867404 } from './1796457867404-catalog-markets-products';
import { KycPartners1796460900000 } from './1796460900000-kyc-partners';
import { MarketPrices1796461504551 } from './1796461504551-market-prices';
import { ComplianceRulesReadiness1796461761457 } from './1796461761457-compliance-rules-readiness';
import { KycMessagesOwnersDeclaration1796466912956 } from './1796466912956-kyc-messages-owners-declaration';

/** The schema history, in order. A new migration is added here (see README, "Changing the schema"). */
export const MIGRATIONS: (new () => MigrationInterface)[] = [Foundation1795430971403, CountryPacksAndBusinessProfiles1795432004168, PayoutsWebhookInboxOutbox1795432515136, BankTransferRail1795433138298, KycCasesDocumentsScreening1795433793550, PayoutComplianceHold1795434016745, WebhookInboxAsQueue1795435066633, KycVendorResults1795435487703, KycDocumentDates1795435681948, KycDocumentCipherKey1795437749540, KycReviewRequested1795450905877, KycIdentityVerification1795451182371, SellerDeclarations1795451823861, OutboxSequence1795452900303, PayoutGate1796457132539, CountryStatusOutOfPacks1796457300000, FxSnapshots1796457561529, CatalogMarketsProducts1796457867404, KycPartners1796460900000, MarketPrices1796461504551, ComplianceRulesReadiness1796461761457, KycMessagesOwnersDeclaration1796466912956];
