import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { RequestContext } from '../context/request-context';
import { negotiateLocale } from '../i18n/locales';

const REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The caller's X-Request-Id when well-formed, else a new UUID. */
export function requestIdFrom(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * First middleware of every request: a request id (the caller's X-Request-Id when well-formed,
 * else a new UUID) echoed in the response, and the request context with the negotiated language.
 */
export function requestContextMiddleware(req: Request, res: Response, next: NextFunction): void {
  const requestId = requestIdFrom(req.headers['x-request-id']);
  (req as Request & { id: string }).id = requestId;
  res.setHeader('X-Request-Id', requestId);
  let lang: unknown;
  try {
    lang = req.query?.lang;
  } catch {
    lang = undefined; // a malformed query string is reported by the router, not here
  }
  const { locale, explicit } = negotiateLocale(lang, req.headers['accept-language']);
  const ctx: RequestContext = { requestId, locale, localeExplicit: explicit, ip: req.ip };
  (req as Request & { ctx: RequestContext }).ctx = ctx;
  res.setHeader('Content-Language', locale);
  // the body's language follows Accept-Language (and the caller's account): caches must key on both
  res.setHeader('Vary', 'Accept-Language, Authorization');
  next();
}
