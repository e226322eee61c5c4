import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { ApiError, sellerKycControllerViewV1, sellerPayoutsControllerGetV1, sellerPayoutsControllerLinkV1, sellersControllerMeV1 } from '../api/client';
import { useErrorMessage } from '../forms';
import { useI18n, type MessageKey } from '../i18n';

export function HomePage() {
  const { t, lang, date, countryName, currencyName } = useI18n();
  const errorMessage = useErrorMessage();
  const me = useQuery({ queryKey: ['me', lang], queryFn: async () => (await sellersControllerMeV1()).data });
  const kyc = useQuery({ queryKey: ['kyc', lang], queryFn: async () => (await sellerKycControllerViewV1()).data });
  const payouts = useQuery({ queryKey: ['payouts', lang], queryFn: async () => (await sellerPayoutsControllerGetV1()).data });
  // hosted onboarding (Stripe): a fresh single-use link, opened at once, never stored
  const onboarding = useMutation({
    mutationFn: async () => (await sellerPayoutsControllerLinkV1()).data,
    onSuccess: (link) => window.location.assign(link.url),
  });
  const needsProfile = kyc.error instanceof ApiError && kyc.error.code === 'KYC.BUSINESS_PROFILE_REQUIRED';

  return (
    <section>
      <h1 tabIndex={-1}>{t('home.title')}</h1>
      {me.isPending ? <p role="status">{t('common.loading')}</p> : null}
      {me.error ? <p className="alert" role="alert">{errorMessage(me.error)}</p> : null}
      {me.data ? (
        <dl className="facts">
          <dt>{t('field.email')}</dt>
          <dd>{me.data.email}</dd>
          <dt>{t('field.country')}</dt>
          <dd>{countryName(me.data.country)}</dd>
          <dt>{t('home.accountStatus')}</dt>
          <dd data-testid="seller-status">
            {t(`seller.status.${me.data.status}` as MessageKey)}
            {me.data.statusMessage ? <span className="hint"> — {me.data.statusMessage}</span> : null}
          </dd>
          <dt>{t('home.since')}</dt>
          <dd>{date(me.data.createdAt)}</dd>
        </dl>
      ) : null}

      <div className="cards">
        <article className="card" aria-labelledby="kyc-title">
          <h2 id="kyc-title">{t('home.kyc')}</h2>
          {kyc.isPending ? <p role="status">{t('common.loading')}</p> : null}
          {needsProfile ? (
            <>
              <p data-testid="kyc-status">{t('home.kycNeedsProfile')}</p>
              <p>
                <Link to="/business">{t('home.fillProfile')}</Link>
              </p>
            </>
          ) : kyc.error ? (
            <p className="alert" role="alert">{errorMessage(kyc.error)}</p>
          ) : null}
          {kyc.data ? (
            <>
              <p data-testid="kyc-status">
                <strong>{t(`kyc.status.${kyc.data.status}` as MessageKey)}</strong>
              </p>
              {kyc.data.reason ? <p>{kyc.data.reason.message}</p> : null}
              <p>
                <Link to="/kyc">{t('nav.kyc')}</Link>
              </p>
              {kyc.data.checklist.length ? (
                <>
                  <h3>{t('home.stillNeeded')}</h3>
                  <ul>
                    {kyc.data.checklist.map((c, i) => (
                      <li key={`${c.item}-${c.type ?? i}`}>{c.message}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </>
          ) : null}
        </article>

        <article className="card" aria-labelledby="payouts-title">
          <h2 id="payouts-title">{t('home.payouts')}</h2>
          {payouts.isPending ? <p role="status">{t('common.loading')}</p> : null}
          {payouts.error ? <p className="alert" role="alert">{errorMessage(payouts.error)}</p> : null}
          {payouts.data ? (
            <>
              <p data-testid="payout-status">
                <strong>{t(`payout.status.${payouts.data.status}` as MessageKey)}</strong>
              </p>
              {payouts.data.unavailable && typeof payouts.data.unavailable.message === 'string' ? <p>{payouts.data.unavailable.message}</p> : null}
              <p data-testid="payout-next">{payouts.data.nextAction.message}</p>
              {payouts.data.nextAction.code === 'start_onboarding' || payouts.data.nextAction.code === 'continue_onboarding' ? (
                <p>
                  <button type="button" onClick={() => onboarding.mutate()} disabled={onboarding.isPending}>
                    {t('home.openOnboarding')}
                  </button>
                </p>
              ) : null}
              {payouts.data.nextAction.code === 'complete_business_profile' ? (
                <p>
                  <Link to="/business">{t('home.fillProfile')}</Link>
                </p>
              ) : null}
              {onboarding.error ? <p className="alert" role="alert">{errorMessage(onboarding.error)}</p> : null}
              <p>
                <Link to="/payouts">{t('home.payoutsLink')}</Link>
              </p>
              <dl className="facts">
                {payouts.data.rail ? (
                  <>
                    <dt>{t('home.rail')}</dt>
                    <dd>{t(`payout.rail.${payouts.data.rail}` as MessageKey)}</dd>
                  </>
                ) : null}
                {typeof payouts.data.currency === 'string' ? (
                  <>
                    <dt>{t('home.currency')}</dt>
                    <dd>
                      {currencyName(payouts.data.currency)} ({payouts.data.currency})
                    </dd>
                  </>
                ) : null}
              </dl>
              {payouts.data.checklist.length ? (
                <ul>
                  {payouts.data.checklist.map((c) => (
                    <li key={c.task}>{c.message}</li>
                  ))}
                </ul>
              ) : null}
            </>
          ) : null}
        </article>
      </div>
    </section>
  );
}
