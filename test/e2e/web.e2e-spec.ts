import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import request from 'supertest';
import { targetDaysBetween } from '@app/kernel';
import { signup, startTestApp, TestApp, uniqueEmail } from '../support/app';
import { startStripeDouble, StripeDouble } from '../doubles/stripe-double';
import { eventually } from '../support/eventually';
import { pdfVariant, PNG, readablePdf } from '../support/files';
import { launchChromium, seriousA11yViolations, TestBrowser } from '../support/browser';
import { submitKyc } from '../support/kyc';
import { acceptedRegistration } from '../support/registrations';

/**
 * The web app (apps/web) in a real Chromium against the real API on real PostgreSQL: built with
 * Vite as `npm start` builds it, served by the API process, driven like a seller would.
 * Screenshots go to WEB_E2E_SCREENSHOTS when it is set.
 */
const ADMIN = { email: 'web.admin@ops.example.com', password: 'Web-Admin-Passphrase-1' };
const REVIEWER = { email: 'web.reviewer@ops.example.com', password: 'Web-Reviewer-Passphrase-2' };
const node = (args: string[]) => spawnSync(process.execPath, args, { cwd: process.cwd(), encoding: 'utf8', timeout: 120_000 });

let webDir: string;
let buildOutput: string;
let t: TestApp;
let base: string;
let chromium: TestBrowser;
let stripe: StripeDouble;

beforeAll(async () => {
  webDir = mkdtempSync(join(tmpdir(), 'ltg-web-'));
  const build = node(['node_modules/vite/bin/vite.js', 'build', '--config', 'apps/web/vite.config.ts', '--outDir', webDir, '--emptyOutDir']);
  buildOutput = `${build.stdout}\n${build.stderr}`;
  if (build.status !== 0) throw new Error(`web build failed:\n${buildOutput}`);
  stripe = await startStripeDouble();
  t = await startTestApp({
    WEB_DIR: webDir,
    BOOTSTRAP_OPS_ADMIN_EMAIL: ADMIN.email,
    BOOTSTRAP_OPS_ADMIN_PASSWORD: ADMIN.password,
    STRIPE_SECRET_KEY: stripe.secretKey,
    STRIPE_API_URL: stripe.url,
  });
  await t.app.listen(0, '127.0.0.1');
  base = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  chromium = await launchChromium();
}, 180_000);

afterAll(async () => {
  await chromium?.close();
  await t?.close();
  await stripe?.close();
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

/** The README's screenshots (docs/screenshots), rewritten by `npm run docs:screenshots`. */
async function docShot(page: Page, name: string): Promise<void> {
  if (!process.env.WEB_E2E_DOCS) return;
  const dir = resolve(process.cwd(), 'docs/screenshots');
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
    await page.getByText('Türk lirası (TRY)').waitFor();
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
    await docShot(page, 'registration-form');

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
    await page.getByLabel(/^İl( \*)?$/).selectOption({ label: 'İstanbul' }); // the spec's province list
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
      registeredAddress: { line1: 'Atatürk Caddesi No: 5', city: 'Kadıköy', region: '34', postalCode: '34710', country: 'TR' },
      representative: { firstName: 'Ayşe', lastName: 'Yılmaz' },
    });
  }, 120_000);

  it('switches language, remembers it, and the API answers in it too', async () => {
    await page.getByRole('link', { name: 'Genel bakış', exact: true }).click();
    expect(await textOf(page.getByTestId('kyc-status'), 'Belgeler toplanıyor')).toBe('Belgeler toplanıyor');
    await page.getByText('Hâlâ gerekenler').waitFor();
    const turkish = (await page.getByTestId('kyc-card').locator('li').allTextContents()).join(' ');
    expect(turkish).toMatch(/Vergi levhası/);
    await page.getByLabel('Dil').selectOption('en');
    expect(await textOf(page.locator('h1'), 'Your seller account')).toBe('Your seller account');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await textOf(page.getByTestId('kyc-status'), 'Collecting documents')).toBe('Collecting documents');
    // the checklist comes from the API, now in English
    await page.getByText('Still needed').waitFor();
    const checklist = await page.getByTestId('kyc-card').locator('li').allTextContents();
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
    // a company without owners at or above the threshold says so (or submission is refused)
    await page.getByLabel('Şirketin %25 veya daha fazlasına sahip kimse yok (bildirilecek ortak yok)').check();
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
      const buffer = type === 'tr.vergi_levhasi' ? readablePdf(`Vergi Levhasi - Anadolu Seramik Ltd. Sti. - VKN 4540536920 - ${email}`) : pdfVariant(n);
      await page.locator(`#${id}-file`).setInputFiles({ name: `${type}.pdf`, mimeType: 'application/pdf', buffer });
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

  // ---- the ops side of the same story: another browser session, in English, on a laptop ----
  const opsContexts: BrowserContext[] = [];
  let reviewer: Page;
  let adminPage: Page;
  let caseUrl: string;
  afterAll(async () => {
    for (const c of opsContexts) await c.close();
  });

  /** An ops person on a laptop, in English, in a browser session of their own. */
  async function opsLogin(account: { email: string; password: string }): Promise<Page> {
    const context = await chromium.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    opsContexts.push(context);
    const p = await context.newPage();
    p.setDefaultTimeout(15_000);
    await p.goto(`${base}/login`);
    await p.getByLabel('Email').fill(account.email);
    await p.getByLabel('Password').fill(account.password);
    await p.getByRole('button', { name: 'Log in' }).click();
    await p.waitForURL(`${base}/ops`);
    return p;
  }

  it('an ops reviewer finds the case by the company name, opens the tax certificate inline (audited) and asks for a clearer one', async () => {
    const admin = await adminToken();
    await request(t.http).post('/v1/ops/accounts').set('Authorization', `Bearer ${admin}`).send({ ...REVIEWER, role: 'ops_reviewer' }).expect(201);
    reviewer = await opsLogin(REVIEWER);
    expect(await textOf(reviewer.locator('h1'), 'KYC review queue')).toBe('KYC review queue');
    // a reviewer does not configure: no country-pack editing offered
    await expectAccessible(reviewer);

    // which sanctions lists screening runs against: none loaded here, said plainly
    expect(await textOf(reviewer.getByTestId('coverage-status'), /No list is loaded/)).toMatch(/every submission goes to review/);
    await reviewer.getByLabel('Search').fill('anadolu seramik');
    await reviewer.getByRole('button', { name: 'Apply' }).click();
    await reviewer.waitForURL(/q=anadolu/);
    await shot(reviewer, '10-ops-queue');
    const row = reviewer.getByRole('row').filter({ hasText: 'Anadolu Seramik Ltd. Şti.' });
    expect(await textOf(row.getByRole('cell').nth(2), /Ayşe Yılmaz/)).toMatch(/Ayşe Yılmaz \(Legal representative\)/);
    expect(await row.getByRole('cell').nth(1).textContent()).toMatch(/^(Türkiye|Turkey)$/);
    await row.getByRole('link', { name: 'Anadolu Seramik Ltd. Şti.' }).click();
    await reviewer.waitForURL(/\/ops\/kyc\/[0-9a-f-]{36}$/);
    caseUrl = reviewer.url();
    expect(await textOf(reviewer.locator('h1'), 'Anadolu Seramik Ltd. Şti.')).toBe('Anadolu Seramik Ltd. Şti.');
    expect(await textOf(reviewer.getByTestId('case-status'), 'In review')).toBe('In review');
    // the checks with their evidence: without a loaded sanctions list nothing is cleared
    await reviewer.getByRole('article', { name: 'sanctions' }).waitFor();
    expect(await reviewer.getByRole('article', { name: 'sanctions' }).getByRole('heading').textContent()).toBe('sanctions — needs a look');

    const card = reviewer.getByTestId('document-tr.vergi_levhasi');
    const label = ((await card.getByRole('heading').textContent()) ?? '').trim();
    expect(label).toMatch(/vergi levhası/i);
    await card.getByRole('button', { name: `Open ${label}` }).click();
    const frame = card.locator('iframe.viewer');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toMatch(/^blob:/);
    expect(await frame.getAttribute('title')).toBe(label);
    const docId = (await t.sql.query(`SELECT id FROM kyc_documents WHERE type = 'tr.vergi_levhasi' AND case_id = $1`, [caseUrl.split('/').pop()])).rows[0].id;
    const audit = await request(t.http).get(`/v1/ops/audit?targetId=${docId}`).set('Authorization', `Bearer ${admin}`);
    expect(audit.body[0]).toMatchObject({ action: 'kyc.document_downloaded', actorRole: 'ops_reviewer' });
    await expectAccessible(reviewer);
    await docShot(reviewer, 'kyc-case');

    // the seller's account and business profile, and a message to the seller from "the review team"
    const sellerBlock = reviewer.getByTestId('case-seller');
    expect(await textOf(sellerBlock, /4540536920/)).toMatch(/0454053692000015/);
    expect(await sellerBlock.textContent()).toMatch(/Ayşe Yılmaz/);
    await reviewer.getByLabel('Message to the seller').fill('Lütfen vergi levhasının kaşesi okunur bir taramasını yükleyin.');
    await reviewer.getByRole('button', { name: 'Send message' }).click();
    expect(await textOf(reviewer.locator('.success'), /Message sent/)).toBe('Message sent to the seller.');
    expect(await textOf(reviewer.getByTestId('case-messages'), /kaşesi okunur/)).toMatch(/kaşesi okunur/);
    await expectAccessible(reviewer);

    await reviewer.getByLabel('Request changes').check();
    await reviewer.getByLabel(label, { exact: true }).selectOption('rejected');
    await reviewer.getByLabel(`Why ${label} is rejected`).selectOption('DOCUMENT_UNREADABLE');
    await reviewer.getByLabel('Internal note').fill('stamp illegible on the scan');
    await reviewer.getByRole('button', { name: 'Record decision' }).click();
    expect(await textOf(reviewer.locator('.decision .success'), /^Recorded/)).toBe('Recorded. Status: Action required.');
    expect(await textOf(reviewer.getByTestId('case-status'), 'Action required')).toBe('Action required');
    await expectAccessible(reviewer);
  }, 120_000);

  it('the seller sees the request in Turkish (never the internal note) and uploads a new tax certificate', async () => {
    await page.goto(`${base}/kyc`);
    expect(await textOf(page.getByTestId('kyc-page-status'), /İşlem gerekli/)).toMatch(/İşlem gerekli/);
    const levha = page.getByTestId('uploaded-tr.vergi_levhasi');
    expect(await textOf(levha, /reddedildi/)).toMatch(/reddedildi · Belge okunamıyor; daha net bir tarama yükleyin\.$/);
    expect(await page.content()).not.toContain('stamp illegible');
    expect(await textOf(page.getByTestId('kyc-messages'), /kaşesi okunur/)).toMatch(/^İnceleme ekibi, .*Lütfen vergi levhasının kaşesi okunur bir taramasını yükleyin\.$/);
    await expectAccessible(page);
    await shot(page, '8-kyc-changes-requested-tr');

    const id = 'doc-tr_vergi_levhasi';
    await page.locator(`#${id}-file`).setInputFiles({ name: 'vergi-levhasi-net.pdf', mimeType: 'application/pdf', buffer: pdfVariant(99) });
    await page.locator(`form[aria-labelledby="${id}-title"]`).getByRole('button', { name: 'Yükle' }).click();
    expect(await textOf(page.locator(`form[aria-labelledby="${id}-title"] .success`), /vergi-levhasi-net\.pdf/)).toMatch(/vergi-levhasi-net\.pdf/);
    await page.getByRole('button', { name: 'İncelemeye gönder' }).click();
    expect(await textOf(page.locator('.success').last(), /^Gönderildi/)).toBe('Gönderildi. Durum: İnceleniyor.');
  }, 60_000);

  it('the reviewer approves the resubmitted case (one approval: the Turkish pack asks for no four-eyes review)', async () => {
    await reviewer.goto(caseUrl);
    expect(await textOf(reviewer.getByTestId('case-status'), 'In review')).toBe('In review');
    expect(await textOf(reviewer.getByTestId('four-eyes'), 'One approval')).toBe('One approval');
    await reviewer.getByLabel('Approve').check();
    await reviewer.getByRole('button', { name: 'Record decision' }).click();
    expect(await textOf(reviewer.locator('.success'), /^Recorded/)).toBe('Recorded. Status: Approved.');

    await page.goto(`${base}/home`);
    expect(await textOf(page.getByTestId('kyc-status'), 'Onaylandı')).toBe('Onaylandı');
    await expectAccessible(page);
  }, 60_000);

  it('sets up bank-transfer payouts: a wrong IBAN flagged next to its field, then shown masked; ops verify it', async () => {
    await page.getByRole('link', { name: 'Ödemeler', exact: true }).click();
    await page.waitForURL(`${base}/payouts`);
    expect(await textOf(page.getByTestId('payouts-page-status'), 'Henüz kurulmadı')).toBe('Henüz kurulmadı');
    await page.getByRole('button', { name: 'Ödeme kurulumunu başlat' }).click();
    await page.getByLabel('Hesap sahibi').fill('Anadolu Seramik Ltd. Şti.');
    await page.getByLabel('IBAN').fill('TR06 0006 2000 0000 6291 2345 68');
    await page.getByRole('button', { name: 'Banka hesabını kaydet' }).click();
    expect(await textOf(page.locator('[data-field="iban"]'), /.+/)).toMatch(/IBAN/);
    expect(await page.getByLabel('IBAN').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page);
    await page.getByLabel('IBAN').fill('TR06 0006 2000 0000 6291 2345 67');
    await page.getByRole('button', { name: 'Banka hesabını kaydet' }).click();
    expect(await textOf(page.locator('.success'), /kaydedildi/)).toBe('Banka hesabı kaydedildi; şimdi inceleme bekliyor.');
    const masked = await textOf(page.getByTestId('bank-account').locator('.mono'), /\d{4}$/);
    expect(masked).toMatch(/4567$/);
    expect(masked).not.toContain('0006 2000');
    await expectFitsWidth(page);
    await expectAccessible(page);
    await shot(page, '9-payouts-bank-tr');

    await reviewer.getByRole('link', { name: 'Bank accounts' }).click();
    const bankRow = reviewer.getByRole('row').filter({ hasText: 'Anadolu Seramik Ltd. Şti.' });
    expect(await textOf(bankRow.locator('td.mono'), /4567/)).not.toContain('0006 2000');
    await expectAccessible(reviewer);
    // the full number, to compare with the bank letter: on request, and audited
    await bankRow.getByRole('button', { name: 'Show full number (audited)' }).click();
    expect(await textOf(bankRow.locator('td.mono'), /^TR\d+$/)).toBe('TR060006200000006291234567');
    await bankRow.getByRole('button', { name: 'Verify' }).click();
    expect(await textOf(reviewer.locator('.success'), /^Verified\./)).toMatch(/^Verified\. Anadolu Seramik Ltd\. Şti\. \(.*4567\)$/);
    await bankRow.waitFor({ state: 'detached' });
    const payout = await request(t.http).get('/v1/sellers/me/payouts').set('Authorization', `Bearer ${await token()}`);
    expect(payout.body.bankAccount).toMatchObject({ status: 'verified' });
  }, 60_000);

  it('an ops admin opens Belgium by cloning the Dutch pack: problems shown where they are, a label edited in five languages, published', async () => {
    const admin = (adminPage = await opsLogin(ADMIN));
    await admin.getByRole('link', { name: 'Countries' }).click();
    expect(await textOf(admin.locator('h1'), 'Country packs')).toBe('Country packs');
    await admin.getByLabel('Start from').selectOption('NL');
    await admin.getByLabel('New country code').fill('be');
    await admin.getByRole('button', { name: 'Clone' }).click();
    await admin.waitForURL(`${base}/ops/countries/BE/edit?from=NL`);
    expect(await textOf(admin.locator('h1'), 'Country pack BE')).toBe('Country pack BE');
    // codes renamed to the new country: the identifier types come from the API's list
    expect(await admin.locator('#lf-2-id-0-type').inputValue()).toBe('be.kvk');

    // the name label, missing in Spanish: highlighted and counted; publishing waits for it
    const name = (lang: string) => admin.getByLabel(`name in ${lang}`, { exact: true });
    await name('en').fill('Belgium');
    await name('ru').fill('Бельгия');
    await name('tr').fill('Belçika');
    await name('it').fill('Belgio');
    await name('es').fill('');
    expect(await textOf(admin.getByRole('heading', { name: /^Labels in five languages/ }), /missing/)).toBe('Labels in five languages (1 missing)');
    expect(await name('es').getAttribute('aria-invalid')).toBe('true');
    expect(await admin.getByRole('button', { name: 'Publish' }).isDisabled()).toBe(true);
    await expectAccessible(admin);
    await name('es').fill('Bélgica');

    // validate: the Dutch bank example is flagged at its field
    await admin.getByRole('button', { name: 'Validate' }).click();
    const bankProblem = admin.locator('[data-problem-for="bank.example"]');
    expect(await textOf(bankProblem, /.+/)).toMatch(/bank\.example/);
    await shot(admin, '11-pack-editor-problems');
    await admin.getByLabel('Bank account example').fill('BE68539007547034');
    await admin.getByRole('button', { name: 'Validate' }).click();
    await bankProblem.waitFor({ state: 'detached' });
    // the samples run now: the Dutch ones that no longer hold are pointed at, and removed
    for (;;) {
      const failing = admin.locator('.samples [data-problem-for^="samples."]');
      if ((await failing.count()) === 0) break;
      await failing.first().locator('xpath=..').getByRole('button', { name: 'Remove this sample' }).click();
      await admin.getByRole('button', { name: 'Validate' }).click();
      await admin.locator('.success, .alert').first().waitFor();
    }
    expect(await textOf(admin.locator('.success'), /checks out/)).toBe('Everything checks out: ready to publish.');
    await expectAccessible(admin);
    await admin.getByRole('button', { name: 'Publish' }).click();
    expect(await textOf(admin.locator('.success'), /^Published/)).toBe('Published as version 1.');

    const be = await request(t.http).get('/v1/countries/BE').set('Accept-Language', 'es');
    expect(be.status).toBe(200);
    expect(be.body).toMatchObject({ country: 'BE', name: 'Bélgica', status: 'enabled' });
    expect(be.body.legalForms.map((f: { code: string }) => f.code)).toContain('be.bv');
  }, 120_000);

  it('an ops admin edits the Turkish pack: the diff against the published version shows the edited label', async () => {
    const admin = adminPage;
    await admin.goto(`${base}/ops/countries/TR/edit`);
    expect(await textOf(admin.getByTestId('pack-origin'), /published version/)).toMatch(/^A new draft from published version \d+/);
    const en = admin.getByLabel('name in en', { exact: true });
    await en.fill('Türkiye (Republic of)');
    await admin.getByRole('button', { name: 'Changes against published' }).click();
    const diff = admin.getByTestId('diff');
    expect(await textOf(diff.getByRole('row').first(), /name\.en/)).toMatch(/^name\.enchanged"Türkiye""Türkiye \(Republic of\)"$/);
    // a label changes no requirement: nobody is sent back to re-verification
    expect(await textOf(admin.getByTestId('impact'), /^Publishing flags/)).toBe('Publishing flags 0 seller(s) for re-verification (by legal form: —).');
    await admin.getByRole('button', { name: 'Discard draft' }).click();
    expect(await textOf(admin.locator('.success'), 'Draft discarded.')).toBe('Draft discarded.');
  }, 60_000);

  it('four eyes: a Russian case needs two different reviewers; the same reviewer cannot approve twice', async () => {
    const ru = await request(t.http).post('/v1/auth/signup').send({ email: uniqueEmail('ru'), password: 'volga-trading-2026', country: 'RU', locale: 'ru' });
    const ruToken = ru.body.session.accessToken as string;
    const registration = acceptedRegistration('RU');
    await request(t.http).put('/v1/sellers/me/business').set('Authorization', `Bearer ${ruToken}`).send(registration).expect(200);
    const submitted = await submitKyc(t.http, ruToken, [{ role: 'representative', fullName: 'Иван Петров', nationality: 'RU' }]);
    expect(submitted.status).toBe('in_review');

    await reviewer.goto(`${base}/ops?q=${encodeURIComponent('Петров')}`);
    const row = reviewer.getByRole('row').filter({ hasText: 'Иван Петров' });
    expect(await textOf(row.getByRole('cell').last(), /Four eyes/)).toMatch(/Four eyes: needs two approvals$/);
    await row.getByRole('link').click();
    await reviewer.waitForURL(`${base}/ops/kyc/${submitted.caseId}`);
    expect(await textOf(reviewer.getByTestId('four-eyes'), /Four eyes/)).toBe('Four eyes: needs two approvals');
    await reviewer.getByLabel('Approve').check();
    await reviewer.getByRole('button', { name: 'Record decision' }).click();
    expect(await textOf(reviewer.locator('.success'), /^First approval/)).toBe('First approval recorded: a second reviewer must approve too.');
    expect(await textOf(reviewer.getByTestId('four-eyes'), /second/)).toBe('Four eyes: waiting for a second reviewer');
    expect(await textOf(reviewer.getByTestId('case-status'), 'In review')).toBe('In review');
    // the same person again: refused, in the reviewer's language
    await reviewer.getByRole('button', { name: 'Record decision' }).click();
    expect(await textOf(reviewer.getByRole('alert'), /.+/)).toMatch(/.+/);
    expect(await textOf(reviewer.getByTestId('case-status'), 'In review')).toBe('In review');
    await expectAccessible(reviewer);

    await adminPage.goto(`${base}/ops/kyc/${submitted.caseId}`);
    await adminPage.getByLabel('Approve').check();
    await adminPage.getByRole('button', { name: 'Record decision' }).click();
    expect(await textOf(adminPage.locator('.success'), /^Recorded/)).toBe('Recorded. Status: Approved.');
    const audit = await request(t.http).get(`/v1/ops/audit?targetId=${submitted.caseId}`).set('Authorization', `Bearer ${await adminToken()}`);
    expect(audit.body.map((e: { action: string; actorRole: string }) => `${e.action} ${e.actorRole}`)).toEqual(expect.arrayContaining(['kyc.first_approval ops_reviewer', 'kyc.approve ops_admin']));
  }, 60_000);

  it('ops read the audit log filtered by action and the webhook inbox', async () => {
    await reviewer.getByRole('link', { name: 'Audit log' }).click();
    expect(await textOf(reviewer.locator('h1'), 'Audit log')).toBe('Audit log');
    await reviewer.getByLabel('Action').fill('kyc.request_changes');
    await reviewer.getByRole('button', { name: 'Apply' }).click();
    await reviewer.waitForURL(/action=kyc\.request_changes/);
    const rows = reviewer.locator('tbody tr');
    expect(await textOf(rows.first().locator('td').nth(1), 'kyc.request_changes')).toBe('kyc.request_changes');
    expect(await rows.count()).toBe(1);
    await rows.first().getByText('Show').click();
    expect(await textOf(rows.first().locator('pre'), /DOCUMENT_UNREADABLE/)).toMatch(/"internalNote": "stamp illegible on the scan"/);
    await expectAccessible(reviewer);

    // a Stripe event the worker gave up on (a dead letter), as the inbox stores it
    const eventId = `evt_web_${Date.now()}`;
    await t.sql.query(
      `INSERT INTO webhook_inbox (id, provider, type, account, livemode, event_created, payload, status, outcome, attempts, last_error, received_at)
       VALUES ($1, 'stripe', 'account.updated', 'acct_web_dead', false, $2, $3, 'dead', 'failed', 8, 'database unavailable', now())`,
      [eventId, Math.floor(Date.now() / 1000), JSON.stringify({ id: eventId, type: 'account.updated', data: { object: { id: 'acct_web_dead' } } })],
    );
    await reviewer.getByRole('link', { name: 'Webhooks' }).click();
    expect(await textOf(reviewer.locator('h1'), 'Stripe webhook inbox')).toBe('Stripe webhook inbox');
    const dead = reviewer.getByRole('row').filter({ hasText: eventId });
    expect(await textOf(dead.getByRole('cell').nth(3), /.+/)).toBe('database unavailable');
    await dead.getByRole('button', { name: 'Show payload' }).click();
    expect(await textOf(dead.locator('pre'), /acct_web_dead/)).toMatch(/"type": "account.updated"/);
    // reviewers read; replaying is for ops_admin
    expect(await dead.getByRole('button', { name: 'Replay' }).count()).toBe(0);
    await expectAccessible(reviewer);

    await adminPage.getByRole('link', { name: 'Webhooks' }).click();
    const row = adminPage.getByRole('row').filter({ hasText: eventId });
    await row.getByRole('button', { name: 'Replay' }).click();
    await adminPage.getByRole('row').filter({ hasText: eventId }).waitFor({ state: 'detached' });
    expect((await t.sql.query('SELECT status, outcome FROM webhook_inbox WHERE id = $1', [eventId])).rows).toEqual([{ status: 'received', outcome: 'replayed' }]);
    const audit = await request(t.http).get(`/v1/ops/audit?targetId=${eventId}`).set('Authorization', `Bearer ${await adminToken()}`);
    expect(audit.body[0]).toMatchObject({ action: 'webhook.replayed', actorRole: 'ops_admin' });
  }, 60_000);

  async function adminToken(): Promise<string> {
    const res = await request(t.http).post('/v1/auth/login').send(ADMIN);
    return res.body.accessToken as string;
  }

  async function token(): Promise<string> {
    const res = await request(t.http).post('/v1/auth/login').send({ email, password });
    return res.body.accessToken as string;
  }
});

describe('web app in Chromium: an Italian seller hands over to Stripe for payouts and comes back', () => {
  let context: BrowserContext;
  afterAll(async () => {
    await context?.close();
  });

  it('starts payouts on Stripe, follows the hosted link, returns to the payouts page; an expired link is renewed', async () => {
    const { payload, token } = await signup(t.http, { country: 'IT', locale: 'it' });
    await request(t.http).put('/v1/sellers/me/business').set('Authorization', `Bearer ${token}`).send(acceptedRegistration('IT')).expect(200);
    context = await chromium.browser.newContext({ locale: 'it-IT', viewport: { width: 1024, height: 800 } });
    // Stripe's hosted onboarding, played by the browser: whatever the seller does there, Stripe sends them back
    const handedOver: string[] = [];
    await context.route('https://connect.stripe.com/**', async (route) => {
      handedOver.push(route.request().url());
      await route.fulfill({ status: 302, headers: { location: `${base}/payouts/return` } });
    });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${base}/login`);
    await page.getByLabel('Email').fill(payload.email);
    await page.getByLabel('Password').fill(payload.password);
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.waitForURL(`${base}/home`);
    await page.getByRole('link', { name: 'Dettagli dei pagamenti' }).click();
    await page.waitForURL(`${base}/payouts`);
    expect(await textOf(page.getByTestId('payouts-page-status'), /.+/)).toBe('Non ancora configurati');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Avvia la configurazione' }).click();
    await page.getByRole('button', { name: 'Continua su Stripe' }).click();
    await page.waitForURL(`${base}/payouts/return`);
    expect(handedOver).toHaveLength(1);
    expect(handedOver[0]).toMatch(/^https:\/\/connect\.stripe\.com\/setup\/e\/acct_/);
    expect(await textOf(page.getByRole('status'), /Bentornato/)).toBe('Bentornato. Lo stato qui sotto è aggiornato.');
    expect(await textOf(page.getByTestId('payouts-page-status'), /.+/)).not.toBe('Non ancora configurati');
    await expectAccessible(page);

    // Stripe sends an expired link to /payouts/refresh: a new link at once
    await page.goto(`${base}/payouts/refresh`);
    await page.waitForURL(`${base}/payouts/return`);
    expect(handedOver).toHaveLength(2);
    expect(handedOver[1]).not.toBe(handedOver[0]);
  }, 60_000);
});

/** Today's TARGET day (the last working day on a weekend): an ECB file of that day is fresh. */
function ecbToday(tryRate: string): Buffer {
  const now = new Date();
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  while (d.getUTCDay() === 0 || d.getUTCDay() === 6 || targetDaysBetween(d.toISOString().slice(0, 10), now) !== 0) d.setUTCDate(d.getUTCDate() - 1);
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject><gesmes:Sender><gesmes:name>European Central Bank</gesmes:name></gesmes:Sender>
  <Cube><Cube time='${d.toISOString().slice(0, 10)}'>
    <Cube currency='USD' rate='1.1225'/><Cube currency='JPY' rate='176.99'/><Cube currency='GBP' rate='0.86915'/><Cube currency='TRY' rate='${tryRate}'/>
  </Cube></Cube>
</gesmes:Envelope>`);
}

describe('web app in Chromium: the catalog, FX rates and markets', () => {
  let admin: BrowserContext;
  let seller: BrowserContext;
  let ops: Page;
  let page: Page;
  let productId: string;

  beforeAll(async () => {
    admin = await chromium.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    seller = await chromium.browser.newContext({ locale: 'tr-TR', viewport: { width: 1024, height: 800 } });
    ops = await admin.newPage();
    page = await seller.newPage();
    ops.setDefaultTimeout(15_000);
    page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await admin?.close();
    await seller?.close();
  });

  it('an ops admin imports today\'s ECB rates through the FX page, with the freshness of each source', async () => {
    await ops.goto(`${base}/login`);
    await ops.getByLabel('Email').fill(ADMIN.email);
    await ops.getByLabel('Password').fill(ADMIN.password);
    await ops.getByRole('button', { name: 'Log in' }).click();
    await ops.waitForURL(`${base}/ops`);
    await ops.getByRole('link', { name: 'FX rates', exact: true }).click();
    await ops.waitForURL(`${base}/ops/fx`);
    expect(await textOf(ops.getByTestId('freshness-ecb').locator('td').last(), /.+/)).toBe('No rates yet');
    await expectAccessible(ops);
    await ops.locator('#fx-source').selectOption('ecb');
    await ops.locator('#fx-file').setInputFiles({ name: 'eurofxref-daily.xml', mimeType: 'text/xml', buffer: ecbToday('54.8310') });
    await ops.getByRole('button', { name: 'Import', exact: true }).click();
    expect(await textOf(ops.locator('.success'), /^Imported: 1 new snapshots/)).toMatch(/^Imported: 1 new snapshots/);
    expect(await textOf(ops.getByTestId('freshness-ecb').locator('td').last(), 'Fresh')).toBe('Fresh');
    await expectAccessible(ops);
    await shot(ops, '20-ops-fx-en');
  }, 60_000);

  it('a Turkish seller creates a product, translates it into Italian and sees the IT listing in EUR with its breakdown and readiness issues', async () => {
    const { payload } = await signup(t.http, { country: 'TR', locale: 'tr' });
    await page.goto(`${base}/login`);
    await page.getByLabel('E-posta').fill(payload.email);
    await page.getByLabel('Parola').fill(payload.password);
    await page.getByRole('button', { name: 'Giriş yap' }).click();
    await page.waitForURL(`${base}/home`);
    await page.getByRole('link', { name: 'Ürünler', exact: true }).click();
    await page.waitForURL(`${base}/products`);
    expect(await textOf(page.locator('h1'), 'Ürünler')).toBe('Ürünler');
    await page.getByText('Eşleşen ürün yok.').waitFor();
    await expectAccessible(page);

    await page.getByRole('link', { name: 'Yeni ürün' }).click();
    await page.waitForURL(`${base}/products/new`);
    await page.getByLabel('Başlık').fill('Güneş Kadın Elbise');
    await page.getByLabel('Açıklama').fill('Yazlık pamuklu elbise, İzmir\'de dikildi.');
    await page.locator('#f-category').selectOption('apparel.women');
    await page.getByLabel('Para birimi').fill('TRY');
    await page.getByLabel('Menşe ülke (ISO kodu)').fill('TR');
    await page.getByLabel('GTİP (HS) kodu').fill('620442');
    await page.getByLabel(/^Stok kodu/).fill('GUNES-ELBISE-M');
    const price = page.getByLabel(/TRY cinsinden fiyat/);
    // more decimals than the currency has: refused next to the field before anything is sent
    await price.fill('2000,005');
    await page.getByRole('button', { name: 'Ürünü kaydet' }).click();
    expect(await textOf(page.locator('[data-field="variants[0].price.amount"]'), /ondalıklı/)).toBe('En fazla 2 ondalıklı bir tutar girin.');
    await expectAccessible(page);
    await price.fill('2000,00');
    await page.getByRole('button', { name: 'Ürünü kaydet' }).click();
    await page.waitForURL(/\/products\/[0-9a-f-]{36}$/);
    await shot(page, '20-product-created-tr');
    productId = page.url().split('/').pop()!;
    expect(await textOf(page.locator('.success'), 'Ürün kaydedildi.')).toBe('Ürün kaydedildi.');
    // the form is reset from the saved product after the save (the typed '2000,00' becomes the canonical '2000.00')
    expect(await eventually(() => page.getByLabel(/TRY cinsinden fiyat/).inputValue(), (v) => v === '2000.00', 10_000)).toBe('2000.00');
    const saved = await request(t.http).get(`/v1/sellers/me/products/${productId}`).set('Authorization', `Bearer ${await page.evaluate(() => localStorage.getItem('ltg.token'))}`);
    expect(saved.body).toMatchObject({ currency: 'TRY', sourceLocale: 'tr', variants: [expect.objectContaining({ sku: 'GUNES-ELBISE-M', price: { amountMinor: '200000', amount: '2000.00', currency: 'TRY' } })] });

    await page.getByRole('link', { name: 'Çeviriler', exact: true }).click();
    await page.waitForURL(`${base}/products/${productId}/translations`);
    await page.getByLabel('Çevrilecek dil').selectOption('it');
    const row = page.getByTestId('translation-title');
    expect(await textOf(row.locator('td').first(), 'Güneş Kadın Elbise')).toBe('Güneş Kadın Elbise');
    await page.getByLabel(/^Başlık · /).fill('Abito da donna Güneş');
    await page.getByLabel(/^Açıklama · /).fill('Abito estivo in cotone, cucito a Smirne.');
    await page.getByRole('button', { name: 'Çevirileri kaydet' }).click();
    expect(await textOf(page.locator('.success'), 'Çeviriler kaydedildi.')).toBe('Çeviriler kaydedildi.');
    expect(await page.getByTestId('outdated-title').count()).toBe(0);
    await expectAccessible(page);
    await shot(page, '21-translations-tr');

    await page.getByRole('link', { name: 'Pazarlar ve fiyatlar', exact: true }).click();
    await page.getByLabel('Pazar').selectOption('IT');
    const amount = page.getByTestId('price-GUNES-ELBISE-M').getByTestId('price-amount');
    // 2000 TRY at 54.8310 per EUR, Italian VAT and the x.99 ending: 44,99 € (shown in Turkish formatting)
    expect(await textOf(amount, /44,99/)).toMatch(/^€44,99$/);
    const steps = await page.getByTestId('price-GUNES-ELBISE-M').locator('tbody th').allTextContents();
    expect(steps).toEqual(['Fiyatınız', 'Döviz çevirisi', "Pazarın KDV'si eklendi", 'Yuvarlandı', 'Fiyat sonu']);
    // the Italian texts are shown for the Italian market
    await page.getByText('Abito da donna Güneş').waitFor();
    // readiness: what still blocks the listing, with codes and messages in Turkish
    await page.getByTestId('readiness-issue').first().waitFor();
    const issues = await page.getByTestId('readiness-issue').allTextContents();
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.join(' ')).toMatch(/[A-Z_]{6,}/);
    await expectAccessible(page);
    await shot(page, '22-listing-it-tr');
    await docShot(page, 'listing-preview');

    // the EU wants a manufacturer (GPSR): given in the product form, the issue goes away
    expect(issues.join(' ')).toContain('GPSR_MANUFACTURER_MISSING');
    await page.getByRole('link', { name: 'Ürün', exact: true }).click();
    await page.locator('#f-gpsr_manufacturer_name').fill('Güneş Tekstil A.Ş.');
    await page.locator('#f-gpsr_manufacturer_address_line1').fill('Atatürk Caddesi No: 12');
    await page.locator('#f-gpsr_manufacturer_address_city').fill('İzmir');
    await page.locator('#f-gpsr_manufacturer_address_country').fill('TR');
    await page.locator('#f-gpsr_manufacturer_email').fill('info@gunes.example.com');
    await page.getByRole('button', { name: 'Ürünü kaydet' }).click();
    expect(await textOf(page.locator('.success'), 'Ürün kaydedildi.')).toBe('Ürün kaydedildi.');
    const withGpsr = await request(t.http).get(`/v1/sellers/me/products/${productId}`).set('Authorization', `Bearer ${await page.evaluate(() => localStorage.getItem('ltg.token'))}`);
    expect(withGpsr.body.gpsr).toEqual({ manufacturer: { name: 'Güneş Tekstil A.Ş.', email: 'info@gunes.example.com', address: { line1: 'Atatürk Caddesi No: 12', city: 'İzmir', country: 'TR' } } });
    await page.getByRole('link', { name: 'Pazarlar ve fiyatlar', exact: true }).click();
    await page.getByLabel('Pazar').selectOption('IT');
    await page.getByTestId('readiness-issue').first().waitFor();
    const after = await eventually(async () => (await page.getByTestId('readiness-issue').allTextContents()).join(' '), (text) => !text.includes('GPSR_MANUFACTURER_MISSING'));
    expect(after).not.toContain('GPSR_MANUFACTURER_MISSING');
    expect(after).toContain('GPSR_EU_RP_MISSING');
    expect(await textOf(amount, /44,99/)).toBe('€44,99');

    // a fixed price for Italy replaces the converted one
    await page.getByLabel(/GUNES-ELBISE-M için EUR sabit fiyat/).fill('39,90');
    await page.getByRole('button', { name: 'Sabit fiyatları kaydet' }).click();
    expect(await textOf(page.locator('.success'), 'Sabit fiyatlar kaydedildi.')).toBe('Sabit fiyatlar kaydedildi.');
    expect(await textOf(amount, /39,90/)).toBe('€39,90');
  }, 120_000);

  it('refuses a translation of a source that changed meanwhile (409 said plainly), then marks the Italian title outdated', async () => {
    await page.getByRole('link', { name: 'Çeviriler', exact: true }).click();
    await page.waitForURL(`${base}/products/${productId}/translations`);
    await page.getByLabel('Çevrilecek dil').selectOption('it');
    await page.getByLabel(/^Başlık · /).waitFor();
    // meanwhile, in another tab, the seller changes the Turkish title
    const other = await seller.newPage();
    await other.goto(`${base}/products/${productId}`);
    await other.getByLabel('Başlık').fill('Güneş Kadın Yazlık Elbise');
    await other.getByRole('button', { name: 'Ürünü kaydet' }).click();
    expect(await textOf(other.locator('.success'), 'Ürün kaydedildi.')).toBe('Ürün kaydedildi.');
    await other.close();

    // the first tab still shows the old source: saving its translation is refused, and the page says why
    await page.getByLabel(/^Başlık · /).fill('Abito estivo da donna Güneş');
    await page.getByRole('button', { name: 'Çevirileri kaydet' }).click();
    expect(await textOf(page.getByRole('alert'), /asıl metin değişti/)).toMatch(/^Siz çevirirken kaynak metin değişti; hiçbir şey kaydedilmedi\. .*asıl metin değişti/);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Güncel kaynağı göster' }).click();
    expect(await textOf(page.getByTestId('translation-title').locator('td').first(), 'Güneş Kadın Yazlık Elbise')).toBe('Güneş Kadın Yazlık Elbise');
    expect(await textOf(page.getByTestId('outdated-title'), /Güncel değil/)).toMatch(/kaynak metin çeviriden sonra değişti/);
    expect(await page.getByTestId('outdated-description').count()).toBe(0);
    await expectAccessible(page);
    await shot(page, '23-translation-outdated-tr');
  }, 60_000);

  it('an ops admin renames a market, sees the diff and publishes it without writing JSON', async () => {
    await ops.getByRole('link', { name: 'Markets', exact: true }).click();
    await ops.waitForURL(`${base}/ops/markets`);
    await expectAccessible(ops);
    const before = (await request(t.http).get('/v1/markets/IT')).body.version as number;
    await ops.goto(`${base}/ops/markets/IT/edit`);
    expect(await textOf(ops.locator('h1'), 'Market IT')).toBe('Market IT');
    await ops.getByLabel('Name in English').fill('Italy and San Marino');
    await ops.getByRole('button', { name: 'Changes against published' }).click();
    const diff = ops.getByTestId('diff');
    expect(await textOf(diff, /name\.en/)).toMatch(/Italy and San Marino/);
    await expectAccessible(ops);
    await shot(ops, '23-ops-market-en');
    await ops.getByRole('button', { name: 'Publish', exact: true }).click();
    expect(await textOf(ops.locator('.success'), /\d/)).toMatch(String(before + 1));
    const published = await request(t.http).get('/v1/markets/IT').set('Accept-Language', 'en');
    expect(published.body).toMatchObject({ name: 'Italy and San Marino', version: before + 1 });

    // stopping and resuming listings needs no draft
    await ops.getByRole('link', { name: 'All markets' }).click();
    await ops.getByRole('button', { name: 'Stop listings (Italy and San Marino)' }).click();
    expect(await textOf(ops.getByRole('status'), /stopped/)).toBe('Listings for Italy and San Marino are stopped; the data is kept.');
    expect((await request(t.http).get('/v1/markets/IT')).body.status).toBe('disabled');
    await expectAccessible(ops);
    await ops.getByRole('button', { name: 'Allow listings (Italy and San Marino)' }).click();
    expect(await textOf(ops.getByRole('status'), /again/)).toBe('Sellers can list for Italy and San Marino again.');
    expect((await request(t.http).get('/v1/markets/IT')).body.status).toBe('enabled');
  }, 60_000);
});

describe('web app in Chromium: a Turkish seller goes for Italy and the UK (go-live checklist, CSV import, machine translation)', () => {
  let context: BrowserContext;
  let page: Page;
  let worker: TestApp;

  beforeAll(async () => {
    // the import runs in the background worker: a worker process beside the API, on the same database
    worker = await startTestApp({ WORKER_ENABLED: 'true' }, t.db);
    context = await chromium.browser.newContext({ locale: 'tr-TR', viewport: { width: 1024, height: 800 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });
  afterAll(async () => {
    await context?.close();
    await worker?.sql.end();
    await worker?.app.close();
  });

  it('chooses IT and GB as target markets; the home page is the checklist of what is left per market, in Turkish, from at most 3 calls', async () => {
    const { payload } = await signup(t.http, { country: 'TR', locale: 'tr' });
    await page.goto(`${base}/login`);
    await page.getByLabel('E-posta').fill(payload.email);
    await page.getByLabel('Parola').fill(payload.password);
    await page.getByRole('button', { name: 'Giriş yap' }).click();
    await page.waitForURL(`${base}/home`);

    // the calls made before the checklist can paint: those sent before the onboarding answer arrives
    await page.goto('about:blank');
    const calls: string[] = [];
    let beforePaint = -1;
    page.on('request', (r) => {
      const path = new URL(r.url()).pathname;
      if (path.startsWith('/v1/')) calls.push(path);
    });
    page.on('response', (r) => {
      if (new URL(r.url()).pathname === '/v1/sellers/me/onboarding' && beforePaint < 0) beforePaint = calls.length;
    });
    await page.goto(`${base}/home`);
    expect(await textOf(page.getByTestId('golive-none'), /hedef pazar seçmediniz/)).toMatch(/Henüz hedef pazar seçmediniz/);
    expect(beforePaint).toBeGreaterThan(0);
    expect(beforePaint).toBeLessThanOrEqual(3);
    await expectAccessible(page);

    await page.locator('#market-IT').check();
    await page.locator('#market-GB').check();
    await page.getByRole('button', { name: 'Hedef pazarları kaydet' }).click();
    expect(await textOf(page.locator('.success'), 'Hedef pazarlar kaydedildi.')).toBe('Hedef pazarlar kaydedildi.');
    const chosen = await request(t.http).get('/v1/sellers/me/markets').set('Authorization', `Bearer ${await page.evaluate(() => localStorage.getItem('ltg.token'))}`);
    expect(chosen.body.markets.map((m: { market: string }) => m.market)).toEqual(['GB', 'IT']);

    for (const market of ['IT', 'GB']) {
      const card = page.getByTestId(`golive-${market}`);
      expect(await textOf(card.getByTestId(`golive-${market}-status`), 'Henüz satışta değil')).toBe('Henüz satışta değil');
      // what is left, step by step, in Turkish: the profile first (the API's words), then KYC, payouts, a listing
      expect(await textOf(card.getByTestId(`golive-${market}-BUSINESS_PROFILE`), /İşlem gerekli/)).toMatch(/^İşletme bilgileri: İşlem gerekli — .*işletme profilinizi tamamlayın/);
      expect(await textOf(card.getByTestId(`golive-${market}-next`), /Sıradaki adım/)).toMatch(/^Sıradaki adım: .*İşletme bilgilerini aç$/);
      expect(await textOf(card.getByTestId(`golive-${market}-KYC`), /^Doğrulama \(KYC\): /)).toMatch(/^Doğrulama \(KYC\): /);
      expect(await textOf(card.getByTestId(`golive-${market}-PAYOUTS`), /^Ödemeler: /)).toMatch(/^Ödemeler: /);
      expect(await textOf(card.getByTestId(`golive-${market}-LISTINGS`), /pazarında satış yapmak için bir ürün ekleyin/)).toMatch(/^Ürün listelemeleri: İşlem gerekli — /);
      expect(await textOf(card.getByTestId(`golive-${market}-counts`), /.+/)).toBe('Listelemeler: 0 hazır, 0 uyarılarla hazır, 0 engelli');
    }
    await expectAccessible(page);
    await shot(page, '30-golive-tr');
    await page.getByTestId('golive-IT').getByRole('link', { name: 'İşletme bilgilerini aç' }).first().click();
    await page.waitForURL(`${base}/business`);
  }, 90_000);

  it('imports products from CSV: polled to COMPLETE with its counts, the refused rows in errors.csv; the listings export downloads per market', async () => {
    await page.getByRole('link', { name: 'Ürünler', exact: true }).click();
    await page.getByRole('link', { name: "CSV'den içe aktar" }).click();
    await page.waitForURL(`${base}/products/import`);
    expect(await textOf(page.locator('h1'), 'CSV içe ve dışa aktarma')).toBe('CSV içe ve dışa aktarma');
    await expectAccessible(page);
    await page.locator('#import-file').setInputFiles(resolve(process.cwd(), 'test/fixtures/catalog/products-import.csv'));
    await page.getByRole('button', { name: 'Yükle ve içe aktar' }).click();
    expect(await eventually(async () => ((await page.getByTestId('import-status').textContent()) ?? '').trim(), (s) => s === 'Tamamlandı', 30_000)).toBe('Tamamlandı');
    expect(await page.getByTestId('count-read').textContent()).toBe('3');
    // no business profile yet, so its brand is not declared: the dress (two rows) is refused, the toy train imported
    expect(await page.getByTestId('count-created').textContent()).toBe('1');
    expect(await page.getByTestId('count-failed').textContent()).toBe('2');
    const [errors] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'errors.csv dosyasını indir' }).click()]);
    const errorsCsv = readFileSync((await errors.path())!, 'utf8');
    expect(errorsCsv).toContain('BRAND_NOT_DECLARED');
    expect(errorsCsv).toContain('markası işletme profilinizde beyan edilmemiş');
    await expectAccessible(page);
    await shot(page, '31-import-complete-tr');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^İtalya için listeleme CSV/ }).click()]);
    expect(download.suggestedFilename()).toBe('listings-IT.csv');

    // back home: the listings step counts the imported variants (stored readiness, by the worker)
    await page.getByRole('link', { name: 'Genel bakış', exact: true }).click();
    const counts = await eventually(
      async () => {
        await page.reload();
        return ((await page.getByTestId('golive-IT-counts').textContent()) ?? '').trim();
      },
      (s) => !s.startsWith('Listelemeler: 0 hazır, 0 uyarılarla hazır, 0 engelli'),
      30_000,
    );
    expect(counts).toMatch(/^Listelemeler: \d+ hazır, \d+ uyarılarla hazır, [1-9]\d* engelli$/);
    await expectAccessible(page);
    await docShot(page, 'seller-home');
  }, 120_000);

  it('the machine-translate button says plainly that machine translation is not configured (409, in Turkish)', async () => {
    await page.getByRole('link', { name: 'Ürünler', exact: true }).click();
    await page.getByRole('link', { name: 'Ahşap tren seti' }).click();
    await page.getByRole('link', { name: 'Çeviriler', exact: true }).click();
    await page.getByLabel('Çevrilecek dil').selectOption('it');
    await page.getByRole('button', { name: /makine çevirisi yap$/ }).click();
    expect(await textOf(page.getByTestId('mt-not-configured'), /.+/)).toBe('Bu hizmette makine çevirisi yapılandırılmamış; alanları kendiniz çevirin.');
    await expectAccessible(page);
    await shot(page, '32-mt-not-configured-tr');

    // the product's images: uploaded with a progress bar, described, deleted
    await page.getByRole('link', { name: 'Ürün', exact: true }).click();
    const images = page.locator('section[aria-labelledby="images-title"]');
    await images.getByText('Henüz görsel yok.').waitFor();
    await page.locator('#image-file').setInputFiles({ name: 'tren.png', mimeType: 'image/png', buffer: PNG });
    await images.getByRole('button', { name: 'Görsel ekle' }).click();
    expect(await textOf(images.locator('.success'), /tren\.png/)).toBe('Yüklendi: tren.png');
    await page.getByTestId('image-1').locator('img').waitFor();
    await page.getByLabel('Alternatif metin (tr)').fill('Ahşap tren seti, kutusunda');
    await images.getByRole('button', { name: /^Alternatif metni kaydet/ }).click();
    expect(await textOf(images.locator('.success'), /kaydedildi/)).toBe('Alternatif metin kaydedildi.');
    // the list is read again after the save: wait for the new alt text rather than reading the old one
    await page.getByTestId('image-1').locator('img[alt="Ahşap tren seti, kutusunda"]').waitFor({ timeout: 10_000 });
    expect(await page.getByTestId('image-1').locator('img').getAttribute('alt')).toBe('Ahşap tren seti, kutusunda');
    await expectAccessible(page);
    await shot(page, '33-product-images-tr');
    await images.getByRole('button', { name: /^Sil/ }).click();
    await images.getByText('Henüz görsel yok.').waitFor();
  }, 60_000);
});
