import { ErrorCatalogue, errorFactory, registerErrorCatalogue } from '@app/kernel';

export enum FxErrorCode {
  FILE_FORMAT = 'FX_FILE_FORMAT',
  FILE_MISSING = 'FX_FILE_MISSING',
  FILE_TOO_LARGE = 'FX_FILE_TOO_LARGE',
  UPLOAD_REJECTED = 'FX_UPLOAD_REJECTED',
  NO_SNAPSHOT = 'FX_NO_SNAPSHOT',
  RATE_UNAVAILABLE = 'FX_RATE_UNAVAILABLE',
}

export const FX_ERRORS: ErrorCatalogue<FxErrorCode> = registerErrorCatalogue({
  [FxErrorCode.FILE_FORMAT]: { status: 422, description: 'The file is not a file of the named source (ECB reference rates XML, Bank of Russia XML_daily, TCMB today.xml); the message says what is wrong. Nothing was stored.' },
  [FxErrorCode.FILE_MISSING]: { status: 400, description: 'The multipart field `file` is missing.' },
  [FxErrorCode.FILE_TOO_LARGE]: { status: 413, description: 'The file is larger than an FX import may be; the message names the limit.' },
  [FxErrorCode.UPLOAD_REJECTED]: { status: 400, description: 'The multipart upload is malformed or breaks a limit (a second file, an unexpected field).' },
  [FxErrorCode.NO_SNAPSHOT]: { status: 422, description: 'No rates of this source have been imported (for that date).' },
  [FxErrorCode.RATE_UNAVAILABLE]: { status: 422, description: "The source's latest snapshot does not quote one of the currencies (e.g. the ECB has published no RUB rate since March 2022); sources are never mixed." },
});

export const fxError = errorFactory(FX_ERRORS);
