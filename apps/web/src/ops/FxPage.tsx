import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { opsFxControllerSnapshotsV1, type ImportView, type SnapshotView } from '../api/client';
import { uploadWithProgress } from '../api/upload';
import { FormAlert, useErrorMessage } from '../forms';
import { useI18n, type MessageKey } from '../i18n';
import { Pending, Table } from './common';

const SOURCES: SnapshotView['source'][] = ['ecb', 'cbr', 'tcmb'];

/** FX reference rates: how fresh each source is, the snapshots imported, and a file import (ops_admin). */
export function FxPage({ admin }: { admin: boolean }) {
  const { t, lang, number, date } = useI18n();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [source, setSource] = useState<'' | SnapshotView['source']>('');
  const query = { limit: 50, ...(source ? { source } : {}) };
  const snapshots = useQuery({ queryKey: ['ops', 'fx', query, lang], queryFn: async () => (await opsFxControllerSnapshotsV1({ query })).data });
  const [progress, setProgress] = useState<number>();
  const [result, setResult] = useState<{ ok?: string; error?: string; extra?: string[] }>();

  const upload = async (form: HTMLFormElement) => {
    const data = new FormData(form);
    const file = data.get('file');
    if (!(file instanceof File) || file.size === 0) return setResult({ error: t('kyc.chooseFile') });
    setResult(undefined);
    setProgress(0);
    try {
      const done = await uploadWithProgress<ImportView>('/v1/ops/fx/imports', data, setProgress);
      setResult({
        ok: done.duplicate
          ? t('ops.fx.duplicate', { from: date(done.firstRateDate), to: date(done.lastRateDate) })
          : t('ops.fx.imported', { count: number(done.newSnapshots), from: date(done.firstRateDate), to: date(done.lastRateDate) }),
      });
      form.reset();
      await queryClient.invalidateQueries({ queryKey: ['ops', 'fx'] });
    } catch (e) {
      setResult({ error: errorMessage(e), extra: e instanceof Error && 'details' in e ? (e as { details: { message: string }[] }).details.map((d) => d.message) : [] });
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <section>
      <h1 tabIndex={-1}>{t('ops.fx.title')}</h1>
      <Pending error={snapshots.error} loading={snapshots.isPending} />
      {snapshots.data ? (
        <>
          <h2>{t('ops.fx.freshness')}</h2>
          <p className="hint">{t('ops.fx.maxAge', { days: number(snapshots.data.maxAgeTargetDays) })}</p>
          <Table label={t('ops.fx.freshness')}>
            <thead>
              <tr>
                <th scope="col">{t('ops.fx.source')}</th>
                <th scope="col">{t('ops.fx.rateDate')}</th>
                <th scope="col">{t('ops.fx.age')}</th>
                <th scope="col">{t('ops.queue.status')}</th>
              </tr>
            </thead>
            <tbody>
              {snapshots.data.freshness.map((f) => (
                <tr key={f.source} data-testid={`freshness-${f.source}`}>
                  <th scope="row">{t(`ops.fx.source.${f.source}` as MessageKey)}</th>
                  <td>{f.rateDate ? date(f.rateDate) : '—'}</td>
                  <td>{f.ageTargetDays === null ? '—' : t('ops.fx.days', { days: number(f.ageTargetDays) })}</td>
                  <td className={f.stale ? 'error' : undefined}>{t(f.snapshotId === null ? 'ops.fx.none' : f.stale ? 'ops.fx.stale' : 'ops.fx.fresh')}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </>
      ) : null}

      {admin ? (
        <form
          className="card"
          aria-labelledby="fx-import-title"
          onSubmit={(e) => {
            e.preventDefault();
            void upload(e.currentTarget);
          }}
        >
          <h2 id="fx-import-title">{t('ops.fx.import')}</h2>
          {result?.error ? <FormAlert message={result.error} extra={result.extra} /> : null}
          {result?.ok ? (
            <p className="success" role="status">
              {result.ok}
            </p>
          ) : null}
          <div className="field">
            <label htmlFor="fx-source">{t('ops.fx.source')}</label>
            <select id="fx-source" name="source" defaultValue="ecb">
              {SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t(`ops.fx.source.${s}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="fx-file">{t('kyc.file')}</label>
            <input id="fx-file" name="file" type="file" accept=".xml,application/xml,text/xml" aria-describedby="fx-file-hint" />
            <p className="hint" id="fx-file-hint">
              {t('ops.fx.fileHint')}
            </p>
          </div>
          {progress !== undefined ? <progress max={1} value={progress} aria-label={t('upload.progress')} /> : null}
          <button type="submit" disabled={progress !== undefined}>
            {t('ops.fx.upload')}
          </button>
        </form>
      ) : null}

      <h2>{t('ops.fx.snapshots')}</h2>
      <div className="field inline">
        <label htmlFor="fx-filter">{t('ops.fx.source')}</label>
        <select id="fx-filter" value={source} onChange={(e) => setSource(e.target.value as typeof source)}>
          <option value="">{t('ops.any')}</option>
          {SOURCES.map((s) => (
            <option key={s} value={s}>
              {t(`ops.fx.source.${s}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      {snapshots.data?.snapshots.length === 0 ? <p>{t('ops.fx.empty')}</p> : null}
      {snapshots.data?.snapshots.length ? (
        <Table label={t('ops.fx.snapshots')}>
          <thead>
            <tr>
              <th scope="col">{t('ops.fx.source')}</th>
              <th scope="col">{t('ops.fx.rateDate')}</th>
              <th scope="col">{t('ops.fx.currencies')}</th>
              <th scope="col">{t('ops.fx.fetched')}</th>
              <th scope="col">{t('ops.fx.age')}</th>
            </tr>
          </thead>
          <tbody>
            {snapshots.data.snapshots.map((s) => (
              <tr key={s.id}>
                <td>
                  {t(`ops.fx.source.${s.source}` as MessageKey)} <span className="note">({s.pivot})</span>
                </td>
                <td>{date(s.rateDate)}</td>
                <td>
                  {number(s.currencyCount)} <span className="note">{s.currencies.slice(0, 8).join(', ')}{s.currencies.length > 8 ? '…' : ''}</span>
                </td>
                <td>{new Date(s.fetchedAt).toLocaleString(lang)}</td>
                <td className={s.stale ? 'error' : undefined}>
                  {t('ops.fx.days', { days: number(s.ageTargetDays) })}
                  {s.stale ? ` · ${t('ops.fx.stale')}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
    </section>
  );
}
