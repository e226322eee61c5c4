import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrors, CommonErrorCode, Consumes, Ctx, Role, Roles } from '@app/kernel';
import type { RequestContext } from '@app/kernel';
import { KycErrorCode } from './codes';
import type { UploadedFile as UploadedFileBytes } from './codes';
import { KycDocumentsService } from './documents.service';
import { DecisionDto, CaseMessageDto, PersonsDto, QueueQueryDto, queueFilter, ReplaceDocumentDto, UploadDto } from './dto';
import { DOCUMENT_CONTENT_RESPONSE, KycCaseFileView, KycCaseMessageView, KycCaseView, KycDocumentView, KycPersonView, KycQueueItemView, SellerKycView, SubmitResultView } from './kyc.views';
import { KycPersonsService } from './persons.service';
import { KycReviewService } from './review.service';
import { KycSellerViewService } from './seller-view.service';
import { KycSubmissionService } from './submission.service';
import { UploadErrorsInterceptor } from './upload-errors';
import { attachment } from './views';

/** The KYC routes: one service call each (views are built by the services, see views.ts). */

@ApiTags('kyc')
@Controller({ path: 'sellers/me/kyc', version: '1' })
@Roles(Role.SELLER)
export class SellerKycController {
  constructor(
    private readonly views: KycSellerViewService,
    private readonly people: KycPersonsService,
    private readonly documents: KycDocumentsService,
    private readonly submission: KycSubmissionService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Verification status, what is still missing, and each document’s status, in the caller’s language' })
  @ApiOkResponse({ type: SellerKycView })
  @ApiErrors(KycErrorCode.BUSINESS_PROFILE_REQUIRED)
  view(@Ctx() ctx: RequestContext) {
    return this.views.view(ctx);
  }

  @Put('persons')
  @ApiOperation({ summary: 'Declare the legal representative, the beneficial owners and, for a partnership, its partners (replaces the list)' })
  @ApiOkResponse({ type: [KycPersonView] })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, KycErrorCode.PERSONS_INVALID, KycErrorCode.CASE_LOCKED, KycErrorCode.BUSINESS_PROFILE_REQUIRED)
  persons(@Ctx() ctx: RequestContext, @Body() body: PersonsDto) {
    return this.people.setPersons(ctx, body.persons, body.noOwnersAtOrAboveThreshold === true);
  }

  @Post('documents')
  @Consumes('multipart/form-data')
  @UseInterceptors(UploadErrorsInterceptor, FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['type', 'file'], properties: { type: { type: 'string' }, personId: { type: 'string', format: 'uuid' }, issuedOn: { type: 'string', format: 'date' }, expiresOn: { type: 'string', format: 'date' }, file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'Upload a typed document (PDF, JPEG, PNG judged by its bytes); stored encrypted' })
  @ApiCreatedResponse({ type: KycDocumentView })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, KycErrorCode.FILE_MISSING, KycErrorCode.UPLOAD_REJECTED, KycErrorCode.FILE_TOO_LARGE, KycErrorCode.FILE_TYPE_NOT_ALLOWED, KycErrorCode.DOCUMENT_TYPE_NOT_REQUIRED, KycErrorCode.ISSUE_DATE_REQUIRED, KycErrorCode.EXPIRY_DATE_REQUIRED, KycErrorCode.DOCUMENT_PERSON_REQUIRED, KycErrorCode.PERSON_NOT_FOUND, KycErrorCode.DOCUMENT_OUT_OF_DATE, KycErrorCode.CASE_LOCKED)
  upload(@Ctx() ctx: RequestContext, @Body() body: UploadDto, @UploadedFile() file?: UploadedFileBytes) {
    return this.documents.upload(ctx, body, file);
  }

  @Put('documents/:id')
  @Consumes('multipart/form-data')
  @UseInterceptors(UploadErrorsInterceptor, FileInterceptor('file'))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { personId: { type: 'string', format: 'uuid' }, issuedOn: { type: 'string', format: 'date' }, expiresOn: { type: 'string', format: 'date' }, file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({ summary: 'Replace one of the caller’s documents while the verification is with the seller (collecting or action_required); the answer is the new document' })
  @ApiOkResponse({ type: KycDocumentView })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, KycErrorCode.FILE_MISSING, KycErrorCode.UPLOAD_REJECTED, KycErrorCode.FILE_TOO_LARGE, KycErrorCode.FILE_TYPE_NOT_ALLOWED, KycErrorCode.DOCUMENT_NOT_FOUND, KycErrorCode.DOCUMENT_ACCEPTED, KycErrorCode.ISSUE_DATE_REQUIRED, KycErrorCode.EXPIRY_DATE_REQUIRED, KycErrorCode.DOCUMENT_PERSON_REQUIRED, KycErrorCode.PERSON_NOT_FOUND, KycErrorCode.DOCUMENT_OUT_OF_DATE, KycErrorCode.CASE_LOCKED)
  replace(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: ReplaceDocumentDto, @UploadedFile() file?: UploadedFileBytes) {
    return this.documents.upload(ctx, body, file, id);
  }

  @Delete('documents/:id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw one of the caller’s documents while the verification is with the seller (never after submission)' })
  @ApiNoContentResponse()
  @ApiErrors(KycErrorCode.DOCUMENT_NOT_FOUND, KycErrorCode.DOCUMENT_ACCEPTED, KycErrorCode.CASE_LOCKED)
  async withdraw(@Ctx() ctx: RequestContext, @Param('id') id: string): Promise<void> {
    await this.documents.withdraw(ctx, id);
  }

  @Get('documents/:id/content')
  @ApiOperation({ summary: 'Download one of the caller’s own documents' })
  @ApiOkResponse(DOCUMENT_CONTENT_RESPONSE)
  @ApiErrors(KycErrorCode.DOCUMENT_NOT_FOUND)
  async content(@Ctx() ctx: RequestContext, @Param('id') id: string, @Res({ passthrough: true }) res: Response) {
    return attachment(res, await this.documents.ownContent(ctx, id));
  }

  @Post('submit')
  @HttpCode(200)
  @ApiOperation({ summary: 'Submit for verification: automated checks, then approval or review' })
  @ApiOkResponse({ type: SubmitResultView })
  @ApiErrors(KycErrorCode.INCOMPLETE, KycErrorCode.CASE_LOCKED, KycErrorCode.ILLEGAL_TRANSITION)
  submit(@Ctx() ctx: RequestContext) {
    return this.submission.submit(ctx);
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
    return this.review.queue(queueFilter(q));
  }

  @Get('cases/:id')
  @ApiOperation({ summary: 'The case file: checks with evidence, documents, persons, history' })
  @ApiOkResponse({ type: KycCaseFileView })
  @ApiErrors(KycErrorCode.CASE_NOT_FOUND)
  file(@Param('id') id: string) {
    return this.review.file(id);
  }

  @Post('cases/:id/messages')
  @ApiOperation({ summary: 'Write to the seller about the case (seller-visible, audited; internal notes go with decisions)' })
  @ApiCreatedResponse({ type: KycCaseMessageView })
  @ApiErrors(CommonErrorCode.VALIDATION_FAILED, KycErrorCode.CASE_NOT_FOUND)
  message(@Ctx() ctx: RequestContext, @Param('id') id: string, @Body() body: CaseMessageDto) {
    return this.review.sendMessage(ctx, id, body.body);
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
    return attachment(res, await this.review.download(ctx, id));
  }
}
