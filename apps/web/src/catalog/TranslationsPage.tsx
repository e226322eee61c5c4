import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams } from 'react-router';
import {
  ApiError,
  machineTranslationControllerFillV1,
  marketsControllerListV1,
  productsControllerGetTranslationsV1,
  productsControllerPutTranslationsV1,
  type TranslatedFieldView,
  type TranslationsView,
} from '../api/client';
import { FormAlert, useErrorMessage } from '../forms';
import { LANGUAGES, useI18n, type MessageKey } from '../i18n';
import { Pending, Table } from '../ops/common';
import { ProductTabs } from './ProductTabs';

type Status = TranslatedFieldView['status'];
const STATUSES: Status[] = ['machine', 'translated', 'reviewed'];
interface Draft {
  value: string;
  status: Status;
}

/**
 * Translations side by side: the source text (in the product's language) next to the target language's text,
 * its status and whether the source changed since it was translated. A save sends the sourceHash the translator
 * saw; if the source changed meanwhile the API answers 409 and the page says so.
 */
export function TranslationsPage() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const translations = useQuery({ queryKey: ['translations', id], queryFn: async () => (await productsControllerGetTranslationsV1({ path: { id: id! } })).data });
  const markets = useQuery({ queryKey: ['markets', lang], queryFn: async () => (await marketsControllerListV1()).data });
  const source = translations.data?.sourceLocale;
  const locales = [...new Set([...(markets.data ?? []).flatMap((m) => [...m.displayLocales, ...m.legalLocales]), ...LANGUAGES])].filter((l) => l !== source).sort();
  const [target, setTarget] = useState('');
  const chosen = target || locales.find((l) => translations.data?.translations.some((x) => x.locale === l)) || locales[0] || '';

  if (!translations.data) return <Pending error={translations.error} loading />;
  const name = (l: string) => new Intl.DisplayNames([lang], { type: 'language' }).of(l) ?? l;
  return (
    <section>
      <h1 tabIndex={-1}>{t('catalog.translations.title')}</h1>
      <ProductTabs id={id!} />
      <div className="field inline">
        <label htmlFor="tr-target">{t('catalog.translations.target')}</label>
        <select id="tr-target" value={chosen} onChange={(e) => setTarget(e.target.value)}>
          {locales.map((l) => (
            <option key={l} value={l}>
              {name(l)} ({l})
            </option>
          ))}
        </select>
      </div>
      {chosen ? <LocaleEditor key={`${chosen}-${translations.data.source.map((f) => f.sourceHash).join()}`} data={translations.data} locale={chosen} sourceName={name(translations.data.sourceLocale)} targetName={name(chosen)} /> : null}
    </section>
  );
}

function LocaleEditor({ data, locale, sourceName, targetName }: { data: TranslationsView; locale: string; sourceName: string; targetName: string }) {
  const { t, date } = useI18n();
  // title, description, safetyInformation; attributes.<key>; variants.<id>.<key>
  const fieldLabel = (field: string) => {
    if (field === 'title' || field === 'description' || field === 'safetyInformation') return t(`catalog.field.${field}`);
    const [kind, ...rest] = field.split('.');
    return kind === 'variants' ? t('catalog.field.variantAttribute', { key: rest.slice(1).join('.') }) : t('catalog.field.attribute', { key: rest.join('.') });
  };
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const existing = data.translations.find((x) => x.locale === locale)?.fields ?? [];
  // the source as it was read: its hashes go with the save
  const [source] = useState(data.source);
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(source.map((f) => {
      const tr = existing.find((x) => x.field === f.field);
      return [f.field, { value: tr?.value ?? '', status: tr?.status ?? 'translated' }];
    })),
  );
  const [result, setResult] = useState<{ ok?: string; message?: string; stale?: boolean; extra?: string[] }>();
  const [saving, setSaving] = useState(false);
  const [machine, setMachine] = useState<{ ok?: string; error?: string; notConfigured?: boolean }>();

  /** The provider fills the empty and outdated fields (status machine); legal texts are never sent. */
  const translateByMachine = async () => {
    setMachine(undefined);
    setResult(undefined);
    setSaving(true);
    try {
      const { data: filled } = await machineTranslationControllerFillV1({ path: { id: data.productId, locale } });
      const fields = filled.translations.translations.find((x) => x.locale === locale)?.fields ?? [];
      setDrafts((d) => ({ ...d, ...Object.fromEntries(fields.filter((f) => filled.filled.includes(f.field) && f.field in d).map((f) => [f.field, { value: f.value, status: f.status }])) }));
      setMachine({ ok: t('catalog.translations.machineDone', { count: filled.filled.length, skipped: filled.skipped.length }) });
      await queryClient.invalidateQueries({ queryKey: ['listing', data.productId] });
    } catch (e) {
      const notConfigured = e instanceof ApiError && e.code === 'CATALOG_MT_NOT_CONFIGURED';
      // the API's own 409, in the seller's language: machine translation is off here, nothing was sent out
      setMachine({ error: errorMessage(e), notConfigured });
    } finally {
      setSaving(false);
    }
  };

  const save = async () => {
    setResult(undefined);
    const fields = source
      .filter((f) => drafts[f.field].value.trim())
      .map((f) => ({ field: f.field, value: drafts[f.field].value, sourceHash: f.sourceHash, status: drafts[f.field].status }));
    if (!fields.length) return setResult({ message: t('catalog.translations.nothing') });
    setSaving(true);
    try {
      await productsControllerPutTranslationsV1({ path: { id: data.productId, locale }, body: { fields } });
      setResult({ ok: t('catalog.translations.saved') });
      await queryClient.invalidateQueries({ queryKey: ['translations', data.productId] });
      await queryClient.invalidateQueries({ queryKey: ['listing', data.productId] });
    } catch (e) {
      const stale = e instanceof ApiError && e.status === 409;
      setResult({ message: stale ? `${t('catalog.translations.stale')} ${errorMessage(e)}` : errorMessage(e), stale, extra: e instanceof ApiError ? e.details.map((d) => d.message) : [] });
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      aria-label={t('catalog.translations.title')}
    >
      <div className="actions">
        <button type="button" className="secondary" disabled={saving} onClick={() => void translateByMachine()} aria-describedby="mt-hint">
          {t('catalog.translations.machine', { language: targetName })}
        </button>
      </div>
      <p className="hint" id="mt-hint">
        {t('catalog.translations.machineHint')}
      </p>
      {machine?.error ? (
        <div data-testid={machine.notConfigured ? 'mt-not-configured' : 'mt-error'}>
          <FormAlert message={machine.error} />
        </div>
      ) : null}
      {machine?.ok ? (
        <p className="success" role="status">
          {machine.ok}
        </p>
      ) : null}
      {result?.message ? <FormAlert message={result.message} extra={result.extra} /> : null}
      {result?.stale ? (
        <p>
          <button type="button" className="secondary" onClick={() => void queryClient.invalidateQueries({ queryKey: ['translations', data.productId] })}>
            {t('catalog.translations.reload')}
          </button>
        </p>
      ) : null}
      {result?.ok ? (
        <p className="success" role="status">
          {result.ok}
        </p>
      ) : null}
      <Table label={t('catalog.translations.title')}>
        <thead>
          <tr>
            <th scope="col">{t('catalog.translations.field')}</th>
            <th scope="col">
              {t('catalog.translations.source')} · {sourceName}
            </th>
            <th scope="col">
              {t('catalog.translations.translation')} · {targetName}
            </th>
            <th scope="col">{t('catalog.status')}</th>
          </tr>
        </thead>
        <tbody>
          {source.map((f) => {
            const tr = existing.find((x) => x.field === f.field);
            const id = `tr-${f.field}`;
            return (
              <tr key={f.field} data-testid={`translation-${f.field}`}>
                <th scope="row">
                  {fieldLabel(f.field)}
                  {f.legal ? <div className="note">{t('catalog.translations.legal')}</div> : null}
                </th>
                <td lang={data.sourceLocale} className="source-text">
                  {f.value}
                </td>
                <td className={tr?.outdated ? 'missing' : undefined}>
                  <label className="visually-hidden" htmlFor={id}>
                    {fieldLabel(f.field)} · {targetName}
                  </label>
                  <textarea
                    id={id}
                    lang={locale}
                    rows={f.field === 'title' ? 2 : 5}
                    value={drafts[f.field].value}
                    aria-describedby={tr?.outdated ? `${id}-outdated` : undefined}
                    onChange={(e) => setDrafts((d) => ({ ...d, [f.field]: { ...d[f.field], value: e.target.value } }))}
                  />
                  {tr?.outdated ? (
                    <p className="error" id={`${id}-outdated`} data-testid={`outdated-${f.field}`}>
                      {t('catalog.translations.outdated')}
                    </p>
                  ) : null}
                  {tr ? <p className="note">{t('catalog.translations.updatedOn', { date: date(tr.updatedAt) })}</p> : null}
                </td>
                <td>
                  <label className="visually-hidden" htmlFor={`${id}-status`}>
                    {t('catalog.status')} · {fieldLabel(f.field)}
                  </label>
                  <select id={`${id}-status`} value={drafts[f.field].status} onChange={(e) => setDrafts((d) => ({ ...d, [f.field]: { ...d[f.field], status: e.target.value as Status } }))}>
                    {STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {t(`catalog.translationStatus.${s}` as MessageKey)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </Table>
      <div className="actions">
        <button type="submit" disabled={saving}>
          {t('catalog.translations.save')}
        </button>
      </div>
    </form>
  );
}
