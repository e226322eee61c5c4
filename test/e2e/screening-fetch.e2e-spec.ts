import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { SanctionsListFetchJob } from '@app/kyc';
import { systemContext } from '@app/kernel';
import { PATHS, SanctionsListsDouble, startSanctionsListsDouble } from '../doubles/sanctions-lists-double';
import { login, startTestApp, TestApp } from '../support/app';

const ADMIN = { email: 'screening.fetch.admin@ops.example.com', password: 'Screening-Fetch-Admin-1' };

/** The official OFAC, EU and UN lists fetched on a schedule, and a deployment that says when it screens against nothing. */
describe('scheduled sanctions-list fetch (e2e)', () => {
  let t: TestApp;
  let lists: SanctionsListsDouble;
  let admin: string;
  const bearer = (x: string) => ({ Authorization: `Bearer ${x}` });
  const coverage = async () => (await request(t.http).get('/v1/ops/screening/coverage').set(bearer(admin)).expect(200)).body;

  beforeAll(async () => {
    lists = await startSanctionsListsDouble();
    t = await startTestApp({ ...lists.env, BOOTSTRAP_OPS_ADMIN_EMAIL: ADMIN.email, BOOTSTRAP_OPS_ADMIN_PASSWORD: ADMIN.password });
    admin = await login(t.http, ADMIN.email, ADMIN.password);
  });
  afterAll(async () => {
    await t?.close();
    await lists?.close();
  });

  it('says so when no list is loaded: ops coverage and readiness', async () => {
    const before = await coverage();
    expect(before.status).toBe('no_lists_loaded');
    expect(before.sources).toEqual([
      { source: 'ofac_sdn', loaded: false, latest: null },
      { source: 'eu_consolidated', loaded: false, latest: null },
      { source: 'un_consolidated', loaded: false, latest: null },
    ]);
    expect(before.fetch).toEqual({ enabled: true, schedule: 'daily 05:15 UTC', urls: { ofac_sdn: lists.env.SANCTIONS_OFAC_SDN_URL, ofac_alt: lists.env.SANCTIONS_OFAC_ALT_URL, eu_consolidated: lists.env.SANCTIONS_EU_URL, un_consolidated: lists.env.SANCTIONS_UN_URL } });
    expect((await request(t.http).get('/health/ready').expect(200)).body.checks).toEqual({ database: 'up', screeningLists: 'none_loaded' });
  });

  it('downloads each official list and loads it like an upload; the same bytes again are not loaded twice', async () => {
    const job = t.app.get(SanctionsListFetchJob);
    const first = await job.run({}, systemContext('test:sanctions-fetch'));
    expect(first.map((o) => `${o.source}:${o.outcome}`)).toEqual(['ofac_sdn:loaded', 'eu_consolidated:loaded', 'un_consolidated:loaded']);
    expect(lists.requests).toEqual(expect.arrayContaining([PATHS.ofacSdn, PATHS.ofacAlt, `${PATHS.eu}?token=dG9rZW4tMjAxNw`, PATHS.un]));

    const after = await coverage();
    expect(after.status).toBe('screening');
    for (const s of after.sources) expect(s).toMatchObject({ loaded: true, latest: { origin: 'fetch', label: expect.stringMatching(/^fetched-/), entryCount: expect.any(Number), loadedAt: expect.any(String) } });
    expect((await request(t.http).get('/health/ready').expect(200)).body.checks.screeningLists).toBe('loaded');
    // audited like an ops load, by the system
    const audit = (await request(t.http).get('/v1/ops/audit?action=screening.list_loaded').set(bearer(admin))).body;
    expect(audit.length).toBe(3);

    // nothing new published: nothing stored, the last successful load stays the one shown
    const again = await job.run({}, systemContext('test:sanctions-fetch'));
    expect(again.map((o) => o.outcome)).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect((await t.sql.query('SELECT count(*)::int AS n FROM screening_lists')).rows[0].n).toBe(3);
    expect((await coverage()).sources.map((s: { latest: { id: string } }) => s.latest.id)).toEqual(after.sources.map((s: { latest: { id: string } }) => s.latest.id));
  });

  it('one failing source does not stop the others; the job fails so it is retried, and the last good load stays', async () => {
    const job = t.app.get(SanctionsListFetchJob);
    const loadedBefore = (await coverage()).sources.find((s: { source: string }) => s.source === 'un_consolidated').latest;
    lists.serve(PATHS.un, Buffer.from('<html>maintenance</html>'), 'text/html', 503);
    lists.serve(PATHS.eu, Buffer.from('<export>not a sanctions list</export>'));
    await expect(job.handle({}, systemContext('test:sanctions-fetch'))).rejects.toThrow(/eu_consolidated, un_consolidated/);
    const now = await coverage();
    expect(now.sources.find((s: { source: string }) => s.source === 'un_consolidated').latest).toEqual(loadedBefore);
    expect(now.status).toBe('screening');
    expect(t.logs.some((l) => l.includes('fetching the un_consolidated list failed'))).toBe(true);
    // the query token of the EU URL never reaches the logs
    expect(t.logs.join('\n')).not.toContain('dG9rZW4tMjAxNw');
  });

  it('is listed for ops in OpenAPI', async () => {
    const doc = (await request(t.http).get('/docs-json').expect(200)).body;
    expect(doc.paths['/v1/ops/screening/coverage'].get).toBeTruthy();
  });
});
