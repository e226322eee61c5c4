import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import request from 'supertest';
import { startTestApp, TestApp, uniqueEmail } from '../support/app';
import { eventually } from '../support/eventually';
import { pdfVariant } from '../support/files';
import { launchChromium, seriousA11yViolations, TestBrowser } from '../support/browser';

/**
 * The web app (apps/web) in a real Chromium against the real API on real PostgreSQL: built with
 * Vite as `npm start` builds it, served by the API process, driven like a seller would.
 * Screenshots go to WEB_E2E_SCREENSHOTS when it is set.
 */
const node = (args: string[]) => spawnSync(process.execPath, args, { cwd: process.cwd(), encoding: 'utf8', timeout: 120_000 });

let webDir: string;
let buildOutput: string;
let t: TestApp;
let base: string;
let chromium: TestBrowser;

beforeAll(async () => {
  webDir = mkdtempSync(join(tmpdir(), 'ltg-web-'));
  const build = node(['node_modules/vite/bin/vite.js', 'build', '--config', 'apps/web/vite.config.ts', '--outDir', webDir, '--emptyOutDir']);
  buildOutput = `${build.stdout}\n${build.stderr}`;
  if (build.status !== 0) throw new Error(`web build failed:\n${buildOutput}`);
  t = await startTestApp({ WEB_DIR: webDir });
  await t.app.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  chromium = await launchChromium();
}, 180_000);

afterAll(async () => {
  await chromium?.close();
  await t?.close();
  rmSync(webDir, { recursive: true, force: true });
});

/** The element's text once it is what we expect (the page may still be rendering); asserted by the caller. */
async function textOf(locator: Locator, expected: string | RegExp): Promise<string> {
  const ok = (s: string) => (typeof expected === 'string' ? s === expected : expected.test(s));
  return eventually(async () => ((await locator.first().textContent()) ?? '').trim(), ok, 10_000);
}

async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.WEB_E2E_SCREENSHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

async function expectAccessible(page: Page): Promise<void> {
  const violations = await seriousA11yViolations(page);
  expect(violations.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** What a phone user sees must fit the screen: no sideways scrolling. */
async function expectFitsWidth(page: Page): Promise<void> {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll).toBeLessThanOrEqual(width);
}

describe('web app: build and serving', () => {
  it('builds within the first-load budget and says how big it is', () => {
    const line = buildOutput.match(/web: first load ([\d.]+) KB gzipped/);
    expect(line).not.toBeNull();
    expect(Number(line![1])).toBeLessThan(250);
  });

  it('serves index.html revalidated, hashed assets immutable, and falls back to the app for page routes only', async () => {
    const page = await request(t.http).get('/business').set('Accept', 'text/html,application/xhtml+xml');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const script = page.text.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    const asset = await request(t.http).get(script!);
    expect(asset.status).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toMatch(/javascript/);

    // the API, its docs and health checks are never shadowed, even for a browser
    const api = await request(t.http).get('/v1/no-such-route').set('Accept', 'text/html');
    expect(api.status).toBe(404);
    expect(api.body.error.code).toBe('COMMON_ROUTE_NOT_FOUND');
    expect((await request(t.http).get('/health').set('Accept', 'text/html')).body).toMatchObject({ status: 'ok' });
    expect((await request(t.http).get('/docs-json').set('Accept', 'text/html')).body.openapi).toMatch(/^3\./);
    // API clients keep the JSON 404; a missing file stays a 404; only GET/HEAD fall back
    expect((await request(t.http).get('/business')).status).toBe(404);
    expect((await request(t.http).get('/assets/missing-0000.js').set('Accept', 'text/html')).status).toBe(404);
    expect((await request(t.http).get('/robots.txt').set('Accept', 'text/html')).status).toBe(404);
    expect((await request(t.http).post('/business').set('Accept', 'text/html')).status).toBe(404);
  });

  it('uses a client generated from the OpenAPI document the API serves', async () => {
    const served = (await request(t.http).get('/docs-json')).body;
    const committed = JSON.parse(readFileSync(resolve(process.cwd(), 'apps/web/openapi.json'), 'utf8'));
    // apps/web/openapi.json is what `npm run web:client` writes; a changed API needs it regenerated
    expect(served).toEqual(committed);
    const check = node(['scripts/web-client.mjs', '--check']);
    expect(`${check.stdout}${check.stderr}`).toContain('web client: up to date');
    expect(check.status).toBe(0);
  }, 60_000);

  it('runs without a web build (the API alone)', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'ltg-web-none-'));
    const bare = await startTestApp({ WEB_DIR: empty }, t.db);
    try {
      expect((await request(bare.http).get('/').set('Accept', 'text/html')).status).toBe(404);
      expect((await request(bare.http).get('/health')).status).toBe(200);
    } finally {
      await bare.sql.end();
      await bare.app.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

describe('web app in Chromium: a Turkish seller', () => {
  const email = uniqueEmail('ayse');
  const password = 'anadolu-seramik-2026';
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    // a phone in Turkey: Turkish browser language, 390 px wide
    context = await chromium.browser.newContext({ locale: 'tr-TR', viewport: { width: 390, height: 844 }, hasTouch: true });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await context?.close();
  });

  it('signs up in Turkish; the API refuses a short password next to the field, in Turkish', async () => {
    await page.goto(`${base}/signup`);
    expect(await textOf(page.locator('h1'), 'Satıcı hesabınızı oluşturun')).toBe('Satıcı hesabınızı oluşturun');
    expect(await page.getAttribute('html', 'lang')).toBe('tr');
    await expectAccessible(page);
    await expectFitsWidth(page);

    await page.getByLabel('E-posta').fill(email);
    await page.getByLabel('Parola').fill('kısa');
    await page.getByLabel('Ülke').selectOption({ label: 'Türkiye' });
    await page.getByRole('button', { name: 'Hesap oluştur' }).click();
    const passwordError = page.locator('#f-password-error');
    // the API's message, with the field named by its label
    expect(await textOf(passwordError, /en az 10 karakter/)).toBe('Parola en az 10 karakter içermelidir.');
    expect(await textOf(page.getByRole('alert'), /İstek geçerli değil/)).toMatch(/İstek geçerli değil/);
    expect(await page.getByLabel('Parola').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    await shot(page, '1-signup-error-tr');

    await page.getByLabel('Parola').fill(password);
    await page.getByRole('button', { name: 'Hesap oluştur' }).click();
    await page.waitForURL(`${base}/home`);
    expect(await textOf(page.locator('h1'), 'Satıcı hesabınız')).toBe('Satıcı hesabınız');
    expect(await textOf(page.getByTestId('kyc-status'), 'Doğrulama, işletme bilgileriniz kaydedildiğinde başlar.')).toBe('Doğrulama, işletme bilgileriniz kaydedildiğinde başlar.');
    expect(await textOf(page.getByTestId('payout-status'), 'Henüz kurulmadı')).toBe('Henüz kurulmadı');
    await page.getByText('(TRY)').waitFor();
    await expectAccessible(page);
    await expectFitsWidth(page);
    await shot(page, '2-home-tr');

    // the account keeps the language it was created in
    const row = await t.sql.query('SELECT locale FROM accounts WHERE email = $1', [email]);
    expect(row.rows).toEqual([{ locale: 'tr' }]);
  }, 120_000);

  it('fills the Ltd. Şti. form from the country spec: a wrong VKN is flagged next to its field before submitting; then saves', async () => {
    await page.getByRole('link', { name: 'İşletme bilgileri', exact: true }).click();
    await page.waitForURL(`${base}/business`);
    await page.getByLabel('Şirket türü').selectOption({ label: 'Limited Şirketi (Ltd. Şti.)' });

    // the identifiers of the legal form, labelled and with examples from GET /v1/countries/TR
    const vkn = page.getByLabel('Vergi Kimlik Numarası (VKN, 10 haneli)');
    await page.getByText('Örnek: 4540536920').waitFor();
    await vkn.fill('4540536921');
    await vkn.press('Tab'); // leaving the field checks it
    const vknError = page.locator('[data-field="identifiers[tr.vkn]"]');
    expect(await textOf(vknError, /kontrol basamakları tutmuyor/)).toMatch(/kontrol basamakları tutmuyor/);
    expect(await vkn.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    await shot(page, '3-business-vkn-tr');

    // the dry run shows every error at once, each next to its field
    await page.getByRole('button', { name: 'Kontrol et' }).click();
    expect(await textOf(page.locator('[data-field="identifiers[tr.mersis]"]'), /MERSİS.*zorunludur/)).toMatch(/MERSİS.*zorunludur/);
    expect(await textOf(page.locator('[data-field="legalName"]'), /zorunludur/)).toBe('Ticaret unvanı alanı zorunludur.');
    await page.locator('[data-field="registeredAddress.postalCode"]').waitFor();
    expect(await textOf(vknError, /kontrol basamakları tutmuyor/)).toMatch(/kontrol basamakları tutmuyor/);
    expect(await textOf(page.getByRole('alert'), /Lütfen işaretli alanları düzeltin/)).toMatch(/Lütfen işaretli alanları düzeltin/);
    const nothingSaved = await request(t.http).get('/v1/sellers/me/business').set('Authorization', `Bearer ${await token()}`);
    expect(nothingSaved.status).toBe(404);
    await expectAccessible(page);

    await page.getByLabel('Ticaret unvanı').fill('Anadolu Seramik Ltd. Şti.');
    await vkn.fill('4540536920');
    await page.getByLabel('MERSİS numarası (Merkezi Sicil Kayıt Sistemi, 16 haneli)').fill('0454053692000015');
    await page.getByLabel('Cadde/sokak ve numara').fill('Atatürk Caddesi No: 5');
    await page.getByLabel('Şehir / ilçe').fill('Kadıköy');
    await page.getByLabel(/^İl( \*)?$/).fill('İstanbul');
    await page.getByLabel('Posta kodu').fill('34710');
    await page.getByLabel('Telefon').fill('+90 501 234 56 78');
    await page.getByLabel('Yetkilinin adı').fill('Ayşe');
    await page.getByLabel('Yetkilinin soyadı').fill('Yılmaz');
    await page.getByRole('button', { name: 'Kaydet' }).click();
    expect(await textOf(page.locator('.success'), 'İşletme bilgileriniz kaydedildi.')).toBe('İşletme bilgileriniz kaydedildi.');
    expect(await page.locator('.error').count()).toBe(0);
    await expectFitsWidth(page);
    await shot(page, '4-business-saved-tr');

    const saved = await request(t.http).get('/v1/sellers/me/business').set('Authorization', `Bearer ${await token()}`);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      country: 'TR',
      legalForm: 'tr.ltd',
      legalName: 'Anadolu Seramik Ltd. Şti.',
      identifiers: { 'tr.vkn': '4540536920', 'tr.mersis': '0454053692000015' },
      registeredAddress: { line1: 'Atatürk Caddesi No: 5', city: 'Kadıköy', region: 'İstanbul', postalCode: '34710', country: 'TR' },
      representative: { firstName: 'Ayşe', lastName: 'Yılmaz' },
    });
  }, 120_000);

  it('switches language, remembers it, and the API answers in it too', async () => {
    await page.getByRole('link', { name: 'Genel bakış', exact: true }).click();
    expect(await textOf(page.getByTestId('kyc-status'), 'Belgeler toplanıyor')).toBe('Belgeler toplanıyor');
    await page.getByText('Hâlâ gerekenler').waitFor();
    const turkish = (await page.locator('article').first().locator('li').allTextContents()).join(' ');
    expect(turkish).toMatch(/Vergi levhası/);
    await page.getByLabel('Dil').selectOption('en');
    expect(await textOf(page.locator('h1'), 'Your seller account')).toBe('Your seller account');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await textOf(page.getByTestId('kyc-status'), 'Collecting documents')).toBe('Collecting documents');
    // the checklist comes from the API, now in English
    await page.getByText('Still needed').waitFor();
    const checklist = await page.locator('article').first().locator('li').allTextContents();
    expect(checklist.length).toBeGreaterThan(0);
    expect(checklist.join(' ')).toMatch(/legal representative/);
    expect(checklist.join(' ')).not.toBe(turkish);

    await page.reload();
    expect(await textOf(page.locator('h1'), 'Your seller account')).toBe('Your seller account');
    await expectAccessible(page);
    await shot(page, '5-home-en');

    await page.getByLabel('Language').selectOption('it');
    expect(await textOf(page.locator('h1'), 'Il tuo account venditore')).toBe('Il tuo account venditore');
    await page.getByLabel('Lingua').selectOption('tr');
  }, 60_000);

  it('logs out, and logs in again with the keyboard alone', async () => {
    await page.getByRole('button', { name: 'Çıkış yap' }).click();
    await page.waitForURL(`${base}/login`);
    expect(await page.evaluate(() => localStorage.getItem('ltg.token'))).toBeNull();
    await expectAccessible(page);

    await page.getByLabel('E-posta').focus();
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('wrong-password-here');
    await page.keyboard.press('Enter');
    expect(await textOf(page.getByRole('alert'), /.+/)).toMatch(/.+/);
    await page.getByLabel('Parola').fill('');
    await page.getByLabel('Parola').focus();
    await page.keyboard.type(password);
    await page.keyboard.press('Enter');
    await page.waitForURL(`${base}/home`);
    expect(await textOf(page.locator('h1'), 'Satıcı hesabınız')).toBe('Satıcı hesabınız');
  }, 60_000);

  it('declares the representative (a wrong T.C. Kimlik No flagged next to its field), uploads the documents and sends them for review', async () => {
    await page.getByRole('link', { name: 'Doğrulama', exact: true }).click();
    await page.waitForURL(`${base}/kyc`);
    expect(await textOf(page.locator('h1'), 'Doğrulama (KYC)')).toBe('Doğrulama (KYC)');
    // prefilled from the business profile
    expect(await page.getByLabel('Ad soyad').inputValue()).toBe('Ayşe Yılmaz');
    await page.getByLabel('Doğum tarihi').fill('1984-03-12');
    expect(await page.getByLabel('Uyruk').inputValue()).toBe('TR');
    await page.getByLabel('Kimlik belgesi numarası').fill('12345678901');
    await page.getByRole('button', { name: 'Kişileri kaydet' }).click();
    const idError = page.locator('[data-field="persons[0].idDocumentNumber"]');
    expect(await textOf(idError, /.+/)).toMatch(/T\.C\. Kimlik/);
    await expectAccessible(page);
    await shot(page, '6-kyc-person-error-tr');
    await page.getByLabel('Kimlik belgesi numarası').fill('17291716060');
    await page.getByRole('button', { name: 'Kişileri kaydet' }).click();
    expect(await textOf(page.locator('.success'), 'Kaydedildi: 1.')).toBe('Kaydedildi: 1.');

    // every document the Ltd. Şti. form requires, as the country pack names them
    const required = ['tr.vergi_levhasi', 'tr.ticaret_sicil_gazetesi', 'tr.imza_sirkuleri', 'tr.faaliyet_belgesi', 'representative_id'];
    for (const [n, type] of required.entries()) {
      const id = `doc-${type.replace(/[^a-z0-9]/gi, '_')}`;
      await page.locator(`#${id}-file`).setInputFiles({ name: `${type}.pdf`, mimeType: 'application/pdf', buffer: pdfVariant(n) });
      if (type === 'tr.faaliyet_belgesi') await page.locator(`#${id}-issued`).fill(new Date().toISOString().slice(0, 10));
      await page.locator(`form[aria-labelledby="${id}-title"]`).getByRole('button', { name: 'Yükle' }).click();
      await page.getByTestId(`uploaded-${type}`).waitFor();
    }
    expect(await textOf(page.getByTestId('uploaded-tr.vergi_levhasi'), /inceleme bekliyor/)).toMatch(/yüklendi · inceleme bekliyor/);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'İncelemeye gönder' }).click();
    expect(await textOf(page.locator('.success').last(), /^Gönderildi/)).toMatch(/^Gönderildi\. Durum: (Gönderildi|İnceleniyor)\.$/);
    await shot(page, '7-kyc-submitted-tr');
    const kyc = await request(t.http).get('/v1/sellers/me/kyc').set('Authorization', `Bearer ${await token()}`);
    expect(['submitted', 'in_review']).toContain(kyc.body.status);
    expect(kyc.body.documents).toHaveLength(required.length);
  }, 120_000);

  async function token(): Promise<string> {
    const res = await request(t.http).post('/v1/auth/login').send({ email, password });
    return res.body.accessToken as string;
  }
});
