import { useQuery } from '@tanstack/react-query';
import { screeningCoverageControllerGetV1 } from '../api/client';
import { useI18n } from '../i18n';
import { Pending, Table } from './common';

/** Which sanctions lists screening runs against, and how fresh each is: without any, nobody is cleared. */
export function ScreeningCoverage() {
  const { t, lang, number } = useI18n();
  const coverage = useQuery({ queryKey: ['ops', 'screening-coverage', lang], queryFn: async () => (await screeningCoverageControllerGetV1()).data });
  const c = coverage.data;
  return (
    <section className="card" aria-labelledby="coverage-title" data-testid="screening-coverage">
      <h2 id="coverage-title">{t('ops.coverage.title')}</h2>
      <Pending error={coverage.error} loading={coverage.isPending} />
      {c ? (
        <>
          <p className={c.status === 'no_lists_loaded' ? 'error' : undefined} data-testid="coverage-status">
            {t(c.status === 'screening' ? 'ops.coverage.screening' : 'ops.coverage.noLists')}
          </p>
          <Table label={t('ops.coverage.title')}>
            <thead>
              <tr>
                <th scope="col">{t('ops.coverage.source')}</th>
                <th scope="col">{t('ops.coverage.version')}</th>
                <th scope="col">{t('ops.coverage.entries')}</th>
                <th scope="col">{t('ops.coverage.loadedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {c.sources.map((s) => (
                <tr key={s.source}>
                  <th scope="row">
                    <code>{s.source}</code>
                  </th>
                  <td>{s.latest ? s.latest.label : t('ops.coverage.notLoaded')}</td>
                  <td>{s.latest ? number(s.latest.entryCount) : '—'}</td>
                  <td>{s.latest ? `${new Date(s.latest.loadedAt).toLocaleString(lang)} (${t(s.latest.origin === 'fetch' ? 'ops.coverage.fetched' : 'ops.coverage.uploaded')})` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          <p className="note">{c.fetch.enabled ? t('ops.coverage.fetchOn', { schedule: c.fetch.schedule }) : t('ops.coverage.fetchOff')}</p>
        </>
      ) : null}
    </section>
  );
}
