import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { opsCountriesControllerOverviewV1 } from '../api/client';
import { useI18n } from '../i18n';
import { Pending, Table } from './common';

/** Every country with a pack; ops_admin edits a draft or starts a new country from an existing pack. */
export function CountriesPage({ admin }: { admin: boolean }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const list = useQuery({ queryKey: ['ops', 'countries', lang], queryFn: async () => (await opsCountriesControllerOverviewV1()).data });
  const [source, setSource] = useState('');
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string>();
  const known = new Set((list.data ?? []).map((c) => c.country));

  const clone = (e: React.FormEvent) => {
    e.preventDefault();
    const to = target.trim().toUpperCase();
    if (!source) return setError(t('ops.countries.chooseSource'));
    if (!/^[A-Z]{2}$/.test(to)) return setError(t('ops.countries.badCode'));
    if (known.has(to)) return setError(t('ops.countries.exists', { country: to }));
    setError(undefined);
    navigate(`/ops/countries/${to}/edit?from=${source}`);
  };

  return (
    <section>
      <h1 tabIndex={-1}>{t('ops.countries.title')}</h1>
      <Pending error={list.error} loading={list.isPending} />
      {list.data ? (
        <Table label={t('ops.countries.title')}>
          <thead>
            <tr>
              <th scope="col">{t('field.country')}</th>
              <th scope="col">{t('ops.queue.status')}</th>
              <th scope="col">{t('ops.countries.published')}</th>
              <th scope="col">{t('ops.countries.draft')}</th>
              {admin ? <th scope="col">{t('ops.actions')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {list.data.map((c) => (
              <tr key={c.country}>
                <td>
                  {c.name} <span className="note">({c.country})</span>
                </td>
                <td>{t(c.status === 'enabled' ? 'ops.countries.enabled' : 'ops.countries.disabled')}</td>
                <td>{typeof c.publishedVersion === 'number' ? c.publishedVersion : '—'}</td>
                <td>{c.hasDraft ? t('ops.countries.hasDraft') : '—'}</td>
                {admin ? (
                  <td>
                    <Link to={`/ops/countries/${c.country}/edit`}>
                      {c.hasDraft ? t('ops.countries.editDraft') : t('ops.countries.newDraft')}
                      <span className="visually-hidden"> ({c.name})</span>
                    </Link>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      {admin && list.data ? (
        <form className="card" onSubmit={clone} aria-labelledby="clone-title">
          <h2 id="clone-title">{t('ops.countries.cloneTitle')}</h2>
          <p className="hint">{t('ops.countries.cloneIntro')}</p>
          {error ? (
            <p className="error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="field">
            <label htmlFor="clone-source">{t('ops.countries.source')}</label>
            <select id="clone-source" value={source} onChange={(e) => setSource(e.target.value)}>
              <option value="">{t('ops.countries.chooseSource')}</option>
              {list.data
                .filter((c) => typeof c.publishedVersion === 'number')
                .map((c) => (
                  <option key={c.country} value={c.country}>
                    {c.name} ({c.country})
                  </option>
                ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="clone-target">{t('ops.countries.target')}</label>
            <input id="clone-target" value={target} maxLength={2} autoComplete="off" aria-describedby="clone-target-hint" onChange={(e) => setTarget(e.target.value)} />
            <p className="hint" id="clone-target-hint">
              {t('ops.countries.targetHint')}
            </p>
          </div>
          <button type="submit">{t('ops.countries.clone')}</button>
        </form>
      ) : null}
    </section>
  );
}
