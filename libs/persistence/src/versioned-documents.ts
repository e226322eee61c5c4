import { randomUUID } from 'node:crypto';
import { Column, CreateDateColumn, PrimaryColumn } from 'typeorm';
import type { FindOptionsWhere } from 'typeorm';
import type { Reader, Tx } from './unit-of-work';

export type DocumentVersionState = 'draft' | 'published' | 'retired';

/**
 * The columns every versioned document shares (country packs, markets, the compliance rule set):
 * versions kept forever, numbered 1, 2, 3 … at publication, at most one draft (version null) and
 * one published version per key. A table extends this with its key column, its unique indexes and
 * its checks (their names are the table's).
 */
export abstract class DocumentVersionColumns<D> {
  @PrimaryColumn('uuid')
  id: string;

  /** 1, 2, 3 … assigned at publication; null while a draft. */
  @Column('integer', { nullable: true })
  version: number | null;

  @Column('varchar', { length: 16 })
  state: DocumentVersionState;

  @Column('jsonb')
  document: D;

  @Column('uuid', { name: 'created_by', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt: Date;

  @Column('uuid', { name: 'published_by', nullable: true })
  publishedBy: string | null;

  @Column('timestamptz', { name: 'published_at', nullable: true })
  publishedAt: Date | null;
}

/** How ops see one version in lists and after a save or publication. */
export interface VersionSummary {
  version: number | null;
  state: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  publishedBy: string | null;
  publishedAt: string | null;
}

export const versionSummary = (v: DocumentVersionColumns<unknown>): VersionSummary => ({
  version: v.version,
  state: v.state,
  createdBy: v.createdBy,
  createdAt: v.createdAt.toISOString(),
  updatedAt: v.updatedAt.toISOString(),
  publishedBy: v.publishedBy,
  publishedAt: v.publishedAt?.toISOString() ?? null,
});

/**
 * The draft → publish → retire mechanics of one versioned-document table, shared by every context
 * that publishes rules as data. It knows nothing of what a document means: callers check documents,
 * write the audit entries and events, and keep their own "which version is current" rows. Every
 * write takes the caller's transaction, which must hold {@link lock} for the key.
 *
 * `key` names the table's key column (`country`, `market`); a table with one document (the
 * compliance rule set) has none and passes `undefined` as the key.
 */
export class VersionedDocuments<D, E extends DocumentVersionColumns<D>> {
  constructor(
    private readonly entity: new () => E,
    private readonly options: { table: string; key?: { property: keyof E & string; column: string }; lockName: string },
  ) {}

  /** Serialises changes to one key's versions across processes, for the transaction's duration. */
  lock(tx: Tx, key?: string): Promise<unknown> {
    return tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key === undefined ? this.options.lockName : `${this.options.lockName}:${key}`]);
  }

  private where(key: string | undefined, more: Partial<Pick<E, 'state' | 'version' | 'id'>> = {}): FindOptionsWhere<E> {
    return { ...(this.options.key && key !== undefined ? { [this.options.key.property]: key } : {}), ...more } as FindOptionsWhere<E>;
  }

  draft(db: Reader, key?: string): Promise<E | null> {
    return db.findOne(this.entity, { where: this.where(key, { state: 'draft' } as Partial<E>) });
  }

  published(db: Reader, key?: string): Promise<E | null> {
    return db.findOne(this.entity, { where: this.where(key, { state: 'published' } as Partial<E>) });
  }

  numbered(db: Reader, version: number, key?: string): Promise<E | null> {
    return Number.isInteger(version) ? db.findOne(this.entity, { where: this.where(key, { version } as Partial<E>) }) : Promise.resolve(null);
  }

  /** Every version of the key, newest first (the draft, unnumbered, first). */
  all(db: Reader, key?: string): Promise<E[]> {
    return db.find(this.entity, { where: this.where(key), order: { version: 'DESC' } as never });
  }

  count(db: Reader, key?: string): Promise<number> {
    return db.count(this.entity, { where: this.where(key) });
  }

  /** The number the next publication gets. */
  async nextVersion(db: Reader, key?: string): Promise<number> {
    const k = this.options.key;
    const [{ next }] = await db.query(
      `SELECT COALESCE(MAX(version), 0) + 1 AS next FROM ${this.options.table}${k && key !== undefined ? ` WHERE ${k.column} = $1` : ''}`,
      k && key !== undefined ? [key] : [],
    );
    return next as number;
  }

  /** Creates or replaces the key's draft; returns it with the published version it will be compared with. */
  async saveDraft(tx: Tx, key: string | undefined, document: D, actorId: string | null, now: Date): Promise<{ draft: E; base: E | null }> {
    const existing = await this.draft(tx, key);
    if (existing) await tx.update(this.entity, { id: existing.id } as FindOptionsWhere<E>, { document, updatedAt: now, createdBy: actorId } as never);
    else await this.insertDraft(tx, key, document, actorId, now);
    const base = await this.published(tx, key);
    return { draft: (await this.draft(tx, key)) as E, base };
  }

  /** A new draft (the caller knows there is none). */
  async insertDraft(tx: Tx, key: string | undefined, document: D, actorId: string | null, now: Date): Promise<void> {
    await tx.insert(this.entity, {
      id: randomUUID(),
      ...(this.options.key && key !== undefined ? { [this.options.key.property]: key } : {}),
      version: null,
      state: 'draft',
      document,
      createdBy: actorId,
      updatedAt: now,
    } as never);
  }

  /** True when there was a draft to discard. */
  async discardDraft(tx: Tx, key?: string): Promise<boolean> {
    const res = await tx.delete(this.entity, this.where(key, { state: 'draft' } as Partial<E>));
    return !!res.affected;
  }

  /**
   * Publishes `document` as the next version — the draft `draftId` becoming it, or a new row (seeds) —
   * and retires the previous published version (kept).
   */
  async publish(tx: Tx, key: string | undefined, document: D, actorId: string | null, now: Date, draftId?: string): Promise<{ published: E; previous: E | null; version: number }> {
    const previous = await this.published(tx, key);
    const version = await this.nextVersion(tx, key);
    if (previous) await tx.update(this.entity, { id: previous.id } as FindOptionsWhere<E>, { state: 'retired' } as never);
    const id = draftId ?? randomUUID();
    const fields = { version, state: 'published', document, publishedBy: actorId, publishedAt: now, updatedAt: now };
    if (draftId) await tx.update(this.entity, { id } as FindOptionsWhere<E>, fields as never);
    else await tx.insert(this.entity, { id, ...(this.options.key && key !== undefined ? { [this.options.key.property]: key } : {}), createdBy: actorId, ...fields } as never);
    return { published: await tx.findOneOrFail(this.entity, { where: { id } as FindOptionsWhere<E> }), previous, version };
  }
}
