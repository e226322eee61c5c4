import { Inject, Injectable, Logger } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { CLOCK, RequestContext, systemContext } from '@app/kernel';
import type { Clock, ErrorDetail } from '@app/kernel';
import { Between } from 'typeorm';
import { AuditEntryEntity } from '@app/audit';
import { countryName } from './country-names';
import { Tx, UnitOfWork, VersionedDocuments, versionSummary } from '@app/persistence';
import type { VersionSummary } from '@app/persistence';
import { CountryEntity } from './entities/country.entity';
import { CountryPackVersionEntity } from './entities/country-pack-version.entity';
import { countryError, CountryErrorCode } from './errors';
import { diffPacks, PackChange, tightenedLegalForms } from './pack/diff';
import { checkPack } from './pack/pack-checks';
import { checkIdentifier } from './pack/identifier-types';
import type { IdentifierCheck } from './pack/identifier-types';
import { CountryPackDocument, withoutLegacyFields } from './pack/schema';
import type { CountryPackInput } from './pack/schema';
import { PayoutRailReadiness } from './payout-rails';
import { CountryPublications } from './publications';

/** A save or publication that went through, with what ops should know about it (messages rendered at the edge). */
export interface VersionResult extends VersionSummary {
  /** The country's status after the act: publishing never changes it (a first publication opens the country). */
  countryStatus?: 'enabled' | 'disabled';
  warnings: ErrorDetail[];
}

/** Whom publishing the draft would send back to verification. */
export interface DraftImpact {
  country: string;
  /** The published version the draft is compared with (null: nothing published, nobody to flag). */
  against: number | null;
  tightenedLegalForms: string[];
  sellers: number;
  byLegalForm: { legalForm: string; sellers: number; sellerIds?: string[] }[];
}

/** The country's enable/disable acts between two moments, from the audit log, as diff entries. */
export interface StatusChange {
  path: 'country.status';
  change: 'changed';
  from: string | null;
  to: string;
  at: string;
  by: string | null;
}

/** Every country's pack versions, with the mechanics every versioned document shares. */
const VERSIONS = new VersionedDocuments<CountryPackDocument, CountryPackVersionEntity>(CountryPackVersionEntity, {
  table: 'country_pack_versions',
  key: { property: 'country', column: 'country' },
  lockName: 'country-pack',
});

/** Ops' side of the rules: drafts, checks, publication, enabling — every change audited. */
@Injectable()
export class CountryPacksAdminService {
  private readonly logger = new Logger('CountryPacks');

  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly publications: CountryPublications,
    private readonly rails: PayoutRailReadiness,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Payout rails the pack names that this deployment cannot run (stripe_connect without
   * STRIPE_SECRET_KEY): one warning per rail, or one saying sellers will see payouts unavailable
   * when none of them works.
   */
  railWarnings(pack: Pick<CountryPackDocument, 'country' | 'payouts'>): ErrorDetail[] {
    if (!pack.payouts.available) return [];
    const rails = pack.payouts.rails;
    const missing = rails.map((rail) => ({ rail, ...this.rails.of(rail) })).filter((r) => !r.configured);
    if (!missing.length) return [];
    const country = countryName(pack.country);
    if (missing.length === rails.length) {
      return [
        {
          field: 'payouts.rails',
          code: 'NO_PAYOUT_RAIL_CONFIGURED',
          messageKey: 'country.warning.NO_PAYOUT_RAIL_CONFIGURED',
          params: { country, rails: rails.join(', '), requires: missing.map((m) => m.requires ?? m.rail).join(', ') },
        },
      ];
    }
    return missing.map((m) => ({
      field: `payouts.rails[${rails.indexOf(m.rail)}]`,
      code: 'PAYOUT_RAIL_NOT_CONFIGURED',
      messageKey: 'country.warning.PAYOUT_RAIL_NOT_CONFIGURED',
      params: { country, rail: m.rail, requires: m.requires ?? m.rail },
    }));
  }

  /** A legacy `status` in a pack from ops is dropped: enabling and disabling are their own acts. */
  private legacyWarnings(code: string, dropped: { field: string; value: unknown }[]): ErrorDetail[] {
    return dropped.map((d) => ({ field: d.field, code: 'STATUS_IGNORED', messageKey: 'country.warning.STATUS_IGNORED', params: { field: d.field, country: countryName(code) } }));
  }

  async overview(): Promise<{ country: string; status: string | null; publishedVersion: number | null; hasDraft: boolean; name: string; payoutRails: { rail: string; configured: boolean }[]; warnings: ErrorDetail[] }[]> {
    const rows: { country: string; status: string | null; published_version: number | null; has_draft: boolean; name: string; payouts: CountryPackDocument['payouts'] | null }[] =
      await this.uow.reader.query(
        `SELECT v.country, c.status, c.published_version,
                bool_or(v.state = 'draft') AS has_draft,
                (array_agg(v.document->'name'->>'en' ORDER BY v.version DESC NULLS FIRST))[1] AS name,
                (array_agg(v.document->'payouts') FILTER (WHERE v.state = 'published'))[1] AS payouts
           FROM country_pack_versions v LEFT JOIN countries c ON c.code = v.country
          GROUP BY v.country, c.status, c.published_version ORDER BY v.country`,
      );
    return rows.map((r) => ({
      country: r.country,
      status: r.status,
      publishedVersion: r.published_version,
      hasDraft: r.has_draft,
      name: r.name,
      payoutRails: r.payouts?.available ? r.payouts.rails.map((rail) => ({ rail, configured: this.rails.of(rail).configured })) : [],
      warnings: r.payouts ? this.railWarnings({ country: r.country, payouts: r.payouts }) : [],
    }));
  }

  async saveDraft(ctx: RequestContext, code: string, raw: unknown): Promise<VersionResult> {
    const country = (raw as { country?: unknown })?.country;
    if (typeof country === 'string' && country !== code) throw countryError(CountryErrorCode.PACK_MISMATCH, { country: code, packCountry: country });
    const { input: body, dropped } = withoutLegacyFields(raw);
    const { pack, problems } = checkPack(body);
    // a draft must at least parse and name a real country; everything else is reported by validate/publish
    const schemaProblems = problems.filter((p) => p.code === 'SCHEMA' || (p.code === 'UNKNOWN_COUNTRY' && p.field === 'country'));
    if (!pack || schemaProblems.length) throw countryError(CountryErrorCode.PACK_INVALID, {}, schemaProblems);
    return this.uow.run(async (tx) => {
      await VERSIONS.lock(tx, code);
      const { draft, base } = await VERSIONS.saveDraft(tx, code, pack, ctx.actor?.accountId ?? null, this.clock.now());
      const warnings = [...this.legacyWarnings(code, dropped), ...this.railWarnings(pack)];
      await this.audit.record(tx, ctx, {
        action: 'country.draft_saved',
        targetType: 'country',
        targetId: code,
        changes: { against: base?.version ?? null, changes: diffPacks(withoutLegacyFields(base?.document ?? {}).input, pack).slice(0, 200), ...(warnings.length ? { warnings: warnings.map((w) => w.code) } : {}) },
      });
      return { ...versionSummary(draft), warnings };
    });
  }

  async draft(code: string): Promise<CountryPackVersionEntity> {
    const draft = await VERSIONS.draft(this.uow.reader, code);
    if (!draft) throw countryError(CountryErrorCode.DRAFT_NOT_FOUND, { country: code });
    return draft;
  }

  async discardDraft(ctx: RequestContext, code: string): Promise<void> {
    await this.uow.run(async (tx) => {
      await VERSIONS.lock(tx, code);
      if (!(await VERSIONS.discardDraft(tx, code))) throw countryError(CountryErrorCode.DRAFT_NOT_FOUND, { country: code });
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
  async publish(ctx: RequestContext, code: string): Promise<VersionResult> {
    return this.uow.run(async (tx) => {
      await VERSIONS.lock(tx, code);
      const draft = await VERSIONS.draft(tx, code);
      if (!draft) throw countryError(CountryErrorCode.DRAFT_NOT_FOUND, { country: code });
      const { pack, problems } = checkPack(draft.document);
      if (!pack || problems.length) throw countryError(CountryErrorCode.PACK_INVALID, {}, problems);
      return this.publishDocument(tx, ctx, code, pack, draft.id);
    });
  }

  /**
   * Publishes a checked pack. The country's status is NOT the pack's business: an existing country
   * keeps the status ops gave it (enable/disable are their own audited acts); a country published
   * for the first time is opened (enabled), which the audit entry records as a status change.
   */
  private async publishDocument(tx: Tx, ctx: RequestContext, code: string, pack: CountryPackDocument, draftId?: string): Promise<VersionResult> {
    const { published, previous, version: next } = await VERSIONS.publish(tx, code, pack, ctx.actor?.accountId ?? null, this.clock.now(), draftId);
    const existing = await tx.findOne(CountryEntity, { where: { code } });
    if (existing) await tx.update(CountryEntity, { code }, { publishedVersion: next });
    else await tx.insert(CountryEntity, { code, status: 'enabled', publishedVersion: next });
    const countryStatus = existing?.status ?? 'enabled';
    const tightened = previous ? tightenedLegalForms(previous.document, pack) : [];
    const event = { country: code, version: next, previousVersion: previous?.version ?? null, tightenedLegalForms: tightened };
    // counted before the listeners flag anyone: the audit entry says how many this publication sent back
    const impact = await this.publications.impact(tx, event);
    await this.publications.notify(tx, ctx, event);
    const warnings = this.railWarnings(pack);
    await this.audit.record(tx, ctx, {
      action: 'country.published',
      targetType: 'country',
      targetId: code,
      changes: {
        version: next,
        previousVersion: previous?.version ?? null,
        // a status change only when the country is new; otherwise the status it keeps
        ...(existing ? { countryStatus } : { status: { from: null, to: countryStatus } }),
        tightenedLegalForms: tightened,
        reverification: { sellers: new Set([...impact.values()].flatMap((ids) => [...ids])).size, byLegalForm: Object.fromEntries([...impact].map(([form, ids]) => [form, ids.size])) },
        ...(warnings.length ? { warnings: warnings.map((w) => ({ code: w.code, field: w.field })) } : {}),
      },
    });
    return { ...versionSummary(published), countryStatus, warnings };
  }

  /**
   * What publishing the draft now would do to existing sellers: the legal forms it tightens and how
   * many sellers of each would be flagged for re-verification (their ids on request). Read-only.
   */
  async impact(code: string, withIds: boolean): Promise<DraftImpact> {
    const draft = await this.draft(code);
    const { pack, problems } = checkPack(draft.document);
    if (!pack) throw countryError(CountryErrorCode.PACK_INVALID, {}, problems);
    return this.uow.run(async (tx) => {
      const published = await VERSIONS.published(tx, code);
      if (!published) return { country: code, against: null, tightenedLegalForms: [], sellers: 0, byLegalForm: [] };
      const tightened = tightenedLegalForms(published.document, pack);
      const next = await VERSIONS.nextVersion(tx, code);
      const impact = await this.publications.impact(tx, { country: code, version: next, previousVersion: published.version, tightenedLegalForms: tightened });
      const byLegalForm = [...impact].map(([legalForm, ids]) => ({ legalForm, sellers: ids.size, ...(withIds ? { sellerIds: [...ids].sort() } : {}) }));
      return { country: code, against: published.version, tightenedLegalForms: tightened, sellers: new Set([...impact.values()].flatMap((ids) => [...ids])).size, byLegalForm };
    });
  }

  async setStatus(ctx: RequestContext, code: string, status: 'enabled' | 'disabled'): Promise<{ country: string; status: string }> {
    return this.uow.run(async (tx) => {
      await VERSIONS.lock(tx, code);
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
    const rows = await VERSIONS.all(this.uow.reader, code);
    if (!rows.length) throw countryError(CountryErrorCode.NOT_FOUND, { country: code });
    return rows.map(versionSummary);
  }

  /**
   * `from`/`to` are version numbers or `draft`. The pack changes, then the country's status changes
   * (ops' enable/disable acts, from the audit log) made between the two versions' publications (the
   * draft counts as now): the status is not pack content, but whoever compares versions sees it.
   */
  async diff(code: string, from: string, to: string): Promise<(PackChange | StatusChange)[]> {
    const load = async (v: string) => {
      if (v === 'draft') {
        const draft = await this.draft(code);
        return { document: draft.document, at: this.clock.now() };
      }
      const row = await VERSIONS.numbered(this.uow.reader, Number(v), code);
      if (!row) throw countryError(CountryErrorCode.VERSION_NOT_FOUND, { country: code, version: v });
      return { document: row.document, at: row.publishedAt ?? row.createdAt };
    };
    const [a, b] = [await load(from), await load(to)];
    const strip = (d: unknown) => withoutLegacyFields(d).input;
    const [start, end] = a.at <= b.at ? [a.at, b.at] : [b.at, a.at];
    const acts = await this.uow.reader.find(AuditEntryEntity, {
      where: [
        { targetType: 'country', targetId: code, action: 'country.enabled', occurredAt: Between(start, end) },
        { targetType: 'country', targetId: code, action: 'country.disabled', occurredAt: Between(start, end) },
      ],
      order: { occurredAt: 'ASC' },
    });
    const statusChanges: StatusChange[] = acts.map((e) => {
      const change = (e.changes as { status?: { from?: string; to?: string } }).status;
      return { path: 'country.status', change: 'changed', from: change?.from ?? null, to: change?.to ?? (e.action === 'country.enabled' ? 'enabled' : 'disabled'), at: e.occurredAt.toISOString(), by: e.actorAccountId };
    });
    return [...diffPacks(strip(a.document), strip(b.document)), ...statusChanges];
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
        await VERSIONS.lock(tx, pack.country);
        const any = await VERSIONS.count(tx, pack.country);
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
    const published = await VERSIONS.published(tx, pack.country);
    const revision = pack.seedRevision ?? 1;
    if (!published || revision <= (published.document.seedRevision ?? 1)) return false;
    if (await VERSIONS.draft(tx, pack.country)) return false;
    // the offer changes rules, never whether the country is open (status is not pack content)
    const draft: CountryPackDocument = pack;
    const [{ offered }] = await tx.query(
      `SELECT EXISTS (SELECT 1 FROM audit_log WHERE action = 'country.seed_offered' AND target_type = 'country' AND target_id = $1 AND changes->>'seedRevision' = $2) AS offered`,
      [pack.country, String(revision)],
    );
    if (offered) return false; // ops discarded this revision once: not again
    const changes = diffPacks(published.document, draft).filter((c) => c.path !== 'seedRevision');
    if (!changes.length) return false;
    await VERSIONS.insertDraft(tx, pack.country, draft, null, this.clock.now());
    await this.audit.record(tx, ctx, {
      action: 'country.seed_offered',
      targetType: 'country',
      targetId: pack.country,
      changes: { seedRevision: revision, against: published.version, changes: changes.slice(0, 200) },
    });
    return true;
  }
}
