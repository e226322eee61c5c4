import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Column, DataSource, Entity, Index } from 'typeorm';
import { createTestDatabase } from '../../../test/support/database';
import type { TestDatabase } from '../../../test/support/database';
import { refusalOf, UnitOfWork } from './unit-of-work';
import { DocumentVersionColumns, VersionedDocuments, versionSummary } from './versioned-documents';

@Entity('spec_doc_versions')
@Index('uq_spec_doc_versions_draft', ['topic'], { unique: true, where: `"state" = 'draft'` })
class SpecDocVersion extends DocumentVersionColumns<{ n: number }> {
  @Column('varchar', { length: 16 })
  topic: string;
}

describe('VersionedDocuments, prepared statements and ltg_refuse (real PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let uow: UnitOfWork;
  const docs = new VersionedDocuments<{ n: number }, SpecDocVersion>(SpecDocVersion, { table: 'spec_doc_versions', key: { property: 'topic', column: 'topic' }, lockName: 'spec-doc' });
  const at = (s: number) => new Date(Date.UTC(2026, 11, 5, 12, 0, s));

  beforeAll(async () => {
    db = await createTestDatabase();
    ds = await new DataSource({ type: 'postgres', url: db.url, poolSize: 3, entities: [SpecDocVersion] }).initialize();
    await ds.query(`CREATE TABLE spec_doc_versions (id uuid PRIMARY KEY, topic varchar(16) NOT NULL, version integer, state varchar(16) NOT NULL,
      document jsonb NOT NULL, created_by uuid, created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL,
      published_by uuid, published_at timestamptz)`);
    await ds.query(`CREATE UNIQUE INDEX uq_spec_doc_versions_draft ON spec_doc_versions (topic) WHERE state = 'draft'`);
    await ds.query(`CREATE FUNCTION ltg_refuse(code text, detail text) RETURNS boolean LANGUAGE plpgsql VOLATILE AS $$
      BEGIN RAISE EXCEPTION USING ERRCODE = 'LT409', MESSAGE = code, DETAIL = coalesce(detail, ''); END $$`);
    uow = new UnitOfWork(ds, ds);
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('numbers publications per key, keeps one draft, retires the previous version and keeps it', async () => {
    const run = <T>(work: Parameters<UnitOfWork['run']>[0]) => uow.run(async (tx) => (await docs.lock(tx, 'a'), work(tx))) as Promise<T>;
    await run((tx) => docs.saveDraft(tx, 'a', { n: 1 }, null, at(1)));
    const saved = await run<{ draft: SpecDocVersion }>((tx) => docs.saveDraft(tx, 'a', { n: 2 }, null, at(2)));
    expect(saved.draft.document).toEqual({ n: 2 });
    expect(await docs.count(ds.manager, 'a')).toBe(1);
    const first = await run<{ version: number; previous: unknown }>((tx) => docs.publish(tx, 'a', { n: 2 }, null, at(3), saved.draft.id));
    expect(first).toMatchObject({ version: 1, previous: null });
    // another key numbers on its own; a publication without a draft (a seed) inserts its row
    expect((await uow.run((tx) => docs.publish(tx, 'b', { n: 9 }, null, at(4)))).version).toBe(1);
    const draft = (await run<{ draft: SpecDocVersion }>((tx) => docs.saveDraft(tx, 'a', { n: 3 }, null, at(5)))).draft;
    const second = await run<{ version: number; previous: SpecDocVersion; published: SpecDocVersion }>((tx) => docs.publish(tx, 'a', { n: 3 }, 'f6a0e8a4-5a8e-4f49-9e4b-3b1f1f0c2a11', at(6), draft.id));
    expect(second.version).toBe(2);
    expect(second.previous.version).toBe(1);
    expect(versionSummary(second.published)).toMatchObject({ version: 2, state: 'published', publishedBy: 'f6a0e8a4-5a8e-4f49-9e4b-3b1f1f0c2a11', publishedAt: at(6).toISOString() });
    expect((await docs.all(ds.manager, 'a')).map((v) => [v.version, v.state])).toEqual([[2, 'published'], [1, 'retired']]);
    expect((await docs.numbered(ds.manager, 1, 'a'))?.document).toEqual({ n: 2 });
    expect(await docs.numbered(ds.manager, Number('x'), 'a')).toBeNull();
    expect(await uow.run((tx) => docs.discardDraft(tx, 'a'))).toBe(false);
  });

  it('runs a named prepared statement again and again, and a statement that refuses keeps nothing it wrote', async () => {
    await ds.query('CREATE TABLE spec_claims (value text PRIMARY KEY)');
    const claim = (values: string[]) =>
      uow.preparedStatement<{ refused: boolean | null }>(
        'spec.claim',
        `WITH ins AS (INSERT INTO spec_claims SELECT v FROM unnest($1::text[]) v ON CONFLICT DO NOTHING RETURNING value),
              missing AS (SELECT array_agg(v ORDER BY v) AS vs FROM unnest($1::text[]) v WHERE NOT EXISTS (SELECT 1 FROM ins WHERE ins.value = v))
         SELECT CASE WHEN missing.vs IS NOT NULL THEN ltg_refuse('TAKEN', missing.vs[1]) END AS refused FROM missing`,
        [values],
      );
    await claim(['a', 'b']);
    await claim(['c']);
    const refused = await claim(['d', 'a']).catch((e: unknown) => e);
    expect(refusalOf(refused)).toEqual({ code: 'TAKEN', detail: 'a' });
    // 'd' was inserted by the aborted statement: gone with it
    expect((await ds.query('SELECT value FROM spec_claims ORDER BY value')).map((r: { value: string }) => r.value)).toEqual(['a', 'b', 'c']);
    expect(refusalOf(new Error('other'))).toBeUndefined();
    await expect(uow.preparedRead('spec.bad', 'SELECT 1/0', [])).rejects.toMatchObject({ name: 'QueryFailedError', driverError: { code: '22012' } });
  });
});
