import { CommonErrorCode, } from '../../errors/common-errors';
import { ErrorMessages } from '../../errors/app-error';

const errors: ErrorMessages<CommonErrorCode> = {
  'error.COMMON_VALIDATION_FAILED': 'The request is not valid; see the details.',
  'error.COMMON_MALFORMED_REQUEST': 'The request could not be read: the body must be well-formed JSON.',
  'error.COMMON_MALFORMED_URL': 'The request URL could not be read: it contains an invalid percent-encoding.',
  'error.COMMON_MALFORMED_HTTP': 'The request is not valid HTTP and could not be read.',
  'error.COMMON_HEADERS_TOO_LARGE': 'The request headers are too large.',
  'error.COMMON_REQUEST_TIMEOUT': 'The request did not arrive in time.',
  'error.COMMON_INVALID_VALUE': 'A value in the request cannot be accepted (for example an invalid character or an impossible date). Nothing was saved.',
  'error.COMMON_UNAUTHENTICATED': 'Sign in first: send a valid access token in the Authorization header.',
  'error.COMMON_FORBIDDEN': 'You do not have permission to do this.',
  'error.COMMON_ROUTE_NOT_FOUND': 'There is no such endpoint: {{method}} {{path}}.',
  'error.COMMON_METHOD_NOT_ALLOWED': 'This endpoint does not accept the {{method}} method.',
  'error.COMMON_PAYLOAD_TOO_LARGE': 'The request body is too large; the limit is {{limit}} bytes.',
  'error.COMMON_UNSUPPORTED_MEDIA_TYPE': 'Unsupported content type; send {{expected}}.',
  'error.COMMON_CONFLICT': 'The request conflicts with the current state; reload and try again.',
  'error.COMMON_RATE_LIMITED': 'Too many attempts. Try again in {{retryAfter}} seconds.',
  'error.COMMON_INTERNAL': 'Something went wrong on our side. Quote request {{requestId}} when contacting support.',
  'error.COMMON_SERVICE_UNAVAILABLE': 'The service is temporarily unavailable. Please try again shortly.',
};

export const en = {
  ...errors,
  'validation.REQUIRED': '{{field}} is required.',
  'validation.UNKNOWN_FIELD': '{{field}} is not an accepted field.',
  'validation.WRONG_TYPE': '{{field}} has the wrong type: expected {{expected}}.',
  'validation.INVALID_EMAIL': '{{field}}: write an address like name@example.com.',
  'validation.TOO_SHORT': '{{field}} must contain at least {{min}} characters.',
  'validation.TOO_LONG': '{{field}} must contain at most {{max}} characters.',
  'validation.NOT_ALLOWED': '{{field}} must be one of: {{allowed}}.',
  'validation.INVALID_COUNTRY': '{{field}} must be an ISO 3166-1 alpha-2 country code, such as IT or TR.',
  'validation.INVALID_DATE': '{{field}} must be a date written YYYY-MM-DD, for example 2026-11-02.',
  'validation.INVALID_FORMAT': '{{field}} has an invalid format.',
  'validation.OUT_OF_RANGE': '{{field}} is out of the allowed range.',
  'validation.TOO_FEW_ITEMS': '{{field}} must contain at least {{min}} items.',
  'validation.TOO_MANY_ITEMS': '{{field}} must contain at most {{max}} items.',
  'validation.INVALID_CHARACTERS': '{{field}} contains characters that are not allowed.',
  'validation.TOO_DEEP': 'The request body is nested too deeply; at most {{max}} levels are accepted.',
  'validation.BODY_NOT_OBJECT': 'The request body must be a JSON object.',
  'type.string': 'text',
  'type.integer': 'a whole number',
  'type.number': 'a number',
  'type.boolean': 'true or false',
  'type.object': 'an object',
  'type.array': 'a list',
};

export type Messages = typeof en;
