import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import {
  ApiError,
  countriesControllerSpecV1,
  sellerPayoutsControllerBankAccountV1,
  sellerPayoutsControllerGetV1,
  sellerPayoutsControllerLinkV1,
  sellerPayoutsControllerStartV1,
  sellersControllerMeV1,
} from '../api/client';
import { byField, FormAlert, SelectField, TextField, useErrorMessage, type FieldErrors } from '../forms';
import { useI18n, type MessageKey } from '../i18n';

interface BankForm {
  holderName: string;
  iban: string;
  bik: string;
  account: string;
  currency: string;
}

interface MaskedBankAccount {
  holderName: string;
  numberMasked: string;
  currency: string;
  status: 'pending_review' | 'verified' | 'rejected';
  rejectionMessage?: string;
}

/** Hands the seller to Stripe's hosted onboarding: a fresh single-use link, opened at once, never stored. */
async function openStripeOnboarding(): Promise<void> {
  const { data } = await sellerPayoutsControllerLinkV1();
  window.location.assign(data.url);
}

/**
 * Payouts: the rail of the seller's country, its status and what is still needed; Stripe's hosted
 * onboarding (hand-off and return) or the bank details for the bank-transfer rail, shown masked.
 */
export function PayoutsPage({ returned = false }: { returned?: boolean }) {
  const { t, lang, currencyName } = useI18n();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const payouts = useQuery({ queryKey: ['payouts', lang], queryFn: async () => (await sellerPayoutsControllerGetV1()).data });
  const me = useQuery({ queryKey: ['me', lang], queryFn: async () => (await sellersControllerMeV1()).data });
  const cc = me.data?.country;
  const spec = useQuery({ queryKey: ['country', cc, lang], enabled: !!cc, queryFn: async () => (await countriesControllerSpecV1({ path: { cc: cc! } })).data });
  const [failure, setFailure] = useState<{ message: string; fields: FieldErrors }>();
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const bankForm = useForm<BankForm>({ defaultValues: { holderName: '', iban: '', bik: '', account: '', currency: '' } });

  // back from Stripe: the account may have changed while the seller was away
  useEffect(() => {
    if (returned) void queryClient.invalidateQueries({ queryKey: ['payouts'] });
  }, [returned, queryClient]);

  const failed = payouts.error ?? me.error;
  if (failed) return <p className="alert" role="alert">{errorMessage(failed)}</p>;
  if (!payouts.data) return <p role="status">{t('common.loading')}</p>;
  const p = payouts.data;
  const currencies = ((spec.data?.currencies as { payout?: string[] } | undefined)?.payout ?? []).map((c) => ({ value: c, label: `${currencyName(c)} (${c})` }));
  const bankType = (spec.data?.bank as { type?: string } | undefined)?.type;
  const bankExample = (spec.data?.bank as { example?: string } | undefined)?.example;
  const masked = p.bankAccount as MaskedBankAccount | undefined;
  const notStarted = p.status === 'not_started' || p.railStatus === undefined;

  const act = async (fn: () => Promise<unknown>) => {
    setFailure(undefined);
    setSaved(false);
    setBusy(true);
    try {
      await fn();
    } catch (e) {
      setFailure({ message: errorMessage(e), fields: e instanceof ApiError ? byField(e.details) : {} });
    } finally {
      setBusy(false);
    }
  };

  const start = () =>
    act(async () => {
      const currency = bankForm.getValues('currency');
      await sellerPayoutsControllerStartV1({ body: currency ? { currency } : {} });
      await queryClient.invalidateQueries({ queryKey: ['payouts'] });
    });

  const submitBank = bankForm.handleSubmit((v) =>
    act(async () => {
      const body =
        bankType === 'ru_account'
          ? { holderName: v.holderName.trim(), bik: v.bik.trim(), account: v.account.trim() }
          : { holderName: v.holderName.trim(), iban: v.iban.trim() };
      await sellerPayoutsControllerBankAccountV1({ body: { ...body, ...(v.currency ? { currency: v.currency } : {}) } });
      setSaved(true);
      bankForm.reset({ ...v, iban: '', account: '' });
      await queryClient.invalidateQueries({ queryKey: ['payouts'] });
    }),
  );

  return (
    <section>
      <h1 tabIndex={-1}>{t('payouts.title')}</h1>
      {returned ? (
        <p className="success" role="status">
          {t('payouts.returned')}
        </p>
      ) : null}
      <dl className="facts">
        <dt>{t('payouts.status')}</dt>
        <dd data-testid="payouts-page-status">
          <strong>{t(`payout.status.${p.status}` as MessageKey)}</strong>
        </dd>
        <dt>{t('home.rail')}</dt>
        <dd>{t(`payout.rail.${p.rail}` as MessageKey)}</dd>
        {typeof p.currency === 'string' ? (
          <>
            <dt>{t('home.currency')}</dt>
            <dd>
              {currencyName(p.currency)} ({p.currency})
            </dd>
          </>
        ) : null}
      </dl>
      {p.unavailable && typeof p.unavailable.message === 'string' ? <p>{p.unavailable.message}</p> : null}
      {p.blockingReasons.length ? (
        <>
          <h2>{t('payouts.why')}</h2>
          <ul>
            {p.blockingReasons.map((r) => (
              <li key={r.code}>{r.message}</li>
            ))}
          </ul>
        </>
      ) : null}
      {p.checklist.length ? (
        <>
          <h2>{t('home.stillNeeded')}</h2>
          <ul>
            {p.checklist.map((c) => (
              <li key={c.task}>{c.message}</li>
            ))}
          </ul>
        </>
      ) : null}

      <FormAlert message={failure?.message} extra={failure ? Object.entries(failure.fields).filter(([f]) => !['holderName', 'iban', 'bik', 'account', 'currency'].includes(f)).map(([, m]) => m) : []} />

      {p.status !== 'unavailable' && notStarted ? (
        <div className="card">
          <h2>{t('payouts.setUp')}</h2>
          <p>{t(p.rail === 'stripe_connect' ? 'payouts.setUpStripe' : 'payouts.setUpBank')}</p>
          {currencies.length > 1 ? <SelectField path="currency" label={t('home.currency')} options={currencies} registration={bankForm.register('currency')} error={failure?.fields.currency} /> : null}
          <button type="button" disabled={busy} onClick={() => void start()}>
            {t('payouts.start')}
          </button>
        </div>
      ) : null}

      {p.rail === 'stripe_connect' && !notStarted && p.status !== 'enabled' ? (
        <div className="card">
          <h2>{t('payouts.stripeTitle')}</h2>
          <p>{t('payouts.stripeIntro')}</p>
          <button type="button" disabled={busy} onClick={() => void act(openStripeOnboarding)}>
            {t('payouts.continueStripe')}
          </button>
        </div>
      ) : null}

      {p.rail === 'bank_transfer' && !notStarted ? (
        <>
          {masked ? (
            <div className="card" data-testid="bank-account">
              <h2>{t('payouts.bankOnFile')}</h2>
              <dl className="facts">
                <dt>{t('payouts.holderName')}</dt>
                <dd>{masked.holderName}</dd>
                <dt>{t('payouts.accountNumber')}</dt>
                <dd>
                  <span className="mono">{masked.numberMasked}</span>
                </dd>
                <dt>{t('home.currency')}</dt>
                <dd>{masked.currency}</dd>
                <dt>{t('payouts.review')}</dt>
                <dd>{t(`bank.status.${masked.status}` as MessageKey)}</dd>
              </dl>
              {masked.rejectionMessage ? <p className="alert">{masked.rejectionMessage}</p> : null}
            </div>
          ) : null}
          <form onSubmit={submitBank} noValidate aria-labelledby="bank-title">
            <h2 id="bank-title">{masked ? t('payouts.bankReplace') : t('payouts.bankTitle')}</h2>
            {saved ? (
              <p className="success" role="status">
                {t('payouts.bankSaved')}
              </p>
            ) : null}
            <TextField path="holderName" label={t('payouts.holderName')} required autoComplete="organization" registration={bankForm.register('holderName')} error={failure?.fields.holderName} />
            {bankType === 'ru_account' ? (
              <>
                <TextField path="bik" label={t('payouts.bik')} required inputMode="numeric" autoComplete="off" registration={bankForm.register('bik')} error={failure?.fields.bik} />
                <TextField path="account" label={t('payouts.account')} required inputMode="numeric" autoComplete="off" registration={bankForm.register('account')} error={failure?.fields.account} />
              </>
            ) : (
              <TextField
                path="iban"
                label={t('payouts.iban')}
                required
                autoComplete="off"
                spellCheck={false}
                hint={bankExample ? t('business.example', { example: bankExample }) : undefined}
                registration={bankForm.register('iban')}
                error={failure?.fields.iban}
              />
            )}
            {currencies.length > 1 ? <SelectField path="currency" label={t('home.currency')} options={currencies} registration={bankForm.register('currency')} error={failure?.fields.currency} /> : null}
            <p className="hint">{t('payouts.bankHint')}</p>
            <button type="submit" disabled={busy}>
              {t('payouts.bankSubmit')}
            </button>
          </form>
        </>
      ) : null}
    </section>
  );
}

/** Stripe sends the seller here when the hosted link expired: a new link, at once. */
export function PayoutsRefresh() {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const [error, setError] = useState<string>();
  const asked = useRef(false);
  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    openStripeOnboarding().catch((e: unknown) => setError(errorMessage(e)));
  }, [errorMessage]);
  return (
    <section>
      <h1 tabIndex={-1}>{t('payouts.title')}</h1>
      {error ? (
        <>
          <p className="alert" role="alert">
            {error}
          </p>
          <p>
            <Link to="/payouts">{t('payouts.back')}</Link>
          </p>
        </>
      ) : (
        <p role="status">{t('payouts.redirecting')}</p>
      )}
    </section>
  );
}
