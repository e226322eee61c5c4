import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Inject } from '@nestjs/common';
import type { Request, Response } from 'express';
import { PinoLogger } from 'nestjs-pino';
import type { RequestContext } from '../context/request-context';
import { AppError, ErrorDetail, errorMessageKey, MessageParam } from '../errors/app-error';
import { commonError, CommonErrorCode } from '../errors/common-errors';
import { negotiateLocale } from '../i18n/locales';
import type { Locale } from '../i18n/locales';
import { Translator } from '../i18n/translator';
import { safeError } from './safe-error';
import { fieldLabel } from '../i18n/field-labels';

/**
 * A detail's params with its field NAMED, not pathed: where the message names the field by its path
 * (`params.field === field`), the registered label in the caller's language. Paths without a label
 * stay as they are: operators' inputs (a pack draft's `address.postalCode.pattern`) and keys a caller
 * sent that the body does not have.
 */
function named(d: ErrorDetail): Record<string, MessageParam> {
  const params = d.params ?? {};
  if (typeof params.field !== 'string' || params.field === '' || params.field !== d.field) return params;
  const label = fieldLabel(d.field);
  return label ? { ...params, field: label } : params;
}

type HttpishError = { status?: number; statusCode?: number; type?: string; expose?: boolean; limit?: number };

/** An error as it goes on the wire: status, extra headers and the envelope body. */
export interface RenderedError {
  status: number;
  headers: Record<string, string>;
  body: {
    error: { code: string; message: string; details: { field: string; code: string; message: string }[]; omittedDetails?: number };
    requestId: string;
  };
}

/**
 * The envelope lists at most this many details; `omittedDetails` counts the rest. (A 400 KB body
 * of 100,000 bad items would otherwise be answered with a 15 MB error.)
 */
export const MAX_RENDERED_DETAILS = 100;

/**
 * Turns anything thrown while serving a request into the one envelope,
 * `{"error": {"code", "message", "details": [{"field", "code", "message"}]}, "requestId"}`,
 * with messages rendered in the caller's language. Used by the exception filter (Nest routes)
 * and by the fast routes ({@link FastRouteServer}), so both answer alike.
 */
export class ErrorRenderer {
  constructor(
    private readonly translator: Translator,
    private readonly bodyLimitBytes: number,
  ) {}

  render(exception: unknown, request: { method: string; path: string; requestId: string; locale: Locale }): RenderedError & { error: AppError } {
    const { requestId, locale } = request;
    const error = this.toAppError(exception, request.method, request.path, requestId);
    const render = (key: string, params: Record<string, MessageParam> = {}) => this.translator.t(locale, key, this.renderParams(locale, params));
    const shown = error.details.slice(0, MAX_RENDERED_DETAILS);
    const omitted = error.details.length - shown.length;
    return {
      error,
      status: error.status,
      headers: { ...error.headers, 'Content-Language': locale },
      body: {
        error: {
          code: error.code,
          message: render(errorMessageKey(error.code), { requestId, ...error.params }),
          details: shown.map((d: ErrorDetail) => ({ field: d.field, code: d.code, message: render(d.messageKey, named(d)) })),
          ...(omitted > 0 ? { omittedDetails: omitted } : {}),
        },
        requestId,
      },
    };
  }

  private renderParams(locale: Locale, params: Record<string, MessageParam>) {
    const out: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(params)) out[k] = this.translator.param(locale, v);
    return out;
  }

  toAppError(exception: unknown, method: string, path: string, requestId: string): AppError {
    if (exception instanceof AppError) return exception;
    const status =
      exception instanceof HttpException
        ? exception.getStatus()
        : ((exception as HttpishError)?.status ?? (exception as HttpishError)?.statusCode);
    const type = (exception as HttpishError)?.type;
    if (type === 'entity.too.large' || type === 'parameters.too.many' || status === 413) {
      return commonError(CommonErrorCode.PAYLOAD_TOO_LARGE, { limit: this.bodyLimitBytes });
    }
    if (type === 'encoding.unsupported' || type === 'charset.unsupported' || status === 415) {
      return commonError(CommonErrorCode.UNSUPPORTED_MEDIA_TYPE, { expected: 'application/json; charset=utf-8' });
    }
    // Express: a route parameter that is not valid percent-encoding ("Failed to decode param")
    // (Nest's Express adapter hands it over as a BadRequestException caused by the URIError)
    const cause = (exception as { cause?: unknown })?.cause;
    if (status === 400 && [exception, cause].some((e) => (e as Error)?.name === 'URIError')) return commonError(CommonErrorCode.MALFORMED_URL);
    if (typeof status === 'number' && status >= 400 && status < 500) {
      switch (status) {
        case 400:
          return commonError(CommonErrorCode.MALFORMED_REQUEST);
        case 401:
          return commonError(CommonErrorCode.UNAUTHENTICATED);
        case 403:
          return commonError(CommonErrorCode.FORBIDDEN);
        case 404:
          return commonError(CommonErrorCode.ROUTE_NOT_FOUND, { method, path });
        case 405:
          return commonError(CommonErrorCode.METHOD_NOT_ALLOWED, { method });
        case 409:
          return commonError(CommonErrorCode.CONFLICT);
        case 429:
          return commonError(CommonErrorCode.RATE_LIMITED, { retryAfter: 60 }, [], { 'Retry-After': '60' });
        default:
          return commonError(CommonErrorCode.MALFORMED_REQUEST);
      }
    }
    const pgCode = (exception as { code?: string })?.code;
    if (pgCode === '40001' || pgCode === '40P01' || pgCode === '23505') return commonError(CommonErrorCode.CONFLICT);
    // A value validation let through but PostgreSQL refuses (data exception class 22: NUL in text,
    // impossible date, malformed uuid, numeric overflow): the statement failed, so nothing was written.
    if (typeof pgCode === 'string' && /^22[0-9A-Z]{3}$/.test(pgCode)) return commonError(CommonErrorCode.INVALID_VALUE);
    if (pgCode === 'ECONNREFUSED' || pgCode === '57P01' || pgCode === '57P03' || pgCode === '53300') {
      return commonError(CommonErrorCode.SERVICE_UNAVAILABLE);
    }
    return commonError(CommonErrorCode.INTERNAL, { requestId });
  }
}

/**
 * The one place errors of Nest routes become HTTP responses (see {@link ErrorRenderer}). Unknown
 * errors are logged (sanitised, see {@link safeError}) and answered 500 without internals.
 */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(
    private readonly renderer: ErrorRenderer,
    @Inject(PinoLogger) private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('HttpErrorFilter');
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request & { ctx?: RequestContext; id?: string }>();
    const res = http.getResponse<Response>();
    const ctx = req.ctx;
    const requestId = ctx?.requestId ?? String(req.id ?? '');
    const locale = ctx?.locale ?? negotiateLocale(req.query?.lang, req.headers['accept-language']).locale;

    const rendered = this.renderer.render(exception, { method: req.method, path: req.path, requestId, locale });
    if (rendered.status >= 500) {
      this.logger.error({ err: safeError(exception), requestId }, 'request failed with %s', rendered.error.code);
    } else if (rendered.error.code === CommonErrorCode.INVALID_VALUE) {
      // the database refused a value our validation let through: a validation gap worth fixing
      this.logger.warn({ err: safeError(exception), requestId }, 'database refused a request value');
    }
    if (res.headersSent) return;
    for (const [name, value] of Object.entries(rendered.headers)) res.setHeader(name, value);
    res.status(rendered.status).json(rendered.body);
  }
}
