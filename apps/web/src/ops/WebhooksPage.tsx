import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { opsWebhooksControllerGetV1, opsWebhooksControllerListV1, opsWebhooksControllerReplayV1, type WebhookEventView } from '../api/client';
import { useErrorMessage } from '../forms';
import { useI18n, type MessageKey } from '../i18n';
import { Json, Pending, str, Table } from './common';

const STATUSES: WebhookEventView['status'][] = ['dead', 'parked', 'received', 'processed'];

/** The Stripe webhook inbox: dead letters first, each event's payload on request, replay (ops_admin). */
export function WebhooksPage({ admin }: { admin: boolean }) {
  const { t, lang } = useI18n();
  const [status, setStatus] = useState<WebhookEventView['status']>('dead');
  const [type, setType] = useState('');
  const query = { status, ...(type.trim() ? { type: type.trim() } : {}) };
  const list = useQuery({ queryKey: ['ops', 'webhooks', query, lang], queryFn: async () => (await opsWebhooksControllerListV1({ query })).data });
  return (
    <section>
      <h1 tabIndex={-1}>{t('ops.webhooks.title')}</h1>
      <div className="filters">
        <div className="field">
          <label htmlFor="wh-status">{t('ops.queue.status')}</label>
          <select id="wh-status" value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`ops.webhookStatus.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="wh-type">{t('ops.webhooks.type')}</label>
          <input id="wh-type" type="search" value={type} placeholder="account.updated" onChange={(e) => setType(e.target.value)} />
        </div>
      </div>
      <Pending error={list.error} loading={list.isPending} />
      {list.data?.length === 0 ? <p>{t('ops.webhooks.empty')}</p> : null}
      {list.data?.length ? (
        <Table label={t('ops.webhooks.title')}>
          <thead>
            <tr>
              <th scope="col">{t('ops.webhooks.event')}</th>
              <th scope="col">{t('ops.webhooks.received')}</th>
              <th scope="col">{t('ops.webhooks.attempts')}</th>
              <th scope="col">{t('ops.webhooks.lastError')}</th>
              <th scope="col">{t('ops.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((e) => (
              <WebhookRow key={e.id} event={e} admin={admin} />
            ))}
          </tbody>
        </Table>
      ) : null}
    </section>
  );
}

function WebhookRow({ event: e, admin }: { event: WebhookEventView; admin: boolean }) {
  const { t, lang, number } = useI18n();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [payload, setPayload] = useState<unknown>();
  const [message, setMessage] = useState<{ ok?: string; error?: string }>();
  const replay = async () => {
    setMessage(undefined);
    try {
      await opsWebhooksControllerReplayV1({ path: { id: e.id } });
      setMessage({ ok: t('ops.webhooks.replayed') });
      await queryClient.invalidateQueries({ queryKey: ['ops', 'webhooks'] });
    } catch (err) {
      setMessage({ error: errorMessage(err) });
    }
  };
  const show = async () => {
    try {
      setPayload((await opsWebhooksControllerGetV1({ path: { id: e.id } })).data.payload ?? {});
    } catch (err) {
      setMessage({ error: errorMessage(err) });
    }
  };
  return (
    <tr>
      <td>
        <code>{e.type}</code>
        <div className="note mono">{e.id}</div>
        {str(e.account) ? <div className="note">{str(e.account)}</div> : null}
        {payload !== undefined ? <Json value={payload} /> : null}
      </td>
      <td>{new Date(e.receivedAt).toLocaleString(lang)}</td>
      <td>{number(e.attempts)}</td>
      <td>{str(e.lastError) ?? str(e.outcome) ?? '—'}</td>
      <td>
        <div className="row-actions">
          {payload === undefined ? (
            <button type="button" className="secondary" onClick={() => void show()}>
              {t('ops.webhooks.payload')}
            </button>
          ) : null}
          {admin && (e.status === 'dead' || e.status === 'parked') ? (
            <button type="button" onClick={() => void replay()}>
              {t('ops.webhooks.replay')}
            </button>
          ) : null}
        </div>
        {message?.ok ? <p role="status">{message.ok}</p> : null}
        {message?.error ? (
          <p className="error" role="alert">
            {message.error}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
