import { uploadErrorsInterceptor } from '@app/kernel';
import { KycErrorCode } from './codes';
import { kycError } from './errors';

/** KYC's uploads (documents, screening lists): the kernel's upload edge with KYC's codes. */
export const UploadErrorsInterceptor = uploadErrorsInterceptor(
  {
    tooLarge: (limit) => kycError(KycErrorCode.FILE_TOO_LARGE, { limit }),
    rejected: (problem, field) => kycError(KycErrorCode.UPLOAD_REJECTED, {}, [{ field, code: problem, messageKey: `kyc.upload.${problem}`, params: { field } }]),
  },
  (config) => config.documents.maxBytes,
);
