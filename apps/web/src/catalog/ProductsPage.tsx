import { useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { Link, useSearchParams } from 'react-router';
import { categoriesControllerListV1, productsControllerListV1, type ProductsControllerListV1Data, type ProductView } from '../api/client';
import { SelectField, TextField } from '../forms';
import { useI18n, type MessageKey } from '../i18n';
import { Pending, Table } from '../ops/common';

type Query = NonNullable<ProductsControllerListV1Data['query']>;
const STATUSES: ProductView['status'][] = ['draft', 'active', 'archived'];
const PAGE = 20;
interface Filters {
  q: string;
  sku: string;
  status: string;
  category: string;
}

/** The seller's products: searched and filtered through the URL, a page at a time. */
export function ProductsPage() {
  const { t, lang, number, money } = useI18n();
  const [params, setParams] = useSearchParams();
  const filters: Filters = { q: params.get('q') ?? '', sku: params.get('sku') ?? '', status: params.get('status') ?? '', category: params.get('category') ?? '' };
  const offset = Math.max(0, Number(params.get('offset')) || 0);
  const form = useForm<Filters>({ values: filters });
  const query: Query = {
    limit: PAGE,
    offset,
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
    ...(filters.sku.trim() ? { sku: filters.sku.trim() } : {}),
    ...(filters.status ? { status: filters.status as Query['status'] } : {}),
    ...(filters.category ? { category: filters.category } : {}),
  };
  const list = useQuery({ queryKey: ['products', query, lang], queryFn: async () => (await productsControllerListV1({ query })).data });
  const categories = useQuery({ queryKey: ['categories', lang], queryFn: async () => (await categoriesControllerListV1()).data });
  const go = (next: Partial<Filters> & { offset?: number }) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filters, offset: 0, ...next })) if (String(v).trim() && v !== 0) p.set(k, String(v).trim());
    setParams(p);
  };
  const apply = form.handleSubmit((v) => go(v));
  const page = list.data;

  return (
    <section>
      <h1 tabIndex={-1}>{t('catalog.products.title')}</h1>
      <p>
        <Link to="/products/new" className="button">
          {t('catalog.products.new')}
        </Link>{' '}
        <Link to="/products/import" className="button secondary">
          {t('import.link')}
        </Link>
      </p>
      <form className="filters" onSubmit={apply} role="search" aria-label={t('ops.filters')}>
        <TextField path="q" label={t('catalog.products.search')} type="search" registration={form.register('q')} />
        <TextField path="sku" label={t('catalog.sku')} autoComplete="off" spellCheck={false} registration={form.register('sku')} />
        <SelectField
          path="status"
          label={t('catalog.status')}
          registration={form.register('status')}
          options={[{ value: '', label: t('ops.any') }, ...STATUSES.map((s) => ({ value: s, label: t(`catalog.status.${s}` as MessageKey) }))]}
        />
        <SelectField
          path="category"
          label={t('catalog.category')}
          registration={form.register('category')}
          options={[{ value: '', label: t('ops.any') }, ...(categories.data ?? []).map((c) => ({ value: c.code, label: c.label }))]}
        />
        <div className="actions">
          <button type="submit">{t('ops.apply')}</button>
        </div>
      </form>
      <Pending error={list.error} loading={list.isPending} />
      {page && page.items.length === 0 ? <p>{t('catalog.products.empty')}</p> : null}
      {page && page.items.length > 0 ? (
        <>
          <Table label={t('catalog.products.title')}>
            <thead>
              <tr>
                <th scope="col">{t('catalog.title')}</th>
                <th scope="col">{t('catalog.category')}</th>
                <th scope="col">{t('catalog.variants')}</th>
                <th scope="col">{t('catalog.price')}</th>
                <th scope="col">{t('catalog.status')}</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/products/${p.id}`}>{p.title}</Link>
                  </td>
                  <td>{p.category.label}</td>
                  <td>{p.variants.map((v) => v.sku).join(', ')}</td>
                  <td>{p.variants[0] ? money(p.variants[0].price.amountMinor, p.variants[0].price.currency) : '—'}</td>
                  <td>{t(`catalog.status.${p.status}` as MessageKey)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          <nav className="actions" aria-label={t('catalog.pages')}>
            <p role="status">{t('catalog.products.range', { from: number(page.offset + 1), to: number(page.offset + page.items.length), total: number(page.total) })}</p>
            <button type="button" className="secondary" disabled={offset === 0} onClick={() => go({ offset: Math.max(0, offset - PAGE) })}>
              {t('catalog.previous')}
            </button>
            <button type="button" className="secondary" disabled={offset + page.items.length >= page.total} onClick={() => go({ offset: offset + PAGE })}>
              {t('catalog.next')}
            </button>
          </nav>
        </>
      ) : null}
    </section>
  );
}
