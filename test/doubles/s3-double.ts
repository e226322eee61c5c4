import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A tiny S3-compatible object store for offline tests: path-style PUT/GET/DELETE of objects, the
 * S3 XML error for a missing key, and a check that every request is SigV4-signed.
 */
export interface S3Double {
  url: string;
  objects: Map<string, Buffer>;
  requests: { method: string; path: string; authorization?: string }[];
  close(): Promise<void>;
}

export async function startS3Double(bucket: string): Promise<S3Double> {
  const objects = new Map<string, Buffer>();
  const requests: S3Double['requests'] = [];
  const send = (res: ServerResponse, status: number, body = '', type = 'application/xml') => {
    res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  };
  const error = (res: ServerResponse, status: number, code: string) =>
    send(res, status, `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`);

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://s3.local');
      const path = decodeURIComponent(url.pathname);
      requests.push({ method: req.method ?? '', path, authorization: req.headers.authorization });
      if (!req.headers.authorization?.startsWith('AWS4-HMAC-SHA256 ')) return error(res, 403, 'AccessDenied');
      const prefix = `/${bucket}/`;
      if (!path.startsWith(prefix)) return error(res, 404, 'NoSuchBucket');
      const key = path.slice(prefix.length);
      if (req.method === 'PUT') {
        objects.set(key, Buffer.concat(chunks));
        res.writeHead(200, { ETag: '"etag"', 'Content-Length': 0 });
        return res.end();
      }
      if (req.method === 'GET') {
        const body = objects.get(key);
        if (!body) return error(res, 404, 'NoSuchKey');
        res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': body.length });
        return res.end(body);
      }
      if (req.method === 'DELETE') {
        objects.delete(key);
        res.writeHead(204);
        return res.end();
      }
      return error(res, 405, 'MethodNotAllowed');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    objects,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
