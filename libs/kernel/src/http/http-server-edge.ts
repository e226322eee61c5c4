import { Inject, Injectable } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import type { Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { PinoLogger } from 'nestjs-pino';
import { commonError, CommonErrorCode } from '../errors/common-errors';
import { negotiateLocale } from '../i18n/locales';
import { ErrorRenderer } from './error-filter';
import { requestIdFrom } from './request-context.middleware';

/** The whole request (headers and body) must arrive within this time; then 408 and the connection closes. */
export const REQUEST_TIMEOUT_MS = 120_000;
/** The request line and headers must arrive within this time. */
export const HEADERS_TIMEOUT_MS = 20_000;

const isMultipart = (req: Request): boolean => /^multipart\/form-data\b/i.test(req.headers['content-type'] ?? '');

/**
 * Refuses a body whose declared Content-Length is over the JSON body limit before a byte of it is
 * read: 413 in the envelope, and the connection is closed instead of waiting for (and discarding)
 * a body that may never come. (Express's body parser would wait for the whole declared body before
 * answering.) Multipart uploads have limits of their own, checked per route the same way before
 * the upload is read (see the KYC upload interceptor).
 */
export function declaredLengthLimit(limitBytes: number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > limitBytes && !isMultipart(req)) {
      res.setHeader('Connection', 'close');
      next(commonError(CommonErrorCode.PAYLOAD_TOO_LARGE, { limit: limitBytes }));
      return;
    }
    next();
  };
}

/** What Node's HTTP parser reports (llhttp error codes, timeouts); `rawPacket` holds the bytes it was reading. */
type ClientError = Error & { code?: string; rawPacket?: Buffer };

/** One header from the raw bytes of a request the parser refused (when it got that far). */
function rawHeader(raw: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\r?\\n)${name}:[ \\t]*([^\\r\\n]*)`, 'i').exec(raw)?.[1]?.trim();
}

/**
 * The HTTP server itself: request and header timeouts, and requests Node's HTTP parser refuses
 * before Express sees them (bad chunk size, Content-Length with Transfer-Encoding, a NUL in a
 * header, an unknown method, a head over 16 KB, a request that timed out). Those are answered in
 * the one envelope with a request id (the caller's X-Request-Id and Accept-Language when they can
 * be read from the raw bytes, else a new id and English), then the connection is closed.
 */
@Injectable()
export class HttpServerEdge {
  constructor(
    private readonly renderer: ErrorRenderer,
    @Inject(PinoLogger) private readonly logger: PinoLogger,
  ) {
    this.logger.setContext('http');
  }

  install(server: Server): void {
    server.requestTimeout = REQUEST_TIMEOUT_MS;
    server.headersTimeout = HEADERS_TIMEOUT_MS;
    server.on('clientError', (err: ClientError, socket: Duplex) => this.onClientError(err, socket));
  }

  private onClientError(err: ClientError, socket: Duplex): void {
    // a response already under way on this socket cannot be followed by another one
    const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
    if (err.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const code =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? CommonErrorCode.HEADERS_TOO_LARGE
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? CommonErrorCode.REQUEST_TIMEOUT
          : CommonErrorCode.MALFORMED_HTTP;
    // a request already dispatched (its body timed out or broke) keeps the id and language it was given
    const given = (name: string) => {
      const v = inFlight?.getHeader(name);
      return typeof v === 'string' ? v : undefined;
    };
    const raw = err.rawPacket?.toString('latin1') ?? '';
    const requestId = given('X-Request-Id') ?? requestIdFrom(rawHeader(raw, 'x-request-id'));
    const locale = negotiateLocale(undefined, given('Content-Language') ?? rawHeader(raw, 'accept-language')).locale;
    const rendered = this.renderer.render(commonError(code), { method: '', path: '', requestId, locale });
    const body = JSON.stringify(rendered.body);
    const headers: Record<string, string | number> = {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'X-Request-Id': requestId,
      ...rendered.headers,
      Connection: 'close',
    };
    const head = Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
    socket.end(`HTTP/1.1 ${rendered.status} ${STATUS_CODES[rendered.status]}\r\n${head}\r\n${body}`);
    this.logger.warn({ requestId, status: rendered.status, parserError: err.code }, 'request refused by the HTTP parser');
  }
}
