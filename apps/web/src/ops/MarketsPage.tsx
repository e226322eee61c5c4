import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { opsMarketsControllerOverviewV1 } from '../api/client';
import { useI18n } from '../i18n';
import { Pending, Table } from './common';

/** Every market sellers list for: status, published version, open draft; ops_admin edits a draft. */
export function MarketsPage({ admin }: { admin: boolean }) {
  const { t, lang } = useI18n();
  const list = useQuery({ queryKey: ['ops', 'markets', lang], queryFn: async () => (await opsMarketsControllerOverviewV1()).data });
  return (
    <section>
      <h1 tabIndex={-1}>{t('ops.markets.title')}</h1>
      <Pending error={list.error} loading={list.isPending} />
      {list.data ? (
        <Table label={t('ops.markets.title')}>
          <thead>
            <tr>
              <th scope="col">{t('ops.markets.market')}</th>
              <th scope="col">{t('ops.queue.status')}</th>
              <th scope="col">{t('ops.countries.published')}</th>
              <th scope="col">{t('ops.countries.draft')}</th>
              {admin ? <th scope="col">{t('ops.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {list.data.map((m) => (
              <tr key={m.code}>
                <td>
                  {m.name} <span className="note">({m.code})</span>
                </td>
                <td>{m.status ? t(m.status === 'enabled' ? 'ops.countries.enabled' : 'ops.countries.disabled') : '—'}</td>
                <td>{typeof m.publishedVersion === 'number' ? m.publishedVersion : '—'}</td>
                <td>{m.hasDraft ? t('ops.countries.hasDraft') : '—'}</td>
                {admin ? (
                  <td>
                    <Link to={`/ops/markets/${m.code}/edit`}>
                      {m.hasDraft ? t('ops.countries.editDraft') : t('ops.countries.newDraft')}
                      <span className="visually-hidden"> ({m.name})</span>
                    </Link>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
    </section>
  );
}
