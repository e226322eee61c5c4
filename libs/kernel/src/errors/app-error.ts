/**
 * Errors are stable codes. Each bounded context declares its codes in an enum and maps every one of
 * them to an HTTP status in an {@link ErrorCatalogue}: the mapped type makes a code without a status
 * a compile error, and {@link ErrorMessages} makes a code without an English message one too.
 * The message itself is rendered at the edge, in the caller's language, from the i18n key
 * `error.<CODE>`.
 */
export type ErrorStatus = 400 | 401 | 403 | 404 | 405 | 408 | 409 | 410 | 413 | 415 | 422 | 429 | 431 | 500 | 502 | 503;

export interface ErrorSpec {
  status: ErrorStatus;
  /** One line for the error catalogue in the docs (English, for developers). */
  description: string;
}

export type ErrorCatalogue<Code extends string> = { readonly [K in Code]: ErrorSpec };

/** English message for every code of a catalogue: `{ 'error.AUTH_EMAIL_TAKEN': '…' }`. */
export type ErrorMessages<Code extends string> = { [K in Code as `error.${K}`]: string };

export const errorMessageKey = (code: string): string => `error.${code}`;

/** A message parameter that is itself translated (e.g. a type name inside a sentence). */
export interface TranslatableParam {
  t: string;
}
/** A message parameter given in every language already (e.g. a label from a country pack). */
export interface LocalizedTextParam {
  text: Readonly<Record<string, string>>;
}
export type MessageParam = string | number | TranslatableParam | LocalizedTextParam;

/** One field-level problem, rendered as `details[]` in the envelope. */
export interface ErrorDetail {
  /** Dotted path of the offending input field (`address.postalCode`, `identifiers[0].value`). */
  field: string;
  /** Stable detail code (`REQUIRED`, `INVALID_EMAIL`, `INVALID_CHECKSUM`, …). */
  code: string;
  /** i18n key of the detail message; rendered into `message` at the edge. */
  messageKey: string;
  /** Interpolation values for the message. Never put personal data here. */
  params?: Record<string, MessageParam>;
}

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: ErrorStatus,
    readonly params: Record<string, MessageParam> = {},
    readonly details: ErrorDetail[] = [],
    /** Extra response headers (e.g. Retry-After). */
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

/**
 * Returns a typed factory for one context's errors:
 * `const authError = errorFactory(AUTH_ERRORS); throw authError(AuthErrorCode.EMAIL_TAKEN);`
 */
export function errorFactory<Code extends string>(catalogue: ErrorCatalogue<Code>) {
  return (
    code: Code,
    params: Record<string, MessageParam> = {},
    details: ErrorDetail[] = [],
    headers: Record<string, string> = {},
  ): AppError => new AppError(code, catalogue[code].status, params, details, headers);
}
