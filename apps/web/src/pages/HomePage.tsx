import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import {
  ApiError,
  listingsExportControllerCsvV1,
  marketsControllerListV1,
  onboardingControllerGetV1,
  sellerKycControllerViewV1,
  sellerMarketsControllerChooseV1,
  sellerPayoutsControllerGetV1,
  sellerPayoutsControllerLinkV1,
  sellersControllerMeV1,
  type MarketView,
  type OnboardingMarketView,
  type OnboardingStepView,
} from '../api/client';
import { saveBlob } from '../api/download';
import { FormAlert, useErrorMessage } from '../forms';
import { useI18n, type MessageKey } from '../i18n';

type Step = OnboardingStepView['step'];
/** Where each step of the checklist is done. */
const STEP_LINK: Record<Step, string> = { BUSINESS_PROFILE: '/business', KYC: '/kyc', PAYOUTS: '/payouts', LISTINGS: '/products' };

/**
 * The seller's home: the go-live checklist per target market (GET /v1/sellers/me/onboarding), the choice of
 * target markets, then the account, KYC and payout summary. Three calls before the checklist paints
 * (onboarding, markets, account); the summary cards ask for theirs once the checklist is there.
 */
export function HomePage() {
  const { t, lang, date, countryName } = useI18n();
  const errorMessage = useErrorMessage();
  const onboarding = useQuery({ queryKey: ['onboarding', lang], queryFn: async () => (await onboardingControllerGetV1()).data });
  const markets = useQuery({ queryKey: ['markets', lang], queryFn: async () => (await marketsControllerListV1()).data });
  const me = useQuery({ queryKey: ['me', lang], queryFn: async () => (await sellersControllerMeV1()).data });

  return (
    <section>
      <h1 tabIndex={-1}>{t('home.title')}</h1>
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

      <section aria-labelledby="golive-title" className="golive">
        <h2 id="golive-title">{t('golive.title')}</h2>
        <p className="hint">{t('golive.intro')}</p>
        {onboarding.isPending ? <p role="status">{t('common.loading')}</p> : null}
        {onboarding.error ? <p className="alert" role="alert">{errorMessage(onboarding.error)}</p> : null}
        {onboarding.data && onboarding.data.markets.length === 0 ? <p data-testid="golive-none">{t('golive.none')}</p> : null}
        {onboarding.data?.markets.map((m) => <MarketChecklist key={m.market} market={m} />)}
        {onboarding.data && markets.data ? <MarketChooser chosen={onboarding.data.markets.map((m) => m.market)} markets={markets.data} /> : null}
        {markets.error ? <p className="alert" role="alert">{errorMessage(markets.error)}</p> : null}
      </section>

      {onboarding.isPending ? null : <Summary />}
    </section>
  );
}

function MarketChecklist({ market: m }: { market: OnboardingMarketView }) {
  const { t, date, number } = useI18n();
  const errorMessage = useErrorMessage();
  const [error, setError] = useState<string>();
  const id = `golive-${m.market}`;
  const exportCsv = async () => {
    setError(undefined);
    try {
      await saveBlob(() => listingsExportControllerCsvV1({ path: { market: m.market }, parseAs: 'blob' }), `listings-${m.market}.csv`);
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <article className={`card market-checklist market-${m.status.toLowerCase()}`} aria-labelledby={`${id}-title`} data-testid={id}>
      <h3 id={`${id}-title`}>
        {m.name} <span className="note">({m.market})</span> — <span data-testid={`${id}-status`}>{t(`golive.market.${m.status}` as MessageKey)}</span>
      </h3>
      {m.liveSince ? <p className="note">{t('golive.liveSince', { date: date(m.liveSince) })}</p> : null}
      {m.nextAction ? (
        <p className="next-action" data-testid={`${id}-next`}>
          <strong>{t('golive.next')}</strong> {m.nextAction.message} <Link to={STEP_LINK[m.nextAction.step]}>{t(`golive.go.${m.nextAction.step}` as MessageKey)}</Link>
        </p>
      ) : null}
      <ol className="steps">
        {m.steps.map((s) => (
          <li key={s.step} className={`step step-${s.status.toLowerCase()}`} data-testid={`${id}-${s.step}`}>
            <span className="step-name">{t(`golive.step.${s.step}` as MessageKey)}</span>: <strong className="step-status">{t(`golive.status.${s.status}` as MessageKey)}</strong>
            {s.nextAction ? (
              <>
                {' — '}
                {s.nextAction} {s.status === 'ACTION_REQUIRED' ? <Link to={STEP_LINK[s.step]}>{t(`golive.go.${s.step}` as MessageKey)}<span className="visually-hidden"> ({m.name})</span></Link> : null}
              </>
            ) : null}
            {s.listings ? (
              <>
                <p className="note" data-testid={`${id}-counts`}>
                  {t('golive.counts', { ready: number(s.listings.counts.READY), warnings: number(s.listings.counts.READY_WITH_WARNINGS), blocked: number(s.listings.counts.BLOCKED) })}
                </p>
                {s.listings.topBlockingCodes.length ? (
                  <ul aria-label={t('golive.topBlocking', { market: m.name })}>
                    {s.listings.topBlockingCodes.map((c) => (
                      <li key={c.code}>
                        <code>{c.code}</code> × {number(c.count)} — {c.message}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </>
            ) : null}
          </li>
        ))}
      </ol>
      <p>
        <button type="button" className="link" onClick={() => void exportCsv()}>
          {t('golive.export', { market: m.name })}
        </button>
      </p>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </article>
  );
}

/** The target markets: every enabled market, the chosen ones checked; saving replaces the choice. */
function MarketChooser({ chosen, markets }: { chosen: string[]; markets: MarketView[] }) {
  const { t } = useI18n();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<string[] | null>(null);
  const current = picked ?? chosen;
  const [result, setResult] = useState<{ ok?: string; error?: string; extra?: string[] }>();
  const save = useMutation({
    mutationFn: async () => (await sellerMarketsControllerChooseV1({ body: { markets: current } })).data,
    onSuccess: async () => {
      setResult({ ok: t('golive.saved') });
      setPicked(null);
      await queryClient.invalidateQueries({ queryKey: ['onboarding'] });
    },
    onError: (e) => setResult({ error: errorMessage(e), extra: e instanceof ApiError ? e.details.map((d) => d.message) : [] }),
  });
  const open = markets.filter((m) => m.status === 'enabled' || chosen.includes(m.code));
  return (
    <form
      className="card"
      aria-labelledby="choose-markets-title"
      onSubmit={(e) => {
        e.preventDefault();
        setResult(undefined);
        save.mutate();
      }}
    >
      <fieldset>
        <legend id="choose-markets-title">{t('golive.choose')}</legend>
        <p className="hint">{t('golive.chooseHint')}</p>
        <div className="market-options">
          {open.map((m) => (
            <div className="field checkbox" key={m.code}>
              <input
                type="checkbox"
                id={`market-${m.code}`}
                checked={current.includes(m.code)}
                onChange={(e) => setPicked(e.target.checked ? [...current, m.code] : current.filter((c) => c !== m.code))}
              />
              <label htmlFor={`market-${m.code}`}>
                {m.name} ({m.currency})
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {result?.error ? <FormAlert message={result.error} extra={result.extra} /> : null}
      {result?.ok ? (
        <p className="success" role="status">
          {result.ok}
        </p>
      ) : null}
      <button type="submit" disabled={save.isPending}>
        {t('golive.save')}
      </button>
    </form>
  );
}

/** KYC and payouts in a little more detail than the checklist says (the payout hand-off starts here too). */
function Summary() {
  const { t, lang, currencyName } = useI18n();
  const errorMessage = useErrorMessage();
  const kyc = useQuery({ queryKey: ['kyc', lang], queryFn: async () => (await sellerKycControllerViewV1()).data });
  const payouts = useQuery({ queryKey: ['payouts', lang], queryFn: async () => (await sellerPayoutsControllerGetV1()).data });
  // hosted onboarding (Stripe): a fresh single-use link, opened at once, never stored
  const onboarding = useMutation({
    mutationFn: async () => (await sellerPayoutsControllerLinkV1()).data,
    onSuccess: (link) => window.location.assign(link.url),
  });
  const needsProfile = kyc.error instanceof ApiError && kyc.error.code === 'KYC_BUSINESS_PROFILE_REQUIRED';
  return (
    <div className="cards">
      <article className="card" aria-labelledby="kyc-title" data-testid="kyc-card">
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
            {kyc.data.messages.length ? <p data-testid="kyc-messages-count">{t('home.kycMessages', { count: kyc.data.messages.length })}</p> : null}
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
  );
}
