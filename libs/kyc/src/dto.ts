import './field-labels';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO31661Alpha2, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { BaseQueryDto, ListOf, Omittable } from '@app/kernel';
import { KYC_REASON_CODES, KYC_STATUSES, OPS_DECISIONS, PERSON_ROLES, REVIEW_REASONS } from './codes';
import type { KycReasonCode, KycStatus, OpsDecision, PersonRole, QueueFilter, ReviewReason } from './codes';

/** Request bodies and queries of the KYC routes (validated by the global ValidationPipe). */

/**
 * A date as YYYY-MM-DD that exists in the calendar (no 2023-02-30, no year 0, which PostgreSQL's
 * `date` refuses with a 500): a 400 with a field detail. Ranges (a birth date in the future…) are
 * business rules, checked by the service.
 */
const IsCalendarDate = (): PropertyDecorator => (target, key) => {
  Matches(/^[1-9]\d{3}-\d{2}-\d{2}$/)(target, key);
  IsISO8601({ strict: true })(target, key);
};

/** Trims text so that a blank or whitespace-only value fails `@IsNotEmpty` / `@MinLength`. */
const Trimmed = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export class PersonDto {
  @ApiProperty({ enum: PERSON_ROLES, description: 'partner: only for legal forms of seller type partnership, which must declare every partner (at least two).' })
  @IsIn(PERSON_ROLES)
  role: PersonRole;
  @ApiProperty({ example: 'Ayşe Yılmaz', description: 'As in the ID document, any script.' }) @Trimmed() @IsString() @IsNotEmpty() @MinLength(2) @MaxLength(200) fullName: string;
  @ApiProperty({ example: '1984-03-12' }) @IsCalendarDate() dateOfBirth: string;
  @ApiProperty({ example: 'TR' }) @IsISO31661Alpha2() nationality: string;
  @ApiPropertyOptional({
    example: 'passport',
    description:
      "The kind of identity document the number belongs to: one of the seller's country spec `personIdDocuments` (GET /v1/countries/{cc}: national_id, passport, es.nie…). Default national_id.",
  })
  @IsOptional() @IsString() @Matches(/^[a-z][a-z0-9_.-]{1,39}$/) idDocumentType?: string;
  @ApiPropertyOptional({
    description:
      "ID document number (stored encrypted, never returned), checked by the rule of its document kind: a national ID by the rule of the person's NATIONALITY where its pack has one (personIdNumber, e.g. the T.C. Kimlik No of a Turkish citizen, the DNI of a Spaniard; otherwise any number), a passport by its own rule, a kind of the pack's own (es.nie) by that identifier.",
  })
  @IsOptional() @IsString() @MaxLength(40) idDocumentNumber?: string;
  @ApiPropertyOptional({ example: '60', description: 'Owners: share in percent, as a decimal string.' }) @IsOptional() @Matches(/^\d{1,3}(\.\d{1,2})?$/) sharePercent?: string;
}

export class PersonsDto {
  @ApiProperty({ type: [PersonDto], maxItems: 30 }) @ListOf(() => PersonDto, 30) persons: PersonDto[];
  @ApiPropertyOptional({ description: "Companies: true declares that no person holds the pack's ownership threshold (uboThresholdPercent) or more, instead of declaring owners. A company must do one or the other before submitting; cannot be combined with owners." })
  @Omittable() @IsBoolean() noOwnersAtOrAboveThreshold?: boolean;
}

export class CaseMessageDto {
  @ApiProperty({ example: 'Please upload a signature circular issued in the last six months.', description: 'Shown to the seller as written, as a message from the review team: never paste screening results.' })
  @Trimmed() @IsString() @IsNotEmpty() @MaxLength(4000) body: string;
}

export class UploadDto {
  @ApiProperty({ example: 'tr.vergi_levhasi' }) @IsString() @Matches(/^[a-z][a-z0-9_.-]{1,63}$/) type: string;
  @ApiPropertyOptional({ format: 'uuid', description: "Whose document it is (an id from the KYC view's persons): required for the types the spec binds to a person (documents[].person; representative_id: the legal representative)." })
  @IsOptional() @IsUUID() personId?: string;
  @ApiPropertyOptional({ example: '2026-11-02', description: 'Issue date printed on the document (registry extracts have a maximum age).' })
  @IsOptional() @IsCalendarDate() issuedOn?: string;
  @ApiPropertyOptional({ example: '2031-05-20', description: 'Expiry date printed on the document (IDs): the verification is renewed when it passes; required where the spec says dates.expiresOn.required.' })
  @IsOptional() @IsCalendarDate() expiresOn?: string;
}

/** A replacement keeps the document's type and person unless given. */
export class ReplaceDocumentDto {
  @ApiPropertyOptional({ format: 'uuid', description: "Whose document it is (an id from the KYC view's persons): required for the types the spec binds to a person." }) @IsOptional() @IsUUID() personId?: string;
  @ApiPropertyOptional({ example: '2026-11-02', description: 'Issue date printed on the document; required for types with a maximum age.' })
  @IsOptional() @IsCalendarDate() issuedOn?: string;
  @ApiPropertyOptional({ example: '2031-05-20' })
  @IsOptional() @IsCalendarDate() expiresOn?: string;
}

export class DocumentFeedbackDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() documentId: string;
  @ApiProperty({ enum: ['accepted', 'rejected'] }) @IsIn(['accepted', 'rejected']) status: 'accepted' | 'rejected';
  @ApiPropertyOptional({ enum: KYC_REASON_CODES }) @IsOptional() @IsIn(KYC_REASON_CODES) reasonCode?: KycReasonCode;
}

export class DecisionDto {
  @ApiProperty({ enum: OPS_DECISIONS, description: 'suspend: an approved seller (e.g. a confirmed re-screening match); payouts pause.' }) @IsIn(OPS_DECISIONS) decision: OpsDecision;
  @ApiPropertyOptional({ enum: KYC_REASON_CODES, description: 'Shown to the seller in their language; a case in review or suspended always reads UNDER_REVIEW, and a screening reason (SANCTIONS_HIT) never reaches the seller (OTHER).' }) @IsOptional() @IsIn(KYC_REASON_CODES) reasonCode?: KycReasonCode;
  @ApiPropertyOptional({ type: [DocumentFeedbackDto], maxItems: 50 }) @IsOptional() @ListOf(() => DocumentFeedbackDto, 50) documents?: DocumentFeedbackDto[];
  @ApiPropertyOptional({ description: 'Never shown to the seller.' }) @IsOptional() @IsString() @MaxLength(2000) internalNote?: string;
}

export class QueueQueryDto extends BaseQueryDto {
  @ApiPropertyOptional({ enum: KYC_STATUSES, default: 'in_review' }) @IsOptional() @IsIn(KYC_STATUSES) status?: KycStatus;
  @ApiPropertyOptional({ example: 'TR' }) @IsOptional() @IsISO31661Alpha2() country?: string;
  @ApiPropertyOptional({ description: 'Only cases submitted more than this many hours ago.' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(8760) olderThanHours?: number;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) limit?: number;
  @ApiPropertyOptional({ description: 'Only cases flagged for review while approved (a possible new sanctions match found by re-screening).' })
  @IsOptional() @IsIn(['true', 'false']) flagged?: 'true' | 'false';
  @ApiPropertyOptional({ enum: REVIEW_REASONS, description: 'Only cases in review for this reason.' }) @IsOptional() @IsIn(REVIEW_REASONS) reason?: ReviewReason;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() sellerId?: string;
  @ApiPropertyOptional({ description: "Part of the legal name, a person's name or the seller's email (case-insensitive).", example: 'Yılmaz' })
  @IsOptional() @IsString() @MinLength(2) @MaxLength(100) q?: string;
}

/** The review queue's filter from its query (defaults: in review, 50 cases). */
export function queueFilter(q: QueueQueryDto): QueueFilter {
  return {
    status: q.status ?? 'in_review',
    country: q.country?.toUpperCase(),
    olderThanHours: q.olderThanHours,
    limit: q.limit ?? 50,
    flagged: q.flagged === undefined ? undefined : q.flagged === 'true',
    reason: q.reason,
    sellerId: q.sellerId,
    q: q.q?.trim().normalize('NFC'),
  };
}
