import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { opsMarketsControllerDisableV1, opsMarketsControllerEnableV1, opsMarketsControllerOverviewV1 } from '../api/client';
import { FormAlert, useErrorMessage } from '../forms';
import { useI18n } from '../i18n';
import { Pending, Table } from './common';

/** Every market sellers list for: status, published version, open draft; ops_admin edits a draft and stops or resumes listings. */
export function MarketsPage({ admin }: { admin: boolean }) {
  const { t, lang } = useI18n();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['ops', 'markets', lang], queryFn: async () => (await opsMarketsControllerOverviewV1()).data });
  const [message, setMessage] = useState<{ ok?: string; error?: string }>();
  const toggle = async (code: string, name: string, enable: boolean) => {
    setMessage(undefined);
    try {
      await (enable ? opsMarketsControllerEnableV1 : opsMarketsControllerDisableV1)({ path: { code } });
      setMessage({ ok: t(enable ? 'ops.markets.enabledNow' : 'ops.markets.disabledNow', { market: name }) });
      await queryClient.invalidateQueries({ queryKey: ['ops', 'markets'] });
      await queryClient.invalidateQueries({ queryKey: ['markets'] });
    } catch (e) {
      setMessage({ error: errorMessage(e) });
    }
  };
  return (
    <section>
      <h1 tabIndex={-1}>{t('ops.markets.title')}</h1>
      {message?.ok ? (
        <p className="success" role="status">
          {message.ok}
        </p>
      ) : null}
      {message?.error ? <FormAlert message={message.error} /> : null}
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
                    <div className="row-actions">
                      <Link to={`/ops/markets/${m.code}/edit`}>
                        {m.hasDraft ? t('ops.countries.editDraft') : t('ops.countries.newDraft')}
                        <span className="visually-hidden"> ({m.name})</span>
                      </Link>
                      {m.status ? (
                        <button type="button" className="secondary" onClick={() => void toggle(m.code, m.name, m.status !== 'enabled')}>
                          {t(m.status === 'enabled' ? 'ops.markets.disable' : 'ops.markets.enable')}
                          <span className="visually-hidden"> ({m.name})</span>
                        </button>
                      ) : null}
                    </div>
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
