import { Inject, Injectable } from '@nestjs/common';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import { parse as parseContentType } from 'content-type';
import getRawBody from 'raw-body';
import { PinoLogger } from 'nestjs-pino';
import { APP_CONFIG } from '../config/app-config';
import type { AppConfig } from '../config/app-config';
import type { RequestContext } from '../context/request-context';
import { commonError, CommonErrorCode } from '../errors/common-errors';
import { negotiateLocale } from '../i18n/locales';
import { ErrorRenderer } from './error-filter';
import { requestIdFrom } from './request-context.middleware';
import { safeError } from './safe-error';
import { inspectInput } from './validation';

export interface FastRouteRequest {
  /** The body exactly as received (never parsed before the route sees it). */
  readonly body: Buffer;
  readonly headers: IncomingHttpHeaders;
  readonly ctx: RequestContext;
}

/**
 * A route served straight from the HTTP server, ahead of Express and the Nest pipeline (router,
 * guards, pipes, interceptors, body parsers), which cost about as much CPU per request as the
 * route's own work (measured in bench/registration.mjs). Only for high-volume endpoints: the
 * processor's webhooks, and the seller's registration and `GET /v1/sellers/me`. The same path is
 * also declared as a Nest route (OpenAPI, and the variants a fast route leaves to Express: a
 * trailing slash, HEAD). Everything a caller can observe stays the same as on Nest routes: request
 * id, language negotiation (and the account's language once a route authenticated the caller),
 * body limit, 415 for other media types, 400 for malformed JSON ({@link parseJsonBody}), the one
 * error envelope, one log line per request.
 */
export interface FastRoute {
  readonly method: 'GET' | 'POST' | 'PUT';
  /** Exact path, without query string (a trailing slash or other variants go to Express). */
  readonly path: string;
  /** Accepted media types (charset, when given, must be utf-8). */
  readonly consumes: readonly string[];
  handle(request: FastRouteRequest): Promise<{ status: number; body: unknown }>;
}

const pathOf = (url: string): string => {
  const q = url.indexOf('?');
  return q < 0 ? url : url.slice(0, q);
};

@Injectable()
export class FastRouteServer {
  constructor(
    private readonly renderer: ErrorRenderer,
    @Inject(PinoLogger) private readonly logger: PinoLogger,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.logger.setContext('http');
  }

  /** Puts the routes in front of the server's existing request listener (the Express app). */
  install(server: Server, routes: readonly FastRoute[]): void {
    if (!routes.length) return;
    const table = new Map(routes.map((r) => [`${r.method} ${r.path}`, r]));
    const fallback = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
    if (fallback.length !== 1) throw new Error(`fast routes: expected one request listener on the HTTP server, found ${fallback.length}`);
    const next = fallback[0];
    server.removeListener('request', next);
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      const route = table.get(`${req.method} ${pathOf(req.url ?? '')}`);
      if (route) {
        const requestId = requestIdFrom(req.headers['x-request-id']);
        // what pino-http does for Nest routes: logs made while serving carry the request id
        void this.logger.runInContext(() => this.serve(route, req, res, requestId), { bindings: { reqId: requestId } });
      }
      else next(req, res);
    });
  }

  private async serve(route: FastRoute, req: IncomingMessage, res: ServerResponse, requestId: string): Promise<void> {
    const started = Date.now();
    const url = req.url ?? '';
    const q = url.indexOf('?');
    const lang = q < 0 ? undefined : (new URLSearchParams(url.slice(q + 1)).get('lang') ?? undefined);
    (req as IncomingMessage & { id?: string }).id = requestId;
    const { locale, explicit } = negotiateLocale(lang, req.headers['accept-language']);
    const ctx: RequestContext = { requestId, locale, localeExplicit: explicit, ip: req.socket.remoteAddress };
    res.setHeader('X-Request-Id', requestId);
    // the body's language follows Accept-Language (and the caller's account): caches must key on both
    res.setHeader('Vary', 'Accept-Language, Authorization');
    let failure: unknown;
    try {
      const body = await this.readBody(route, req);
      const result = await route.handle({ body, headers: req.headers, ctx });
      res.setHeader('Content-Language', ctx.locale);
      this.send(res, result.status, result.body);
    } catch (e) {
      failure = e;
      // a route that authenticated the caller may have switched ctx.locale to the account's language
      res.setHeader('Content-Language', ctx.locale);
      const rendered = this.renderer.render(e, { method: req.method ?? 'POST', path: route.path, requestId, locale: ctx.locale });
      if (rendered.status >= 500) this.logger.error({ err: safeError(e), requestId }, 'request failed with %s', rendered.error.code);
      if (!res.headersSent && !res.destroyed) {
        for (const [name, value] of Object.entries(rendered.headers)) res.setHeader(name, value);
        this.send(res, rendered.status, rendered.body);
      }
    } finally {
      this.log(req, res, started, failure);
    }
  }

  /** The raw body within the size limit, after the media-type checks (415 before reading a byte). */
  private async readBody(route: FastRoute, req: IncomingMessage): Promise<Buffer> {
    const length = req.headers['content-length'];
    const hasBody = (length !== undefined && length !== '0') || req.headers['transfer-encoding'] !== undefined;
    if (!hasBody) return Buffer.alloc(0);
    const expected = route.consumes.join(', ');
    let type: string;
    let charset: string | undefined;
    try {
      const parsed = parseContentType(req.headers['content-type'] ?? '');
      type = parsed.type;
      charset = parsed.parameters.charset?.toLowerCase();
    } catch {
      throw commonError(CommonErrorCode.UNSUPPORTED_MEDIA_TYPE, { expected });
    }
    if (!route.consumes.includes(type) || (charset !== undefined && charset !== 'utf-8')) {
      throw commonError(CommonErrorCode.UNSUPPORTED_MEDIA_TYPE, { expected });
    }
    const encoding = (req.headers['content-encoding'] ?? 'identity').toLowerCase();
    if (encoding !== 'identity') throw commonError(CommonErrorCode.UNSUPPORTED_MEDIA_TYPE, { expected });
    // raw-body: enforces the limit while streaming (and up front from Content-Length), checks the
    // declared length, and reports an aborted upload (errors carry status 413 / 400).
    return getRawBody(req, { length, limit: this.config.bodyLimitBytes });
  }

  private send(res: ServerResponse, status: number, body: unknown): void {
    const json = JSON.stringify(body);
    res.statusCode = status;
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('Content-Length', Buffer.byteLength(json));
    res.end(json);
  }

  /**
   * The line pino-http writes for Nest routes: the real request and response go through the same
   * serializers (whitelisted fields only), at the same levels.
   */
  private log(req: IncomingMessage, res: ServerResponse, started: number, err: unknown): void {
    const status = res.statusCode;
    const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
    this.logger[level]({ req, res, responseTime: Date.now() - started }, err && status >= 500 ? 'request errored' : 'request completed');
  }
}

/**
 * A JSON request body as the Nest routes' body parser reads it, before authentication: strict (an
 * object or an array at the top), no body is `{}`, anything else 400 COMMON_MALFORMED_REQUEST.
 * Then, after authentication (so details speak the account's language), {@link inspectJsonBody}.
 */
export function parseJsonBody(body: Buffer): unknown {
  if (!body.length) return {};
  const text = body.toString('utf8');
  const first = /^[\x20\x09\x0a\x0d]*(.)/.exec(text)?.[1];
  if (first !== '{' && first !== '[') throw commonError(CommonErrorCode.MALFORMED_REQUEST);
  try {
    return JSON.parse(text);
  } catch {
    throw commonError(CommonErrorCode.MALFORMED_REQUEST);
  }
}

/**
 * What the Nest routes' validation pipe checks in every body before any DTO ({@link inspectInput}:
 * NUL and lone surrogates, depth, prototype keys, huge arrays): 400 COMMON_VALIDATION_FAILED with
 * field details.
 */
export function inspectJsonBody<T>(value: T): T {
  const problems = inspectInput(value);
  if (problems.length > 0) throw commonError(CommonErrorCode.VALIDATION_FAILED, {}, problems);
  return value;
}
