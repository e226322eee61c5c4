/**
 * Local stand-in for the official FX publishers (ECB, Bank of Russia, TCMB): a real HTTP server on
 * 127.0.0.1 serving fixed bytes per path, with the content types the real servers send
 * (CBR: windows-1251 XML). Lets the scheduled fetch run offline through the real HttpFxFeed adapter.
 * Test-only: nothing here ships.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface FxFeedDouble {
  url: string;
  /** Paths requested so far. */
  requests: string[];
  serve(path: string, body: Buffer, contentType?: string, status?: number): void;
  close(): Promise<void>;
}

export async function startFxFeedDouble(): Promise<FxFeedDouble> {
  const routes = new Map<string, { body: Buffer; contentType: string; status: number }>();
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    requests.push(path);
    const route = routes.get(path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/html' }).end('<html>not found</html>');
      return;
    }
    res.writeHead(route.status, { 'content-type': route.contentType, 'content-length': route.body.length }).end(route.body);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    serve: (path, body, contentType = 'text/xml', status = 200) => routes.set(path, { body, contentType, status }),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
