import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { runCli } from '../../apps/cli/src/commands';
import { login, signup, startTestApp, TestApp } from '../support/app';
import { createTestDatabase, sql, TestDatabase } from '../support/database';
import { pdfVariant } from '../support/files';
import { uniqueTurkishCompany } from '../support/registrations';

const OLD = `k2025:${randomBytes(32).toString('base64')}`;
const NEW = `k2026:${randomBytes(32).toString('base64')}`;
const ADMIN = { email: 'rotation.admin@ops.example.com', password: 'Rotation-Admin-Pass-1' };
const IBAN = 'TR330006100519786457841326';

describe('rotating DATA_ENCRYPTION_KEYS: `cli reencrypt` moves every encrypted value to the new key (e2e)', () => {
  let db: TestDatabase;
  let dir: string;
  const saved = { ...process.env };
  const output: string[] = [];
  const bearer = (t: string) => ({ Authorization: `Bearer ${t}` });
  const app = (keys: string) =>
    startTestApp({ DATA_ENCRYPTION_KEYS: keys, DOCUMENT_STORAGE_DIR: dir, BOOTSTRAP_OPS_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_OPS_ADMIN_PASSWORD: ADMIN.password }, db);
  const cli = async (keys: string, values: Record<string, string | boolean>) => {
    process.env.DATA_ENCRYPTION_KEYS = keys;
    output.length = 0;
    const code = await runCli({ values, positionals: ['reencrypt'] });
    return { code, text: output.join('') };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = await mkdtemp(join(tmpdir(), 'ltg-rotation-'));
    Object.assign(process.env, { DATABASE_URL: db.url, LOG_LEVEL: 'silent', DOCUMENT_STORAGE_DIR: dir, NODE_ENV: 'test' });
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      output.push(String(chunk));
      return true;
    });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    process.env = saved;
    await db?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('re-encrypts bank numbers, ID numbers and document files, after which the old key can be removed', async () => {
    // data written under the old key
    let t: TestApp = await app(OLD);
    let token: string;
    let sellerId: string;
    let documentId: string;
    try {
      const s = await signup(t.http, { country: 'TR' });
      token = s.token!;
      sellerId = s.res.body.seller.id;
      await request(t.http).put('/v1/sellers/me/business').set(bearer(token)).send(uniqueTurkishCompany()).expect(200);
      await request(t.http).post('/v1/sellers/me/payouts').set(bearer(token)).send({}).expect(200);
      await request(t.http).put('/v1/sellers/me/payouts/bank-account').set(bearer(token)).send({ holderName: 'Anadolu Tekstil Ltd. Şti.', iban: IBAN }).expect(200);
      await request(t.http)
        .put('/v1/sellers/me/kyc/persons')
        .set(bearer(token))
        .send({ persons: [{ role: 'representative', fullName: 'Ayşe Yılmaz', dateOfBirth: '1984-03-12', nationality: 'TR', idDocumentNumber: '10000000146' }] })
        .expect(200);
      const doc = await request(t.http).post('/v1/sellers/me/kyc/documents').set(bearer(token)).field('type', 'tr.vergi_levhasi').attach('file', pdfVariant(7), { filename: 'd.pdf', contentType: 'application/pdf' });
      expect(doc.status).toBe(201);
      documentId = doc.body.id;
      // a document stored before key ids were recorded: the file itself tells
      await t.sql.query('UPDATE kyc_documents SET cipher_key_id = NULL WHERE id = $1', [documentId]);
    } finally {
      await t.close();
    }
    const c = await sql(db.url);
    const storageKey = (await c.query('SELECT storage_key FROM kyc_documents WHERE id = $1', [documentId])).rows[0].storage_key as string;
    await c.end();
    const file = join(dir, storageKey);
    expect((await readFile(file, 'utf8')).startsWith('v1.k2025.')).toBe(true);

    // the census with the new key in front: everything is still under the old one
    const before = await cli(`${NEW},${OLD}`, { check: true });
    expect(before.code).toBe(1);
    expect(before.text).toContain('active key: k2026');
    expect(before.text).toMatch(/payout_bank_accounts\.number_encrypted: k2025=1/);
    expect(before.text).toMatch(/kyc_persons\.id_number_encrypted: k2025=1/);
    expect(before.text).toMatch(/kyc_documents \(files in DOCUMENT_STORAGE\): unknown=1/);
    expect(before.text).toContain('3 value(s) still under other keys');

    const run = await cli(`${NEW},${OLD}`, { batch: '1' });
    expect(run.code).toBe(0);
    expect(run.text).toContain('every value is under the active key: other keys can be removed');
    expect((await readFile(file, 'utf8')).startsWith('v1.k2026.')).toBe(true);
    // idempotent, and the check now passes
    expect((await cli(`${NEW},${OLD}`, {})).text).toMatch(/payout_bank_accounts\.number_encrypted: 0 checked/);
    expect((await cli(`${NEW},${OLD}`, { check: true })).code).toBe(0);

    // the old key is gone: everything still reads
    t = await app(NEW);
    try {
      const admin = await login(t.http, ADMIN.email, ADMIN.password);
      const number = await request(t.http).get(`/v1/ops/payouts/bank-accounts/${sellerId}/number`).set(bearer(admin));
      expect(number.status).toBe(200);
      expect(number.body.number).toBe(IBAN);
      const bytes = await request(t.http).get(`/v1/sellers/me/kyc/documents/${documentId}/content`).set(bearer(token));
      expect(bytes.status).toBe(200);
      expect(bytes.body).toEqual(pdfVariant(7));
      const idNumber = (await t.sql.query('SELECT id_number_encrypted FROM kyc_persons')).rows[0].id_number_encrypted as string;
      expect(idNumber.startsWith('v1.k2026.')).toBe(true);
      const audit = await request(t.http).get('/v1/ops/audit?action=data.reencrypted').set(bearer(admin));
      expect(audit.body[audit.body.length - 1]).toMatchObject({ action: 'data.reencrypted', actorRole: 'system', targetId: 'k2026' });
      expect(audit.body[audit.body.length - 1].changes.processed).toEqual({
        'payout_bank_accounts.number_encrypted': 1,
        'kyc_persons.id_number_encrypted': 1,
        'kyc_documents (files in DOCUMENT_STORAGE)': 1,
      });
    } finally {
      await t.close();
    }
  }, 60000);

  it('refuses a bad batch size with exit code 2', async () => {
    expect((await cli(`${NEW},${OLD}`, { batch: '0' })).code).toBe(2);
    expect((await cli(`${NEW},${OLD}`, { batch: 'many' })).code).toBe(2);
  });
});
