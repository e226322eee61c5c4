/**
 * Local stand-in for the official sanctions-list publishers (OFAC, EU FSF, UN SC): a real HTTP
 * server on 127.0.0.1 serving the fixture files (libs/kyc/src/screening/fixtures) at the paths the
 * real services use, so the scheduled fetch runs offline through the real HTTP adapter.
 * `serve` replaces a file (a new publication) or makes a path fail. Test-only: nothing here ships.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { resolve } from 'node:path';

export interface SanctionsListsDouble {
  /** SANCTIONS_* variables pointing the fetch at this double. */
  env: Record<string, string>;
  requests: string[];
  serve(path: string, body: Buffer, contentType?: string, status?: number): void;
  close(): Promise<void>;
}

const fixture = (name: string) => readFileSync(resolve(process.cwd(), 'libs/kyc/src/screening/fixtures', name));

export const PATHS = { ofacSdn: '/api/PublicationPreview/exports/SDN.CSV', ofacAlt: '/api/PublicationPreview/exports/ALT.CSV', eu: '/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content', un: '/resources/xml/en/consolidated.xml' };

export async function startSanctionsListsDouble(): Promise<SanctionsListsDouble> {
  const routes = new Map<string, { body: Buffer; contentType: string; status: number }>([
    [PATHS.ofacSdn, { body: fixture('ofac_sdn.csv'), contentType: 'text/csv', status: 200 }],
    [PATHS.ofacAlt, { body: fixture('ofac_alt.csv'), contentType: 'text/csv', status: 200 }],
    [PATHS.eu, { body: fixture('eu_fsf.xml'), contentType: 'application/xml', status: 200 }],
    [PATHS.un, { body: fixture('un_consolidated.xml'), contentType: 'application/xml', status: 200 }],
  ]);
  const requests: string[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    requests.push(req.url ?? '/');
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
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    env: {
      SANCTIONS_FETCH_ENABLED: 'true',
      SANCTIONS_OFAC_SDN_URL: `${url}${PATHS.ofacSdn}`,
      SANCTIONS_OFAC_ALT_URL: `${url}${PATHS.ofacAlt}`,
      SANCTIONS_EU_URL: `${url}${PATHS.eu}?token=dG9rZW4tMjAxNw`,
      SANCTIONS_UN_URL: `${url}${PATHS.un}`,
    },
    requests,
    serve: (path, body, contentType = 'application/xml', status = 200) => routes.set(path, { body, contentType, status }),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((ok) => server.close(() => ok()));
    },
  };
}
