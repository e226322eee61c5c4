import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** Paths the web app never answers: the API, its docs and the health checks keep their own 404s. */
const RESERVED = /^\/(v\d+|docs|docs-json|docs-yaml|health)(\/|$|-)/;
const IMMUTABLE = 'public, max-age=31536000, immutable';
/**
 * The page itself: revalidated on every load (a new deploy is picked up at once), no third-party
 * anything; scripts and styles only from our own origin. `blob:` frames and images: the ops console
 * shows KYC documents (fetched with the bearer token) inline.
 */
const HTML_HEADERS = {
  'Cache-Control': 'no-cache',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; frame-src 'self' blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
};

/**
 * Serves the built web app (apps/web → WEB_DIR) from the API process: hashed files under /assets/
 * as immutable, everything else (index.html) revalidated, and an SPA fallback to index.html for
 * browser navigations (GET/HEAD asking for HTML) outside the reserved API paths. Without a build
 * (tests, `nest build` alone) the API runs as before. Returns whether the app is served.
 */
export function serveWebApp(app: NestExpressApplication, webDir: string): boolean {
  const root = resolve(process.cwd(), webDir);
  const index = join(root, 'index.html');
  if (!existsSync(index)) return false;
  app.useStaticAssets(root, {
    index: false,
    redirect: false,
    dotfiles: 'ignore',
    setHeaders: (res: Response, path: string) => {
      if (path.startsWith(join(root, 'assets'))) res.setHeader('Cache-Control', IMMUTABLE);
      else if (path.endsWith('.html')) res.set(HTML_HEADERS);
      else res.setHeader('Cache-Control', 'no-cache');
    },
  });
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (RESERVED.test(req.path) || req.path.startsWith('/assets/')) return next();
    // a missing file (/favicon.ico, /robots.txt) stays a 404; only page routes fall back
    if (/\.[a-z0-9]+$/i.test(req.path)) return next();
    // browsers navigate with Accept: text/html; API clients (curl's */*, fetch, supertest) keep the JSON 404
    if (!(req.headers.accept ?? '').includes('text/html')) return next();
    res.set(HTML_HEADERS);
    res.sendFile(index, (err) => {
      if (err && !res.headersSent) next(err);
    });
  });
  return true;
}
