import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DestinationStream } from 'pino';
import type { Params } from 'nestjs-pino';
import type { AppConfig } from '@app/kernel';

/**
 * JSON logs with the request id. Serializers WHITELIST what is logged: method, path (no query
 * string), status, request id and client address — never headers (tokens, cookies, signatures) or
 * bodies (passwords, tax IDs, IBANs, documents).
 */
export function loggerParams(config: AppConfig, destination?: DestinationStream): Params {
  const options = {
    level: config.logLevel,
    base: { service: 'local-to-global' },
    genReqId: (req: IncomingMessage) => (req as IncomingMessage & { id?: string }).id ?? 'unknown',
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
      err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    serializers: {
      req: (req: { id?: string; method?: string; url?: string; remoteAddress?: string }) => ({
        id: req.id,
        method: req.method,
        path: typeof req.url === 'string' ? req.url.split('?')[0] : undefined,
        remoteAddress: req.remoteAddress,
      }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    redact: { paths: ['req.headers', 'res.headers', '*.password', '*.accessToken'], remove: true },
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/health' },
    quietReqLogger: true,
  };
  return {
    pinoHttp: destination ? [options, destination] : options,
    // request logging is done by pino-http itself for every route
    forRoutes: ['*path'],
  } as Params;
}
