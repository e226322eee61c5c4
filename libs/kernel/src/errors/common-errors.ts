import { ErrorCatalogue, errorFactory } from './app-error';

export enum CommonErrorCode {
  VALIDATION_FAILED = 'COMMON_VALIDATION_FAILED',
  MALFORMED_REQUEST = 'COMMON_MALFORMED_REQUEST',
  MALFORMED_URL = 'COMMON_MALFORMED_URL',
  MALFORMED_HTTP = 'COMMON_MALFORMED_HTTP',
  HEADERS_TOO_LARGE = 'COMMON_HEADERS_TOO_LARGE',
  REQUEST_TIMEOUT = 'COMMON_REQUEST_TIMEOUT',
  INVALID_VALUE = 'COMMON_INVALID_VALUE',
  UNAUTHENTICATED = 'COMMON_UNAUTHENTICATED',
  FORBIDDEN = 'COMMON_FORBIDDEN',
  ROUTE_NOT_FOUND = 'COMMON_ROUTE_NOT_FOUND',
  METHOD_NOT_ALLOWED = 'COMMON_METHOD_NOT_ALLOWED',
  PAYLOAD_TOO_LARGE = 'COMMON_PAYLOAD_TOO_LARGE',
  UNSUPPORTED_MEDIA_TYPE = 'COMMON_UNSUPPORTED_MEDIA_TYPE',
  CONFLICT = 'COMMON_CONFLICT',
  RATE_LIMITED = 'COMMON_RATE_LIMITED',
  INTERNAL = 'COMMON_INTERNAL',
  SERVICE_UNAVAILABLE = 'COMMON_SERVICE_UNAVAILABLE',
}

export const COMMON_ERRORS: ErrorCatalogue<CommonErrorCode> = {
  [CommonErrorCode.VALIDATION_FAILED]: { status: 400, description: 'The request body or query failed validation; see details[].' },
  [CommonErrorCode.MALFORMED_REQUEST]: { status: 400, description: 'The body is not valid JSON (or not valid UTF-8).' },
  [CommonErrorCode.MALFORMED_URL]: { status: 400, description: 'The URL has an invalid percent-encoding and cannot be read.' },
  [CommonErrorCode.MALFORMED_HTTP]: {
    status: 400,
    description: "Refused by the HTTP parser before routing (bad chunk size, Content-Length with Transfer-Encoding, a NUL in a header, an unknown method); the connection is closed.",
  },
  [CommonErrorCode.HEADERS_TOO_LARGE]: { status: 431, description: 'The request line and headers exceed 16 KB; the connection is closed.' },
  [CommonErrorCode.REQUEST_TIMEOUT]: { status: 408, description: 'The request (headers and body) did not arrive in time; the connection is closed.' },
  [CommonErrorCode.INVALID_VALUE]: {
    status: 400,
    description: 'A value the validation rules let through cannot be stored (e.g. a character or date PostgreSQL refuses); nothing was written.',
  },
  [CommonErrorCode.UNAUTHENTICATED]: { status: 401, description: 'No valid bearer access token was sent.' },
  [CommonErrorCode.FORBIDDEN]: { status: 403, description: 'The caller is authenticated but its role may not use this route.' },
  [CommonErrorCode.ROUTE_NOT_FOUND]: { status: 404, description: 'No route matches the method and path.' },
  [CommonErrorCode.METHOD_NOT_ALLOWED]: { status: 405, description: 'The route exists but not for this method.' },
  [CommonErrorCode.PAYLOAD_TOO_LARGE]: { status: 413, description: 'The body is larger than the configured limit.' },
  [CommonErrorCode.UNSUPPORTED_MEDIA_TYPE]: { status: 415, description: 'The body has a content type this route does not accept.' },
  [CommonErrorCode.CONFLICT]: { status: 409, description: 'The request conflicts with the current state (e.g. a concurrent change).' },
  [CommonErrorCode.RATE_LIMITED]: { status: 429, description: 'Too many attempts; retry after the Retry-After seconds.' },
  [CommonErrorCode.INTERNAL]: { status: 500, description: 'An unexpected error; the requestId identifies it in the logs.' },
  [CommonErrorCode.SERVICE_UNAVAILABLE]: { status: 503, description: 'A dependency (e.g. the database) is not reachable.' },
};

export const commonError = errorFactory(COMMON_ERRORS);
