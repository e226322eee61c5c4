import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/**
 * A real headless Chromium for the web e2e specs, never downloaded: CHROMIUM_PATH when set, else the
 * system's (Debian's `chromium` package: `apt-get install -y chromium`), else the build shipped inside
 * the `@sparticuz/chromium` npm package (unpacked to the temp folder on first use).
 */
const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/lib/chromium/chromium', '/usr/bin/google-chrome'];

const ARGS = [
  '--headless',
  '--no-sandbox', // tests run as root
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

export interface TestBrowser {
  browser: Browser;
  /** Where the browser came from, for the test log. */
  source: string;
  close(): Promise<void>;
}

export async function launchChromium(): Promise<TestBrowser> {
  let executablePath = process.env.CHROMIUM_PATH;
  let source = 'CHROMIUM_PATH';
  if (!executablePath && process.env.WEB_E2E_CHROMIUM !== 'bundled') {
    executablePath = SYSTEM_CHROMIUM.find((p) => existsSync(p));
    source = 'system';
  }
  if (!executablePath) {
    const bundled = (await import('@sparticuz/chromium')).default;
    executablePath = await bundled.executablePath();
    source = '@sparticuz/chromium';
  }
  // launch() gives every run a fresh --user-data-dir of its own (a temporary profile, removed on close)
  const browser = await chromium.launch({ executablePath, headless: true, args: ARGS, timeout: 60_000 });
  return { browser, source: `${source} ${executablePath}`, close: () => browser.close() };
}

const AXE_SOURCE = () => readFileSync(resolve(process.cwd(), 'node_modules/axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core run inside the page (WCAG 2 A/AA rules): the serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE());
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
