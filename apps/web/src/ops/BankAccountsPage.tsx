import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  opsBankAccountsControllerListV1,
  opsBankAccountsControllerRejectV1,
  opsBankAccountsControllerRevealV1,
  opsBankAccountsControllerVerifyV1,
  type BankAccountReviewView,
  type RejectBankAccountDto,
} from '../api/client';
import { useErrorMessage } from '../forms';
import { useI18n, type MessageKey } from '../i18n';
import { Pending, Table } from './common';

const STATUSES: BankAccountReviewView['status'][] = ['pending_review', 'verified', 'rejected'];
const REASONS: RejectBankAccountDto['reason'][] = ['name_mismatch', 'account_closed', 'not_business_account', 'other'];

/** Bank details of the bank-transfer rail: masked in the list, the full number only on request (audited); verify or reject. */
export function BankAccountsPage() {
  const { t, lang, date, countryName } = useI18n();
  const [status, setStatus] = useState<BankAccountReviewView['status']>('pending_review');
  const list = useQuery({ queryKey: ['ops', 'bank', status, lang], queryFn: async () => (await opsBankAccountsControllerListV1({ query: { status } })).data });
  // a decided account leaves the list of those to review: the outcome is said here, not in its row
  const [done, setDone] = useState<string>();
  return (
    <section>
      <h1 tabIndex={-1}>{t('ops.bank.title')}</h1>
      <div className="field inline">
        <label htmlFor="bank-status">{t('ops.queue.status')}</label>
        <select id="bank-status" value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`bank.status.${s}` as MessageKey)}
            </option>
          ))}
        </select>
      </div>
      {done ? (
        <p className="success" role="status">
          {done}
        </p>
      ) : null}
      <Pending error={list.error} loading={list.isPending} />
      {list.data?.length === 0 ? <p>{t('ops.bank.empty')}</p> : null}
      {list.data?.length ? (
        <Table label={t('ops.bank.title')}>
          <thead>
            <tr>
              <th scope="col">{t('payouts.holderName')}</th>
              <th scope="col">{t('field.country')}</th>
              <th scope="col">{t('payouts.accountNumber')}</th>
              <th scope="col">{t('home.currency')}</th>
              <th scope="col">{t('ops.bank.submitted')}</th>
              <th scope="col">{t('ops.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((a) => (
              <BankRow key={a.sellerId} account={a} countryName={countryName} submitted={date(a.submittedAt)} onDone={setDone} />
            ))}
          </tbody>
        </Table>
      ) : null}
    </section>
  );
}

function BankRow({ account: a, countryName, submitted, onDone }: { account: BankAccountReviewView; countryName: (cc: string) => string; submitted: string; onDone: (message: string) => void }) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [number, setNumber] = useState<string>();
  const [reason, setReason] = useState<RejectBankAccountDto['reason']>('name_mismatch');
  const [message, setMessage] = useState<{ error?: string }>();
  const id = a.sellerId!;
  const run = async (fn: () => Promise<unknown>, ok: string) => {
    setMessage(undefined);
    try {
      await fn();
      onDone(`${ok} ${a.holderName} (${a.numberMasked})`);
      await queryClient.invalidateQueries({ queryKey: ['ops', 'bank'] });
    } catch (e) {
      setMessage({ error: errorMessage(e) });
    }
  };
  return (
    <tr>
      <td>{a.holderName}</td>
      <td>{countryName(a.country)}</td>
      <td className="mono">
        {number ?? a.numberMasked}
        {!number ? (
          <div>
            <button
              type="button"
              className="link"
              onClick={() => void opsBankAccountsControllerRevealV1({ path: { sellerId: id } }).then(({ data }) => setNumber(data.number), (e: unknown) => setMessage({ error: errorMessage(e) }))}
            >
              {t('ops.bank.reveal')}
            </button>
          </div>
        ) : null}
      </td>
      <td>{a.currency}</td>
      <td>
        {submitted}
        <div className="note">{t(`bank.status.${a.status}` as MessageKey)}</div>
      </td>
      <td>
        {a.status === 'pending_review' ? (
          <div className="row-actions">
            <button type="button" onClick={() => void run(() => opsBankAccountsControllerVerifyV1({ path: { sellerId: id } }), t('ops.bank.verified'))}>
              {t('ops.bank.verify')}
            </button>
            <label htmlFor={`reason-${id}`} className="visually-hidden">
              {t('ops.bank.reason')}
            </label>
            <select id={`reason-${id}`} value={reason} onChange={(e) => setReason(e.target.value as typeof reason)}>
              {REASONS.map((r) => (
                <option key={r} value={r}>
                  {t(`ops.bankReason.${r}` as MessageKey)}
                </option>
              ))}
            </select>
            <button type="button" className="secondary" onClick={() => void run(() => opsBankAccountsControllerRejectV1({ path: { sellerId: id }, body: { reason } }), t('ops.bank.rejected'))}>
              {t('ops.bank.reject')}
            </button>
          </div>
        ) : null}
        {message?.error ? (
          <p className="error" role="alert">
            {message.error}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
