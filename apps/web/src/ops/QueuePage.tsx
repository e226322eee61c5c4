import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { Link, useSearchParams } from 'react-router';
import { opsKycControllerQueueV1, type KycQueueItemView, type OpsKycControllerQueueV1Data } from '../api/client';
import { SelectField, TextField } from '../forms';
import { useI18n, type MessageKey } from '../i18n';
import { Pending, str, Table } from './common';
import { ScreeningCoverage } from './ScreeningCoverage';

type Query = NonNullable<OpsKycControllerQueueV1Data['query']>;
const STATUSES: KycQueueItemView['status'][] = ['in_review', 'submitted', 'action_required', 'collecting', 'approved', 'rejected', 'suspended', 'superseded'];
const REASONS: KycQueueItemView['reviewReason'][] = ['SCREENING_POSSIBLE_MATCH', 'VENDOR_RED', 'DUPLICATE_DOCUMENT', 'RISK_POLICY'];
interface Filters {
  q: string;
  status: string;
  country: string;
  reason: string;
  olderThanHours: string;
}

/** The KYC review queue: oldest first, filtered and searched through the URL (a link keeps the view). */
export function QueuePage() {
  const { t, lang, countryName, number } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters: Filters = {
    q: params.get('q') ?? '',
    status: params.get('status') ?? 'in_review',
    country: params.get('country') ?? '',
    reason: params.get('reason') ?? '',
    olderThanHours: params.get('olderThanHours') ?? '',
  };
  const form = useForm<Filters>({ values: filters });
  const query: Query = {
    status: filters.status as Query['status'],
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
    ...(filters.country.trim() ? { country: filters.country.trim().toUpperCase() } : {}),
    ...(filters.reason ? { reason: filters.reason as Query['reason'] } : {}),
    ...(Number(filters.olderThanHours) > 0 ? { olderThanHours: Number(filters.olderThanHours) } : {}),
  };
  const queue = useQuery({ queryKey: ['ops', 'queue', query, lang], queryFn: async () => (await opsKycControllerQueueV1({ query })).data });

  const apply = form.handleSubmit((v) => {
    const next = new URLSearchParams();
    for (const [k, value] of Object.entries(v)) if (String(value).trim()) next.set(k, String(value).trim());
    setParams(next);
  });

  return (
    <section>
      <h1 tabIndex={-1}>{t('ops.queue.title')}</h1>
      <form className="filters" onSubmit={apply} role="search" aria-label={t('ops.filters')}>
        <TextField path="q" label={t('ops.queue.search')} hint={t('ops.queue.searchHint')} type="search" registration={form.register('q')} />
        <SelectField path="status" label={t('ops.queue.status')} registration={form.register('status')} options={STATUSES.map((s) => ({ value: s, label: t(`kyc.status.${s}` as MessageKey) }))} />
        <TextField path="country" label={t('field.country')} maxLength={2} autoComplete="off" registration={form.register('country')} />
        <SelectField
          path="reason"
          label={t('ops.queue.reason')}
          registration={form.register('reason')}
          options={[{ value: '', label: t('ops.any') }, ...REASONS.map((r) => ({ value: r, label: t(`ops.reviewReason.${r}` as MessageKey) }))]}
        />
        <TextField path="olderThanHours" label={t('ops.queue.olderThan')} type="number" min={0} inputMode="numeric" registration={form.register('olderThanHours')} />
        <div className="actions">
          <button type="submit">{t('ops.apply')}</button>
        </div>
      </form>
      <Pending error={queue.error} loading={queue.isPending} />
      {queue.data ? (
        queue.data.length === 0 ? (
          <p>{t('ops.queue.empty')}</p>
        ) : (
          <Table label={t('ops.queue.title')}>
            <thead>
              <tr>
                <th scope="col">{t('ops.queue.legalName')}</th>
                <th scope="col">{t('field.country')}</th>
                <th scope="col">{t('kyc.persons')}</th>
                <th scope="col">{t('ops.queue.reason')}</th>
                <th scope="col">{t('ops.queue.age')}</th>
                <th scope="col">{t('ops.queue.status')}</th>
              </tr>
            </thead>
            <tbody>
              {queue.data.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/ops/kyc/${c.id}`}>{str(c.legalName) ?? c.sellerEmail}</Link>
                    {str(c.tradingName) ? <div className="note">{str(c.tradingName)}</div> : null}
                    <div className="note">{c.sellerEmail}</div>
                  </td>
                  <td>{countryName(c.country)}</td>
                  <td>
                    {c.persons.map((p) => (
                      <div key={`${p.role}-${p.fullName}`}>
                        {p.fullName} <span className="note">({t(`kyc.role.${p.role}` as MessageKey)})</span>
                      </div>
                    ))}
                  </td>
                  <td>{c.reviewReasons.map((r) => t(`ops.reviewReason.${r}` as MessageKey)).join(', ') || '—'}</td>
                  <td>{t('ops.hours', { hours: number(c.ageHours) })}</td>
                  <td>
                    {t(`kyc.status.${c.status}` as MessageKey)}
                    {c.fourEyes ? <div className="note">{t(`ops.fourEyes.${c.fourEyesState}` as MessageKey)}</div> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )
      ) : null}
      <ScreeningCoverage />
    </section>
  );
}
