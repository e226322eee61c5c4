import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { ReadinessStore } from '@app/catalog';
import { MIGRATIONS } from '@app/persistence';
import { signup, startTestApp, TestApp } from '../support/app';
import { turkishToy } from '../support/catalog';

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/**
 * The migration that moved the seller's gates out of stored readiness documents (`seller_gates`), added the
 * checklist's `blocking_codes` and the refresh's `issues_digest`: rows stored before it are converted, and the worker
 * then finds them current or rewrites them.
 */
describe('stored readiness migration (seller_gates, blocking_codes, issues_digest)', () => {
  let t: TestApp;
  let ds: DataSource;
  const migration = MIGRATIONS.map((M) => new M()).find((m) => m.name === 'ListingReadinessDigest1796490361377')!;

  beforeAll(async () => {
    t = await startTestApp();
    ds = new DataSource({ type: 'postgres', url: t.db.url });
    await ds.initialize();
  });
  afterAll(async () => {
    await ds?.destroy();
    await t?.close();
  });

  it('converts rows stored in the old shape, and a refresh after it writes what it would have written anyway', async () => {
    expect(migration).toBeDefined();
    const { token } = await signup(t.http, { country: 'TR', locale: 'tr' });
    const created = await request(t.http).post('/v1/sellers/me/products').set(bearer(token!)).send(turkishToy('TREN-MIG'));
    expect(created.status).toBe(201);
    const productId = created.body.id as string;
    const sellerId = (await t.sql.query('SELECT seller_id FROM catalog_products WHERE id = $1', [productId])).rows[0].seller_id as string;
    // what the worker stores now: the reference
    await t.app.get(ReadinessStore).refreshSeller(sellerId);
    const now = async () =>
      (await t.sql.query('SELECT market, status, issues, seller_gates, blocking_codes, issues_digest FROM catalog_listing_readiness WHERE product_id = $1 ORDER BY market', [productId])).rows as {
        market: string; status: string; issues: { code: string; category: string; severity: string }[]; seller_gates: string[]; blocking_codes: string[]; issues_digest: string | null;
      }[];
    const reference = await now();
    expect(reference.length).toBeGreaterThan(3);
    expect(reference.every((r) => r.seller_gates.includes('SELLER_KYC_REQUIRED') && r.issues_digest)).toBe(true);
    const italy = reference.find((r) => r.market === 'IT')!;
    expect(italy.blocking_codes).toEqual(expect.arrayContaining(['GPSR_EU_RP_MISSING']));

    // back to the old shape: the gates as whole issues inside `issues`, no derived columns
    const runner = ds.createQueryRunner();
    try {
      await migration.down(runner);
      const gate = (code: string) => ({ code, severity: 'BLOCKER', category: 'SELLER', fields: ['kyc'], params: {}, ruleId: 'seller.gates', ruleVersion: '1' });
      for (const r of reference) {
        await t.sql.query(`UPDATE catalog_listing_readiness SET issues = $3::jsonb WHERE product_id = $1 AND market = $2`, [productId, r.market, JSON.stringify([...r.issues, ...r.seller_gates.map(gate)])]);
      }
      const old = (await t.sql.query(`SELECT issues FROM catalog_listing_readiness WHERE product_id = $1 AND market = 'IT'`, [productId])).rows[0].issues as { category: string }[];
      expect(old.some((i) => i.category === 'SELLER')).toBe(true);
      await migration.up(runner);
    } finally {
      await runner.release();
    }
    const converted = await now();
    expect(converted.map(({ market, status, issues, seller_gates, blocking_codes }) => ({ market, status, issues, seller_gates, blocking_codes }))).toEqual(
      reference.map(({ market, status, issues, seller_gates, blocking_codes }) => ({ market, status, issues, seller_gates, blocking_codes })),
    );
    expect(converted.every((r) => r.issues_digest === null)).toBe(true);
    // the next refresh writes each converted row once (no digest yet), and the same content
    expect(await t.app.get(ReadinessStore).refreshSeller(sellerId)).toBe(reference.length);
    expect(await now()).toEqual(reference);
    expect(await t.app.get(ReadinessStore).refreshSeller(sellerId)).toBe(0);
  });
});
