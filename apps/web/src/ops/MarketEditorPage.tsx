import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import {
  ApiError,
  opsMarketsControllerDiffV1,
  opsMarketsControllerDiscardV1,
  opsMarketsControllerDraftV1,
  opsMarketsControllerOverviewV1,
  opsMarketsControllerPublishV1,
  opsMarketsControllerSaveDraftV1,
  opsMarketsControllerValidateV1,
  opsMarketsControllerVersionV1,
  type FieldError,
  type MarketChangeView,
} from '../api/client';
import { LANGUAGES, useI18n, type MessageKey } from '../i18n';
import { DiffTable, DraftActionBar, Json, Pending, ProblemList, Table, useDraftActions } from './common';

type Doc = Record<string, unknown> & {
  name?: Record<string, string>;
  taxDisplay?: { mode: string; vatRate?: string };
  fx?: { source: string; maxAgeDays: number; note?: string };
};
const LIST_FIELDS = ['countries', 'displayLocales', 'fallbackChain', 'legalLocales'] as const;
const list = (value: unknown) => (Array.isArray(value) ? value.join(', ') : '');
const unlist = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * A market's draft as a form (no JSON to write): names in the five languages, status, buyer countries, currency,
 * languages, tax display, units and FX source; price endings and sources are kept as they are. Validate shows
 * each problem next to its field, diff compares with the published version, publish makes it the one listings use.
 */
export function MarketEditorPage() {
  const { code = '' } = useParams();
  const { t, lang } = useI18n();
  const queryClient = useQueryClient();
  const start = useQuery({
    queryKey: ['ops', 'market-start', code],
    queryFn: async () => {
      const overview = (await opsMarketsControllerOverviewV1()).data.find((m) => m.code === code);
      const published = typeof overview?.publishedVersion === 'number' ? overview.publishedVersion : null;
      try {
        return { doc: (await opsMarketsControllerDraftV1({ path: { code } })).data.document as Doc, origin: 'draft' as const, published };
      } catch (e) {
        if (!(e instanceof ApiError && e.status === 404) || published === null) throw e;
      }
      return { doc: (await opsMarketsControllerVersionV1({ path: { code, version: String(published) } })).data.document as Doc, origin: 'published' as const, published };
    },
    staleTime: Infinity,
  });
  const [doc, setDoc] = useState<Doc>();
  const [dirty, setDirty] = useState(false);
  const { problems, setProblems, status, setStatus, busy, run } = useDraftActions();
  const [diff, setDiff] = useState<MarketChangeView[]>();
  useEffect(() => {
    if (start.data && !doc) {
      setDoc(start.data.doc);
      setDirty(start.data.origin !== 'draft');
    }
  }, [start.data, doc]);
  if (!doc || !start.data) return <Pending error={start.error} loading={start.isPending} />;

  const set = (patch: Partial<Doc>) => {
    setDoc((d) => ({ ...d!, ...patch }));
    setDirty(true);
    setDiff(undefined);
  };
  const shownAt = new Set<string>();
  const at = (field: string): ReactNode => {
    shownAt.add(field);
    return <ProblemList field={field} problems={(problems ?? []).filter((p) => p.field === field || p.field.startsWith(`${field}.`))} />;
  };
  const save = async () => {
    await opsMarketsControllerSaveDraftV1({ path: { code }, body: doc });
    setDirty(false);
  };
  const onSave = () => run(async () => (await save(), setProblems(undefined), setStatus({ ok: t('ops.pack.saved') })));
  const onValidate = () =>
    run(async () => {
      if (dirty) await save();
      const { data } = await opsMarketsControllerValidateV1({ path: { code } });
      const found = data.problems as unknown as FieldError[];
      setProblems(found);
      setStatus(data.valid ? { ok: t('ops.pack.valid') } : { error: t('ops.pack.invalid', { count: found.length }) });
    });
  const onDiff = () =>
    run(async () => {
      if (dirty) await save();
      setDiff((await opsMarketsControllerDiffV1({ path: { code }, query: { from: String(start.data.published), to: 'draft' } })).data);
    });
  const onPublish = () =>
    run(async () => {
      if (dirty) await save();
      const { data } = await opsMarketsControllerPublishV1({ path: { code } });
      setProblems([]);
      setStatus({ ok: t('ops.pack.published', { version: String((data as { version?: unknown }).version ?? '') }) });
      await queryClient.invalidateQueries({ queryKey: ['ops', 'markets'] });
      await queryClient.invalidateQueries({ queryKey: ['markets'] });
    });
  const onDiscard = () =>
    run(async () => {
      await opsMarketsControllerDiscardV1({ path: { code } });
      setStatus({ ok: t('ops.pack.discarded') });
    });

  const name = doc.name ?? {};
  const tax = doc.taxDisplay ?? { mode: 'gross' };
  const fx = doc.fx ?? { source: 'ecb', maxAgeDays: 4 };
  const form = (
    <>
      <h2>{t('ops.markets.names')}</h2>
      <Table label={t('ops.markets.names')}>
        <thead>
          <tr>
            {LANGUAGES.map((l) => (
              <th scope="col" key={l} lang={l}>
                {new Intl.DisplayNames([lang], { type: 'language' }).of(l)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {LANGUAGES.map((l) => (
              <td key={l} className={String(name[l] ?? '').trim() ? undefined : 'missing'}>
                <label className="visually-hidden" htmlFor={`mk-name-${l}`}>
                  {t('ops.markets.nameIn', { language: new Intl.DisplayNames([lang], { type: 'language' }).of(l) ?? l })}
                </label>
                <input id={`mk-name-${l}`} lang={l} value={name[l] ?? ''} onChange={(e) => set({ name: { ...name, [l]: e.target.value } })} />
                {at(`name.${l}`)}
              </td>
            ))}
          </tr>
        </tbody>
      </Table>
      <fieldset>
        <legend>{t('ops.markets.main')}</legend>
        <div className="field">
          <label htmlFor="mk-status">{t('ops.queue.status')}</label>
          <select id="mk-status" value={String(doc.status ?? 'enabled')} onChange={(e) => set({ status: e.target.value })}>
            <option value="enabled">{t('ops.countries.enabled')}</option>
            <option value="disabled">{t('ops.countries.disabled')}</option>
          </select>
          {at('status')}
        </div>
        <div className="field">
          <label htmlFor="mk-currency">{t('home.currency')}</label>
          <input id="mk-currency" maxLength={3} value={String(doc.currency ?? '')} onChange={(e) => set({ currency: e.target.value.toUpperCase() })} />
          {at('currency')}
        </div>
        {LIST_FIELDS.map((f) => (
          <div className="field" key={f}>
            <label htmlFor={`mk-${f}`}>{t(`ops.markets.${f}` as MessageKey)}</label>
            <input id={`mk-${f}`} aria-describedby="mk-list-hint" defaultValue={list(doc[f])} onBlur={(e) => list(doc[f]) !== e.target.value && set({ [f]: unlist(e.target.value) })} />
            {at(f)}
          </div>
        ))}
        <p className="hint" id="mk-list-hint">
          {t('ops.markets.listHint')}
        </p>
        <div className="field">
          <label htmlFor="mk-units">{t('ops.markets.units')}</label>
          <select id="mk-units" value={String(doc.units ?? 'metric')} onChange={(e) => set({ units: e.target.value })}>
            <option value="metric">{t('ops.markets.units.metric')}</option>
            <option value="imperial">{t('ops.markets.units.imperial')}</option>
          </select>
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('ops.markets.tax')}</legend>
        <div className="field">
          <label htmlFor="mk-tax">{t('ops.markets.taxMode')}</label>
          <select id="mk-tax" value={tax.mode} onChange={(e) => set({ taxDisplay: e.target.value === 'net' ? { mode: 'net' } : { mode: 'gross', vatRate: tax.vatRate ?? '' } })}>
            <option value="gross">{t('ops.markets.tax.gross')}</option>
            <option value="net">{t('ops.markets.tax.net')}</option>
          </select>
        </div>
        {tax.mode === 'gross' ? (
          <div className="field">
            <label htmlFor="mk-vat">{t('ops.markets.vatRate')}</label>
            <input id="mk-vat" inputMode="decimal" aria-describedby="mk-vat-hint" value={tax.vatRate ?? ''} onChange={(e) => set({ taxDisplay: { mode: 'gross', vatRate: e.target.value.trim() } })} />
            <p className="hint" id="mk-vat-hint">
              {t('ops.markets.vatHint')}
            </p>
          </div>
        ) : null}
        {at('taxDisplay')}
      </fieldset>
      <fieldset>
        <legend>{t('ops.markets.fx')}</legend>
        <div className="field">
          <label htmlFor="mk-fx-source">{t('ops.fx.source')}</label>
          <select id="mk-fx-source" value={fx.source} onChange={(e) => set({ fx: { ...fx, source: e.target.value } })}>
            {['ecb', 'cbr', 'tcmb'].map((s) => (
              <option key={s} value={s}>
                {t(`ops.fx.source.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="mk-fx-age">{t('ops.markets.maxAge')}</label>
          <input id="mk-fx-age" type="number" min={1} max={30} value={fx.maxAgeDays} onChange={(e) => set({ fx: { ...fx, maxAgeDays: Number(e.target.value) } })} />
        </div>
        <div className="field">
          <label htmlFor="mk-fx-note">{t('ops.markets.fxNote')}</label>
          <input id="mk-fx-note" value={fx.note ?? ''} onChange={(e) => set({ fx: { source: fx.source, maxAgeDays: fx.maxAgeDays, ...(e.target.value.trim() ? { note: e.target.value } : {}) } })} />
        </div>
        {at('fx')}
      </fieldset>
      <details>
        <summary>{t('ops.markets.kept')}</summary>
        <Json value={{ priceEndings: doc.priceEndings, sources: doc.sources, complianceRuleSetId: doc.complianceRuleSetId }} />
      </details>
    </>
  );
  const elsewhere = (problems ?? []).filter((p) => ![...shownAt].some((f) => p.field === f || p.field.startsWith(`${f}.`)));

  return (
    <section>
      <p>
        <Link to="/ops/markets">{t('ops.markets.back')}</Link>
      </p>
      <h1 tabIndex={-1}>{t('ops.markets.edit', { market: code })}</h1>
      <p className="note">{start.data.origin === 'draft' || !dirty ? t('ops.pack.fromDraft') : t('ops.pack.fromPublished', { version: String(start.data.published) })}</p>
      <DraftActionBar
        busy={busy}
        status={status}
        canDiff={start.data.published !== null}
        onSave={() => void onSave()}
        onValidate={() => void onValidate()}
        onDiff={() => void onDiff()}
        onPublish={() => void onPublish()}
        onDiscard={() => void onDiscard()}
      />
      {diff ? (
        <section className="card" aria-labelledby="diff-title">
          <h2 id="diff-title">{t('ops.pack.diffTitle', { version: String(start.data.published) })}</h2>
          <DiffTable label={t('ops.pack.diffTitle', { version: String(start.data.published) })} diff={diff} />
        </section>
      ) : null}
      {form}
      {elsewhere.length ? (
        <div className="card">
          <h2>{t('ops.pack.problems')}</h2>
          <ul>
            {elsewhere.map((p) => (
              <li key={`${p.field}-${p.code}-${p.message}`}>
                <code>{p.field}</code> {p.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
