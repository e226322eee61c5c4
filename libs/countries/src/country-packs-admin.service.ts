import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditService } from '@app/audit';
import { CLOCK, RequestContext, systemContext } from '@app/kernel';
import type { Clock } from '@app/kernel';
import { Tx, UnitOfWork } from '@app/persistence';
import { CountryEntity } from './entities/country.entity';
import { CountryPackVersionEntity } from './entities/country-pack-version.entity';
import { countryError, CountryErrorCode } from './errors';
import { diffPacks, PackChange, tightenedLegalForms } from './pack/diff';
import { checkPack } from './pack/pack-checks';
import { checkIdentifier } from './pack/identifier-types';
import type { IdentifierCheck } from './pack/identifier-types';
import { CountryPackDocument } from './pack/schema';
import type { CountryPackInput } from './pack/schema';
import { CountryPublications } from './publications';

export interface VersionSummary {
  version: number | null;
  state: string;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  publishedBy: string | null;
  publishedAt: string | null;
}

const summary = (v: CountryPackVersionEntity): VersionSummary => ({
  version: v.version,
  state: v.state,
  createdBy: v.createdBy,
  createdAt: v.createdAt.toISOString(),
  updatedAt: v.updatedAt.toISOString(),
  publishedBy: v.publishedBy,
  publishedAt: v.publishedAt?.toISOString() ?? null,
});

/** Ops' side of the rules: drafts, checks, publication, enabling — every change audited. */
@Injectable()
export class CountryPacksAdminService {
  private readonly logger = new Logger('CountryPacks');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly publications: CountryPublications,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Serialises changes to one country's pack across processes, for the transaction's duration. */
  private lock(tx: Tx, code: string): Promise<unknown> {
    return tx.query("SELECT pg_advisory_xact_lock(hashtext('country-pack:' || $1))", [code]);
  }

  async overview(): Promise<{ country: string; status: string | null; publishedVersion: number | null; hasDraft: boolean; name: string }[]> {
    const rows: { country: string; status: string | null; published_version: number | null; has_draft: boolean; name: string }[] =
      await this.uow.reader.query(
        `SELECT v.country, c.status, c.published_version,
                bool_or(v.state = 'draft') AS has_draft,
                (array_agg(v.document->'name'->>'en' ORDER BY v.version DESC NULLS FIRST))[1] AS name
           FROM country_pack_versions v LEFT JOIN countries c ON c.code = v.country
          GROUP BY v.country, c.status, c.published_version ORDER BY v.country`,
      );
    return rows.map((r) => ({ country: r.country, status: r.status, publishedVersion: r.published_version, hasDraft: r.has_draft, name: r.name }));
  }

  async saveDraft(ctx: RequestContext, code: string, body: unknown): Promise<VersionSummary> {
    const country = (body as { country?: unknown })?.country;
    if (typeof country === 'string' && country !== code) throw countryError(CountryErrorCode.PACK_MISMATCH, { country: code, packCountry: country });
    const { pack, problems } = checkPack(body);
    // a draft must at least parse and name a real country; everything else is reported by validate/publish
    const schemaProblems = problems.filter((p) => p.code === 'SCHEMA' || (p.code === 'UNKNOWN_COUNTRY' && p.field === 'country'));
    if (!pack || schemaProblems.length) throw countryError(CountryErrorCode.PACK_INVALID, {}, schemaProblems);
    return this.uow.run(async (tx) => {
      await this.lock(tx, code);
      const now = this.clock.now();
      const existing = await tx.findOne(CountryPackVersionEntity, { where: { country: code, state: 'draft' } });
      if (existing) {
        await tx.update(CountryPackVersionEntity, { id: existing.id }, { document: pack as never, updatedAt: now, createdBy: ctx.actor?.accountId ?? null });
      } else {
        await tx.insert(CountryPackVersionEntity, {
          id: randomUUID(),
          country: code,
          version: null,
          state: 'draft',
          document: pack as never,
          createdBy: ctx.actor?.accountId ?? null,
          updatedAt: now,
        });
      }
      const base = await tx.findOne(CountryPackVersionEntity, { where: { country: code, state: 'published' } });
      await this.audit.record(tx, ctx, {
        action: 'country.draft_saved',
        targetType: 'country',
        targetId: code,
        changes: { against: base?.version ?? null, changes: diffPacks(base?.document ?? {}, pack).slice(0, 200) },
      });
      return summary(await tx.findOneOrFail(CountryPackVersionEntity, { where: { country: code, state: 'draft' } }));
    });
  }

  async draft(code: string): Promise<CountryPackVersionEntity> {
    const draft = await this.uow.reader.findOne(CountryPackVersionEntity, { where: { country: code, state: 'draft' } });
    if (!draft) throw countryError(CountryErrorCode.DRAFT_NOT_FOUND, { country: code });
    return draft;
  }

  async discardDraft(ctx: RequestContext, code: string): Promise<void> {
    await this.uow.run(async (tx) => {
      await this.lock(tx, code);
      const res = await tx.delete(CountryPackVersionEntity, { country: code, state: 'draft' });
      if (!res.affected) throw countryError(CountryErrorCode.DRAFT_NOT_FOUND, { country: code });
      await this.audit.record(tx, ctx, { action: 'country.draft_discarded', targetType: 'country', targetId: code });
    });
  }

  async validateDraft(code: string) {
    const draft = await this.draft(code);
    return checkPack(draft.document).problems;
  }

  /** One value against a type as the draft uses it (its own identifierTypes included). */
  async validateDraftIdentifier(code: string, type: string, value: string): Promise<IdentifierCheck> {
    const { document } = await this.draft(code);
    const parsed = CountryPackDocument.safeParse(document);
    if (!parsed.success) throw countryError(CountryErrorCode.PACK_INVALID, {}, checkPack(document).problems);
    return checkIdentifier(parsed.data, type, value);
  }

  /** Draft → the published version new sellers get; the previous one is retired (and kept). */
  async publish(ctx: RequestContext, code: string): Promise<VersionSummary> {
    return this.uow.run(async (tx) => {
      await this.lock(tx, code);
      const draft = await tx.findOne(CountryPackVersionEntity, { where: { country: code, state: 'draft' } });
      if (!draft) throw countryError(CountryErrorCode.DRAFT_NOT_FOUND, { country: code });
      const { pack, problems } = checkPack(draft.document);
      if (!pack || problems.length) throw countryError(CountryErrorCode.PACK_INVALID, {}, problems);
      return this.publishDocument(tx, ctx, code, pack, draft.id);
    });
  }

  private async publishDocument(tx: Tx, ctx: RequestContext, code: string, pack: CountryPackDocument, draftId?: string): Promise<VersionSummary> {
    const now = this.clock.now();
    const previous = await tx.findOne(CountryPackVersionEntity, { where: { country: code, state: 'published' } });
    const [{ next }] = await tx.query('SELECT COALESCE(MAX(version), 0) + 1 AS next FROM country_pack_versions WHERE country = $1', [code]);
    if (previous) await tx.update(CountryPackVersionEntity, { id: previous.id }, { state: 'retired' });
    const id = draftId ?? randomUUID();
    const fields = { version: next as number, state: 'published' as const, document: pack as never, publishedBy: ctx.actor?.accountId ?? null, publishedAt: now, updatedAt: now };
    if (draftId) await tx.update(CountryPackVersionEntity, { id }, fields);
    else await tx.insert(CountryPackVersionEntity, { id, country: code, createdBy: ctx.actor?.accountId ?? null, ...fields });
    await tx.query(
      `INSERT INTO countries (code, status, published_version, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE SET status = EXCLUDED.status, published_version = EXCLUDED.published_version, updated_at = EXCLUDED.updated_at`,
      [code, pack.status, next, now],
    );
    const tightened = previous ? tightenedLegalForms(previous.document, pack) : [];
    await this.publications.notify(tx, ctx, { country: code, version: next, previousVersion: previous?.version ?? null, tightenedLegalForms: tightened });
    await this.audit.record(tx, ctx, {
      action: 'country.published',
      targetType: 'country',
      targetId: code,
      changes: { version: next, previousVersion: previous?.version ?? null, status: pack.status, tightenedLegalForms: tightened },
    });
    return summary(await tx.findOneOrFail(CountryPackVersionEntity, { where: { id } }));
  }

  async setStatus(ctx: RequestContext, code: string, status: 'enabled' | 'disabled'): Promise<{ country: string; status: string }> {
    return this.uow.run(async (tx) => {
      await this.lock(tx, code);
      const country = await tx.findOne(CountryEntity, { where: { code } });
      if (!country) throw countryError(CountryErrorCode.NO_PUBLISHED_PACK, { country: code });
      if (country.status !== status) {
        await tx.update(CountryEntity, { code }, { status });
        await this.audit.record(tx, ctx, {
          action: status === 'enabled' ? 'country.enabled' : 'country.disabled',
          targetType: 'country',
          targetId: code,
          changes: { status: { from: country.status, to: status } },
        });
      }
      return { country: code, status };
    });
  }

  async versions(code: string): Promise<VersionSummary[]> {
    const rows = await this.uow.reader.find(CountryPackVersionEntity, { where: { country: code }, order: { version: 'DESC' } });
    if (!rows.length) throw countryError(CountryErrorCode.NOT_FOUND, { country: code });
    return rows.map(summary);
  }

  /** `from`/`to` are version numbers or `draft`. */
  async diff(code: string, from: string, to: string): Promise<PackChange[]> {
    const load = async (v: string) => {
      if (v === 'draft') return (await this.draft(code)).document;
      const n = Number(v);
      const row = Number.isInteger(n) ? await this.uow.reader.findOne(CountryPackVersionEntity, { where: { country: code, version: n } }) : null;
      if (!row) throw countryError(CountryErrorCode.VERSION_NOT_FOUND, { country: code, version: v });
      return row.document;
    };
    return diffPacks(await load(from), await load(to));
  }

  /**
   * Seeds the packs shipped in the repository: a country with no version at all gets its seed
   * published as version 1 (by the system, audited). Later versions come from ops. When the code
   * ships a newer `seedRevision` than the published version carries (a fix, a new example or rule),
   * the seed is OFFERED as a draft — never published — with its diff in the audit log
   * (`country.seed_offered`), once per revision, and only while ops have no draft of their own.
   * Safe to run from several processes at once.
   */
  async seed(packs: readonly CountryPackInput[]): Promise<{ seeded: string[]; offered: string[] }> {
    const ctx = systemContext('seed');
    const seeded: string[] = [];
    const offered: string[] = [];
    for (const input of packs) {
      const { pack, problems } = checkPack(input);
      if (!pack || problems.length) {
        throw new Error(`seed pack ${input.country} is invalid: ${problems.map((p) => `${p.field} ${p.code} ${JSON.stringify(p.params)}`).join('; ')}`);
      }
      await this.uow.run(async (tx) => {
        await this.lock(tx, pack.country);
        const any = await tx.count(CountryPackVersionEntity, { where: { country: pack.country } });
        if (any === 0) {
          await this.publishDocument(tx, ctx, pack.country, pack);
          seeded.push(pack.country);
        } else if (await this.offerSeed(tx, ctx, pack)) {
          offered.push(pack.country);
        }
      });
    }
    if (seeded.length) this.logger.log(`seeded country packs: ${seeded.join(', ')}`);
    if (offered.length) this.logger.log(`newer seed packs offered to ops as drafts: ${offered.join(', ')}`);
    return { seeded, offered };
  }

  /** Offers a newer seed revision as a draft (see {@link seed}); true when it did. */
  private async offerSeed(tx: Tx, ctx: RequestContext, pack: CountryPackDocument): Promise<boolean> {
    const published = await tx.findOne(CountryPackVersionEntity, { where: { country: pack.country, state: 'published' } });
    const revision = pack.seedRevision ?? 1;
    if (!published || revision <= (published.document.seedRevision ?? 1)) return false;
    if (await tx.findOne(CountryPackVersionEntity, { where: { country: pack.country, state: 'draft' } })) return false;
    // the offer changes rules, not whether the country is open: it keeps the country's current status
    const country = await tx.findOne(CountryEntity, { where: { code: pack.country } });
    const draft: CountryPackDocument = { ...pack, status: country?.status ?? published.document.status };
    const [{ offered }] = await tx.query(
      `SELECT EXISTS (SELECT 1 FROM audit_log WHERE action = 'country.seed_offered' AND target_type = 'country' AND target_id = $1 AND changes->>'seedRevision' = $2) AS offered`,
      [pack.country, String(revision)],
    );
    if (offered) return false; // ops discarded this revision once: not again
    const changes = diffPacks(published.document, draft).filter((c) => c.path !== 'seedRevision');
    if (!changes.length) return false;
    await tx.insert(CountryPackVersionEntity, {
      id: randomUUID(),
      country: pack.country,
      version: null,
      state: 'draft',
      document: draft as never,
      createdBy: null,
      updatedAt: this.clock.now(),
    });
    await this.audit.record(tx, ctx, {
      action: 'country.seed_offered',
      targetType: 'country',
      targetId: pack.country,
      changes: { seedRevision: revision, against: published.version, changes: changes.slice(0, 200) },
    });
    return true;
  }
}
