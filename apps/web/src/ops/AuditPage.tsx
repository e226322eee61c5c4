import { useInfiniteQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { useSearchParams } from 'react-router';
import { auditControllerListV1, type AuditControllerListV1Data } from '../api/client';
import { TextField } from '../forms';
import { useI18n } from '../i18n';
import { Json, Pending, str, Table } from './common';

type Query = NonNullable<AuditControllerListV1Data['query']>;
interface Filters {
  action: string;
  targetType: string;
  targetId: string;
  actorAccountId: string;
}
const FIELDS: (keyof Filters)[] = ['action', 'targetType', 'targetId', 'actorAccountId'];
const PAGE = 50;

/** The audit log, newest first: filtered through the URL, older entries page by page (`before`). */
export function AuditPage() {
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(FIELDS.map((f) => [f, params.get(f) ?? ''])) as unknown as Filters;
  const form = useForm<Filters>({ values: filters });
  const base: Query = { limit: PAGE, ...Object.fromEntries(FIELDS.filter((f) => filters[f].trim()).map((f) => [f, filters[f].trim()])) };
  const log = useInfiniteQuery({
    queryKey: ['ops', 'audit', base, lang],
    initialPageParam: '',
    queryFn: async ({ pageParam }) => (await auditControllerListV1({ query: { ...base, ...(pageParam ? { before: pageParam } : {}) } })).data,
    getNextPageParam: (last) => (last.length === PAGE ? last[last.length - 1].occurredAt : undefined),
  });
  const apply = form.handleSubmit((v) => {
    const next = new URLSearchParams();
    for (const f of FIELDS) if (v[f].trim()) next.set(f, v[f].trim());
    setParams(next);
  });
  const entries = log.data?.pages.flat() ?? [];
  return (
    <section>
      <h1 tabIndex={-1}>{t('ops.audit.title')}</h1>
      <form className="filters" onSubmit={apply} role="search" aria-label={t('ops.filters')}>
        <TextField path="action" label={t('ops.audit.action')} placeholder="kyc.approve" registration={form.register('action')} />
        <TextField path="targetType" label={t('ops.audit.targetType')} placeholder="kyc_case" registration={form.register('targetType')} />
        <TextField path="targetId" label={t('ops.audit.targetId')} registration={form.register('targetId')} />
        <TextField path="actorAccountId" label={t('ops.audit.actor')} registration={form.register('actorAccountId')} />
        <div className="actions">
          <button type="submit">{t('ops.apply')}</button>
        </div>
      </form>
      <Pending error={log.error} loading={log.isPending} />
      {log.data && entries.length === 0 ? <p>{t('ops.audit.empty')}</p> : null}
      {entries.length ? (
        <Table label={t('ops.audit.title')}>
          <thead>
            <tr>
              <th scope="col">{t('ops.audit.when')}</th>
              <th scope="col">{t('ops.audit.action')}</th>
              <th scope="col">{t('ops.audit.target')}</th>
              <th scope="col">{t('ops.audit.actor')}</th>
              <th scope="col">{t('ops.audit.changes')}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{new Date(e.occurredAt).toLocaleString(lang)}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>
                  {e.targetType}
                  <div className="note mono">{e.targetId}</div>
                </td>
                <td>
                  {e.actorRole}
                  {str(e.actorAccountId) ? <div className="note mono">{str(e.actorAccountId)}</div> : null}
                </td>
                <td>
                  <details>
                    <summary>{t('ops.audit.show')}</summary>
                    <Json value={e.changes} />
                  </details>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      {log.hasNextPage ? (
        <button type="button" className="secondary" disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
          {t('ops.audit.older')}
        </button>
      ) : null}
    </section>
  );
}
