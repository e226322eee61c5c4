import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useParams, useSearchParams } from 'react-router';
import {
  marketsControllerListV1,
  pricesControllerGetV1,
  pricesControllerPutV1,
  pricesControllerRemoveV1,
  productsControllerListingV1,
  type IssueView,
  type ListingView,
  type LocalisedTextView,
  type MarketPriceDoc,
  type MarketView,
} from '../api/client';
import { FormAlert, useErrorMessage } from '../forms';
import { useI18n, type MessageKey } from '../i18n';
import { exponentOf, parseDecimal } from '../money';
import { Pending, Table } from '../ops/common';
import { ProductTabs } from './ProductTabs';

/**
 * How the product would be listed in one market: the texts in the market's language (or what is missing),
 * each variant's price in the market currency with every step of its computation, the readiness issues,
 * and a fixed price per variant that replaces the converted one.
 */
export function ListingPage() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const markets = useQuery({ queryKey: ['markets', lang], queryFn: async () => (await marketsControllerListV1()).data });
  const code = params.get('market') ?? markets.data?.find((m) => m.status === 'enabled')?.code ?? '';
  const market = markets.data?.find((m) => m.code === code);
  const listing = useQuery({
    queryKey: ['listing', id, code, lang],
    enabled: !!code,
    queryFn: async () => (await productsControllerListingV1({ path: { id: id!, market: code } })).data,
  });
  return (
    <section>
      <h1 tabIndex={-1}>{t('catalog.listing.title')}</h1>
      <ProductTabs id={id!} />
      <div className="field inline">
        <label htmlFor="listing-market">{t('catalog.listing.market')}</label>
        <select id="listing-market" value={code} onChange={(e) => setParams({ market: e.target.value })}>
          {(markets.data ?? []).map((m) => (
            <option key={m.code} value={m.code}>
              {m.name} ({m.currency})
            </option>
          ))}
        </select>
      </div>
      <Pending error={markets.error ?? listing.error} loading={markets.isPending || (!!code && listing.isPending)} />
      {listing.data && market ? (
        <>
          <Preview listing={listing.data} />
          <FixedPrices productId={id!} market={market} />
        </>
      ) : null}
    </section>
  );
}

function Text({ label, text }: { label: string; text: LocalisedTextView | null }) {
  const { t } = useI18n();
  if (!text) return null;
  return (
    <div className="listing-text">
      <h3>{label}</h3>
      {text.state === 'missing' ? (
        <p className="error">{t('catalog.listing.missing')}</p>
      ) : (
        <p lang={text.locale ?? undefined}>{text.value}</p>
      )}
      <p className="note">
        {t(`catalog.textState.${text.state}` as MessageKey)}
        {text.locale ? ` · ${text.locale}` : ''} · {t(`catalog.translationStatus.${text.status}` as MessageKey)}
        {text.outdated ? ` · ${t('catalog.translations.outdated')}` : ''}
      </p>
    </div>
  );
}

function Issues({ issues, label }: { issues: IssueView[]; label: string }) {
  const { t } = useI18n();
  if (!issues.length) return null;
  return (
    <Table label={label}>
      <thead>
        <tr>
          <th scope="col">{t('catalog.issue.severity')}</th>
          <th scope="col">{t('catalog.issue.code')}</th>
          <th scope="col">{t('catalog.issue.message')}</th>
        </tr>
      </thead>
      <tbody>
        {issues.map((i, n) => (
          <tr key={`${i.code}-${i.locale ?? ''}-${n}`} className={`issue-${i.severity.toLowerCase()}`} data-testid="readiness-issue">
            <td>{t(`catalog.severity.${i.severity}` as MessageKey)}</td>
            <td>
              <code>{i.code}</code>
            </td>
            <td>
              {i.message}
              {i.sourceUrl ? (
                <>
                  {' '}
                  <a href={i.sourceUrl} target="_blank" rel="noreferrer">
                    {t('catalog.issue.source')}
                  </a>
                </>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

function Price({ price, sku }: { price: MarketPriceDoc; sku: string }) {
  const { t, lang, money } = useI18n();
  const decimal = (value: string, currency: string) => {
    try {
      return new Intl.NumberFormat(lang, { style: 'currency', currency }).format(value as unknown as number);
    } catch {
      return `${value} ${currency}`;
    }
  };
  return (
    <div className="price" data-testid={`price-${sku}`}>
      <p>
        <strong data-testid="price-amount">{price.amountMinor !== null ? money(price.amountMinor, price.currency) : t('catalog.listing.noPrice')}</strong>{' '}
        <span className="note">
          {t(`catalog.priceOutcome.${price.outcome}` as MessageKey)} · {t(`catalog.priceSource.${price.source}` as MessageKey)}
          {price.fxSource ? ` · ${price.fxSource.toUpperCase()}` : ''}
        </span>
      </p>
      {price.breakdown.length ? (
        <Table label={t('catalog.listing.breakdown', { sku })}>
          <caption>{t('catalog.listing.breakdown', { sku })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('catalog.listing.step')}</th>
              <th scope="col">{t('catalog.listing.value')}</th>
              <th scope="col">{t('catalog.listing.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {price.breakdown.map((s, n) => (
              <tr key={`${s.step}-${n}`}>
                <th scope="row">{t(`catalog.step.${s.step}` as MessageKey)}</th>
                <td>{decimal(s.value, s.currency)}</td>
                <td className="note">
                  {Object.entries(s.detail ?? {})
                    .map(([k, v]) => `${k}: ${v}`)
                    .join(' · ')}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      {price.issues.length ? (
        <ul>
          {price.issues.map((i) => (
            <li key={i.code} className={i.severity === 'BLOCKER' ? 'error' : 'note'}>
              <code>{i.code}</code> {i.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function Preview({ listing }: { listing: ListingView }) {
  const { t } = useI18n();
  const r = listing.readiness;
  return (
    <>
      <p data-testid="readiness-status">
        {t('catalog.listing.readiness')}: <strong>{t(`catalog.readiness.${r.status}` as MessageKey)}</strong>
      </p>
      <div className="card" lang={listing.locale}>
        <h2>{t('catalog.listing.preview', { market: listing.market.name })}</h2>
        <Text label={t('catalog.field.title')} text={listing.title} />
        <Text label={t('catalog.field.description')} text={listing.description} />
        {(listing.safetyInformation ?? []).map((s) => (
          <Text key={s.requiredLocale} label={`${t('catalog.field.safetyInformation')} (${s.requiredLocale})`} text={s} />
        ))}
      </div>
      <h2>{t('catalog.listing.prices')}</h2>
      {listing.variants.map((v) => (
        <div key={v.id} className="card">
          <h3>{v.sku}</h3>
          <Price price={v.price} sku={v.sku} />
          <Issues issues={r.variants.find((x) => x.sku === v.sku)?.issues ?? []} label={t('catalog.listing.variantIssues', { sku: v.sku })} />
        </div>
      ))}
      <h2>{t('catalog.listing.issues')}</h2>
      {r.issues.length + r.seller.issues.length === 0 ? <p>{t('catalog.listing.noIssues')}</p> : null}
      <Issues issues={[...r.issues, ...r.seller.issues]} label={t('catalog.listing.issues')} />
    </>
  );
}

function FixedPrices({ productId, market }: { productId: string; market: MarketView }) {
  const { t, lang, number } = useI18n();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const prices = useQuery({
    queryKey: ['listing', productId, 'prices', market.code, lang],
    queryFn: async () => (await pricesControllerGetV1({ path: { id: productId, market: market.code } })).data,
  });
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [result, setResult] = useState<{ ok?: string; message?: string; extra?: string[] }>();
  const exponent = exponentOf(market.currency, market.currencyExponent);
  if (!prices.data) return <Pending error={prices.error} loading />;
  const valueOf = (sku: string, fixed: string | undefined) => drafts[sku] ?? fixed ?? '';
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['listing', productId] });

  const save = async () => {
    setResult(undefined);
    const rows = prices.data.variants.map((v) => ({ sku: v.sku, raw: valueOf(v.sku, v.fixed?.amount).trim() })).filter((r) => r.raw);
    const bad = rows.filter((r) => parseDecimal(r.raw, exponent) === null);
    if (bad.length) return setResult({ message: t('catalog.amountInvalid', { digits: number(exponent) }), extra: bad.map((b) => b.sku) });
    try {
      if (rows.length) {
        await pricesControllerPutV1({ path: { id: productId, market: market.code }, body: { currency: market.currency, variants: rows.map((r) => ({ sku: r.sku, amount: parseDecimal(r.raw, exponent)! })) } });
      } else {
        await pricesControllerRemoveV1({ path: { id: productId, market: market.code } });
      }
      setDrafts({});
      setResult({ ok: t('catalog.fixed.saved') });
      await refresh();
    } catch (e) {
      setResult({ message: errorMessage(e), extra: e instanceof Error && 'details' in e ? (e as { details: { message: string }[] }).details.map((d) => d.message) : [] });
    }
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      aria-labelledby="fixed-title"
    >
      <h2 id="fixed-title">{t('catalog.fixed.title', { currency: market.currency })}</h2>
      <p className="hint">{t('catalog.fixed.intro')}</p>
      {result?.message ? <FormAlert message={result.message} extra={result.extra} /> : null}
      {result?.ok ? (
        <p className="success" role="status">
          {result.ok}
        </p>
      ) : null}
      {prices.data.variants.map((v) => {
        const id = `fixed-${v.sku.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
        return (
          <div className="field" key={v.variantId}>
            <label htmlFor={id}>{t('catalog.fixed.for', { sku: v.sku, currency: market.currency })}</label>
            <input id={id} inputMode="decimal" autoComplete="off" value={valueOf(v.sku, v.fixed?.amount)} onChange={(e) => setDrafts((d) => ({ ...d, [v.sku]: e.target.value }))} aria-describedby={`${id}-hint`} />
            <p className="hint" id={`${id}-hint`}>
              {t('catalog.priceHint', { digits: number(exponent) })}
            </p>
          </div>
        );
      })}
      <div className="actions">
        <button type="submit">{t('catalog.fixed.save')}</button>
      </div>
    </form>
  );
}
