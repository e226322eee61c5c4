import './field-labels';
import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { DOCUMENT_CONTENT_RESPONSE, KycCaseFileView, KycCaseMessageView, KycCaseView, KycDocumentView, KycPersonView, KycQueueItemView, SellerKycView, SubmitResultView } from './kyc.views';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsISO31661Alpha2, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import type { Response } from 'express';
import { ApiErrors, BaseQueryDto, ListOf, Omittable, CommonErrorCode, Consumes, Ctx, Role, Roles, Translator, uploadErrorsInterceptor } from '@app/kernel';
import type { RequestContext } from '@app/kernel';
import { CountryRulesService } from '@app/countries';
import { UnitOfWork } from '@app/persistence';
import { KycDocumentEntity } from './entities/kyc-document.entity';
import { KycPersonEntity } from './entities/kyc-person.entity';
import { KycCaseMessageEntity } from './entities/kyc-case-message.entity';
import { KycCaseEntity } from './entities/kyc-case.entity';
import { kycError, KycErrorCode } from './errors';
import { KYC_REASON_CODES } from './i18n';
import type { KycReasonCode } from './i18n';
import { KYC_STATUSES, OPS_DECISIONS } from './lifecycle';
import type { KycStatus, OpsDecision } from './lifecycle';
import { KycService, MIN_PARTNERS } from './kyc.service';
import { KycReviewService, REVIEW_REASONS } from './review.service';
import type { ReviewReason } from './review.service';
import { IdentityVerificationService } from './identity-verification.service';
import { sellerReason, sellerStatus } from './seller-facing';

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
  @ApiProperty({ enum: ['representative', 'owner', 'director', 'partner'], description: 'partner: only for legal forms of seller type partnership, which must declare every partner (at least two).' })
  @IsIn(['representative', 'owner', 'director', 'partner'])
  role: 'representative' | 'owner' | 'director' | 'partner';
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
  @ApiPropertyOptional({ example: '2031-05-20', description: "Expiry date printed on the document (IDs): the verification is renewed when it passes; required where the spec says dates.expiresOn.required." })
  @IsOptional() @IsCalendarDate() expiresOn?: string;
}

/** A replacement keeps the document's type and person unless given. */
export class ReplaceDocumentDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() personId?: string;
  @ApiPropertyOptional({ example: '2026-11-02', description: 'Issue date printed on the document; required for types with a maximum age.' })
  @IsOptional() @IsCalendarDate() issuedOn?: string;
  @ApiPropertyOptional({ example: '2031-05-20' })
  @IsOptional() @IsCalendarDate() expiresOn?: string;
}

class DocumentFeedbackDto {
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

class QueueQueryDto extends BaseQueryDto {
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

/** KYC's uploads (documents, screening lists): the kernel's upload edge with KYC's codes. */
export const UploadErrorsInterceptor = uploadErrorsInterceptor(
  {
    tooLarge: (limit) => kycError(KycErrorCode.FILE_TOO_LARGE, { limit }),
    rejected: (problem, field) => kycError(KycErrorCode.UPLOAD_REJECTED, {}, [{ field, code: problem, messageKey: `kyc.upload.${problem}`, params: { field } }]),
  },
  (config) => config.documents.maxBytes,
);

const EXTENSIONS: Record<string, string> = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' };

/**
 * Headers of a document download: always a download (never rendered inline by the browser), never
 * cached, never sniffed. The file name is built from the document type code (ASCII by the DTO) and
 * id, and sent both plain and RFC 5987-encoded.
 */
function asAttachment(res: Response, doc: KycDocumentEntity) {
  const name = `${doc.type}-${doc.id}.${EXTENSIONS[doc.mediaType] ?? 'bin'}`;
  const ascii = name.replace(/[^\w.-]/g, '_');
  res.setHeader('Content-Type', doc.mediaType);
  res.setHeader('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
}

/** A reason as the seller reads it (already passed through sellerReason): the code and its message in their language. */
function reasonView<K extends string = 'code'>(code: string, t: Translator, locale: RequestContext['locale'], key: K = 'code' as K): Record<K, string> & { message: string } {
  return { [key]: code, message: t.t(locale, `kyc.reason.${code}`) } as Record<K, string> & { message: string };
}

const personView = (p: KycPersonEntity) => ({ id: p.id, role: p.role, fullName: p.fullName, dateOfBirth: p.dateOfBirth, nationality: p.nationality, sharePercent: p.sharePercent, idDocumentType: p.idDocumentType });

const documentView = (d: KycDocumentEntity, t: Translator, locale: RequestContext['locale']) => ({
  id: d.id,
  type: d.type,
  personId: d.personId,
  mediaType: d.mediaType,
  size: d.size,
  sha256: d.sha256,
  reviewStatus: d.reviewStatus,
  issuedOn: d.issuedOn,
  expiresOn: d.expiresOn,
  ...(d.reviewReason ? { feedback: reasonView(sellerReason(null, d.reviewReason)!, t, locale, 'reasonCode') } : {}),
  uploadedAt: d.uploadedAt.toISOString(),
});

@ApiTags('kyc')
@Controller({ path: 'sellers/me/kyc', version: '1' })
@Roles(Role.SELLER)
export class SellerKycController {
  constructor(
    private readonly kyc: KycService,
    private readonly uow: UnitOfWork,
    private readonly countries: CountryRulesService,
    private readonly translator: Translator,
    private readonly identity: IdentityVerificationService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Verification status, what is still missing, and each document’s status, in the caller’s language' })
  @ApiOkResponse({ type: SellerKycView })
  @ApiErrors(KycErrorCode.BUSINESS_PROFILE_REQUIRED)
  async view(@Ctx() ctx: RequestContext) {
    const seller = await this.kyc.sellerOf(ctx);
    const view = await this.uow.run(async (tx) => {
      const kase = await this.kyc.openCase(tx, seller);
      const documents = await tx.find(KycDocumentEntity, { where: { caseId: kase.id }, order: { uploadedAt: 'ASC' } });
      const pack = (await this.countries.version(kase.country, kase.packVersion, tx)).document;
      const labels = new Map<string, Record<string, string>>(pack.documentTypes.map((d) => [d.code, d.label]));
      const persons = new Map(pack.documentTypes.flatMap((d) => (d.person ? [[d.code, d.person] as const] : [])));
      const missing = await this.kyc.missing(tx, kase);
      const reason = sellerReason(kase.status, kase.reasonCode);
      return {
        caseId: kase.id,
        status: sellerStatus(kase.status),
        packVersion: kase.packVersion,
        ...(reason ? { reason: reasonView(reason, this.translator, ctx.locale) } : {}),
        checklist: missing.map((m) =>
          m.kind === 'representative'
            ? { item: 'representative', message: this.translator.t(ctx.locale, 'kyc.missing.representative') }
            : m.kind === 'partners'
              ? { item: 'partners', message: this.translator.t(ctx.locale, 'kyc.missing.partners', { min: MIN_PARTNERS }) }
              : m.kind === 'owners'
                ? { item: 'owners', message: this.translator.t(ctx.locale, 'kyc.missing.owners', { threshold: m.threshold }) }
                : {
                    item: 'document',
                    type: m.type,
                    ...(persons.has(m.type!) ? { person: persons.get(m.type!) } : {}),
                    message: this.translator.t(ctx.locale, 'kyc.missing.document', { document: labels.get(m.type!)?.[ctx.locale] ?? m.type }),
                  },
        ),
        documents: documents.map((d) => documentView(d, this.translator, ctx.locale)),
        persons: (await tx.find(KycPersonEntity, { where: { caseId: kase.id }, order: { role: 'ASC', fullName: 'ASC' } })).map(personView),
        noOwnersDeclared: kase.noOwnersDeclaredAt !== null,
        ...(pack.legalForms.find((f) => f.code === kase.legalForm)?.sellerType === 'company' ? { ownerThresholdPercent: pack.risk.uboThresholdPercent } : {}),
        messages: (await tx.find(KycCaseMessageEntity, { where: { caseId: kase.id }, order: { sentAt: 'ASC' } })).map((m) => ({ id: m.id, from: 'review_team', body: m.body, sentAt: m.sentAt.toISOString() })),
      };
    });
    // with a vendor: the identity step and its hosted link, minted after the case's transaction
    return { ...view, ...(await this.identity.sellerView(ctx, view.caseId)) };
  }

  @Put('persons')
  @ApiOperation({ summary: 'Declare the legal representative, the beneficial owners and, for a partnership, its partners (replaces the list)' })
  @ApiOkResponse({ type: [KycPersonView] })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, KycErrorCode.PERSONS_INVALID, KycErrorCode.CASE_LOCKED, KycErrorCode.BUSINESS_PROFILE_REQUIRED)
  async persons(@Ctx() ctx: RequestContext, @Body() body: PersonsDto) {
    const rows = await this.kyc.setPersons(ctx, body.persons, body.noOwnersAtOrAboveThreshold === true);
    return rows.map(personView);
  }

  @Post('documents')
  @Consumes('multipart/form-data')
  @UseInterceptors(UploadErrorsInterceptor, FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['type', 'file'], properties: { type: { type: 'string' }, personId: { type: 'string', format: 'uuid' }, issuedOn: { type: 'string', format: 'date' }, expiresOn: { type: 'string', format: 'date' }, file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'Upload a typed document (PDF, JPEG, PNG judged by its bytes); stored encrypted' })
  @ApiCreatedResponse({ type: KycDocumentView })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, KycErrorCode.FILE_MISSING, KycErrorCode.UPLOAD_REJECTED, KycErrorCode.FILE_TOO_LARGE, KycErrorCode.FILE_TYPE_NOT_ALLOWED, KycErrorCode.DOCUMENT_TYPE_NOT_REQUIRED, KycErrorCode.ISSUE_DATE_REQUIRED, KycErrorCode.EXPIRY_DATE_REQUIRED, KycErrorCode.DOCUMENT_PERSON_REQUIRED, KycErrorCode.PERSON_NOT_FOUND, KycErrorCode.DOCUMENT_OUT_OF_DATE, KycErrorCode.CASE_LOCKED)
  async upload(@Ctx() ctx: RequestContext, @Body() body: UploadDto, @UploadedFile() file?: { buffer: Buffer; size: number }) {
    return documentView(await this.kyc.upload(ctx, body, file), this.translator, ctx.locale);
  }

  @Put('documents/:id')
  @Consumes('multipart/form-data')
  @UseInterceptors(UploadErrorsInterceptor, FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { personId: { type: 'string', format: 'uuid' }, issuedOn: { type: 'string', format: 'date' }, expiresOn: { type: 'string', format: 'date' }, file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'Replace one of the caller’s documents while the verification is with the seller (collecting or action_required); the answer is the new document' })
  @ApiOkResponse({ type: KycDocumentView })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, KycErrorCode.FILE_MISSING, KycErrorCode.UPLOAD_REJECTED, KycErrorCode.FILE_TOO_LARGE, KycErrorCode.FILE_TYPE_NOT_ALLOWED, KycErrorCode.DOCUMENT_NOT_FOUND, KycErrorCode.DOCUMENT_ACCEPTED, KycErrorCode.ISSUE_DATE_REQUIRED, KycErrorCode.EXPIRY_DATE_REQUIRED, KycErrorCode.DOCUMENT_PERSON_REQUIRED, KycErrorCode.PERSON_NOT_FOUND, KycErrorCode.DOCUMENT_OUT_OF_DATE, KycErrorCode.CASE_LOCKED)
  async replace(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: ReplaceDocumentDto, @UploadedFile() file?: { buffer: Buffer; size: number }) {
    return documentView(await this.kyc.upload(ctx, body, file, id), this.translator, ctx.locale);
  }

  @Delete('documents/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw one of the caller’s documents while the verification is with the seller (never after submission)' })
  @ApiNoContentResponse()
  @ApiErrors(KycErrorCode.DOCUMENT_NOT_FOUND, KycErrorCode.DOCUMENT_ACCEPTED, KycErrorCode.CASE_LOCKED)
  async withdraw(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<void> {
    await this.kyc.withdraw(ctx, id);
  }

  @Get('documents/:id/content')
  @ApiOperation({ summary: 'Download one of the caller’s own documents' })
  @ApiOkResponse(DOCUMENT_CONTENT_RESPONSE)
  @ApiErrors(KycErrorCode.DOCUMENT_NOT_FOUND)
  async content(@Ctx() ctx: RequestContext, @Param('id') id: string, @Res({ passthrough: true }) res: Response) {
    const doc = await this.kyc.ownDocument(ctx, id);
    const bytes = await this.kyc.content(doc);
    asAttachment(res, doc);
    return new StreamableFile(bytes);
  }

  @Post('submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit for verification: automated checks, then approval or review' })
  @ApiOkResponse({ type: SubmitResultView })
  @ApiErrors(KycErrorCode.INCOMPLETE, KycErrorCode.CASE_LOCKED, KycErrorCode.ILLEGAL_TRANSITION)
  async submit(@Ctx() ctx: RequestContext) {
    const kase: KycCaseEntity = await this.kyc.submit(ctx);
    const reason = sellerReason(kase.status, kase.reasonCode);
    return { caseId: kase.id, status: sellerStatus(kase.status), ...(reason ? { reason: reasonView(reason, this.translator, ctx.locale) } : {}) };
  }
}

@ApiTags('ops')
@Controller({ path: 'ops/kyc', version: '1' })
@Roles(Role.OPS_REVIEWER, Role.OPS_ADMIN)
export class OpsKycController {
  constructor(private readonly review: KycReviewService) {}

  @Get('cases')
  @ApiOperation({ summary: 'Review queue, oldest first' })
  @ApiOkResponse({ type: [KycQueueItemView] })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED)
  queue(@Query() q: QueueQueryDto) {
    return this.review.queue({
      status: q.status ?? 'in_review',
      country: q.country?.toUpperCase(),
      olderThanHours: q.olderThanHours,
      limit: q.limit ?? 50,
      flagged: q.flagged === undefined ? undefined : q.flagged === 'true',
      reason: q.reason,
      sellerId: q.sellerId,
      q: q.q?.trim().normalize('NFC'),
    });
  }

  @Get('cases/:id')
  @ApiOperation({ summary: 'The case file: checks with evidence, documents, persons, history' })
  @ApiOkResponse({ type: KycCaseFileView })
  @ApiErrors(KycErrorCode.CASE_NOT_FOUND)
  async file(@Param('id') id: string) {
    const f = await this.review.file(id);
    return {
      ...f,
      persons: f.persons.map(({ idNumberEncrypted, ...p }) => ({ ...p, hasIdNumber: Boolean(idNumberEncrypted) })),
      messages: f.messages.map((m) => ({ id: m.id, authorAccountId: m.authorAccountId, body: m.body, sentAt: m.sentAt.toISOString() })),
    };
  }

  @Post('cases/:id/messages')
  @ApiOperation({ summary: 'Write to the seller about the case (seller-visible, audited; internal notes go with decisions)' })
  @ApiCreatedResponse({ type: KycCaseMessageView })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, KycErrorCode.CASE_NOT_FOUND)
  async message(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: CaseMessageDto) {
    const m = await this.review.sendMessage(ctx, id, body.body.normalize('NFC'));
    return { id: m.id, authorAccountId: m.authorAccountId, body: m.body, sentAt: m.sentAt.toISOString() };
  }

  @Post('cases/:id/decisions')
  @HttpCode(200)
  @ApiOperation({ summary: 'approve · reject · request_changes (with per-document feedback) · suspend (an approved seller); audited; four-eyes where required' })
  @ApiOkResponse({ type: KycCaseView, description: 'The case after the decision (a first approval under four-eyes leaves it in review).' })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, KycErrorCode.CASE_NOT_FOUND, KycErrorCode.ILLEGAL_TRANSITION, KycErrorCode.SAME_REVIEWER, KycErrorCode.FEEDBACK_REQUIRED)
  decide(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: DecisionDto) {
    return this.review.decide(ctx, id, body);
  }

  @Get('documents/:id/content')
  @ApiOperation({ summary: 'Download a document (audited)' })
  @ApiOkResponse(DOCUMENT_CONTENT_RESPONSE)
  @ApiErrors(KycErrorCode.DOCUMENT_NOT_FOUND)
  async download(@Ctx() ctx: RequestContext, @Param('id') id: string, @Res({ passthrough: true }) res: Response) {
    const { doc, bytes } = await this.review.download(ctx, id);
    asAttachment(res, doc);
    return new StreamableFile(bytes);
  }
}
