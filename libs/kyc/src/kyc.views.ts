import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { KYC_STATUSES } from './codes';
import { SELLER_KYC_STATUSES } from './seller-facing';

/** Response shapes of the KYC routes, for the OpenAPI document. */

export class LocalizedReasonView {
  @ApiProperty({ example: 'UNDER_REVIEW', description: 'Never a screening reason: a case in review reads UNDER_REVIEW.' }) code: string;
  @ApiProperty({ description: "In the caller's language." }) message: string;
}

export class DocumentFeedbackView {
  @ApiProperty({ example: 'DOCUMENT_ILLEGIBLE' }) reasonCode: string;
  @ApiProperty({ description: "In the caller's language." }) message: string;
}

export class KycDocumentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'tr.vergi_levhasi', description: 'A document type of the pinned country pack.' }) type: string;
  @ApiProperty({ format: 'uuid', nullable: true }) personId: string | null;
  @ApiProperty({ enum: ['application/pdf', 'image/jpeg', 'image/png'], description: 'Judged by the file bytes.' }) mediaType: string;
  @ApiProperty() size: number;
  @ApiProperty({ description: 'SHA-256 of the plaintext.' }) sha256: string;
  @ApiProperty({ enum: ['pending', 'accepted', 'rejected'] }) reviewStatus: string;
  @ApiProperty({ nullable: true, format: 'date' }) issuedOn: string | null;
  @ApiProperty({ nullable: true, format: 'date' }) expiresOn: string | null;
  @ApiPropertyOptional({ type: DocumentFeedbackView }) feedback?: DocumentFeedbackView;
  @ApiProperty() uploadedAt: string;
}

export class ChecklistEntryView {
  @ApiProperty({ enum: ['representative', 'partners', 'owners', 'document'], description: 'owners: a company declares its owners at or above the threshold, or that there are none.' }) item: string;
  @ApiPropertyOptional({ example: 'tr.imza_sirkuleri' }) type?: string;
  @ApiPropertyOptional({ enum: ['representative', 'each_person'], description: "A person's document: upload it with the personId of the legal representative (representative) or of the declared person it belongs to (each_person)." })
  person?: string;
  @ApiProperty({ description: "What is missing, in the caller's language." }) message: string;
}

export class IdentityVerificationView {
  @ApiProperty({ example: 'sumsub' }) provider: string;
  @ApiProperty({ enum: ['not_started', 'pending', 'approved', 'rejected', 'retry'] }) status: string;
  @ApiPropertyOptional({ description: "The vendor's hosted verification page; open it at once, never store it." }) url?: string;
  @ApiPropertyOptional({ type: LocalizedReasonView }) reason?: LocalizedReasonView;
}

export class ReviewTeamMessageView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['review_team'], description: 'Always the review team as a whole (never a reviewer’s name).' }) from: string;
  @ApiProperty({ description: 'As the review team wrote it.' }) body: string;
  @ApiProperty() sentAt: string;
}

export class KycPersonView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['representative', 'owner', 'director', 'partner'] }) role: string;
  @ApiProperty({ example: 'Ayşe Yılmaz' }) fullName: string;
  @ApiProperty({ format: 'date' }) dateOfBirth: string;
  @ApiProperty({ example: 'TR' }) nationality: string;
  @ApiProperty({ nullable: true, example: '50.00', description: 'Ownership share as a decimal string.' }) sharePercent: string | null;
  @ApiProperty({ nullable: true, example: 'passport', description: 'The kind of identity document given (personIdDocuments of the country spec); the number itself is never returned.' }) idDocumentType: string | null;
}

export class SellerKycView {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: SELLER_KYC_STATUSES, description: 'As the seller may read it: a suspended case reads in_review.' }) status: string;
  @ApiProperty({ description: 'The country-pack version the case follows.' }) packVersion: number;
  @ApiPropertyOptional({ type: LocalizedReasonView }) reason?: LocalizedReasonView;
  @ApiProperty({ type: [ChecklistEntryView], description: 'What is still missing before submitting.' }) checklist: ChecklistEntryView[];
  @ApiProperty({ type: [KycDocumentView] }) documents: KycDocumentView[];
  @ApiProperty({ type: [KycPersonView], description: "The persons declared so far; a person's document (the spec's documents[].person) is uploaded with their id as personId." }) persons: KycPersonView[];
  @ApiProperty({ description: 'Companies: the seller declared that no person holds the ownership threshold or more (instead of declaring owners).' }) noOwnersDeclared: boolean;
  @ApiPropertyOptional({ example: 25, description: 'Companies: owners holding this share (percent) or more are declared, or the seller declares that there are none.' }) ownerThresholdPercent?: number;
  @ApiProperty({ type: [ReviewTeamMessageView], description: 'Messages from the review team about this case, oldest first.' }) messages: ReviewTeamMessageView[];
  @ApiPropertyOptional({ type: IdentityVerificationView, description: 'Only when an identity-verification vendor is configured (KYC_PROVIDER).' })
  identityVerification?: IdentityVerificationView;
}


export class SubmitResultView {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty({ enum: SELLER_KYC_STATUSES }) status: string;
  @ApiPropertyOptional({ type: LocalizedReasonView }) reason?: LocalizedReasonView;
}

export class KycCaseView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) sellerId: string;
  @ApiProperty({ example: 'TR' }) country: string;
  @ApiProperty({ example: 'tr.ltd' }) legalForm: string;
  @ApiProperty() packVersion: number;
  @ApiProperty({ enum: KYC_STATUSES }) status: string;
  @ApiProperty({ nullable: true }) reasonCode: string | null;
  @ApiProperty({ description: 'Approval needs two different reviewers.' }) fourEyes: boolean;
  @ApiProperty({ format: 'uuid', nullable: true }) firstApprovalBy: string | null;
  @ApiProperty({ nullable: true, description: 'Set when re-screening found a new fuzzy match on an approved case.' }) reviewRequestedAt: string | null;
  @ApiProperty({ nullable: true }) identityProvider: string | null;
  @ApiProperty({ nullable: true, enum: ['approved', 'rejected', 'retry'] }) identityResult: string | null;
  @ApiProperty({ nullable: true, description: 'When the seller declared that no person holds the ownership threshold or more (companies without declared owners).' }) noOwnersDeclaredAt: string | null;
  @ApiProperty({ nullable: true, example: 25, description: 'The threshold (percent) that declaration was made against.' }) noOwnersThresholdPercent: number | null;
  @ApiProperty({ nullable: true }) submittedAt: string | null;
  @ApiProperty({ nullable: true }) decidedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

class QueuePersonView {
  @ApiProperty({ enum: ['representative', 'owner', 'director'] }) role: string;
  @ApiProperty({ example: 'Ayşe Yılmaz' }) fullName: string;
}

/** A queue item: the case, who the seller is, why it is in review, how long it waited, where four-eyes stands (ops only). */
export class KycQueueItemView extends KycCaseView {
  @ApiProperty({ nullable: true, example: 'Anadolu Tekstil Ltd. Şti.' }) legalName: string | null;
  @ApiProperty({ nullable: true, example: 'Anadolu Home', description: 'The trading name, when the seller declared one.' }) tradingName: string | null;
  @ApiProperty({ example: 'ayse@anadolu.example' }) sellerEmail: string;
  @ApiProperty({ type: [QueuePersonView] }) persons: QueuePersonView[];
  @ApiProperty({ enum: ['SCREENING_POSSIBLE_MATCH', 'VENDOR_RED', 'DUPLICATE_DOCUMENT', 'RISK_POLICY'], isArray: true, description: 'Why a person must look, from the latest submission’s checks and the case’s flags.' })
  reviewReasons: string[];
  @ApiProperty({ nullable: true, enum: ['SCREENING_POSSIBLE_MATCH', 'VENDOR_RED', 'DUPLICATE_DOCUMENT', 'RISK_POLICY'] }) reviewReason: string | null;
  @ApiProperty({ description: 'Hours since submission (or since the case was opened).' }) ageHours: number;
  @ApiProperty({ enum: ['not_required', 'awaiting_first_approval', 'awaiting_second_approval'] }) fourEyesState: string;
}

export class KycCheckView {
  @ApiProperty({ example: 'sanctions' }) kind: string;
  @ApiProperty({ enum: ['pass', 'review', 'fail'] }) result: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What the check saw (matches, scores).' }) evidence: Record<string, unknown>;
  @ApiProperty({ example: 'ofac_sdn:2026-11-20', description: 'The list or pack version the check used.' }) ruleVersion: string;
  @ApiProperty() checkedAt: string;
}

class SellerAccountView {
  @ApiProperty({ example: 'ayse@anadolu.example' }) email: string;
  @ApiProperty({ example: 'tr' }) locale: string;
  @ApiProperty({ example: 'active' }) status: string;
  @ApiProperty() createdAt: string;
}

class SellerBusinessView {
  @ApiProperty({ example: 'tr.ltd' }) legalForm: string;
  @ApiProperty({ enum: ['individual', 'company', 'partnership'] }) sellerType: string;
  @ApiProperty({ example: 'Anadolu Tekstil Ltd. Şti.' }) legalName: string;
  @ApiProperty({ nullable: true, example: 'Anadolu Home', description: 'The name the business trades under, when it differs from the registered name.' }) tradingName: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' }, description: 'Identifiers by type (personal data: never logged).' }) identifiers: Record<string, string>;
  @ApiProperty({ type: 'object', additionalProperties: true }) registeredAddress: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true }) shipFrom: Record<string, unknown>;
  @ApiProperty({ example: '+905321234567' }) phone: string;
  @ApiProperty({ nullable: true }) website: string | null;
  @ApiProperty({ type: 'object', properties: { firstName: { type: 'string' }, lastName: { type: 'string' } } }) representative: { firstName: string; lastName: string };
  @ApiProperty({ type: [String] }) brands: string[];
  @ApiProperty({ nullable: true }) vatRegistered: boolean | null;
  @ApiProperty() packVersion: number;
  @ApiProperty() reverificationRequired: boolean;
  @ApiProperty() checkedAt: string;
  @ApiProperty() updatedAt: string;
}

/** The seller as a reviewer sees them (from the sellers' read model, SellerDirectory). */
export class KycCaseSellerView {
  @ApiProperty({ format: 'uuid' }) sellerId: string;
  @ApiProperty({ enum: ['onboarding', 'active', 'suspended'] }) status: string;
  @ApiProperty({ example: 'TR' }) country: string;
  @ApiProperty() createdAt: string;
  @ApiProperty({ type: SellerAccountView }) account: SellerAccountView;
  @ApiProperty({ type: SellerBusinessView, nullable: true }) business: SellerBusinessView | null;
}

export class KycCaseMessageView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The ops account that wrote it (the seller reads "review team").' }) authorAccountId: string;
  @ApiProperty({ description: 'Seller-visible text.' }) body: string;
  @ApiProperty() sentAt: string;
}

export class KycCaseFileView {
  @ApiProperty({ type: KycCaseView }) case: KycCaseView;
  @ApiProperty({ type: KycCaseSellerView, nullable: true, description: 'The seller’s account and business profile.' }) seller: KycCaseSellerView | null;
  @ApiProperty({ type: [KycCaseMessageView], description: 'Messages to the seller (seller-visible; internal notes are in history).' }) messages: KycCaseMessageView[];
  @ApiProperty({ type: [KycCheckView] }) checks: KycCheckView[];
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'Documents with review status (no content).' }) documents: object[];
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'Persons; ID numbers are never returned (hasIdNumber).' }) persons: object[];
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true }, description: 'Every transition, oldest first.' }) history: object[];
}

const binary = { schema: { type: 'string' as const, format: 'binary' } };
/** A document download: the bytes as uploaded, as an attachment that is never cached. */
export const DOCUMENT_CONTENT_RESPONSE = {
  description: 'The file as uploaded (Content-Disposition: attachment; Cache-Control: no-store).',
  content: { 'application/pdf': binary, 'image/jpeg': binary, 'image/png': binary },
};
