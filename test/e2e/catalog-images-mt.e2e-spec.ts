import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import request from 'supertest';
import { startDeeplDouble } from '../doubles/deepl-double';
import type { DeeplDouble } from '../doubles/deepl-double';
import { signup, startTestApp, TestApp } from '../support/app';
import { GIF, JPEG, PDF, PNG, WEBP } from '../support/files';
import { uniqueTurkishCompany } from '../support/registrations';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A Turkish dress with the declared brand Güneş in its title. */
const dress = (sku: string) => ({
  title: 'Güneş Kadın Elbise XL 100% pamuk',
  description: 'Yazlık pamuklu elbise.',
  category: 'apparel.women',
  brand: 'Güneş',
  attributes: [{ key: 'material', value: '100% pamuk' }],
  variants: [{ sku, attributes: [{ key: 'size', value: 'XL' }], price: { amount: '1990.00', currency: 'TRY' }, weightG: 1250 }],
  hsCode: '620442',
  originCountry: 'TR',
  safetyInformation: 'Yıkamadan önce etiketi okuyun.',
});

async function turkishSeller(t: TestApp): Promise<string> {
  const token = (await signup(t.http, { country: 'TR', locale: 'tr' })).token!;
  await request(t.http).put('/v1/sellers/me/business').set(bearer(token)).send({ ...uniqueTurkishCompany(), brands: ['Güneş'] }).expect(200);
  return token;
}

const filesUnder = async (dir: string): Promise<string[]> => {
  try {
    return (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort();
  } catch {
    return [];
  }
};

describe('product images (e2e)', () => {
  const storageDir = `.data/test-images-${process.pid}`;
  let t: TestApp;
  let turk: string;
  let other: string;
  let id: string;
  const images = () => resolve(process.cwd(), storageDir, 'catalog/images', id);
  const upload = (file: Buffer, name = 'photo.png', type = 'image/png', token = turk, product = id) =>
    request(t.http).post(`/v1/sellers/me/products/${product}/images`).set(bearer(token)).attach('file', file, { filename: name, contentType: type });

  beforeAll(async () => {
    t = await startTestApp({ DOCUMENT_STORAGE_DIR: storageDir, CATALOG_IMAGE_MAX_BYTES: '4096', CATALOG_IMAGES_PER_PRODUCT: '4' });
    turk = await turkishSeller(t);
    other = (await signup(t.http, { country: 'IT', locale: 'it' })).token!;
    const created = await request(t.http).post('/v1/sellers/me/products').set(bearer(turk)).send(dress('IMG-1'));
    expect(created.status).toBe(201);
    expect(created.body.images).toEqual([]);
    id = created.body.id;
  });
  afterAll(async () => {
    await t?.close();
    await rm(resolve(process.cwd(), storageDir), { recursive: true, force: true });
  });

  it('takes JPEG, PNG and WebP judged by their bytes (not the name or declared type), in order', async () => {
    const png = await upload(PNG);
    expect(png.status).toBe(201);
    expect(png.body).toMatchObject({ position: 1, mediaType: 'image/png', size: PNG.length, alt: [], url: `/v1/sellers/me/products/${id}/images/${png.body.id}` });
    expect(png.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const jpeg = await upload(JPEG, 'looks-like.gif', 'image/gif');
    expect(jpeg.body).toMatchObject({ position: 2, mediaType: 'image/jpeg' });
    const webp = await upload(WEBP, 'x.bin', 'application/octet-stream');
    expect(webp.body).toMatchObject({ position: 3, mediaType: 'image/webp' });
    const list = await request(t.http).get(`/v1/sellers/me/products/${id}/images`).set(bearer(turk));
    expect(list.body.map((i: { mediaType: string }) => i.mediaType)).toEqual(['image/png', 'image/jpeg', 'image/webp']);
    expect(await filesUnder(images())).toEqual([png.body.id, jpeg.body.id, webp.body.id].sort());
  });

  it('refuses other formats (415), a missing file, extra fields (400) and files over the limit (413), in the caller’s language', async () => {
    const gif = await upload(GIF, 'a.png', 'image/png');
    expect(gif.status).toBe(415);
    expect(gif.body.error).toMatchObject({ code: 'CATALOG_IMAGE_TYPE_NOT_ALLOWED', message: 'Yalnızca JPEG, PNG ve WebP görseller kabul edilir.' });
    const messages = await Promise.all(
      ['en', 'ru', 'it', 'es'].map(async (lang) => (await upload(PDF, 'a.jpg', 'image/jpeg').set('Accept-Language', lang)).body.error.message),
    );
    expect(messages).toEqual([
      'Only JPEG, PNG and WebP images are accepted.',
      'Принимаются только изображения JPEG, PNG и WebP.',
      'Sono accettate solo immagini JPEG, PNG e WebP.',
      'Solo se aceptan imágenes JPEG, PNG y WebP.',
    ]);
    const none = await request(t.http).post(`/v1/sellers/me/products/${id}/images`).set(bearer(turk)).field('note', 'x');
    expect(none.status).toBe(400);
    expect(none.body.error).toMatchObject({ code: 'CATALOG_IMAGE_UPLOAD_REJECTED', details: [{ code: 'TOO_MANY_FIELDS' }] });
    const missing = await request(t.http).post(`/v1/sellers/me/products/${id}/images`).set(bearer(turk)).set('Content-Type', 'multipart/form-data; boundary=zz').send('--zz--\r\n');
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('CATALOG_IMAGE_FILE_MISSING');
    const big = await upload(Buffer.concat([PNG, Buffer.alloc(5000)])).set('Accept-Language', 'en');
    expect(big.status).toBe(413);
    expect(big.body.error).toMatchObject({ code: 'CATALOG_IMAGE_TOO_LARGE', message: 'The image is too large: at most 4096 bytes are accepted.' });
    expect(await filesUnder(images())).toHaveLength(3);
  });

  it('serves the bytes with their media type to the owner only', async () => {
    const [, , webp] = (await request(t.http).get(`/v1/sellers/me/products/${id}/images`).set(bearer(turk))).body;
    const res = await request(t.http).get(webp.url).set(bearer(turk)).buffer(true).parse((r, done) => {
      const chunks: Buffer[] = [];
      r.on('data', (c: Buffer) => chunks.push(c));
      r.on('end', () => done(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('image/webp');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(res.body as Buffer, WEBP)).toBe(0);
    expect((await request(t.http).get(webp.url).set(bearer(other))).body.error.code).toBe('CATALOG_PRODUCT_NOT_FOUND');
    expect((await request(t.http).get(`/v1/sellers/me/products/${id}/images/00000000-0000-4000-8000-000000000000`).set(bearer(turk))).body.error.code).toBe('CATALOG_IMAGE_NOT_FOUND');
    expect((await request(t.http).get(`/v1/sellers/me/products/${id}/images/not-a-uuid`).set(bearer(turk))).status).toBe(404);
    expect((await upload(PNG, 'p.png', 'image/png', other)).status).toBe(404);
  });

  it('moves an image and sets alt texts per content locale; shows them in the product and, by the market’s chain, in the listing', async () => {
    const list = (await request(t.http).get(`/v1/sellers/me/products/${id}/images`).set(bearer(turk))).body;
    const webp = list[2];
    const moved = await request(t.http)
      .put(`/v1/sellers/me/products/${id}/images/${webp.id}`)
      .set(bearer(turk))
      .send({ position: 1, alt: [{ locale: 'tr', text: 'Mavi elbise' }, { locale: 'IT', text: 'Abito blu' }] });
    expect(moved.status).toBe(200);
    expect(moved.body.map((i: { id: string; position: number }) => [i.id, i.position])).toEqual([
      [webp.id, 1],
      [list[0].id, 2],
      [list[1].id, 3],
    ]);
    expect(moved.body[0].alt).toEqual([{ locale: 'it', text: 'Abito blu' }, { locale: 'tr', text: 'Mavi elbise' }]);
    const bad = await request(t.http)
      .put(`/v1/sellers/me/products/${id}/images/${webp.id}`)
      .set(bearer(turk))
      .set('Accept-Language', 'en')
      .send({ position: 9, alt: [{ locale: 'xx_YY', text: 'a' }, { locale: 'it', text: ' ' }, { locale: 'it', text: 'b'.repeat(251) }] });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: { field: string; code: string }) => `${d.field} ${d.code}`)).toEqual([
      'alt[0].locale INVALID_LOCALE',
      'alt[1].text BLANK',
      'alt[2].locale DUPLICATE_LOCALE',
      'alt[2].text TOO_LONG',
    ]);
    const far = await request(t.http).put(`/v1/sellers/me/products/${id}/images/${webp.id}`).set(bearer(turk)).set('Accept-Language', 'en').send({ position: 9 });
    expect(far.body.error.details).toEqual([expect.objectContaining({ field: 'position', code: 'POSITION_OUT_OF_RANGE', message: 'position must be from 1 to 3.' })]);

    const product = await request(t.http).get(`/v1/sellers/me/products/${id}`).set(bearer(turk));
    expect(product.body.images.map((i: { position: number; mediaType: string }) => `${i.position} ${i.mediaType}`)).toEqual(['1 image/webp', '2 image/png', '3 image/jpeg']);
    const italy = await request(t.http).get(`/v1/sellers/me/products/${id}/listings/IT`).set(bearer(turk));
    expect(italy.body.images[0]).toMatchObject({ id: webp.id, position: 1, mediaType: 'image/webp', alt: { state: 'exact', value: 'Abito blu', locale: 'it' } });
    expect(italy.body.images[1].alt).toBeNull();
    // the US shows English only: the Turkish and Italian alt texts are not shown there
    const us = await request(t.http).get(`/v1/sellers/me/products/${id}/listings/US`).set(bearer(turk));
    expect(us.body.images[0].alt).toMatchObject({ state: 'missing', value: null });
  });

  it('keeps to the per-product limit under concurrent uploads and leaves no file behind for the refused ones', async () => {
    const results = await Promise.all([upload(PNG), upload(JPEG, 'a.jpg', 'image/jpeg'), upload(WEBP, 'a.webp', 'image/webp')]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    const refused = results.find((r) => r.status === 409)!;
    expect(refused.body.error).toMatchObject({ code: 'CATALOG_IMAGE_LIMIT_REACHED', message: 'Bir ürünün en fazla 4 görseli olabilir; önce birini silin.' });
    const rows = await t.sql.query('SELECT id FROM catalog_product_images WHERE product_id = $1 ORDER BY position', [id]);
    expect(rows.rows).toHaveLength(4);
    expect(await filesUnder(images())).toEqual(rows.rows.map((r: { id: string }) => r.id).sort());
  });

  it('deletes an image (the others close the gap; the file goes after the commit), and the product with its files', async () => {
    const before = (await request(t.http).get(`/v1/sellers/me/products/${id}/images`).set(bearer(turk))).body;
    expect((await request(t.http).delete(`/v1/sellers/me/products/${id}/images/${before[0].id}`).set(bearer(other))).status).toBe(404);
    expect((await request(t.http).delete(`/v1/sellers/me/products/${id}/images/${before[0].id}`).set(bearer(turk))).status).toBe(204);
    const after = (await request(t.http).get(`/v1/sellers/me/products/${id}/images`).set(bearer(turk))).body;
    expect(after.map((i: { id: string; position: number }) => [i.id, i.position])).toEqual(before.slice(1).map((i: { id: string }, n: number) => [i.id, n + 1]));
    expect(await filesUnder(images())).toEqual(after.map((i: { id: string }) => i.id).sort());
    expect((await request(t.http).delete(`/v1/sellers/me/products/${id}`).set(bearer(turk))).status).toBe(204);
    expect(await filesUnder(images())).toEqual([]);
  });

  it('answers a clear localised 409 for machine translation when MT_PROVIDER=none (nothing leaves the box)', async () => {
    const product = (await request(t.http).post('/v1/sellers/me/products').set(bearer(turk)).send(dress('IMG-MT'))).body;
    const res = await request(t.http).post(`/v1/sellers/me/products/${product.id}/translations/it/machine`).set(bearer(turk)).set('Accept-Language', 'it');
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'CATALOG_MT_NOT_CONFIGURED', message: 'La traduzione automatica non è configurata su questo servizio; traduci i campi tu stesso.' });
  });
});

describe('machine translation through DeepL (e2e, against a local double)', () => {
  let t: TestApp;
  let deepl: DeeplDouble;
  let turk: string;
  let id: string;
  const machine = (locale: string, lang = 'en') => request(t.http).post(`/v1/sellers/me/products/${id}/translations/${locale}/machine`).set(bearer(turk)).set('Accept-Language', lang);
  const translations = async (locale: string) =>
    Object.fromEntries(
      ((await request(t.http).get(`/v1/sellers/me/products/${id}/translations`).set(bearer(turk))).body.translations.find((l: { locale: string }) => l.locale === locale)?.fields ?? []).map(
        (f: { field: string }) => [f.field, f],
      ),
    );

  beforeAll(async () => {
    deepl = await startDeeplDouble('test-deepl-key');
    t = await startTestApp({ MT_PROVIDER: 'deepl', DEEPL_API_KEY: 'test-deepl-key', DEEPL_API_URL: deepl.url });
    turk = await turkishSeller(t);
    id = (await request(t.http).post('/v1/sellers/me/products').set(bearer(turk)).send(dress('MT-1'))).body.id;
  });
  afterAll(async () => {
    await t?.close();
    await deepl?.close();
  });

  it('fills the missing fields with status machine and the current sourceHash, keeping brand, size and "100%" verbatim; never the safety information (scenario 21)', async () => {
    const res = await machine('it');
    expect(res.status).toBe(200);
    const variantId = (await request(t.http).get(`/v1/sellers/me/products/${id}`).set(bearer(turk))).body.variants[0].id;
    expect(res.body).toMatchObject({ locale: 'it', provider: 'deepl', skipped: [{ field: 'safetyInformation', reason: 'legal' }] });
    expect([...res.body.filled].sort()).toEqual(['attributes.material', 'description', 'title', `variants.${variantId}.size`].sort());
    const it = await translations('it');
    expect(it.title).toMatchObject({ value: 'Güneş Donna Abito XL 100% cotone', status: 'machine', outdated: false });
    expect(it.description).toMatchObject({ value: 'Estivo di cotone abito.', status: 'machine' });
    expect(it['attributes.material'].value).toBe('100% cotone');
    expect(it[`variants.${variantId}.size`].value).toBe('XL');
    expect(it.safetyInformation).toBeUndefined();
    const source = (await request(t.http).get(`/v1/sellers/me/products/${id}/translations`).set(bearer(turk))).body.source;
    expect(it.title.sourceHash).toBe(source.find((f: { field: string }) => f.field === 'title').sourceHash);

    const [call] = deepl.requests;
    expect(call.authorization).toBe('DeepL-Auth-Key test-deepl-key');
    expect(call.body).toMatchObject({ source_lang: 'TR', target_lang: 'IT', formality: 'more', tag_handling: 'xml', ignore_tags: ['x'] });
    expect(call.body.text).toContain('<x>Güneş</x> Kadın Elbise <x>XL</x> <x>100%</x> pamuk');
    expect(JSON.stringify(call.body)).not.toContain('Yıkamadan');

    // the listing shows the machine text, and readiness warns that it is machine-only
    const listing = await request(t.http).get(`/v1/sellers/me/products/${id}/listings/IT`).set(bearer(turk));
    expect(listing.body.title).toMatchObject({ state: 'exact', value: 'Güneş Donna Abito XL 100% cotone', status: 'machine' });
    expect(listing.body.readiness.issues).toContainEqual(expect.objectContaining({ code: 'TRANSLATION_MACHINE_ONLY', severity: 'WARNING', locale: 'it' }));
  });

  it('sends nothing when every translation is current, and fills only outdated fields, never a current human translation', async () => {
    const calls = deepl.requests.length;
    const again = await machine('it');
    expect(again.body).toMatchObject({ filled: [], skipped: [{ field: 'safetyInformation', reason: 'legal' }] });
    expect(deepl.requests).toHaveLength(calls);

    const source = Object.fromEntries(
      (await request(t.http).get(`/v1/sellers/me/products/${id}/translations`).set(bearer(turk))).body.source.map((f: { field: string; sourceHash: string }) => [f.field, f.sourceHash]),
    );
    await request(t.http)
      .put(`/v1/sellers/me/products/${id}/translations/it`)
      .set(bearer(turk))
      .send({ fields: [{ field: 'title', value: 'Güneş Abito da donna XL 100% cotone', sourceHash: source.title, status: 'reviewed' }] })
      .expect(200);
    await request(t.http).put(`/v1/sellers/me/products/${id}`).set(bearer(turk)).send({ ...dress('MT-1'), description: 'Yazlık elbise.' }).expect(200);
    expect((await translations('it')).description.outdated).toBe(true);
    const res = await machine('it');
    expect(res.body.filled).toEqual(['description']);
    const it = await translations('it');
    expect(it.description).toMatchObject({ value: 'Estivo abito.', status: 'machine', outdated: false });
    expect(it.title).toMatchObject({ value: 'Güneş Abito da donna XL 100% cotone', status: 'reviewed' });
    expect(deepl.requests.at(-1)!.body.text).toEqual(['Yazlık elbise.']);
  });

  it('maps content locales to DeepL codes: en-US without formality (DeepL has none for English), Kazakh refused clearly', async () => {
    const us = await machine('en-US');
    expect(us.status).toBe(200);
    expect(deepl.requests.at(-1)!.body).toMatchObject({ target_lang: 'EN-US' });
    expect(deepl.requests.at(-1)!.body.formality).toBeUndefined();
    expect((await translations('en-US')).title.value).toBe('Güneş Women Dress XL 100% cotton');
    const calls = deepl.requests.length;
    const kk = await machine('kk', 'ru');
    expect(kk.status).toBe(422);
    expect(kk.body.error).toMatchObject({ code: 'CATALOG_MT_LOCALE_UNSUPPORTED', message: 'Машинный перевод для kk недоступен.' });
    const own = await machine('tr');
    expect(own.body.error).toMatchObject({ code: 'CATALOG_TRANSLATION_INVALID', details: [{ code: 'SOURCE_LOCALE' }] });
    expect((await machine('xx_YY')).body.error.code).toBe('CATALOG_TRANSLATION_INVALID');
    expect(deepl.requests).toHaveLength(calls);
  });

  it('reports a refused key as a localised 502 and writes nothing', async () => {
    deepl.acceptKey('another-key');
    try {
      const res = await machine('de', 'es');
      expect(res.status).toBe(502);
      expect(res.body.error).toMatchObject({
        code: 'CATALOG_MT_PROVIDER_FAILED',
        message: 'El servicio de traducción automática falló (rechazó nuestras credenciales); no se ha cambiado nada. Inténtalo más tarde.',
      });
      expect(await translations('de')).toEqual({});
    } finally {
      deepl.acceptKey('test-deepl-key');
    }
    expect((await machine('de')).body.filled).toContain('title');
    expect(deepl.requests.at(-1)!.body).toMatchObject({ target_lang: 'DE', formality: 'more' });
  });

  it('is the caller’s own product only', async () => {
    const other = (await signup(t.http, { country: 'IT', locale: 'it' })).token!;
    const res = await request(t.http).post(`/v1/sellers/me/products/${id}/translations/fr/machine`).set(bearer(other));
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('CATALOG_PRODUCT_NOT_FOUND');
  });
});
