import { ErrorCatalogue, errorFactory, registerErrorCatalogue } from '@app/kernel';

export enum AuthErrorCode {
  EMAIL_TAKEN = 'AUTH_EMAIL_TAKEN',
  INVALID_CREDENTIALS = 'AUTH_INVALID_CREDENTIALS',
  TOO_MANY_ATTEMPTS = 'AUTH_TOO_MANY_ATTEMPTS',
  ACCOUNT_DISABLED = 'AUTH_ACCOUNT_DISABLED',
  WEAK_PASSWORD = 'AUTH_WEAK_PASSWORD',
  TOKEN_INVALID = 'AUTH_TOKEN_INVALID',
  ACCOUNT_NOT_FOUND = 'AUTH_ACCOUNT_NOT_FOUND',
}

export const AUTH_ERRORS: ErrorCatalogue<AuthErrorCode> = registerErrorCatalogue({
  [AuthErrorCode.EMAIL_TAKEN]: { status: 409, description: 'An account with this email (compared case-insensitively) exists.' },
  [AuthErrorCode.INVALID_CREDENTIALS]: { status: 401, description: 'Email or password is wrong (deliberately not saying which).' },
  [AuthErrorCode.TOO_MANY_ATTEMPTS]: { status: 429, description: 'Too many failed logins for this email or client; see Retry-After.' },
  [AuthErrorCode.ACCOUNT_DISABLED]: { status: 403, description: 'The account has been disabled by ops.' },
  [AuthErrorCode.WEAK_PASSWORD]: { status: 422, description: 'The password breaks the password policy (e.g. contains the email).' },
  [AuthErrorCode.TOKEN_INVALID]: { status: 401, description: 'The access token is unknown, expired or revoked.' },
  [AuthErrorCode.ACCOUNT_NOT_FOUND]: { status: 404, description: 'No account with this id.' },
});

export const authError = errorFactory(AUTH_ERRORS);
