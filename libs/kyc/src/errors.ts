import { ErrorCatalogue, errorFactory, registerErrorCatalogue } from '@app/kernel';
import { KycErrorCode, ScreeningErrorCode } from './codes';

/** KYC's error catalogue: each code (codes.ts) with its HTTP status, exhaustive by type. */

export const KYC_ERRORS: ErrorCatalogue<KycErrorCode> = registerErrorCatalogue({
  [KycErrorCode.CASE_NOT_FOUND]: { status: 404, description: 'No such KYC case (or not yours).' },
  [KycErrorCode.BUSINESS_PROFILE_REQUIRED]: { status: 422, description: 'Submit the business profile before KYC.' },
  [KycErrorCode.CASE_LOCKED]: { status: 409, description: 'The case is submitted or decided: persons and documents can no longer change.' },
  [KycErrorCode.ILLEGAL_TRANSITION]: { status: 409, description: 'The KYC case lifecycle does not allow this move from its current status.' },
  [KycErrorCode.DOCUMENT_TYPE_NOT_REQUIRED]: { status: 422, description: "The document type is not one the country's pack asks of this legal form." },
  [KycErrorCode.DOCUMENT_NOT_FOUND]: { status: 404, description: 'No such document (or not yours).' },
  [KycErrorCode.FILE_TOO_LARGE]: { status: 413, description: 'The file is larger than the route allows (DOCUMENT_MAX_BYTES for documents); the message names the limit.' },
  [KycErrorCode.FILE_TYPE_NOT_ALLOWED]: { status: 415, description: 'The file is not a PDF, JPEG or PNG (judged by its bytes, not its name).' },
  [KycErrorCode.FILE_MISSING]: { status: 400, description: 'The multipart field `file` is missing.' },
  [KycErrorCode.UPLOAD_REJECTED]: { status: 400, description: 'The multipart upload breaks a limit (too many files or fields, an unexpected file field, an over-long field) or is malformed; details[] says which.' },
  [KycErrorCode.PERSONS_INVALID]: { status: 422, description: 'The declared persons break a rule (no representative, shares over 100 %, …); see details.' },
  [KycErrorCode.PERSON_NOT_FOUND]: { status: 422, description: 'The document names a person that is not part of the case.' },
  [KycErrorCode.INCOMPLETE]: { status: 422, description: 'Required persons or documents are missing; details[] lists them.' },
  [KycErrorCode.SAME_REVIEWER]: { status: 409, description: 'Four-eyes: the second approval must come from a different reviewer.' },
  [KycErrorCode.DOCUMENT_OUT_OF_DATE]: { status: 422, description: "The document has expired, or was issued longer ago than the pack's maximum age for its type." },
  [KycErrorCode.VENDOR_NOT_CONFIGURED]: { status: 404, description: 'No identity-verification vendor of that name is configured (KYC_PROVIDER); nothing was stored.' },
  [KycErrorCode.VENDOR_SIGNATURE_INVALID]: { status: 400, description: "Missing, malformed or wrong vendor webhook signature (Sumsub: X-Payload-Digest); nothing was stored." },
  [KycErrorCode.FEEDBACK_REQUIRED]: { status: 422, description: 'request_changes needs at least one document or a reason code.' },
  [KycErrorCode.ISSUE_DATE_REQUIRED]: { status: 422, description: 'The document type has a maximum age in the pack (maxAgeDays): its issue date (issuedOn, YYYY-MM-DD) is required.' },
  [KycErrorCode.EXPIRY_DATE_REQUIRED]: { status: 422, description: "The pack says the document type states its expiry date (documentTypes[].expiresOn = required; the spec's dates.expiresOn.required): expiresOn (YYYY-MM-DD) is required; details[] names expiresOn." },
  [KycErrorCode.DOCUMENT_PERSON_REQUIRED]: { status: 422, description: "The document type is a person's (the spec's documents[].person: representative = the legal representative's, each_person = one of the declared persons): personId must name such a person of the case; details[] names personId (REQUIRED, or WRONG_ROLE for a person of another role)." },
  [KycErrorCode.DOCUMENT_ACCEPTED]: { status: 409, description: 'A reviewer already accepted this document: it can no longer be replaced or withdrawn.' },
});

export const kycError = errorFactory(KYC_ERRORS);

export const SCREENING_ERRORS: ErrorCatalogue<ScreeningErrorCode> = registerErrorCatalogue({
  [ScreeningErrorCode.LIST_FORMAT]: { status: 422, description: 'The uploaded file is not a list in the named format.' },
  [ScreeningErrorCode.LIST_EMPTY]: { status: 422, description: 'The uploaded list has no entries.' },
});
export const screeningError = errorFactory(SCREENING_ERRORS);
