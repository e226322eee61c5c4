import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import {
  importsControllerErrorsV1,
  importsControllerGetV1,
  importsControllerListV1,
  listingsExportControllerCsvV1,
  marketsControllerListV1,
  type ProductImportView,
} from '../api/client';
import { saveBlob } from '../api/download';
import { uploadWithProgress } from '../api/upload';
import { FormAlert, useErrorMessage } from '../forms';
import { useI18n, type MessageKey } from '../i18n';
import { Pending, Table } from '../ops/common';

const ENCODINGS = ['utf-8', 'windows-1251', 'windows-1254', 'windows-1252'] as const;
const running = (s: ProductImportView['status']) => s === 'WAITING' || s === 'RUNNING';

/**
 * CSV import: the file goes up with a progress bar, the worker imports it (WAITING → RUNNING → COMPLETE or FAILED,
 * polled here), the rows it refused come back as errors.csv. Below, each market's listings as CSV.
 */
export function ImportPage() {
  const { t, lang } = useI18n();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number>();
  const [error, setError] = useState<{ message: string; extra: string[] }>();
  const [current, setCurrent] = useState<string>();
  const job = useQuery({
    queryKey: ['import', current, lang],
    enabled: !!current,
    queryFn: async () => (await importsControllerGetV1({ path: { id: current! } })).data,
    refetchInterval: (q) => (q.state.data && !running(q.state.data.status) ? false : 1000),
  });
  const finished = job.data && !running(job.data.status) ? job.data.status : undefined;
  useEffect(() => {
    // the job ended: the recent imports and the products show what it did
    if (!finished) return;
    void queryClient.invalidateQueries({ queryKey: ['imports'] });
    void queryClient.invalidateQueries({ queryKey: ['products'] });
    void queryClient.invalidateQueries({ queryKey: ['onboarding'] });
  }, [finished, current, queryClient]);
  const recent = useQuery({ queryKey: ['imports', lang], queryFn: async () => (await importsControllerListV1({ query: { limit: 5 } })).data });
  const markets = useQuery({ queryKey: ['markets', lang], queryFn: async () => (await marketsControllerListV1()).data });

  const upload = async (file: File | undefined, encoding: string) => {
    setError(undefined);
    if (!file) return setError({ message: t('import.chooseFile'), extra: [] });
    const body = new FormData();
    body.set('file', file);
    if (encoding) body.set('encoding', encoding);
    setProgress(0);
    try {
      // outside the generated client: it reports upload progress
      const started = await uploadWithProgress<ProductImportView>('/v1/sellers/me/products/imports', body, setProgress);
      queryClient.setQueryData(['import', started.id, lang], started);
      setCurrent(started.id);
      await queryClient.invalidateQueries({ queryKey: ['imports'] });
    } catch (e) {
      setError({ message: errorMessage(e), extra: e instanceof Error && 'details' in e ? (e as { details: { message: string }[] }).details.map((d) => d.message) : [] });
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <section>
      <h1 tabIndex={-1}>{t('import.title')}</h1>
      <p>
        <Link to="/products">{t('import.back')}</Link>
      </p>
      <form
        className="card"
        aria-labelledby="import-form-title"
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          const file = data.get('file');
          void upload(file instanceof File && file.size > 0 ? file : undefined, String(data.get('encoding') ?? ''));
        }}
      >
        <h2 id="import-form-title">{t('import.upload')}</h2>
        <p className="hint">{t('import.intro')}</p>
        {error ? <FormAlert message={error.message} extra={error.extra} /> : null}
        <div className="field">
          <label htmlFor="import-file">{t('import.file')}</label>
          <input id="import-file" name="file" type="file" accept=".csv,text/csv" aria-describedby="import-file-hint" />
          <p className="hint" id="import-file-hint">
            {t('import.fileHint')}
          </p>
        </div>
        <div className="field">
          <label htmlFor="import-encoding">{t('import.encoding')}</label>
          <select id="import-encoding" name="encoding" defaultValue="">
            <option value="">{t('import.encodingAuto')}</option>
            {ENCODINGS.map((e) => (
              <option key={e} value={e}>
                {e}
              </option>
            ))}
          </select>
        </div>
        {progress !== undefined ? <progress max={1} value={progress} aria-label={t('import.progress')} data-testid="import-progress" /> : null}
        <button type="submit" disabled={progress !== undefined || (!!job.data && running(job.data.status))}>
          {t('import.start')}
        </button>
      </form>

      {job.data ? <ImportStatus job={job.data} /> : null}
      {job.error ? <Pending error={job.error} loading={false} /> : null}

      <h2>{t('import.recent')}</h2>
      <Pending error={recent.error} loading={recent.isPending} />
      {recent.data && recent.data.items.length === 0 ? <p>{t('import.none')}</p> : null}
      {recent.data && recent.data.items.length ? (
        <Table label={t('import.recent')}>
          <thead>
            <tr>
              <th scope="col">{t('import.file')}</th>
              <th scope="col">{t('catalog.status')}</th>
              <th scope="col">{t('import.startedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {recent.data.items.map((i) => (
              <tr key={i.id}>
                <td>
                  <button type="button" className="link" onClick={() => setCurrent(i.id)}>
                    {i.fileName ?? i.id}
                  </button>
                </td>
                <td>{t(`import.status.${i.status}` as MessageKey)}</td>
                <td>{new Date(i.createdAt).toLocaleString(lang)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}

      <h2>{t('import.exportTitle')}</h2>
      <p className="hint">{t('import.exportIntro')}</p>
      <Pending error={markets.error} loading={markets.isPending} />
      <ul className="exports">
        {(markets.data ?? [])
          .filter((m) => m.status === 'enabled')
          .map((m) => (
            <li key={m.code}>
              <ExportButton market={m.code} name={m.name} />
            </li>
          ))}
      </ul>
    </section>
  );
}

function ImportStatus({ job }: { job: ProductImportView }) {
  const { t, number } = useI18n();
  const errorMessage = useErrorMessage();
  const [error, setError] = useState<string>();
  const c = job.counts;
  const downloadErrors = async () => {
    setError(undefined);
    try {
      await saveBlob(() => importsControllerErrorsV1({ path: { id: job.id }, parseAs: 'blob' }), `errors-${job.id.slice(0, 8)}.csv`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <article className="card" aria-labelledby="import-status-title" data-testid="import-job">
      <h2 id="import-status-title">{job.fileName ?? t('import.job')}</h2>
      <p role="status" aria-live="polite">
        {t('catalog.status')}: <strong data-testid="import-status">{t(`import.status.${job.status}` as MessageKey)}</strong>
      </p>
      {running(job.status) ? <progress aria-label={t('import.running')} /> : null}
      <dl className="facts" data-testid="import-counts">
        <dt>{t('import.count.read')}</dt>
        <dd data-testid="count-read">{number(c.read)}</dd>
        <dt>{t('import.count.created')}</dt>
        <dd data-testid="count-created">{number(c.created)}</dd>
        <dt>{t('import.count.updated')}</dt>
        <dd data-testid="count-updated">{number(c.updated)}</dd>
        <dt>{t('import.count.unchanged')}</dt>
        <dd data-testid="count-unchanged">{number(c.unchanged)}</dd>
        <dt>{t('import.count.failed')}</dt>
        <dd data-testid="count-failed">{number(c.failed)}</dd>
        <dt>{t('import.encoding')}</dt>
        <dd>{job.encoding}</dd>
      </dl>
      {job.failure ? (
        <p className="error" role="alert">
          {job.failure.message}
        </p>
      ) : null}
      {!running(job.status) && (c.failed > 0 || job.failure) ? (
        <p>
          <button type="button" className="secondary" onClick={() => void downloadErrors()}>
            {t('import.errors')}
          </button>
        </p>
      ) : null}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {job.status === 'COMPLETE' ? (
        <p>
          <Link to="/products">{t('import.seeProducts')}</Link>
        </p>
      ) : null}
    </article>
  );
}

/** One market's listings as CSV (in the seller's language, with its spreadsheet's delimiter). */
export function ExportButton({ market, name }: { market: string; name: string }) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const [error, setError] = useState<string>();
  return (
    <>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          setError(undefined);
          saveBlob(() => listingsExportControllerCsvV1({ path: { market }, parseAs: 'blob' }), `listings-${market}.csv`).catch((e: unknown) => setError(errorMessage(e)));
        }}
      >
        {t('golive.export', { market: name })}
      </button>
      {error ? (
        <span className="error" role="alert">
          {' '}
          {error}
        </span>
      ) : null}
    </>
  );
}
