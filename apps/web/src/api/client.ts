import { client } from './generated/client.gen';

/** A field error as the API reports it (`details[]` of the envelope, `errors[]` of a dry run). */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** Any non-2xx answer, read from the one error envelope `{error: {code, message, details[]}, requestId}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldError[] = [],
    readonly requestId?: string,
  ) {
    super(message);
  }
}

interface Envelope {
  error?: { code?: string; message?: string; details?: FieldError[] };
  requestId?: string;
}

const TOKEN_KEY = 'ltg.token';
const ROLE_KEY = 'ltg.role';
export type Role = 'seller' | 'ops_reviewer' | 'ops_admin';
const ROLES: Role[] = ['seller', 'ops_reviewer', 'ops_admin'];
let token: string | null = localStorage.getItem(TOKEN_KEY);
let role: Role | null = ROLES.find((r) => r === localStorage.getItem(ROLE_KEY)) ?? null;
let language = 'en';
let onSignedOut: () => void = () => undefined;

export const session = {
  get token() {
    return token;
  },
  /** The signed-in account's role, as found out after login (the UI's menus; the API enforces it). */
  get role() {
    return role;
  },
  set(accessToken: string | null, accountRole: Role | null = null) {
    token = accessToken;
    role = accessToken ? accountRole : null;
    if (accessToken) localStorage.setItem(TOKEN_KEY, accessToken);
    else localStorage.removeItem(TOKEN_KEY);
    if (role) localStorage.setItem(ROLE_KEY, role);
    else localStorage.removeItem(ROLE_KEY);
  },
  /** Called when the API says the session is gone (expired or revoked token). */
  onSignedOut(fn: () => void) {
    onSignedOut = fn;
  },
  /** The API said the token is no longer valid: forget it and tell the app. */
  expired() {
    this.set(null);
    onSignedOut();
  },
};

/** The API answers (messages, labels, country names) in this language. */
export function setApiLanguage(lang: string): void {
  language = lang;
}

/** The language the API is asked to answer in (uploads outside the generated client send it too). */
export const apiLanguage = () => language;

client.setConfig({ baseUrl: '', throwOnError: true });

client.interceptors.request.use((request) => {
  request.headers.set('Accept-Language', language);
  if (token) request.headers.set('Authorization', `Bearer ${token}`);
  return request;
});

client.interceptors.error.use((error, response) => {
  if (error instanceof ApiError) return error;
  if (!response) return new ApiError(0, 'NETWORK', error instanceof Error ? error.message : String(error));
  const envelope = (typeof error === 'object' && error !== null ? error : {}) as Envelope;
  if (response.status === 401 && token) session.expired();
  return new ApiError(
    response.status,
    envelope.error?.code ?? `HTTP_${response.status}`,
    envelope.error?.message ?? response.statusText,
    envelope.error?.details ?? [],
    envelope.requestId,
  );
});

export * from './generated/sdk.gen';
export type * from './generated/types.gen';
